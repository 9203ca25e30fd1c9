import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CASES_META_DOC } from '../../../plugins/cases/state.js'
import type { MessageEvent } from '../../../bot/core/event.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import type { Store } from '../../../bot/ports/store/store.js'
import { casesPlugin } from '../../../plugins/cases/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], trainer: [trainer1], staff: [zhang, li, du] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 南宁群, topic: 南宁区域群, kind: internal }
  - { name: 客户群, topic: 张三交流群, kind: customer }
`
const sales = group('r-sales', '销售部工作群', 'internal', '销售群')
const nanning = group('r-nn', '南宁区域群', 'internal', '南宁群')
const customers = group('r-cust', '张三交流群', 'customer', '客户群')
const zhang = member('zhang', '张三')
const li = member('li', '李四')
const admin = member('admin1', '陈管理')
const trainer = member('trainer1', '刘老师')
const customer = member('c1', '刘总')

const DEAL = `#成交
客户：刘总（连锁餐饮）
行业：餐饮
产品：商用净水器
金额：8.6万
难点：客户觉得价格比竞品高，价格异议很大
做法：先做免费水质检测，再算三年滤芯成本
结果：签约
心得：别急着降价，先讲清楚价值`

async function setup(config = CONFIG, store?: Store) {
  // Its own output folder: digests of the same week from other test files must not overwrite these.
  const outputDir = mkdtempSync(join(tmpdir(), 'cases-test-'))
  const h = await makeRuntime(config, [casesPlugin], { outputDir, store })
  /** Send as `from` (in group `g`, or privately) and let the outbox deliver. */
  const say = async (from: typeof zhang, body: string, g?: typeof sales, extra: Partial<MessageEvent> = {}) => {
    await h.rt.handle(text(from, body, h.clock.now(), g, extra))
    await h.clock.advance(10_000)
  }
  const image = (from: typeof zhang, g?: typeof sales, fileName = '截图.jpg') =>
    say(from, '[图片]', g, { kind: 'image', attachment: { fileName } })
  const to = (chat: string) => h.wechat.textsTo(chat).join('\n')
  return { ...h, say, image, to }
}

describe('cases plugin: capture', () => {
  it('captures a templated deal and confirms with the id and recognised fields', async () => {
    const { say, to } = await setup()
    await say(zhang, DEAL, sales)
    expect(to('r-sales')).toMatch(
      /已记录成交案例 C1「刘总（连锁餐饮） · 餐饮 · 商用净水器 · 8\.6万」，识别到 客户\/行业\/产品\/金额\/难点\/做法\/结果\/心得/,
    )
    await say(zhang, '#案例 查看 C1', sales)
    expect(to('r-sales')).toContain('做法：先做免费水质检测')
  })

  it('keeps free text whole and titles it by its first line', async () => {
    const { say, to } = await setup()
    await say(li, '#问题 客户说我们比网上贵了300块，价格异议怎么处理？\n他还说要再比较一下', nanning)
    expect(to('r-nn')).toContain('已记录问题案例 C1「客户说我们比网上贵了300块，价格异议怎么处理？」')
    await say(li, '#case view c1', nanning)
    expect(to('r-nn')).toContain('他还说要再比较一下')
  })

  it('answers a bare tag with usage help showing the template, and stores nothing', async () => {
    const { say, to } = await setup()
    await say(zhang, '#经验', sales)
    expect(to('r-sales')).toMatch(/用法：#经验 后面写案例内容[\s\S]*客户：\n行业：/)
    await say(zhang, '#案例 查看 C1', sales)
    expect(to('r-sales')).toContain('没有找到案例 C1')
  })

  it('tells a trainer who sends a bare #案例 how to ask for the digest; other staff are not offered it', async () => {
    const { say, to, wechat } = await setup()
    await say(trainer, '#案例')
    expect(to('trainer1')).toContain(
      '搜索：#案例 搜索 关键词；查看：#案例 查看 编号；周报：#案例 周报 [本周|上周|本月]',
    )
    await say(zhang, '#案例')
    expect(wechat.textsTo('zhang').at(-1)).toMatch(/搜索：#案例 搜索 关键词；查看：#案例 查看 编号$/)
  })

  it('does not store an identical re-post twice (whitespace differences ignored)', async () => {
    const { say, to } = await setup()
    await say(zhang, DEAL, sales)
    await say(zhang, DEAL.replace(/\n/g, '\n  '), nanning)
    expect(to('r-nn')).toContain('这条案例已经记录过了：C1')
    await say(zhang, '#案例 查看 C2', sales)
    expect(to('r-sales')).toContain('没有找到案例 C2')
  })

  it('refuses capture in a customer group privately, and from non-staff', async () => {
    const { say, to } = await setup()
    await say(zhang, '#成交 刘总今天签了', customers)
    expect(to('r-cust')).toBe('')
    expect(to('zhang')).toContain('请在内部工作群或私聊机器人分享')
    await say(customer, '#经验 我也来分享', undefined)
    expect(to('c1')).toBe('未知命令。发送 #帮助 查看你可以使用的命令。') // a customer learns nothing of a staff command
  })

  it('keeps an enormous post whole but truncates it in chat replies', async () => {
    const { say, to, wechat } = await setup()
    const long = '这是一段很长的复盘。'.repeat(600)
    await say(zhang, `#经验 ${long}结尾标记`, sales)
    await say(zhang, '#案例 查看 C1', sales)
    const view = wechat.textsTo('r-sales').at(-1)!
    expect(view.length).toBeLessThanOrEqual(1500)
    expect(view).toContain(`全文共 ${long.length + 4} 字，已截断`)
    expect(to('r-sales')).not.toContain('结尾标记')
  })
})

