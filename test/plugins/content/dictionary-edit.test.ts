import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DICTIONARY } from '../../../plugins/content/config.js'
import { admin, cust, DICTIONARY, spammer, start } from './setup.js'

/** A runtime over a writable copy of the test dictionary. */
async function withCopy(sandboxed = false) {
  const file = join(mkdtempSync(join(tmpdir(), 'dict-edit-')), 'company.yaml')
  copyFileSync(DICTIONARY, file)
  const h = await start('', [file], sandboxed)
  const ask = async (text: string) => {
    await h.post(admin, undefined, text)
    await h.drain()
    return h.wechat.textsTo(admin.id).at(-1) ?? ''
  }
  return { ...h, file, ask }
}

describe('#词库 添加 / 删除 / 允许', () => {
  it('adds a term: written into the file with its comments kept, reloaded, audited', async () => {
    const h = await withCopy()
    expect(await h.ask('#词库 添加 ad 代购')).toContain('✅ 已添加词条「代购」（ad）')
    const text = readFileSync(h.file, 'utf8')
    expect(text).toContain('# Small dictionary for the content plugin tests.')
    expect(text).toContain('terms: [兼职刷单, 日赚, 扫码进群, 代购]')
    await h.post(spammer, cust, '专业代购，价格美丽')
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    expect(h.audit().map(a => a.rule)).toContain('content.dictionary.edit')
  })

  it('allows a phrase and removes a term', async () => {
    const h = await withCopy()
    await h.ask('#词库 添加 ad 代购')
    expect(await h.ask('#词库 允许 ad 禁止代购')).toContain('已添加允许短语「禁止代购」')
    await h.post(spammer, cust, '群里禁止代购')
    expect(await h.ask('#词库 删除 ad 代购')).toContain('已删除「代购」')
    expect(readFileSync(h.file, 'utf8')).not.toMatch(/terms: \[[^\]]*代购/)
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toEqual([])
  })

  it('refuses an allowed phrase that would switch a term off, says why, and leaves the file alone', async () => {
    const h = await withCopy()
    const before = readFileSync(h.file, 'utf8')
    expect(await h.ask('#词库 允许 ad 日赚')).toBe(
      '未添加允许短语「日赚」（ad）：它就是词条「日赚」，允许它这个词条就再也不会命中（要停用词条请用 #词库 删除 ad 日赚）。',
    )
    expect(await h.ask('#词库 允许 ad 兼职 刷单')).toContain('它就是词条「兼职刷单」')
    expect(await h.ask('#词库 允许 ad 刷单')).toContain('它是词条「兼职刷单」的一部分，挡不住任何命中')
    expect(await h.ask('#词库 允许 ad 赚')).toContain('只有一个字，含这个字的命中都会不算')
    expect(readFileSync(h.file, 'utf8')).toBe(before)
    expect(h.audit().filter(a => a.rule === 'content.dictionary.edit')).toEqual([])
    expect(h.audit().filter(a => a.rule === 'content.dictionary.edit-refused')).toHaveLength(4)
    // The term still acts.
    await h.post(spammer, cust, '在家日赚三百')
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
  })

  it('shows the warnings an edit brings (a term now in two categories) with the ✅', async () => {
    const h = await withCopy()
    const reply = await h.ask('#词库 添加 ad 成本价')
    expect(reply).toContain('✅ 已添加词条「成本价」（ad）')
    expect(reply).toContain('⚠️ 改后词库的提示（请检查）：')
    expect(reply).toMatch(
      /: 词 "成本价" 同时在类别 ad（.*:\d+）和 confidential 里（term "成本价" is in both ad and confidential）$/m,
    )
    expect(await h.ask('#词库 添加 ad 代购')).not.toContain('⚠️')
    // `#词库` keeps showing it, at its file and line, Chinese first.
    expect(await h.ask('#词库')).toMatch(
      /^提示 1 条：\n.*\.yaml:\d+: 词 "成本价" 同时在类别 ad（.*\.yaml:\d+）和 confidential 里（/m,
    )
  })

  it('refuses an edit that would make the bot flag its own warnings, and restores the file', async () => {
    const h = await withCopy()
    const before = readFileSync(h.file, 'utf8')
    // Every warning starts 「…的消息违反群规」; the rule it quotes (禁止发布…商业广告) is a ban, talked about, not said.
    expect(await h.ask('#词库 添加 ad 违反群规')).toContain(
      '未添加词条「违反群规」（ad）：改后的词库不能使用，已恢复原文件',
    )
    expect(readFileSync(h.file, 'utf8')).toBe(before)
  })

  it('takes a Chinese label that names one category (广告 → ad)', async () => {
    const h = await withCopy()
    expect(await h.ask('#词库 添加 广告 刷单返利')).toContain('✅ 已添加词条「刷单返利」（ad）')
  })

  it('answers unknown categories and missing words with the usage', async () => {
    const h = await withCopy()
    expect(await h.ask('#词库 添加 nosuch 代购')).toContain(
      '没有「nosuch」这个类别。现有类别：ad（无关商业广告）、contact',
    )
    expect(await h.ask('#词库 添加 ad')).toContain('用法：#词库 添加 <类别> <词>')
    expect(await h.ask('#词库 删除 ad 不存在的词')).toContain('不在类别 ad 的词条或允许短语里')
  })

  it('writes no dictionary file in the sandbox or a replay (the files may be a running bot’s)', async () => {
    const h = await withCopy(true)
    const before = readFileSync(h.file, 'utf8')
    expect(await h.ask('#词库 添加 ad 代购')).toContain('沙盒和回放不修改词库文件')
    expect(readFileSync(h.file, 'utf8')).toBe(before)
  })

  it('never writes the shipped default dictionary', async () => {
    const h = await start('', [DEFAULT_DICTIONARY])
    await h.post(admin, undefined, '#词库 添加 ad 代购')
    await h.drain()
    expect(h.wechat.textsTo(admin.id).at(-1)).toContain('配置里只有自带词库，不能改它')
  })
})

