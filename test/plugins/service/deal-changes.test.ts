import { describe, expect, it } from 'vitest'
import { casesPlugin } from '../../../plugins/cases/index.js'
import { FOLLOWUPS_DOC } from '../../../plugins/service/state.js'
import { admin, at, sales, serviceRuntime, zhang } from './helpers.js'

const DEAL = '#成交\n客户：刘总\n产品：商用净水器'
const reminders = (texts: string[]) => texts.filter(t => t.startsWith('📞'))

describe('service: a deal changed after its follow-up was set', () => {
  it('a withdrawn deal is not followed up, and its customer is no longer stored', async () => {
    const { clock, wechat, say, store } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, DEAL, sales)
    expect(wechat.textsTo('u1')[0]).toMatch(/^📅 成交案例 C1 已安排回访 R1/)
    const stored = () => JSON.stringify(store.doc('service-followups', FOLLOWUPS_DOC).data)
    expect(stored()).toContain('刘总')
    await say(zhang, '#案例 撤回 C1', sales)
    expect(wechat.textsTo('r1').at(-1)).toMatch(/撤回/)
    await say(zhang, '#回访 列表', sales)
    expect(wechat.textsTo('r1').at(-1)).toBe('目前没有待回访的客户。')
    expect(stored()).not.toContain('刘总')
    await clock.advanceTo(at('10:01', '2026-12-09'))
    expect(reminders(wechat.textsTo('u1'))).toEqual([])
  })

  it('a deal an admin deletes is not followed up either', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, DEAL, sales)
    await say(admin, '#案例 删除 C1 重复登记', sales)
    await clock.advanceTo(at('10:01', '2026-12-09'))
    expect(reminders(wechat.textsTo('u1'))).toEqual([])
  })

  it('a follow-up staff asked for the same day stays when the deal joined to it is withdrawn', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, '#回访 刘总 3天 问滤芯', null)
    await say(zhang, DEAL, sales)
    await say(zhang, '#案例 撤回 C1', sales)
    await clock.advanceTo(at('10:01', '2026-12-03'))
    expect(reminders(wechat.textsTo('u1'))).toEqual([
      '📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总（问滤芯）。完成后私聊机器人发送 #回访 完成 R1 <回访结果>。',
    ])
  })

  it('amending the 客户 of a deal moves its follow-up to the new customer', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, DEAL.replace('刘总', '王总'), sales)
    await say(zhang, '#案例 修改 C1 客户：刘总', sales)
    await clock.advanceTo(at('10:01', '2026-12-09'))
    // 刘总 is a member of 张三's customer group (王总 of none): the follow-up now belongs to that group.
    expect(reminders(wechat.textsTo('u1'))).toEqual([
      '📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总（成交案例 C1）。完成后私聊机器人发送 #回访 完成 R1 <回访结果>。',
    ])
  })

  it('amending the 客户 of a deal posted privately places its follow-up too', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, DEAL.replace('刘总', '王总'), null)
    await say(zhang, '#案例 修改 C1 客户：刘总', null)
    await clock.advanceTo(at('10:01', '2026-12-09'))
    expect(reminders(wechat.textsTo('u1'))[0]).toMatch(
      /^📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总（成交案例 C1）/,
    )
  })

  it('a free-text #成交 (no 客户 field) names the deal, not its first line, as the customer', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('10:00'), { plugins: [casesPlugin] })
    await say(zhang, '#成交 今天签了南宁某餐饮连锁12台商用净水器，8.6万', sales)
    expect(wechat.textsTo('u1')).toEqual([
      '📅 成交案例 C1 已安排回访 R1：12-09 10:00 提醒你回访 成交客户（C1）。提前回访完成可私聊机器人发送 #回访 完成 R1 <回访结果>。',
    ])
    await say(zhang, '#回访 列表', sales)
    expect(wechat.textsTo('r1').at(-1)).toContain('R1 12-09 10:00 成交客户（C1），负责人 张三')
    await clock.advanceTo(at('10:01', '2026-12-09'))
    expect(reminders(wechat.textsTo('u1'))).toEqual([
      '📞 回访提醒 R1：今天请回访成交客户（C1）。完成后私聊机器人发送 #回访 完成 R1 <回访结果>。',
    ])
  })
})