describe('cases plugin: images', () => {
  it('attaches images from the author in the same chat within two minutes, and no others', async () => {
    const { say, image, to, clock } = await setup()
    await say(zhang, DEAL, sales)
    await image(zhang, sales, '成交截图.jpg')
    await image(li, sales)
    await image(zhang, nanning)
    await clock.advance(2 * 60_000)
    await image(zhang, sales, '太晚了.jpg')
    await say(zhang, '#案例 查看 C1', sales)
    expect(to('r-sales')).toContain('附图 1 张')
  })

  it('says in the audit log (#审计, replay) in Chinese which case an image went to', async () => {
    const { say, image, rt } = await setup()
    await say(zhang, DEAL, sales)
    await image(zhang, sales, '成交截图.jpg')
    const entry = rt.audit.query({ plugin: 'cases' }).find(e => e.rule === 'cases.image-attached')
    expect(entry?.text).toMatch(/^截图已附到案例 C1（消息 \S+）$/)
  })
})

describe('cases plugin: amend, withdraw, delete', () => {
  it('lets the author amend one field; someone else is refused', async () => {
    const { say, to } = await setup()
    await say(zhang, DEAL, sales)
    await say(li, '#案例 修改 C1 金额：100万', sales)
    expect(to('r-sales')).toContain('只能修改自己分享的案例')
    await say(zhang, '#案例 修改 C1 金额：9万', sales)
    await say(zhang, '#案例 查看 C1', sales)
    const out = to('r-sales')
    expect(out).toContain('已修改案例 C1「刘总（连锁餐饮） · 餐饮 · 商用净水器 · 9万」')
    expect(out).toMatch(/（已修改）[\s\S]*金额：9万\n难点：/)
    expect(out).not.toContain('100万」')
  })

  it('lets only the author withdraw and only an admin delete; removed cases vanish from search', async () => {
    const { say, to, rt } = await setup()
    await say(zhang, DEAL, sales)
    await say(li, '#问题 价格异议：客户嫌贵', sales)
    await say(li, '#案例 撤回 C1', sales)
    await say(admin, '#案例 撤回 C1', sales)
    await say(zhang, '#案例 删除 C2', sales)
    expect(to('r-sales')).toMatch(
      /只能撤回自己分享的案例。[\s\S]*管理员请用 #案例 删除 C1[\s\S]*只有管理员可以删除案例/,
    )
    await say(zhang, '#案例 撤回 C1', sales)
    await say(admin, '#案例 删除 C2 含客户隐私', sales)
    await say(zhang, '#案例 查看 C1', sales)
    await say(zhang, '#案例 搜索 价格', sales)
    const out = to('r-sales')
    expect(out).toMatch(
      /已撤回案例 C1[\s\S]*已删除案例 C2[\s\S]*案例 C1 已被作者撤回[\s\S]*没有找到与「价格」相关的案例/,
    ) // The audit log (#审计) says it in Chinese, with the admin's reason.
    const removed = rt.audit
      .query({ plugin: 'cases' })
      .filter(e => e.rule === 'cases.withdrawn' || e.rule === 'cases.deleted')
    expect(removed.map(e => e.text).sort()).toEqual(['案例 C1 已撤回', '案例 C2 已删除：含客户隐私'])
  })
})

