import { describe, expect, it } from 'vitest'
import { group, member } from '../../helpers/harness.js'
import { admin, at, customers, li, liu, sales, serviceRuntime, zhang } from './helpers.js'

describe('service: follow-ups (回访)', () => {
  it('reminds the responsible salesperson on the 7th working day and completes with #回访 完成', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('15:00'))
    await say(zhang, '#回访 @刘总 7天 询问滤芯使用情况', customers, { mentions: ['c1'] })
    expect(wechat.textsTo('r2')).toEqual([])
    expect(wechat.textsTo('u1')).toEqual([
      '📅 已安排回访 R1：12-09 10:00 提醒 张三 回访 刘总。\n提示：客户群里的人都能看到你发的内容，@ 还会提醒客户。回访以后请私聊机器人发送：#回访 <客户名> 7天 [备注]。',
    ])
    await clock.advanceTo(at('09:59', '2026-12-09'))
    expect(wechat.textsTo('u1')).toHaveLength(1)
    await clock.advanceTo(at('10:01', '2026-12-09'))
    expect(wechat.textsTo('u1')[1]).toBe(
      '📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总（询问滤芯使用情况）。完成后私聊机器人发送 #回访 完成 R1 <回访结果>。',
    )
    await say(zhang, '#回访 列表', sales)
    expect(wechat.textsTo('r1')[0]).toContain('R1 12-09 10:00（已逾期） 「张三交流群」刘总，负责人 张三')
    await say(zhang, '#回访 完成 R1 客户反馈出水正常', sales)
    expect(wechat.textsTo('r1')[1]).toBe('✅ 回访 R1（刘总）已完成。')
    await say(zhang, '#回访 列表', sales)
    expect(wechat.textsTo('r1')[2]).toBe('目前没有待回访的客户。')
  })

  it('reads days as people write them: 3天后, 3个工作日后', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('15:00'))
    await say(zhang, '#回访 刘总 3天后 问滤芯', null)
    await say(zhang, '#回访 刘总 3个工作日以后', null)
    expect(wechat.textsTo('u1')).toEqual([
      '📅 已安排回访 R1：12-03 10:00 提醒 张三 回访 刘总。',
      '📅 已安排回访 R2：12-03 10:00 提醒 张三 回访 刘总。',
    ])
  })

  it('counts follow-ups, not customers, in #回访 列表 and #状态 (two for one customer are 2 条)', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('15:00'))
    await say(zhang, '#回访 刘总 2天', null)
    await say(zhang, '#回访 刘总 7天', null)
    await say(zhang, '#回访 列表', sales)
    expect(wechat.textsTo('r1')[0]).toMatch(/^待回访 2 条：\n/)
    await say(admin, '#状态', null)
    expect(wechat.textsTo('admin1').join('\n')).toContain('待回访 2 条')
  })

  it('lists open follow-ups soonest first, whatever order they were made in', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('15:00'))
    await say(zhang, '#回访 @刘总 7天', customers, { mentions: ['c1'] })
    await say(zhang, '#回访 @刘总 2天', customers, { mentions: ['c1'] })
    await say(zhang, '#回访 列表', sales)
    const lines = wechat.textsTo('r1')[0].split('\n').slice(1)
    expect(lines.map(l => l.split(' ')[0])).toEqual(['R2', 'R1'])
  })

  it('skips the National Day holidays', async () => {
    const { clock, wechat, say } = await serviceRuntime(undefined, at('09:00', '2026-09-30'))
    await say(zhang, '#回访 @刘总 1天', customers, { mentions: ['c1'] })
    expect(wechat.textsTo('u1')[0]).toContain('10-08 10:00')
    await clock.advanceTo(at('10:01', '2026-10-08'))
    expect(wechat.textsTo('u1')[1]).toContain('📞 回访提醒 R1')
  })

  it('answers usage without a customer or days, outside customer groups, and for unknown ids', async () => {
    const { wechat, say } = await serviceRuntime()
    await say(zhang, '#回访 7天', customers)
    await say(li, '#回访 @刘总 3天', sales, { mentions: ['c1'] })
    await say(li, '#回访 完成 R5 好了', sales)
    await say(liu, '#回访 列表', customers)
    await say(zhang, '#回访 刘总 明天', null)
    expect(wechat.textsTo('u1')[0]).toContain('请写明回访哪位客户：#回访 刘总 7天 [备注]（私聊）')
    expect(wechat.textsTo('u1')[1]).toMatch(
      /^没有看到回访时间：请写几个工作日后回访，如「1天」「7天」（明天写 1天），例如 #回访 刘总 1天 问滤芯。\n用法：/,
    )
    expect(wechat.textsTo('u2')[0]).toBe('请私聊机器人发送 #回访 <客户名> 7天 [备注]（客户群里的人能看到群里的内容）。')
    expect(wechat.textsTo('u2')[1]).toContain('没有回访 R5。')
    expect(wechat.textsTo('c1')).toEqual([]) // a customer is refused silently (audited)
    expect(wechat.textsTo('r2')).toEqual([])
  })

  it('reads days written in Chinese numerals (七天) as the digits (7天)', async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('15:00'))
    await say(zhang, '#回访 刘总 七天 问滤芯', null)
    expect(wechat.textsTo('u1')).toEqual(['📅 已安排回访 R1：12-09 10:00 提醒 张三 回访 刘总。'])
  })

  it("privately takes the customer by name (an @ typed there is only text) from the asker's customer groups", async () => {
    const { clock, wechat, say } = await serviceRuntime()
    await clock.advanceTo(at('15:00'))
    await say(zhang, '#回访 刘总 7天 问滤芯', null)
    await say(zhang, '#回访 @刘总 2天', null)
    await say(li, '#回访 刘总 2天', null) // 李四 is neither responsible for nor in 张三's customer group
    await say(zhang, '#回访 王总 2天', null)
    expect(wechat.textsTo('u1')).toEqual([
      '📅 已安排回访 R1：12-09 10:00 提醒 张三 回访 刘总。',
      '📅 已安排回访 R2：12-02 10:00 提醒 张三 回访 刘总。',
      '你的客户群里没有名为「王总」的客户。可写群昵称、微信名或微信 ID：#回访 刘总 7天 [备注]。',
    ])
    expect(wechat.textsTo('u2')).toEqual([
      '你的客户群里没有名为「刘总」的客户。可写群昵称、微信名或微信 ID：#回访 刘总 7天 [备注]。',
    ])
    expect(wechat.textsTo('r2')).toEqual([])
    await clock.advanceTo(at('10:01', '2026-12-09'))
    expect(wechat.textsTo('u1').at(-1)).toBe(
      '📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总（问滤芯）。完成后私聊机器人发送 #回访 完成 R1 <回访结果>。',
    )
  })

  it('in a customer group takes the name without an @ (no ping), answered privately', async () => {
    const { wechat, say } = await serviceRuntime()
    await say(zhang, '#回访 刘总 3天 问滤芯', customers)
    expect(wechat.textsTo('u1')[0]).toMatch(/^📅 已安排回访 R1：12-03 10:00 提醒 张三 回访 刘总。\n提示：/)
    expect(wechat.textsTo('r2')).toEqual([])
  })

  it("asks which customer when the name is in two of the asker's customer groups", async () => {
    const { wechat, say } = await serviceRuntime('{ responsible: { 张三交流群: [u1], 张三二群: [u1] } }', undefined, {
      customerGroup: '{ name: 客户群, topicPattern: "^张三", kind: customer }',
    })
    wechat.addGroup(group('r3', '张三二群', 'customer', '客户群'), [zhang, member('c9', '刘总')])
    await say(zhang, '#回访 刘总 7天', null)
    expect(wechat.textsTo('u1')).toEqual([
      '「刘总」对应 2 位客户（「张三交流群」c1、「张三二群」c9），请写微信 ID：#回访 <微信ID> 7天 [备注]。',
    ])
    await say(zhang, '#回访 c9 7天', null)
    expect(wechat.textsTo('u1')[1]).toContain('📅 已安排回访 R1')
  })

  it("sets one follow-up for one customer who is in two of the asker's customer groups, naming the group", async () => {
    const { wechat, say, clock } = await serviceRuntime(
      '{ responsible: { 张三交流群: [u1], 张三二群: [u1] } }',
      undefined,
      { customerGroup: '{ name: 客户群, topicPattern: "^张三", kind: customer }' },
    )
    wechat.addGroup(group('r3', '张三二群', 'customer', '客户群'), [zhang, member('c1', '刘总')])
    await say(zhang, '#回访 刘总 7天', null)
    await say(zhang, '#回访 列表', null)
    expect(wechat.textsTo('u1')[0]).toBe(
      '📅 已安排回访 R1：12-09 10:00 提醒 张三 回访 刘总。\n（刘总 还在你的另外 1 个客户群里，是同一位客户：回访记在「张三交流群」。）',
    )
    expect(wechat.textsTo('u1')[1]).not.toContain('R2')
    await clock.advanceTo(at('10:01', '2026-12-09'))
    expect(wechat.textsTo('u1').filter(t => t.startsWith('📞 回访提醒'))).toHaveLength(1)
  })
})
