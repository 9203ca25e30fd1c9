import { describe, expect, it, vi } from 'vitest'
import { servicePlugin } from '../../../plugins/service/index.js'
import * as svc from '../../plugins/service/helpers.js'
import { fleetOfTwo, url } from './two-accounts.js'

describe.skipIf(!url)('complaint tickets are listed fleet-wide', () => {
  it('lists and shows another live account’s ticket, and says which account and group resolve it', async () => {
    // sales1 holds the customer group, sales2 the sales group: both alive.
    const [a, b] = await fleetOfTwo(svc.config(), [servicePlugin], [[svc.customers.id], [svc.sales.id]], {
      start: svc.at('09:00'),
    })
    a.wechat.addGroup(svc.customers, [svc.zhang, svc.liu])
    b.wechat.addGroup(svc.sales, [svc.zhang, svc.li])
    await a.say(svc.liu, '你们的净水器刚装三天就漏水，质量问题太严重了，我要投诉', svc.customers)
    await vi.waitFor(() => expect(a.wechat.textsTo('u1')).toEqual([expect.stringContaining('📣 新投诉 T1：')]))

    // Asked privately of sales2, which holds no ticket of its own.
    await b.say(svc.zhang, '#投诉 列表')
    await vi.waitFor(() => expect(b.wechat.textsTo('u1').at(-1)).toContain('投诉：待处理 1 条'))
    expect(b.wechat.textsTo('u1').at(-1)).toMatch(/\nT1@sales1 .*「张三交流群」刘总：你们的净水器/)
    await b.say(svc.zhang, '#投诉 T1@sales1')
    await vi.waitFor(() =>
      expect(b.wechat.textsTo('u1').at(-1)).toMatch(
        /^投诉 T1@sales1\n[\s\S]*跟进账号：「小助手sales1」\(sales1\)（在该账号处理）/,
      ),
    )
    // Resolved only where it is held (that account tells the customer and stops its reminders): sales2 says where.
    await b.say(svc.zhang, '#投诉 处理 T1 已上门更换滤芯')
    await vi.waitFor(() =>
      expect(b.wechat.textsTo('u1').at(-1)).toBe(
        '投诉 T1@sales1 由机器人账号 「小助手sales1」(sales1) 跟进（客户群「张三交流群」），请私聊「小助手sales1」发送（不要发在客户群里，客户能看到）：#投诉 处理 T1 <处理说明>',
      ),
    )
    expect(a.rt.timers.pending('service').map(t => t.key)).toEqual(['remind:T1', 'deadline:T1'])
    expect(a.wechat.textsTo(svc.customers.id).filter(t => t.includes('已经处理'))).toEqual([])
  })
})