describe('cases plugin: search', () => {
  it('ranks a case with the term in its problem line above a passing mention, with snippets', async () => {
    const { say, to, wechat } = await setup()
    await say(
      li,
      '#经验 今天拜访了三家客户，聊了新品、安装排期、售后政策，顺带提到价格异议的应对，整体反馈不错。',
      nanning,
    )
    await say(zhang, DEAL, sales)
    await say(trainer, '#案例 搜索 价格异议', sales)
    const reply = wechat.textsTo('r-sales').at(-1)!
    expect(reply).toMatch(/找到 2 条：\n1\. C2【成交】[\s\S]*\n2\. C1【经验】/)
    expect(reply).toContain('· …：客户觉得价格比竞品高，价格异议很大 做法')
    expect(reply).toContain('· …排期、售后政策，顺带提到价格异议的应对')
    expect(to('r-sales')).toContain('看全文：#案例 查看 C2')
  })

  it('filters by tag, author and date word', async () => {
    const { say, wechat, clock } = await setup()
    await say(zhang, DEAL, sales)
    await clock.advance(8 * 86_400_000)
    await say(li, '#问题 价格异议：客户嫌贵', sales)
    const last = () => wechat.textsTo('r-sales').at(-1)!
    await say(zhang, '#案例 搜索 价格 标签:成交', sales)
    expect(last()).toMatch(/「价格」（标签:成交）找到 1 条：\n1\. C1/)
    await say(zhang, '#案例 搜索 价格 作者:李四', sales)
    expect(last()).toMatch(/找到 1 条：\n1\. C2/)
    await say(zhang, '#案例 搜索 价格 本周', sales)
    expect(last()).toMatch(/找到 1 条：\n1\. C2/)
    await say(zhang, '#案例 搜索 标签:成交', sales)
    expect(last()).toMatch(/📂 标签:成交 共 1 条：\n1\. C1/)
  })

  it('answers a reversed range or a day that does not exist instead of searching it as a word', async () => {
    const { say, wechat } = await setup()
    await say(zhang, DEAL, sales)
    const last = () => wechat.textsTo('r-sales').at(-1)
    await say(zhang, '#案例 搜索 净水器 2026-12-31~2026-12-01', sales)
    expect(last()).toBe('日期范围的开始 2026-12-31 晚于结束 2026-12-01，请写成 2026-12-01~2026-12-31。')
    await say(zhang, '#案例 搜索 净水器 2026-02-30', sales)
    expect(last()).toBe('「2026-02-30」不是有效的日期，请写成年-月-日，例如 2026-12-01。')
    await say(trainer, '#案例 周报 2026-11-30~2026-11-01')
    expect(wechat.textsTo('trainer1').at(-1)).toBe(
      '日期范围的开始 2026-11-30 晚于结束 2026-11-01，请写成 2026-11-01~2026-11-30。',
    )
  })

  it('treats regex and SQL characters as plain text and suggests broader terms on no hits', async () => {
    const { say, wechat } = await setup()
    await say(zhang, DEAL, sales)
    await say(zhang, "#案例 搜索 .*(价格' OR 1=1; DROP TABLE cases;--", sales)
    expect(wechat.textsTo('r-sales').at(-1)).toMatch(/部分匹配 1 条|找到 1 条/)
    await say(zhang, '#案例 搜索 净水器 火星', sales)
    expect(wechat.textsTo('r-sales').at(-1)).toMatch(/部分匹配 1 条/)
    await say(zhang, '#案例 搜索 火星 作者:王五', sales)
    const none = wechat.textsTo('r-sales').at(-1)!
    expect(none).toContain('没有找到与「火星」（作者:王五）相关的案例')
    expect(none).toContain('去掉筛选条件')
  })
})

