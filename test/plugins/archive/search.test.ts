import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Archiver } from '../../../plugins/archive/capture/archiver.js'
import { archiveConfigSchema } from '../../../plugins/archive/config.js'
import { MemoryArchive } from '../../../plugins/archive/store/memory-backend.js'
import type { ArchiveQuery, SearchResult } from '../../../plugins/archive/search/query.js'
import { MONDAY_9AM, text } from '../../helpers/harness.js'
import { admin, auditor, customer, customers, li, sales, setup, testArchive, zhang } from './setup.js'

const cfg = archiveConfigSchema.parse({})

const DAY = 86_400_000

/** A conversation over two days in both groups. */
async function history() {
  const h = await setup()
  await h.say(customer, '你好，想了解净水器', customers)
  await h.say(zhang, '刘总您好，我们有三款', customers)
  await h.say(customer, '退款流程是怎样的？', customers)
  await h.say(zhang, '七天无理由退款', customers)
  await h.say(li, '今天的退款申请汇总一下', sales)
  await h.say(li, '[图片]', sales, { kind: 'image', attachment: { fileName: '退款截图.jpg' } })
  await h.clock.advance(DAY)
  const late = await h.say(customer, '我再考虑退款的事', customers)
  await h.say(customer, late.id, customers, { kind: 'recalled' })
  return h
}

