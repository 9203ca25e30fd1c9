import { describe, expect, it } from 'vitest'
import { text } from '../../helpers/harness.js'
import { at, customers, li, liu, restart, sales, serviceRuntime, zhang } from './helpers.js'

const COMPLAINT = '你们的净水器刚装三天就漏水，质量问题太严重了，我要投诉'
const RECEIVED = '您好，您反馈的问题我们已经记录，负责同事会尽快与您联系处理，请您稍候。'
const RESOLVED = '您好，您反馈的问题已经处理，感谢您的耐心。如还有不满意的地方，请随时告诉我们。'
/** Longer than a customer's venting: their next complaint is a new ticket, not more words on the last one. */
const APART = 11 * 60_000

describe('service: complaints', () => {
  it('opens T1 for a customer complaint: the responsible salesperson is told privately, the customer in the group', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('09:05'))
    await say(liu, COMPLAINT)
    expect(wechat.textsTo('u1')).toEqual([
      `📣 新投诉 T1：「张三交流群」客户 刘总：「${COMPLAINT}」\n请在 11:05 前处理，处理后私聊机器人发送 #投诉 处理 T1 <处理说明>（不要发在客户群里，客户能看到）。`,
    ])
    const inGroup = wechat.sent.filter(s => 'room' in s.chat)
    expect(inGroup).toEqual([expect.objectContaining({ chat: { room: 'r2' }, text: RECEIVED, mentions: ['c1'] })])
  })

  it('ignores allow-listed jokes, staff messages, quoted text and other kinds of groups', async () => {
    const { rt, wechat, say } = await serviceRuntime()
    await say(liu, '哈哈开玩笑的，东西很好，不用退款')
    await say(zhang, '客户说要投诉，我来跟进')
    await say(liu, '好的谢谢', customers, { quote: { text: '如果要退款请联系我' } })
    await say(li, '这个客户要投诉', sales)
    await say(liu, '我朋友说“你们质量问题很多”，我用着还行')
    await say(liu, '群里有人问「怎么退款」，我也想知道流程')
    expect(wechat.sent).toEqual([])
    expect(rt.audit.query({ plugin: 'service' })).toEqual([])
  })

  it('does not take denials, questions about returns or talk of another company for a complaint', async () => {
    const { rt, wechat, say } = await serviceRuntime()
    await say(liu, '你们家服务很好，没什么不满意的')
    await say(liu, '没有质量问题，就是想问问怎么换滤芯')
    await say(liu, '不想退货了，换个新的吧')
    await say(liu, '请问买了之后不合适可以退货吗？')
    await say(liu, '退款流程是怎样的')
    await say(liu, '以前买别家的净水器质量问题很多，所以想换你们的')
    expect(wechat.sent).toEqual([])
    expect(rt.audit.query({ plugin: 'service' })).toEqual([])
  })

  it('still opens tickets for complaints worded as questions, refunds not made and faults', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    const complaints = [
      '为什么还不给我退款？',
      '都一周了还没退款',
      '质量这么差，能退货吗？',
      '刚买的净水器漏水了，质量问题怎么处理？',
      '我对你们很不满意',
      '别家都能退，你们为什么不能退货？',
    ]
    for (const c of complaints) {
      await say(liu, c)
      await clock.advance(APART)
    }
    expect(wechat.textsTo('u1').map(t => t.split('：')[0])).toEqual(complaints.map((_, i) => `📣 新投诉 T${i + 1}`))
  })

  it('opens tickets for anger at the company and for waiting or neglect, not for talk of scams or slowness elsewhere', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    for (const clean of [
      '最近诈骗电话多，大家小心骗子',
      '垃圾分类的通知物业发了',
      '我家网速太慢了，视频发不上来',
      '等了两天终于装好了，水很好喝',
    ])
      await say(liu, clean)
    expect(wechat.textsTo('u1')).toEqual([])
    const complaints = [
      '你们就是骗子，垃圾公司',
      '什么垃圾产品，用了一周就坏',
      '都等了三天了还没人上门安装',
      '报修两天了没人管',
      '你们售后也太慢了吧',
    ]
    for (const c of complaints) {
      await say(liu, c)
      await clock.advance(APART)
    }
    expect(wechat.textsTo('u1').map(t => t.split('：')[0])).toEqual(complaints.map((_, i) => `📣 新投诉 T${i + 1}`))
  })

  it('detects configured patterns and custom words; the customer is told once when they go on (more words on T1)', async () => {
    const { clock, wechat, say } = await serviceRuntime(
      "{ responsible: { 张三交流群: [u1] }, phrases: [不靠谱], texts: { received: '收到您的反馈，我们马上处理。' } }",
    )
    await say(liu, '你们这个服务也太差劲了吧，还我钱')
    await say(liu, '售后真不靠谱')
    expect(wechat.textsTo('u1').map(t => t.split('：')[0])).toEqual(['📣 新投诉 T1', '📝 投诉 T1 客户 刘总 补充'])
    expect(wechat.textsTo('r2')).toEqual(['收到您的反馈，我们马上处理。'])
    await clock.advance(APART)
    await say(liu, '售后真不靠谱')
    expect(wechat.textsTo('u1').at(-1)).toMatch(/^📣 新投诉 T2/)
    expect(wechat.textsTo('r2')).toEqual(['收到您的反馈，我们马上处理。', '收到您的反馈，我们马上处理。'])
  })

  it('opens a ticket when staff quote a customer message with #投诉', async () => {
    const { wechat, say } = await serviceRuntime()
    const msg = await say(liu, '下单一周了东西还没到，到底怎么回事')
    expect(wechat.sent).toEqual([])
    await say(zhang, '#投诉', customers, { quote: { id: msg.id, senderName: '刘总', text: msg.text } })
    expect(wechat.textsTo('u1')[0]).toContain('📣 新投诉 T1：「张三交流群」客户 刘总：「下单一周了东西还没到')
    expect(wechat.sent.filter(s => 'room' in s.chat)).toEqual([
      expect.objectContaining({ text: RECEIVED, mentions: ['c1'] }),
    ])
    await say(zhang, '#投诉', customers, { quote: { id: msg.id, senderName: '刘总', text: msg.text } })
    expect(wechat.textsTo('u1').at(-1)).toBe('这条消息已登记为投诉 T1。')
  })

  it('a text-only quote tagged twice is one ticket: the customer is told once', async () => {
    const { wechat, say } = await serviceRuntime()
    await say(liu, '下单一周了东西还没到，到底怎么回事')
    const quote = { senderName: '刘总', text: '下单一周了东西还没到，到底怎么回事' }
    await say(zhang, '#投诉', customers, { quote })
    await say(zhang, '#投诉', customers, { quote })
    expect(wechat.textsTo('u1').map(t => t.split('：')[0])).toEqual(['📣 新投诉 T1', '这条消息已登记为投诉 T1。'])
    expect(wechat.textsTo('r2')).toEqual([RECEIVED])
  })

  it("a customer's bare #投诉 makes what they just wrote the complaint, not the word #投诉", async () => {
    const { wechat, say } = await serviceRuntime()
    await say(liu, '净水器出水越来越慢')
    await say(liu, '换了滤芯也一样')
    await say(liu, '#投诉')
    expect(wechat.textsTo('u1')).toEqual([
      expect.stringContaining('📣 新投诉 T1：「张三交流群」客户 刘总：「净水器出水越来越慢 换了滤芯也一样」'),
    ])
    expect(wechat.textsTo('r2')).toEqual([RECEIVED])
  })

  it('a bare #投诉 with nothing before it asks the customer what is wrong; the answer opens the ticket', async () => {
    const { wechat, say } = await serviceRuntime()
    await say(liu, '#投诉！')
    expect(wechat.textsTo('r2')).toEqual(['请直接说明遇到的问题，我们会登记并尽快处理。'])
    expect(wechat.textsTo('u1')).toEqual([])
    await say(liu, '安装师傅把我家地板划坏了')
    expect(wechat.textsTo('u1')).toEqual([
      expect.stringContaining('📣 新投诉 T1：「张三交流群」客户 刘总：「安装师傅把我家地板划坏了」'),
    ])
    await say(liu, '好的谢谢')
    expect(wechat.textsTo('u1')).toHaveLength(1)
  })

  it('reminds before the deadline and escalates to the admins when it passes, counting working hours only', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:55'))
    await clock.advanceTo(at('11:00'))
    await say(liu, COMPLAINT)
    // 11:00-12:00 and 13:30-14:30: two working hours over lunch.
    expect(wechat.textsTo('u1')[0]).toContain('请在 14:30 前处理')
    await clock.advanceTo(at('13:59'))
    expect(wechat.textsTo('u1')).toHaveLength(1)
    await clock.advanceTo(at('14:01'))
    expect(wechat.textsTo('u1')[1]).toBe(
      `⏰ 投诉 T1 将在 14:30 到期，还没有处理：「张三交流群」客户 刘总：「${COMPLAINT}」\n处理后私聊机器人发送 #投诉 处理 T1 <处理说明>（不要发在客户群里，客户能看到）。`,
    )
    expect(wechat.textsTo('admin1')).toEqual([])
    await clock.advanceTo(at('14:31'))
    expect(wechat.textsTo('admin1')).toEqual([
      `🚨 投诉 T1 已超过处理期限（14:30）仍未处理：「张三交流群」客户 刘总：「${COMPLAINT}」\n负责人：张三，请督促处理。`,
    ])
    expect(wechat.textsTo('r2')).toEqual([RECEIVED])
  })

  it('carries the deadline over the weekend', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('16:55', '2026-12-04'))
    await clock.advanceTo(at('17:00', '2026-12-04'))
    await say(liu, COMPLAINT)
    expect(wechat.textsTo('u1')[0]).toContain('请在 12-07 10:00 前处理')
    await clock.advanceTo(at('09:20', '2026-12-07'))
    expect(wechat.textsTo('u1')).toHaveLength(1)
    await clock.advanceTo(at('10:01', '2026-12-07'))
    expect(wechat.textsTo('u1')[1]).toContain('⏰ 投诉 T1 将在 10:00 到期')
    expect(wechat.textsTo('admin1').find(t => t.startsWith('🚨'))).toContain('已超过处理期限（12-07 10:00）')
  })

  it('names the second complaint when one customer hears of two resolved a minute apart, instead of the same sentence twice', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await say(liu, COMPLAINT)
    await clock.advance(APART)
    await say(liu, '发票到现在还没开，太慢了，我要投诉')
    await clock.advanceTo(at('10:30'))
    await say(zhang, '#投诉 处理 T1 已上门更换滤芯', sales)
    await clock.advanceTo(at('10:31'))
    await say(zhang, '#投诉 处理 T2 发票已开出', sales)
    expect(wechat.textsTo('r2').slice(2)).toEqual([
      RESOLVED,
      '您好，您反馈的「发票到现在还没开，太慢了，我要投诉」也已经处理，感谢您的耐心。',
    ])
    // Much later, a resolution is told in the configured words again.
    await say(liu, '售后电话一直打不通，我要投诉')
    await clock.advanceTo(at('15:00'))
    await say(zhang, '#投诉 处理 T3 已回电', sales)
    expect(wechat.textsTo('r2').at(-1)).toBe(RESOLVED)
  })

  it('resolves with #投诉 处理: the customer is told in the group, no reminder or escalation follows', async () => {
    const { clock, rt, wechat, say } = await serviceRuntime()
    await say(liu, COMPLAINT)
    await say(zhang, '#投诉 处理 T1 已上门更换滤芯并测试不漏水', sales)
    expect(wechat.textsTo('r1')).toEqual(['✅ 投诉 T1 已标记为处理，已告知客户。'])
    expect(wechat.textsTo('r2')).toEqual([RECEIVED, RESOLVED])
    await clock.advanceTo(at('18:00'))
    expect(wechat.textsTo('u1')).toHaveLength(1)
    expect(wechat.textsTo('admin1')).toEqual([])
    await say(zhang, '#投诉 处理 T1 再次处理', sales)
    expect(wechat.textsTo('u1').at(-1)).toBe('投诉 T1 已经处理过了。')
    await say(zhang, '#投诉 T1', sales)
    expect(wechat.textsTo('r1').at(-1)).toContain('已处理：11-30 08:55（张三，用时 5秒）：已上门更换滤芯并测试不漏水')
    expect(rt.audit.query({ plugin: 'service' }).map(e => e.rule)).toContain('service.ticket-closed')
  })

  it('#投诉 处理 typed in the customer group: the customer reads only that it was handled; staff are told to send notes privately', async () => {
    const { wechat, say } = await serviceRuntime()
    await say(liu, COMPLAINT)
    await say(zhang, '#投诉 处理 T1 已电话联系，内部备注：补偿50元')
    expect(wechat.textsTo('r2')).toEqual([RECEIVED, RESOLVED])
    expect(wechat.textsTo('u1').at(-1)).toBe(
      '✅ 投诉 T1 已标记为处理，已告知客户。\n提示：客户群里的人都能看到你发的内容，处理说明以后请私聊机器人发送（#投诉 处理 …、#回访 完成 …）。',
    )
  })

  it('answers usage for missing arguments and unknown ids', async () => {
    const { wechat, say } = await serviceRuntime()
    await say(zhang, '#投诉 处理 T9 已处理', sales)
    await say(zhang, '#投诉 处理', sales)
    await say(zhang, '#投诉 T7', sales)
    await say(zhang, '#投诉', sales)
    const [unknown, missing, noTicket, usage] = wechat.textsTo('u1')
    expect(unknown).toContain('没有投诉 T9。用法：#投诉 列表')
    expect(missing).toBe('用法：#投诉 处理 T3 <处理说明>')
    expect(noTicket).toContain('没有投诉 T7。用法：#投诉 列表')
    expect(usage).toContain('用法：#投诉 列表 | #投诉 T3')
  })

  it('lists and shows tickets to staff privately in the customer group; customers are refused silently', async () => {
    const { wechat, say } = await serviceRuntime()
    await say(liu, COMPLAINT)
    await say(zhang, '#投诉 列表')
    await say(zhang, '#投诉 T1')
    await say(liu, '#投诉 列表')
    await say(liu, '#投诉 处理 T1 好了')
    // The customer's #投诉 … is refused (audited) but stays their words: taken as complaints (more words on T1, the
    // customer is not told again), never as commands.
    expect(wechat.textsTo('r2')).toEqual([RECEIVED])
    const [, list, detail] = wechat.textsTo('u1')
    expect(list).toContain('投诉：待处理 1 条')
    expect(list).toContain('T1 11-30 08:55 「张三交流群」刘总：你们的净水器刚装三天就漏水')
    expect(detail).toContain('客户：刘总')
    expect(detail).toContain('状态：待处理')
    expect(wechat.textsTo('c1')).toEqual([]) // refused silently: WeChat delivers no private reply to a non-friend
  })

  it('tells the admins when the group has nobody responsible', async () => {
    const { wechat, say } = await serviceRuntime('{}')
    await say(liu, COMPLAINT)
    expect(wechat.textsTo('admin1')[0]).toContain(
      '本群没有负责员工（groups[].responsible 或 service.responsible 未配置，或已离职）',
    )
    expect(wechat.textsTo('r2')).toEqual([RECEIVED])
  })

  it('in observe mode records the ticket and sends nothing, even after its deadline', async () => {
    const { clock, rt, wechat, say } = await serviceRuntime('{ responsible: { 张三交流群: [u1] }, dryRun: true }')
    await say(liu, COMPLAINT)
    await clock.advanceTo(at('18:00'))
    expect(wechat.sent).toEqual([])
    const rules = rt.audit.query({ plugin: 'service' }).map(e => e.rule)
    expect(rules).toEqual(
      expect.arrayContaining(['service.ticket-opened', 'service.ticket-notice', 'service.ticket-overdue']),
    )
    await say(zhang, '#投诉 T1', sales)
    expect(wechat.textsTo('r1')[0]).toContain('投诉 T1（观察模式记录）')
  })

  it('continues ticket ids after a restart', async () => {
    const env = await serviceRuntime()
    await env.say(liu, COMPLAINT)
    await env.clock.advance(APART)
    await env.say(liu, '我要退款')
    await env.clock.advance(APART)
    await env.rt.stop()
    const again = await restart(env)
    await again.rt.handle(text(liu, '太差了', env.clock.now(), customers))
    await env.clock.advance(5_000)
    expect(again.wechat.textsTo('u1')[0]).toContain('📣 新投诉 T3')
  })

  it('sends the weekly report to the admins: opened, resolved, overdue and time to resolve per salesperson', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('09:00'))
    await say(liu, COMPLAINT)
    await clock.advanceTo(at('10:00'))
    await say(zhang, '#投诉 处理 T1 已换新', sales)
    await clock.advanceTo(at('15:00', '2026-12-02'))
    await say(liu, '我要投诉，客服不回消息')
    await clock.advanceTo(at('17:01', '2026-12-04'))
    const report = wechat.textsTo('admin1').at(-1)
    expect(report).toContain('📊 投诉周报（11-27 17:00 至 12-04 17:00）')
    expect(report).toContain('合计：登记 2，已处理 1，未处理 1，超时 1，平均处理用时 1小时')
    expect(report).toContain('· 张三：登记 2，已处理 1，未处理 1，超时 1，平均处理用时 1小时')
  })
})

describe('service: config', () => {
  it('refuses a bad weekly report cron or pattern at start', async () => {
    await expect(serviceRuntime("{ weeklyReport: { cron: '0 99 * * *' } }")).rejects.toThrow(/weeklyReport/)
    await expect(serviceRuntime("{ patterns: ['(未闭合'] }")).rejects.toThrow(/expected a valid regular expression/)
  })
})