describe('cases plugin: search replies people can use', () => {
  it('finds nothing for 火箭发动机 and suggests neither 机 nor the word just searched', async () => {
    const { say, wechat } = await setup()
    await say(zhang, '#问题 软水机客户说太贵，想要分期', sales)
    await say(zhang, '#案例 搜索 火箭发动机', sales)
    const reply = wechat.textsTo('r-sales').at(-1)!
    expect(reply).toContain('没有找到与「火箭发动机」相关的案例')
    expect(reply).not.toContain('C1')
    expect(reply).not.toContain('「机」')
    await say(zhang, '#案例 搜索 价格', sales)
    expect(wechat.textsTo('r-sales').at(-1)).not.toMatch(/比如.*「价格」/)
  })

  it('says an empty store is empty instead of suggesting the word just searched', async () => {
    const { say, wechat } = await setup()
    await say(zhang, '#案例 搜索 价格', sales)
    const reply = wechat.textsTo('r-sales').at(-1)!
    expect(reply).toBe('🔍 没有找到与「价格」相关的案例：案例库里还没有可搜索的案例。分享第一条：#案例 <内容>')
  })

  it('refuses a 1 MB query at once, without segmenting it', async () => {
    const { say, wechat } = await setup()
    await say(zhang, DEAL, sales)
    const started = performance.now()
    await say(zhang, `#案例 搜索 ${'价格异议'.repeat(250_000)}`, sales)
    expect(performance.now() - started).toBeLessThan(500)
    // The command router refuses it before the plugin sees it (arguments over 10,000 characters).
    expect(wechat.textsTo('r-sales').at(-1)).toContain('内容太长')
  })

  it('refuses a query over 100 characters without searching', async () => {
    const { say, wechat } = await setup()
    await say(zhang, DEAL, sales)
    await say(zhang, `#案例 搜索 ${'价格异议'.repeat(30)}`, sales)
    expect(wechat.textsTo('r-sales').at(-1)).toContain('关键词太长（最多 100 个字）')
  })
})

describe('cases plugin: privacy', () => {
  const PHONE_CASE = '#问题 价格异议：客户刘总 13912345678（微信号：liuzong88）嫌贵'

  it('masks phones and WeChat ids for members and for admins in a group, not for an admin privately', async () => {
    const { say, to } = await setup()
    await say(li, PHONE_CASE, sales)
    await say(zhang, '#案例 搜索 价格异议', sales)
    await say(admin, '#案例 查看 C1', sales)
    expect(to('r-sales')).toContain('139****5678（微信号：***）')
    expect(to('r-sales')).not.toContain('13912345678')
    await say(admin, '#案例 查看 C1')
    expect(to('admin1')).toContain('13912345678（微信号：liuzong88）')
  })

  it('can be switched off in config', async () => {
    const { say, to } = await setup(`${CONFIG}plugins: { cases: { privacy: { maskPhones: false } } }\n`)
    await say(li, PHONE_CASE, sales)
    await say(zhang, '#案例 查看 C1', sales)
    expect(to('r-sales')).toContain('13912345678（微信号：***）')
  })
})

describe('cases plugin: digests', () => {
  it('gives trainers the digest as text plus a Markdown file; others are refused', async () => {
    const { say, to, wechat } = await setup()
    await say(zhang, DEAL, sales)
    await say(li, '#问题 客户 13912345678 觉得价格太高，价格异议怎么处理', nanning)
    await say(zhang, '#案例 周报', sales)
    expect(to('r-sales')).toContain('案例周报仅限培训师和管理员查看')
    await say(trainer, '#案例 周报')
    const digest = to('trainer1')
    expect(digest).toMatch(
      /📚 案例周报 2026-11-24 至 2026-11-30\n共 2 条新案例\n按标签：成交 1 · 问题 1\n按作者：张三 1 · 李四 1\n按产品：商用净水器 1/,
    )
    expect(digest).toContain('做法：先做免费水质检测，再算三年滤芯成本')
    expect(digest).toMatch(/反复出现的问题：价格（2） · 异议（2）/)
    const file = wechat.sent.find(s => s.file)?.file
    expect(file).toMatch(/案例周报_2026-11-24_2026-11-30\.md$/)
    const md = readFileSync(file!, 'utf8')
    expect(md).toContain('### C2【问题】')
    expect(md).toContain('139****5678')
    expect(md).not.toContain('13912345678')
  })

  it('answers a trainer asking in a work group privately (text and file), with one line in the group', async () => {
    const { say, to, wechat } = await setup()
    await say(zhang, DEAL, sales)
    await say(trainer, '#案例 周报', sales)
    expect(to('r-sales')).toContain('📚 案例周报已私聊发给你（周报含同事和客户的案例，不发在群里）。')
    expect(to('r-sales')).not.toContain('案例周报 2026-11-24')
    expect(to('trainer1')).toContain('📚 案例周报 2026-11-24 至 2026-11-30')
    const files = wechat.sent.filter(s => s.file)
    expect(files.map(s => s.chat)).toEqual([{ contact: 'trainer1' }])
  })

  it('sends the scheduled weekly digest to trainers on Friday 17:00', async () => {
    const { say, clock, wechat } = await setup()
    await say(zhang, DEAL, sales)
    await clock.advanceTo(Date.parse('2026-12-04T08:59:00Z'))
    expect(wechat.textsTo('trainer1')).toEqual([])
    await clock.advance(5 * 60_000)
    const sent = wechat.sent.filter(s => 'contact' in s.chat && s.chat.contact === 'trainer1')
    expect(sent[0].text).toContain('📚 案例周报 2026-11-28 至 2026-12-04')
    expect(sent[1].file && existsSync(sent[1].file)).toBe(true)
  })
})