describe('archive: search in chat', () => {
  it('finds a word in every chat, newest first, with the messages before and after', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 退款')
    const reply = h.to('aud1')
    expect(reply).toContain('🔎 记录搜索 「退款」 · 2026-11-02 至 2026-12-01 · 全部会话：共 5 条')
    expect(reply).toContain('1. [张三交流群（客户群）] 12-01 09:01 刘总：我再考虑退款的事（已撤回）')
    expect(reply).toContain('[销售部工作群（内部群）] 11-30 09:00 李四-南宁：[图片 退款截图.jpg]')
    expect(reply).toMatch(
      /刘总：退款流程是怎样的？\n {3}↑ 11-30 09:00 张三：刘总您好，我们有三款\n {3}↓ 11-30 09:00 张三：七天无理由退款/,
    )
  })

  it('narrows by group, date, member and type', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 退款 客户群 2026-11-30')
    expect(h.to('aud1')).toContain('「退款」 · 2026-11-30 至 2026-11-30 · 客户群：共 2 条')
    await h.say(auditor, '#记录 搜索 退款 人:张三')
    expect(h.to('aud1')).toContain('「退款」 · 成员 张三 · 2026-11-02 至 2026-12-01 · 全部会话：共 1 条')
    await h.say(auditor, '#记录 搜索 人:li 类型:图片')
    expect(h.to('aud1')).toContain('成员 li · 类型 图片 · 2026-11-02 至 2026-12-01 · 全部会话：共 1 条')
    await h.say(auditor, '#记录 搜索 退款 销售群 2026-12-01')
    expect(h.to('aud1')).toContain('「退款」 · 2026-12-01 至 2026-12-01 · 销售群：共 0 条')
  })

  it('takes the common date words as the period, never as search text; nothing found names the text and the period', async () => {
    const h = await history() // 11-30 and 12-01
    const last = () => h.wechat.textsTo('aud1').at(-1) ?? ''
    await h.say(auditor, '#记录 搜索 退款 上个月')
    expect(last()).toContain('🔎 记录搜索 「退款」 · 2026-11-01 至 2026-11-30 · 全部会话：共 4 条')
    await h.say(auditor, '#记录 搜索 退款 这个月')
    expect(last()).toContain('「退款」 · 2026-12-01 至 2026-12-01 · 全部会话：共 1 条')
    await h.say(auditor, '#记录 搜索 退款 2026-11')
    expect(last()).toContain('「退款」 · 2026-11-01 至 2026-11-30 · 全部会话：共 4 条')
    await h.say(auditor, '#记录 搜索 退款 前天')
    expect(last().split('\n')).toEqual([
      '🔎 记录搜索 「退款」 · 2026-11-29 至 2026-11-29 · 全部会话：共 0 条',
      expect.stringMatching(/^没有找到：搜索文字「退款」，时间 2026-11-29 至 2026-11-29（前天）。时间可写：今天、/),
    ])
    await h.say(auditor, '#记录 搜索 退货')
    expect(last()).toContain('没有找到：搜索文字「退货」，时间 2026-11-02 至 2026-12-01（默认最近 30 天）。')
  })

  it('shows a recall with the time and start of the message taken back, or that it is no longer archived', async () => {
    const h = await history()
    await h.say(customer, 'gone-before-archive', customers, { kind: 'recalled' })
    await h.say(auditor, '#记录 搜索 人:刘总 类型:撤回')
    const reply = h.to('aud1')
    expect(reply).toContain('刘总：撤回了一条消息（12-01 09:01 的「我再考虑退款的事」）')
    expect(reply).toContain('刘总：撤回了一条消息（原消息已不在记录中）')
    expect(reply).not.toMatch(/撤回了一条消息（(m\d+|gone-before-archive)）/)
  })

  it('群:名 narrows to a group by part of its title; an unknown one is named, not searched for', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 退款 群:张三')
    expect(h.to('aud1')).toContain('「退款」 · 2026-11-02 至 2026-12-01 · 张三（张三交流群）：共 3 条') // the groups picked, named
    const last = () => h.wechat.textsTo('aud1').at(-1)
    await h.say(auditor, '#记录 搜索 退款 群:财务部')
    expect(last()).toBe('找不到群「财务部」。有记录的群：张三交流群、销售部工作群')
    await h.say(auditor, '#记录 导出 群:财务部')
    expect(last()).toBe('找不到群「财务部」。有记录的群：张三交流群、销售部工作群')
  })

  it('answers a date that does not exist or a reversed range, rather than searching it as a word or exporting nothing', async () => {
    const h = await history()
    const last = () => h.wechat.textsTo('aud1').at(-1)
    await h.say(auditor, '#记录 搜索 退款 2026-13-01')
    expect(last()).toBe('「2026-13-01」不是有效的日期，请写成年-月-日，例如 2026-12-01。')
    await h.say(auditor, '#记录 导出 2026-12-06~2026-12-01')
    expect(last()).toBe('日期范围的开始 2026-12-06 晚于结束 2026-12-01，请写成 2026-12-01~2026-12-06。')
    expect(h.wechat.sent.some(s => s.file)).toBe(false)
    await h.say(auditor, '#记录 搜索 退款 2026/11/30')
    expect(last()).toContain('「退款」 · 2026-11-30 至 2026-11-30 · 全部会话：共 4 条')
  })

  it('a search word that is part of a group name, finding nothing, gets a hint to write 群:', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 退款 销售部')
    expect(h.to('aud1')).toContain(
      '共 0 条\n没有找到：搜索文字「退款 销售部」，时间 2026-11-02 至 2026-12-01（默认最近 30 天）。',
    )
    expect(h.to('aud1')).toContain(
      '。\n提示：「销售部」按搜索词查找；若要只查某个群，请写 群:销售部（相近的群：销售部工作群）',
    )
  })

  it('an export or a search with hits whose word is part of a group name gets the 群: hint with its answer', async () => {
    const h = await history()
    await h.say(auditor, '#记录 导出 交流 2026-11-30')
    const exported = h.wechat.textsTo('aud1').find(t => t.startsWith('📦')) ?? ''
    expect(exported.split('\n')).toEqual([
      expect.stringMatching(
        /^📦 已导出 「交流」 · 2026-11-30 至 2026-11-30 · 全部会话 · csv：共 \d+ 条，文件随后私聊发送。$/,
      ),
      '提示：「交流」按搜索词查找；若要只查某个群，请写 群:交流（相近的群：张三交流群）',
    ])
    await h.say(li, '销售部本周目标已发', sales)
    await h.say(auditor, '#记录 搜索 销售部')
    const found = h.wechat.textsTo('aud1').at(-1) ?? ''
    expect(found).toContain('「销售部」 · 2026-11-02 至 2026-12-01 · 全部会话：共 1 条')
    expect(found.split('\n').at(-1)).toBe(
      '提示：「销售部」按搜索词查找；若要只查某个群，请写 群:销售部（相近的群：销售部工作群）',
    )
  })

  it('writes every search to the audit log and the access log, with who and what', async () => {
    const h = await history()
    await h.say(admin, '#记录 搜索 退款 客户群')
    const entry = h.rt.audit.query({ plugin: 'archive' }).find(e => e.rule === 'archive.search')
    expect(entry).toMatchObject({
      memberId: 'admin1',
      text: '搜索 「退款」 · 2026-11-02 至 2026-12-01 · 客户群，命中 3 条',
    })
    const searches = (await h.backend.readAccess('2026-12-01', '2026-12-01')).filter(e => e.action === 'search')
    expect(searches).toEqual([
      {
        v: 1,
        at: h.clock.now() - 10_000,
        who: 'admin1',
        action: 'search',
        detail: '「退款」 · 2026-11-02 至 2026-12-01 · 客户群',
        count: 3,
      },
    ])
  })

  it('refuses staff, and refuses the command inside a group (the archive is never sent into a group)', async () => {
    const h = await history()
    await h.say(zhang, '#记录 搜索 退款')
    expect(h.to('zhang')).toBe('⛔ 没有权限：#记录 需要「审计员」或「管理员」角色。')
    expect(h.rt.audit.query({ plugin: 'runtime' }).find(e => e.type === 'refused')).toMatchObject({ memberId: 'zhang' })
    await h.say(auditor, '#记录 搜索 退款', sales)
    expect(h.to('r-sales')).toContain('#记录 请私聊机器人使用。')
    expect(h.to('r-sales')).not.toContain('退款流程')
  })

  it('answers with the usage when no word or member is given', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 客户群')
    expect(h.to('aud1')).toContain('请给出要搜索的词或成员。')
    await h.say(auditor, '#记录')
    expect(h.to('aud1')).toContain('用法：#记录 搜索 <词> [群:群名] [日期] [人:成员] [类型:图片] [含命令]')
  })

  it('shows an auditor only the parts they may use (保全 is for admins), as #帮助 does', async () => {
    const h = await history()
    const last = (id: string) => h.wechat.textsTo(id).at(-1)
    await h.say(auditor, '#记录')
    expect(last('aud1')).toBe(
      '用法：#记录 搜索 <词> [群:群名] [日期] [人:成员] [类型:图片] [含命令]；#记录 导出 [群:群名] [日期] [人:成员] [csv|html|md|jsonl]；#记录 校验码 [日期]',
    )
    await h.say(auditor, '#记录 保存')
    expect(last('aud1')).toContain('#记录 没有「保存」这个用法。')
    expect(last('aud1')).not.toContain('保全')
    await h.say(admin, '#记录')
    expect(last('admin1')).toContain('；#记录 保全 [群 开|关]')
    await h.say(admin, '#记录 保存')
    expect(last('admin1')).toContain('您是不是要找 #记录 保全？')
  })

  it('answers a mistyped subcommand with the nearest one, as for a mistyped command', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜素 价格')
    expect(h.to('aud1')).toContain('#记录 没有「搜素」这个用法。您是不是要找 #记录 搜索？')
  })
})

