import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { statusText } from '../../../bot/commands/builtin/status-command.js'
import { admin, cust, customer, DICTIONARY, start } from './setup.js'

/** The file watcher is infrastructure: capture the callback it would call, and call it directly. */
const watchers: { files: string[]; onChange: () => void }[] = []
vi.mock('../../../plugins/content/dictionary/watch.js', () => ({
  watchDictionaries: (files: string[], onChange: () => void) => {
    watchers.push({ files, onChange })
    return () => {}
  },
}))

function tempDictionary(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'content-dict-')), 'dictionary.yaml')
  copyFileSync(DICTIONARY, file)
  return file
}

describe('hot reload of the dictionary', () => {
  it('picks up a changed file, keeps the previous dictionary when the new one is broken, and tells the admins why', async () => {
    const file = tempDictionary()
    const h = await start('watch: true', [file])
    const watcher = watchers.at(-1)!
    expect(watcher.files).toEqual([file])
    const original = readFileSync(file, 'utf8')

    writeFileSync(
      file,
      original
        .replace('terms: [斗地主]', 'terms: [斗地主, 代购茅台]')
        .replace('label: 闲聊\n    severity: low', 'label: 闲聊\n    severity: medium'),
    )
    watcher.onChange()
    await h.post(customer, cust, '代购茅台，要的私聊')
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin')[0]).toBe('✅ 词库已重新加载（版本 2）：5 类 11 个词，链接白名单 2 个域名')
    expect(h.audit().find(a => a.type === 'warn')?.text).toContain('违反群规：禁止发布违规内容')

    const broken = original.replace('    terms: [内部价格表, 成本价]', '    termz: [内部价格表, 成本价]')
    writeFileSync(file, broken)
    const line = broken.split('\n').findIndex(l => l.includes('termz')) + 1
    watcher.onChange()
    watcher.onChange()
    await h.post(customer, cust, '代购茅台便宜出', {}, 20 * 60_000)
    await h.drain()
    const notices = h.wechat.textsTo('wxid_admin').filter(t => t.includes('继续使用旧词库'))
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain('继续使用旧词库（版本 2）')
    expect(notices[0]).toContain(
      `${file}:${line}: categories.confidential.termz: 未知的设置项，是不是 terms？（unknown key, did you mean terms?）`,
    )
    expect(h.audit().filter(a => a.type === 'warn')).toHaveLength(2)
    expect(statusText(h.rt)).toContain('⚠️ 词库重载失败')
    expect(statusText(h.rt).split('\n')[0]).toBe('健康：⚠️ 词库重载失败')

    writeFileSync(file, original)
    await h.post(admin, undefined, '#词库 重载')
    await h.post(customer, cust, '代购茅台', {}, 20 * 60_000)
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin').at(-1)).toBe('✅ 词库已重新加载（版本 3）：5 类 10 个词，链接白名单 2 个域名')
    expect(h.audit().filter(a => a.type === 'warn')).toHaveLength(2)
    expect(statusText(h.rt)).not.toContain('重载失败')
    expect(statusText(h.rt).split('\n')[0]).toBe('健康：✅ 正常')
  })

  it('answers #词库 重载 with the problems when the file is broken', async () => {
    const file = tempDictionary()
    const h = await start('', [file])
    writeFileSync(file, 'categories:\n  ad:\n    label: 广告\n    severity: urgent\n    terms: [日赚]\n')
    await h.post(admin, undefined, '#词库 重载')
    await h.drain()
    const [reply] = h.wechat.textsTo('wxid_admin')
    expect(reply).toMatch(
      /^⚠️ 词库文件有 1 个问题，继续使用旧词库（版本 1）：\n.*dictionary\.yaml:4: categories\.ad\.severity: /,
    )
  })

  it('sends one message, not a notice and an answer, when #词库 重载 follows the watcher on the same broken file', async () => {
    const file = tempDictionary()
    const h = await start('watch: true', [file])
    writeFileSync(file, 'categories:\n  ad:\n    label: 广告\n    severity: urgent\n    terms: [日赚]\n')
    watchers.at(-1)!.onChange() // the notice is queued for the next event: the admin's command
    await h.post(admin, undefined, '#词库 重载')
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin').filter(t => t.includes('继续使用旧词库'))).toHaveLength(1)
  })

  it("refuses a reloaded dictionary that would flag the bot's own warnings, and keeps the previous one", async () => {
    const file = tempDictionary()
    const h = await start('watch: true', [file])
    const watcher = watchers.at(-1)!
    // Every warning says 「…的消息违反群规」: another bot with 违反群规 listed would flag it (the ad rule it quotes,
    // 「禁止发布与工作无关的商业广告」, is a ban: its 商业广告 is talked about, not said).
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'terms: [兼职刷单, 日赚, 扫码进群]',
        'terms: [兼职刷单, 日赚, 扫码进群, 违反群规]',
      ),
    )
    watcher.onChange()
    await h.post(customer, cust, '兼职刷单日赚三百')
    await h.drain()
    const [notice] = h.wechat.textsTo('wxid_admin').filter(t => t.includes('继续使用旧词库'))
    expect(notice).toContain('继续使用旧词库（版本 1）')
    expect(notice).toContain('机器人自己对类别 ad「无关商业广告」的警告会被词库命中：「违反群规」(ad)')
    expect(h.audit().filter(a => a.type === 'warn')).toHaveLength(1)
  })

  it("skips the bot's own edit: #词库 添加 reloads once, and the watcher that sees the file's new time reloads nothing", async () => {
    const file = tempDictionary()
    const h = await start('watch: true', [file])
    const watcher = watchers.at(-1)!
    await h.post(admin, undefined, '#词库 添加 ad 秒杀群')
    watcher.onChange() // the poll that sees the bot's own write
    await h.post(customer, cust, '秒杀群拉人了', {}, 20 * 60_000)
    await h.drain()
    const toAdmin = h.wechat.textsTo('wxid_admin')
    expect(toAdmin.filter(t => t.includes('词库已重新加载'))).toEqual([
      expect.stringMatching(/^✅ 已添加词条「秒杀群」（ad），写入 .*，词库已重新加载（版本 2）。$/),
    ])
    expect(h.audit().filter(a => a.type === 'warn')).toHaveLength(1)

    // Someone else's edit of the same file still reloads.
    writeFileSync(file, readFileSync(file, 'utf8').replace('terms: [斗地主]', 'terms: [斗地主, 代购茅台]'))
    watcher.onChange()
    await h.post(customer, cust, '你好', {}, 20 * 60_000)
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin').at(-1)).toMatch(/^✅ 词库已重新加载（版本 3）/)
  })
})