describe('cases plugin: durability', () => {
  it('confirms only after the case is written, and reports a failed write without keeping the case', async () => {
    const { rt, clock, store, say, to } = await setup()
    const meta = store.doc('cases-meta', CASES_META_DOC)
    let release!: () => void
    const original = meta.persist
    meta.persist = () =>
      new Promise<void>(r => {
        release = r
      })
    const pending = rt.handle(text(zhang, DEAL, clock.now(), sales))
    await clock.advance(10_000)
    expect(to('r-sales')).toBe('')
    release()
    await pending
    await clock.advance(10_000)
    expect(to('r-sales')).toContain('已记录成交案例 C1')
    meta.persist = async () => {
      throw new Error('disk full')
    }
    await say(li, '#问题 价格异议怎么办', sales)
    expect(to('r-sales')).toContain('案例保存失败')
    meta.persist = original
    await say(zhang, '#案例 搜索 价格异议', sales)
    expect(to('r-sales')).toMatch(/找到 1 条：\n1\. C1/)
  })

  it('has written both the sequence and the month document when the confirmation leaves', async () => {
    // The in-memory twin counts persists; the order it checks is the runtime's, whatever the back end.
    const store = new MemoryStore()
    const { wechat, say } = await setup(CONFIG, store)
    const persistsAtSend: number[] = []
    const send = wechat.send.bind(wechat)
    wechat.send = async m => {
      persistsAtSend.push(store.persists)
      return send(m)
    }
    await say(zhang, DEAL, sales)
    expect(wechat.textsTo('r-sales')[0]).toContain('已记录成交案例 C1')
    expect(persistsAtSend[0]).toBe(3) // the sequence, the month document, then the queue holding the confirmation
  })
})

describe('cases plugin: restart', () => {
  /** A second runtime on the first one's store, as after a restart. */
  async function restartOn(store: Store, start: number) {
    return makeRuntime(CONFIG, [casesPlugin], { store, start })
  }

  it('rebuilds the search from the store: amended and withdrawn cases stay as they were', async () => {
    const { say, store, clock } = await setup()
    await say(zhang, DEAL, sales)
    await say(li, '#问题 价格异议怎么破', sales)
    await say(li, '#经验 分期付款降低门槛', sales)
    await say(zhang, '#案例 修改 C1 难点：客户担心售后响应', sales)
    await say(li, '#案例 撤回 C2', sales)
    const after = await restartOn(store, clock.now())
    await after.rt.handle(text(zhang, '#案例 搜索 售后响应', after.clock.now(), sales))
    await after.rt.handle(text(zhang, '#案例 搜索 价格异议', after.clock.now() + 1, sales))
    await after.rt.handle(text(zhang, '#经验 分期付款降低门槛', after.clock.now() + 2, sales))
    await after.clock.advance(30_000)
    const out = after.wechat.textsTo('r-sales').join('\n')
    expect(out).toMatch(/「售后响应」找到 1 条：\n1\. C1/)
    expect(out).toContain('没有找到与「价格异议」相关的案例')
    expect(out).toContain('这条案例已经记录过了：C3')
  })
})
