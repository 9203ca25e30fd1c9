import { describe, expect, it } from 'vitest'
import { member } from '../../helpers/harness.js'
import { admin, at, customers, li, liu, serviceRuntime, zhang } from './helpers.js'

const COMPLAINT = '你们的净水器刚装三天就漏水，质量问题太严重了，我要投诉'
const RESOLVED = '您好，您反馈的问题已经处理，感谢您的耐心。如还有不满意的地方，请随时告诉我们。'
const leader = member('u8', '王经理')
const auditor = member('u9', '吴审计')

/** 张三 (u1) is responsible for the customer group; 李四 (u2) is staff; 王经理 leads; 吴审计 audits (also on the roster). */
async function world() {
  return serviceRuntime('{ responsible: { 张三交流群: [u1] } }', at('08:55'), {
    roles: '{ admin: [admin1], staff: [u1, u2], leader: [u8], auditor: [u9] }',
    roster: [
      '  - { name: 张三, dept: 销售部, contactId: u1 }',
      '  - { name: 李四, dept: 销售部, contactId: u2 }',
      '  - { name: 王经理, dept: 销售部, contactId: u8 }',
      '  - { name: 吴敏, dept: 审计部, contactId: u9 }',
    ].join('\n'),
  })
}

describe('service: who may close and see a complaint', () => {
  it('refuses another salesperson and the auditor, with the reason; the ticket stays open', async () => {
    const { wechat, say } = await world()
    await say(liu, COMPLAINT)
    await say(li, '#投诉 处理 T1 已处理', null)
    await say(auditor, '#投诉 处理 T1 已处理', null)
    expect(wechat.textsTo('u2').at(-1)).toBe(
      '⛔ 投诉 T1 由 张三 负责：只有负责人、领导或管理员可以处理。如需协助请联系 张三。',
    )
    expect(wechat.textsTo('u9').at(-1)).toBe('⛔ 审计员只能查看投诉（#投诉 列表、#投诉 T3），不能登记或处理。')
    expect(wechat.textsTo('r2')).not.toContain(RESOLVED)
    await say(zhang, '#投诉 T1', null)
    expect(wechat.textsTo('u1').at(-1)).toContain('状态：待处理')
  })

  it('lets a leader or an admin close it, and tells the responsible salesperson', async () => {
    const { wechat, say } = await world()
    await say(liu, COMPLAINT)
    await say(leader, '#投诉 处理 T1 已电话安抚并安排明天上门', null)
    expect(wechat.textsTo('u8').at(-1)).toBe('✅ 投诉 T1 已标记为处理，已告知客户。')
    expect(wechat.textsTo('r2').at(-1)).toBe(RESOLVED)
    expect(wechat.textsTo('u1').at(-1)).toBe(
      'ℹ️ 投诉 T1（「张三交流群」客户 刘总）已由 王经理 处理：已电话安抚并安排明天上门\n客户已收到处理通知，你不必再跟进；如需补充请直接联系 王经理。',
    )
    await say(liu, '又漏水了，质量太差了，我要投诉')
    await say(admin, '#投诉 处理 T2 已换新机', null)
    expect(wechat.textsTo('u1').at(-1)).toContain('ℹ️ 投诉 T2（「张三交流群」客户 刘总）已由 陈管理 处理：已换新机')
  })

  it('tells nobody else when the responsible salesperson closes it', async () => {
    const { wechat, say } = await world()
    await say(liu, COMPLAINT)
    await say(zhang, '#投诉 处理 T1 已上门换新', null)
    expect(wechat.textsTo('u1').filter(t => t.startsWith('ℹ️'))).toEqual([])
    expect(wechat.textsTo('u1').at(-1)).toBe('✅ 投诉 T1 已标记为处理，已告知客户。')
  })

  it('lists every ticket to leaders, admins and the auditor, a salesperson only their own', async () => {
    const { wechat, say } = await world()
    await say(liu, COMPLAINT)
    for (const who of [leader, admin, auditor, zhang, li]) await say(who, '#投诉 列表', null)
    for (const id of ['u8', 'admin1', 'u9']) expect(wechat.textsTo(id).at(-1)).toMatch(/^投诉：待处理 1 条/)
    expect(wechat.textsTo('u1').at(-1)).toMatch(/^你负责的投诉：待处理 1 条/)
    expect(wechat.textsTo('u2').at(-1)).toBe('目前没有你负责的投诉。')
    await say(li, '#投诉 T1', null)
    expect(wechat.textsTo('u2').at(-1)).toBe(
      '⛔ 投诉 T1 不归你负责：员工只能查看自己负责的投诉（领导、管理员和审计员可查看全部）。',
    )
    await say(auditor, '#投诉 T1', null)
    expect(wechat.textsTo('u9').at(-1)).toContain('客户：刘总')
  })

  it('an auditor may not tag a message either', async () => {
    const { wechat, say } = await world()
    const e = await say(liu, '这个滤芯怎么换')
    await say(auditor, '#投诉', customers, { quote: { id: e.id, senderName: '刘总', text: e.text } })
    expect(wechat.textsTo('u9').at(-1)).toBe('⛔ 审计员只能查看投诉（#投诉 列表、#投诉 T3），不能登记或处理。')
  })

  it('#帮助 offers each role only what it may do', async () => {
    const { wechat, say } = await world()
    await say(auditor, '#帮助', null)
    await say(zhang, '#帮助', null)
    const line = (id: string) =>
      wechat
        .textsTo(id)
        .at(-1)
        ?.split('\n')
        .find(l => l.startsWith('#投诉'))
    expect(line('u9')).toBe('#投诉 列表；#投诉 T3  查看投诉')
    expect(line('u1')).toBe(
      '#投诉（引用客户消息）；#投诉 列表；#投诉 T3；#投诉 处理 T3 <处理说明>  登记客户投诉；查看投诉；处理投诉（负责人、领导或管理员）',
    )
  })
})