describe('archive: search through the index (the file back end, or PostgreSQL’s keys under test:pg)', () => {
  it('finds what a full scan finds, also for quotes, backslashes, case and mixed scripts', async () => {
    const { backend: file } = await testArchive()
    const memory = new MemoryArchive()
    const texts = ['说 "OK" 了', 'C:\\报价\\v2', 'iPhone 退款', 'iphone退款 2台', '退', '新品 PRO 版', '普通消息']
    const events = texts.map((t, i) => text(i % 2 ? zhang : li, t, MONDAY_9AM + i * 60_000, sales))
    events.push(text(li, events[0].id, MONDAY_9AM + 9 * 60_000, sales, { kind: 'recalled' }))
    for (const backend of [file, memory]) {
      const archiver = new Archiver(backend, 'Asia/Shanghai')
      for (const ev of events) await archiver.capture(ev, ev.sender.name, cfg)
      await archiver.idle()
    }
    const queries = (
      [
        { words: ['"ok"'] },
        { words: ['\\报价\\'] },
        { words: ['IPHONE', '退款'] },
        { words: ['退'] },
        { words: ['pro'], member: 'zhang' },
        { member: '李四', types: ['text'] },
        { words: ['退款'], types: ['image'] },
      ] as Omit<ArchiveQuery, 'from' | 'to'>[]
    ).map(q => ({ from: '2026-11-30', to: '2026-11-30', ...q }))
    const ids = (r: SearchResult) => r.hits.map(h => `${h.record.text}${h.recalled ? '（已撤回）' : ''}`)
    for (const q of queries)
      expect(ids(await file.search(q, 10)), JSON.stringify(q)).toEqual(ids(await memory.search(q, 10)))
    expect(ids(await file.search(queries[2], 10))).toEqual(['iphone退款 2台', 'iPhone 退款'])
    expect((await file.search(queries[3], 10)).total).toBe(3)
    expect(ids(await file.search({ from: '2026-11-30', to: '2026-11-30', words: ['"OK"'] }, 10))).toEqual([
      '说 "OK" 了（已撤回）',
    ])
  })
})