/** A runtime over the shipped dictionary and a writable company file after it (as the example config has). */
async function withCompany(lines: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'dict-edit-')), 'company.yaml')
  writeFileSync(file, `${lines.join('\n')}\n`)
  const h = await start('', [DEFAULT_DICTIONARY, file])
  const ask = async (text: string) => {
    await h.post(admin, undefined, text)
    await h.drain()
    return h.wechat.textsTo(admin.id).at(-1) ?? ''
  }
  const customerSays = async (text: string) => {
    await h.post(spammer, cust, text)
    await h.drain()
    return h.wechat.textsTo(cust.id).length
  }
  return { ...h, file, ask, customerSays }
}

describe('#词库 with the shipped dictionary and a company file (newuser9)', () => {
  it('switches a shipped term off for this company with #词库 删除, and on again with #词库 添加', async () => {
    const h = await withCompany(['categories:', '  ad:', '    # 常见的刷单广告', '    terms: [刷单返利]'])
    const shipped = readFileSync(DEFAULT_DICTIONARY, 'utf8')
    // The allowed-phrase refusal sends the admin to #词库 删除, and that works.
    expect(await h.ask('#词库 允许 ad 日赚')).toContain('要停用词条请用 #词库 删除 ad 日赚')
    expect(await h.ask('#词库 删除 ad 日赚')).toMatch(
      /^✅ 已停用自带词库的「日赚」（ad）：写入 .*company\.yaml 的 disable 列表（自带词库不改），词库已重新加载（版本 \d+）。恢复：#词库 添加 ad 日赚$/,
    )
    expect(readFileSync(h.file, 'utf8')).toContain('    disable: [日赚]')
    expect(await h.customerSays('在家日赚三百')).toBe(0)
    expect(await h.ask('#词库 添加 ad 日赚')).toContain('✅ 已添加词条「日赚」（ad）')
    expect(readFileSync(h.file, 'utf8')).not.toContain('日赚')
    expect(await h.customerSays('在家日赚三百')).toBe(1)
    expect(readFileSync(DEFAULT_DICTIONARY, 'utf8')).toBe(shipped)
  })

  it("matches a company's term that the shipped dictionary has as slang, and #词库 测试 shows the hit", async () => {
    const h = await withCompany(['categories:', '  confidential:', '    terms: [经销商底价]'])
    expect(await h.ask('#词库 添加 confidential 出厂价')).toContain('✅ 已添加词条「出厂价」（confidential）')
    expect(await h.ask('#词库 添加 confidential 出厂价')).toBe('「出厂价」已在类别 confidential 里，未改动。')
    expect(await h.ask('#词库 测试 咱们的出厂价是多少')).toContain('词条「出厂价」')
  })
})
