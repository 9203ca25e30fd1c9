import { describe, expect, it } from 'vitest'
import { at, customers, liu, sales, serviceRuntime, zhang } from './helpers.js'

const RECEIVED = '您好，您反馈的问题我们已经记录，负责同事会尽快与您联系处理，请您稍候。'
const RECORDED = '您好，您反馈的问题已经记录，负责同事正在处理，请您稍候。'
const notices = (texts: string[]) => texts.filter(t => t.startsWith('📣'))

describe('service: a complaint over several messages, and what follows it (review26)', () => {
  it('one customer venting in three quick messages is one ticket: the customer is told once, the salesperson gets each addition in one line', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('10:00'))
    await say(liu, '净水器装了三天就漏水，质量太差了')
    const more = await say(liu, '我要退款')
    await say(liu, '再不处理我就去12315投诉')
    expect(wechat.textsTo('r2')).toEqual([RECEIVED])
    expect(wechat.textsTo('u1')).toEqual([
      expect.stringMatching(/^📣 新投诉 T1：「张三交流群」客户 刘总：「净水器装了三天就漏水，质量太差了」/),
      '📝 投诉 T1 客户 刘总 补充：「我要退款」',
      '📝 投诉 T1 客户 刘总 补充：「再不处理我就去12315投诉」',
    ])
    await say(zhang, '#投诉 T1', sales)
    expect(wechat.textsTo('r1').at(-1)).toContain(
      '内容：净水器装了三天就漏水，质量太差了 我要退款 再不处理我就去12315投诉',
    )
    // Quoting a message that joined T1 names T1.
    await say(zhang, '#投诉', customers, { quote: { id: more.id, senderName: '刘总', text: more.text } })
    expect(wechat.textsTo('u1').at(-1)).toBe('这条消息已登记为投诉 T1。')
    // Ten quiet minutes later a complaint is a new ticket.
    await clock.advance(11 * 60_000)
    await say(liu, '发票也开错了，太差了')
    expect(notices(wechat.textsTo('u1')).map(t => t.split('：')[0])).toEqual(['📣 新投诉 T1', '📣 新投诉 T2'])
    expect(wechat.textsTo('r2')).toEqual([RECEIVED, RECEIVED])
  })

  it('thanks for a refund after the ticket was resolved opens no new ticket', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('10:00'))
    await say(liu, '净水器漏水，我要退款')
    await say(zhang, '#投诉 处理 T1 已退款', null)
    await clock.advanceTo(at('15:00'))
    await say(liu, '退款已经收到了，谢谢')
    await say(liu, '退货已经寄出了，单号SF1234567')
    expect(notices(wechat.textsTo('u1'))).toHaveLength(1)
    expect(wechat.textsTo('r2')).toHaveLength(2) // received, resolved
  })

  it('after the bot asks for the problem, 好的 is no complaint; once staff answer in the group the bot stops waiting', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('10:00'))
    await say(liu, '#投诉')
    await say(liu, '好的')
    await say(liu, '滤芯装上就漏水')
    expect(notices(wechat.textsTo('u1'))).toEqual([expect.stringContaining('：「滤芯装上就漏水」')])
    await clock.advance(11 * 60_000)
    await say(liu, '#投诉')
    await say(zhang, '刘总您好，我是张三，马上打电话给您', customers)
    await say(liu, '好的，等你电话')
    expect(notices(wechat.textsTo('u1'))).toHaveLength(1)
  })

  it('a bare #投诉 after a recorded complaint and an unrecorded one makes the unrecorded one a ticket', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('10:00'))
    await say(liu, '净水器漏水，我要退款') // T1
    await say(liu, '另外发票开错了，抬头不对，到现在也没人改')
    await say(liu, '#投诉')
    expect(notices(wechat.textsTo('u1')).map(t => t.split('\n')[0])).toEqual([
      '📣 新投诉 T1：「张三交流群」客户 刘总：「净水器漏水，我要退款」',
      '📣 新投诉 T2：「张三交流群」客户 刘总：「另外发票开错了，抬头不对，到现在也没人改」',
    ])
    expect(wechat.textsTo('r2')).toEqual([RECEIVED, RECEIVED])
    // Everything recorded already: the customer still gets an answer.
    await say(liu, '#投诉')
    expect(wechat.textsTo('r2')).toEqual([RECEIVED, RECEIVED, RECORDED])
    expect(notices(wechat.textsTo('u1'))).toHaveLength(2)
    // More words go to the ticket last written to.
    await say(liu, '太差了')
    expect(wechat.textsTo('u1').at(-1)).toBe('📝 投诉 T2 客户 刘总 补充：「太差了」')
  })

  it('ticket ids typed as the bare number or in full-width work like T1', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('10:00'))
    await say(liu, '净水器漏水，我要退款')
    await say(zhang, '#投诉 1', null)
    expect(wechat.textsTo('u1').at(-1)).toMatch(/^投诉 T1\n/)
    await say(zhang, '#投诉 Ｔ１', null)
    expect(wechat.textsTo('u1').at(-1)).toMatch(/^投诉 T1\n/)
    await say(zhang, '#投诉 处理 １ 已退款', null)
    expect(wechat.textsTo('u1').at(-1)).toBe('✅ 投诉 T1 已标记为处理，已告知客户。')
    await say(zhang, '#投诉 9', null)
    expect(wechat.textsTo('u1').at(-1)).toContain('没有投诉 T9。')
  })
})
