import { describe, expect, it } from 'vitest'
import { Roster } from '../../../bot/roster/roster.js'
import { customers, liu, sales, serviceRuntime, zhang } from './helpers.js'

describe('service: staff who leave (离职)', () => {
  it('tells the admins what a leaver still holds, hands their open work to the admins, and asks for the account', async () => {
    const { rt, wechat, say } = await serviceRuntime()
    await say(liu, '质量太差了，我要投诉')
    await say(zhang, '#回访 @刘总 3天', customers, { mentions: ['c1'] })
    rt.replaceRoster(new Roster([{ name: '李四', dept: '销售部', contactId: 'u2', line: 1 }]))
    await say(liu, '还有人管吗')
    expect(wechat.textsTo('admin1')).toEqual([
      [
        '👋 员工离职：张三 已不在花名册（或已标记离职）。',
        '仍在的受管理群：销售部工作群、张三交流群（请将其移出）',
        '负责的客户群：张三交流群（没有指定接替的人，请在 service.responsible 中指定）',
        '未处理的投诉/回访：T1、R1，已转由管理员跟进（#投诉 列表、#回访 列表）。',
        '请及时收回其工作微信号。',
      ].join('\n'),
    ])
    expect(rt.audit.query({ plugin: 'service' }).map(e => e.rule)).toContain('service.staff-left')
    await say(liu, '我要退款')
    expect(wechat.textsTo('admin1')[1]).toContain('📣 新投诉 T2')
    expect(wechat.textsTo('admin1')[1]).toContain('本群没有配置负责员工')
    await say(liu, '还是退款吧', sales)
    expect(wechat.textsTo('admin1')).toHaveLength(2)
  })

  it('treats a roster entry marked 离职 as gone, once', async () => {
    const { rt, wechat, say } = await serviceRuntime()
    await say(liu, '你好')
    rt.replaceRoster(new Roster([{ name: '张三', dept: '离职', contactId: 'u1', line: 1 }]))
    await say(liu, '在吗')
    await say(liu, '在吗？')
    expect(wechat.textsTo('admin1').filter(t => t.startsWith('👋'))).toHaveLength(1)
  })
})