describe('archive: export in chat', () => {
  it('sends the auditor a CSV file privately, and audits the export', async () => {
    const h = await history()
    await h.say(auditor, '#记录 导出 客户群 2026-11-30')
    expect(h.to('aud1')).toContain('📦 已导出 2026-11-30 至 2026-11-30 · 客户群 · csv：共 4 条，文件随后私聊发送。')
    const sent = h.wechat.sent.find(s => s.file)
    expect(sent?.chat).toEqual({ contact: 'aud1' })
    const csv = readFileSync(sent?.file ?? '', 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.trim().split('\r\n')).toHaveLength(5)
    expect(csv).toContain('退款流程是怎样的？')
    expect(h.rt.audit.query({ plugin: 'archive' }).find(e => e.rule === 'archive.export')).toMatchObject({
      memberId: 'aud1',
      text: '导出 2026-11-30 至 2026-11-30 · 客户群 · csv，共 4 条',
    })
  })

  it('sends the file also while the archive is in observe mode (the answer to the asker always goes out)', async () => {
    const h = await history()
    h.rt.modes.set('archive', true)
    await h.say(auditor, '#记录 导出 客户群 2026-11-30')
    expect(h.wechat.sent.find(s => s.file)?.chat).toEqual({ contact: 'aud1' })
  })

  it('exports an HTML transcript with `html`, sent privately', async () => {
    const h = await history()
    await h.say(auditor, '#记录 导出 客户群 2026-11-30 html')
    expect(h.to('aud1')).toContain('📦 已导出 2026-11-30 至 2026-11-30 · 客户群 · html：共 4 条，文件随后私聊发送。')
    const sent = h.wechat.sent.find(s => s.file)
    expect(sent?.chat).toEqual({ contact: 'aud1' })
    expect(sent?.file).toMatch(/\.html$/)
    const html = readFileSync(sent?.file ?? '', 'utf8')
    expect(html).toContain('<h2>张三交流群（客户群）</h2>')
    expect(html).toContain('退款流程是怎样的？')
  })

  it('exports a Markdown transcript of one member when asked, and refuses staff', async () => {
    const h = await history()
    await h.say(admin, '#记录 导出 人:刘总 最近7天 格式:md')
    const md = readFileSync(h.wechat.sent.find(s => s.file)?.file ?? '', 'utf8')
    expect(md).toContain('## 张三交流群（客户群）')
    expect(md).toContain('**刘总**：退款流程是怎样的？')
    expect(md).not.toContain('**张三**')
    await h.say(zhang, '#记录 导出 客户群')
    expect(h.to('zhang')).toBe('⛔ 没有权限：#记录 需要「审计员」或「管理员」角色。')
  })
})

