import { describe, expect, it } from 'vitest'
import { casesPlugin } from '../../../plugins/cases/index.js'
import { at, liu, sales, serviceRuntime, zhang } from './helpers.js'

const DEAL = '#成交\n客户：刘总（南宁某连锁餐饮，12 家门店）\n产品：商用净水器\n金额：8.6万\n结果：签了 12 台'

describe('service: follow-ups from closed deals', () => {
  it('a #成交 case schedules a follow-up for its author on the 7th working day, done with #回访 完成', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, DEAL, sales)
    expect(wechat.textsTo('r1')[0]).toContain('已记录成交案例 C1')
    expect(wechat.textsTo('u1')).toEqual([
      '📅 成交案例 C1 已安排回访 R1：12-09 10:00 提醒你回访 刘总。提前回访完成可私聊机器人发送 #回访 完成 R1 <回访结果>。',
    ])
    await clock.advanceTo(at('10:01', '2026-12-09'))
    // 刘总 is a member of 张三's customer group: the follow-up belongs to that group (and moves with it).
    expect(wechat.textsTo('u1')[1]).toBe(
      '📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总（成交案例 C1）。完成后私聊机器人发送 #回访 完成 R1 <回访结果>。',
    )
    await say(zhang, '#回访 完成 R1 客户很满意，又介绍了一家门店', sales)
    expect(wechat.textsTo('r1').at(-1)).toBe('✅ 回访 R1（刘总）已完成。')
  })

  it('a #回访 and a #成交 of the same customer the same day are one follow-up, either order, on the day a person chose', async () => {
    const one = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await one.say(zhang, '#回访 刘总 3天 问滤芯', null)
    await one.say(zhang, DEAL, sales)
    expect(one.wechat.textsTo('u1')).toEqual([
      '📅 已安排回访 R1：12-03 10:00 提醒 张三 回访 刘总。',
      '📅 成交案例 C1 已并入今天安排的回访 R1：12-03 10:00 提醒回访 刘总。提前回访完成可私聊机器人发送 #回访 完成 R1 <回访结果>。',
    ])
    await one.say(zhang, '#回访 列表', sales)
    expect(one.wechat.textsTo('r1').at(-1)).toMatch(/^待回访 1 条：\nR1 12-03 10:00/)
    const two = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await two.say(zhang, DEAL, sales)
    await two.say(zhang, '#回访 刘总 3天 问滤芯', null)
    expect(two.wechat.textsTo('u1')[1]).toBe(
      '📅 已安排回访 R1：12-03 10:00 提醒 张三 回访 刘总。\n（已与成交案例 C1 的回访合并，按你定的日期提醒。）',
    )
    await two.clock.advanceTo(at('10:01', '2026-12-03'))
    expect(two.wechat.textsTo('u1')[2]).toBe(
      '📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总（成交案例 C1）（问滤芯）。完成后私聊机器人发送 #回访 完成 R1 <回访结果>。',
    )
    await two.clock.advanceTo(at('10:01', '2026-12-09'))
    expect(two.wechat.textsTo('u1')).toHaveLength(3) // the deal's own day is gone
  })

  it('skips other case tags, and follows dealFollowUp.days (0 = none)', async () => {
    const one = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await one.say(zhang, '#问题 客户说太贵了怎么办', sales)
    expect(one.wechat.textsTo('u1')).toEqual([])
    const off = await serviceRuntime('{ dealFollowUp: { days: 0 } }', at('10:00'), { plugins: [casesPlugin] })
    await off.say(zhang, DEAL, sales)
    expect(off.wechat.textsTo('u1')).toEqual([])
    const two = await serviceRuntime('{ dealFollowUp: { days: 2 } }', at('10:00', '2026-12-04'), {
      plugins: [casesPlugin],
    })
    await two.say(zhang, DEAL, sales)
    expect(two.wechat.textsTo('u1')[0]).toContain('R1：12-08 10:00') // Friday + 2 working days
    const other = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await other.say(zhang, DEAL.replace('刘总', '王总'), sales)
    await other.clock.advanceTo(at('10:01', '2026-12-09'))
    expect(other.wechat.textsTo('u1')[1]).toMatch(/^📞 回访提醒 R1：今天请回访成交客户 王总（成交案例 C1）。/)
  })
})

describe('service: the daily report', () => {
  it('lists overdue follow-ups and complaints to the admins on workdays, and says nothing when none is late', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, DEAL, sales)
    const daily = () => wechat.textsTo('admin1').filter(t => t.startsWith('📋'))
    await clock.advanceTo(at('09:31', '2026-12-09'))
    expect(daily()).toEqual([])
    await clock.advanceTo(at('15:00', '2026-12-09'))
    await say(liu, '师傅一直没来安装，我要投诉')
    await clock.advanceTo(at('09:31', '2026-12-10'))
    expect(daily()).toEqual([
      [
        '📋 客服日报（2026-12-10）',
        '超时未处理的投诉 1 条：',
        '· T1 「张三交流群」刘总，12-09 17:00 到期，负责人 张三',
        '逾期未完成的回访 1 个：',
        '· R1 「张三交流群」刘总，应于 12-09 10:00 回访，负责人 张三',
      ].join('\n'),
    ])
    await say(zhang, '#回访 完成 R1 已回访', sales)
    await say(zhang, '#投诉 处理 T1 已约好明天上门', sales)
    await clock.advanceTo(at('09:31', '2026-12-14'))
    expect(daily()).toHaveLength(1)
  })
})
