import { describe, expect, it } from 'vitest'
import { type Readers, routeActions } from '../../../bot/commands/audience.js'
import type { Action } from '../../../bot/core/actions.js'

const readers: Readers = {
  group: id =>
    (
      ({
        cust: { kind: 'customer', topic: '示例科技张三交流群' },
        sales: { kind: 'internal', topic: '销售部工作群' },
        news: { kind: 'broadcast', topic: '示例科技公告群' },
      }) as Record<string, ReturnType<Readers['group']>>
    )[id],
  isStaff: id => id.startsWith('staff'),
}

describe('routeActions: who reads what plugins decide', () => {
  it('leaves internal groups, customers and private notes to staff as they are (the same array)', () => {
    const actions: Action[] = [
      { type: 'warn', groupId: 'sales', memberId: 'staff1', text: '请勿刷屏', rule: 'r' },
      { type: 'warn', groupId: 'cust', memberId: 'c1', text: '请勿刷屏', rule: 'r' },
      { type: 'remind', to: { contact: 'staff1' }, text: '客户在等', rule: 'r', groupId: 'cust' },
      { type: 'say', to: { room: 'cust' }, text: '您好', mentions: ['staff1'], rule: 'r' },
    ]
    expect(routeActions(actions, readers)).toBe(actions)
  })

  it("splits a reminder's @: customers stay @-ed in the group, staff are reminded privately", () => {
    const routed = routeActions(
      [{ type: 'remind', to: { room: 'cust' }, text: '请改群昵称', mentions: ['c1', 'staff1'], rule: 'r' }],
      readers,
    )
    expect(routed).toEqual([
      expect.objectContaining({ type: 'remind', to: { room: 'cust' }, mentions: ['c1'] }),
      expect.objectContaining({
        type: 'remind',
        to: { contact: 'staff1' },
        groupId: 'cust',
        heading: '关于客户群「示例科技张三交流群」（只发给你，客户看不到）：',
        text: '请改群昵称',
      }),
    ])
  })

  it("tells staff privately in the reminder's private words, naming a broadcast group a 公告群 (review26)", () => {
    const routed = routeActions(
      [
        {
          type: 'remind',
          to: { room: 'news' },
          text: '被@的同事还未反馈，请在本群回复',
          privateText: '你还没有登记',
          mentions: ['c1', 'staff1'],
          rule: 'r',
        },
      ],
      readers,
    )
    expect(routed).toEqual([
      { type: 'remind', to: { room: 'news' }, text: '被@的同事还未反馈，请在本群回复', mentions: ['c1'], rule: 'r' },
      expect.objectContaining({
        to: { contact: 'staff1' },
        heading: '关于公告群「示例科技公告群」（只发给你，客户看不到）：',
        text: '你还没有登记',
      }),
    ])
  })

  it('never sends privately to a customer about a customer group: the group version with an @, else a record', () => {
    const routed = routeActions(
      [
        { type: 'say', to: { contact: 'c1' }, text: '已撤销（A7）', groupText: '已撤销', rule: 'r', groupId: 'cust' },
        { type: 'remind', to: { contact: 'c1' }, text: '请改群昵称', rule: 'r', groupId: 'cust' },
      ],
      readers,
    )
    expect(routed).toEqual([
      expect.objectContaining({ type: 'say', to: { room: 'cust' }, text: '已撤销', mentions: ['c1'] }),
      expect.objectContaining({ type: 'record', text: '未发送（客户不是机器人的好友，私聊收不到）：请改群昵称' }),
    ])
  })
  it('routes a rehearsal like a live action and keeps it a rehearsal, so its record says who would have read it', () => {
    const routed = routeActions(
      [
        { type: 'warn', groupId: 'cust', memberId: 'staff1', text: '请勿发广告', rule: 'r', rehearsal: true },
        { type: 'remind', to: { contact: 'c1' }, text: '请改群昵称', rule: 'r', groupId: 'cust', rehearsal: true },
      ],
      readers,
    )
    expect(routed).toEqual([
      expect.objectContaining({ type: 'remind', to: { contact: 'staff1' }, rehearsal: true }),
      expect.objectContaining({ type: 'record', rehearsal: true }),
    ])
  })

  it("sends a staff member's warning privately in its private wording when the plugin gave one", () => {
    const [told] = routeActions(
      [
        {
          type: 'warn',
          groupId: 'cust',
          memberId: 'staff1',
          text: '请改群昵称',
          privateText: '张三你好！…',
          rule: 'r',
        },
      ],
      readers,
    )
    expect(told).toMatchObject({
      to: { contact: 'staff1' },
      heading: expect.stringMatching(/客户看不到）：$/),
      text: '张三你好！…',
    })
  })

  it('keeps a secret a secret when it cannot be sent (the audit log then records that, not the text)', () => {
    const [kept] = routeActions(
      [{ type: 'say', to: { contact: 'c1' }, text: '登录链接 x', rule: 'r', groupId: 'cust', sensitive: true }],
      readers,
    )
    expect(kept).toMatchObject({ type: 'record', sensitive: true })
  })
})