describe('archive: search leaves out command conversations with the bot', () => {
  it("leaves out a command typed in a group and the bot's answer there, unless asked with 含命令", async () => {
    const h = await history()
    h.wechat.addGroup(sales, [admin, li]) // a group the bot is in: what it says there is archived
    await h.say(admin, '#记录 搜索 净水器', sales) // refused in a group: the command and the bot's answer are archived
    await h.say(auditor, '#记录 搜索 净水器')
    const plain = h.to('aud1').split('🔎').at(-1) ?? ''
    expect(plain).toContain('全部会话：共 1 条')
    expect(plain).toContain('刘总：你好，想了解净水器')
    expect(plain).not.toContain('陈管理：#记录')
    await h.say(auditor, '#记录 搜索 请私聊')
    expect(h.to('aud1').split('🔎').at(-1)).toContain('全部会话：共 0 条')
    // Nothing found, but 含命令 would find the bot's answer: the auditor is told how many and how to see them.
    expect(h.to('aud1').split('🔎').at(-1)).toContain('另有 1 条命令/机器人消息（默认不搜索），加「含命令」查看。')
    // Asked for, they are found (the earlier answers quote the word too, so the last answer is read from its head).
    const answer = () => h.to('aud1').slice(h.to('aud1').lastIndexOf('\n🔎 记录搜索'))
    await h.say(auditor, '#记录 搜索 净水器 含命令')
    expect(answer()).toContain('全部会话 · 含命令：共')
    expect(answer()).toContain('陈管理：#记录 搜索 净水器')
    await h.say(auditor, '#记录 搜索 请私聊 销售群 含命令')
    expect(answer()).toContain('销售群 · 含命令：共 1 条')
    expect(answer()).toMatch(/#记录 请私聊机器人使用/)
  })

  it("never lists the asker's earlier searches or the bot's answers, and keeps other private messages", async () => {
    const h = await history()
    await h.say(zhang, '刘总说退款要加急，麻烦看一下') // a private message to the bot that is not a command
    for (const words of ['退款', '退款流程']) {
      await h.say(auditor, `#记录 搜索 ${words}`)
      await h.say(auditor, `#记录 搜索 ${words}`) // again: the first search and its answer are archived by now
      const answer = h.to('aud1').split('🔎').at(-1) ?? ''
      expect(answer).not.toContain('#记录')
      expect(answer).not.toContain('王审计：')
      expect(answer).not.toContain('🔎')
      if (words === '退款') {
        expect(answer).toContain('全部会话：共 6 条') // history's 5 and 张三's private message
        expect(answer).toContain('张三：刘总说退款要加急，麻烦看一下')
      } else expect(answer).toContain('全部会话：共 1 条')
    }
  })
})

describe('archive: #帮助 and the legal hold agree', () => {
  it("an auditor's #帮助 offers search and export, not the hold (admins'), and #记录 保全 refuses them", async () => {
    const h = await setup()
    await h.say(auditor, '#帮助')
    const help = h.to('aud1')
    expect(help.split('\n').at(-1)).toBe(
      '#记录 搜索 <词> [群:群名] [日期] [人:成员] [类型:图片] [含命令]；#记录 导出 [群:群名] [日期] [人:成员] [csv|html|md|jsonl]' +
        '；#记录 校验码 [日期]  信息记录：搜索聊天记录（仅私聊）；导出聊天记录；存档校验码：某天（默认昨天）的记录现在给出的校验码，与当天发出的是否一致',
    )
    expect(help).not.toContain('#记录 保全')
    expect(help).not.toContain('法律保全')
    await h.say(auditor, '#记录 保全')
    expect(h.wechat.textsTo('aud1').at(-1)).toBe('⛔ 没有权限：法律保全需要「管理员」角色。')
    await h.say(admin, '#帮助')
    expect(h.to('admin1')).toContain(
      '#记录 保全 [群 开|关]  信息记录：搜索聊天记录（仅私聊）；导出聊天记录；存档校验码：某天（默认昨天）的记录现在给出的校验码，与当天发出的是否一致；法律保全（到期记录暂停清理）',
    )
  })
})
