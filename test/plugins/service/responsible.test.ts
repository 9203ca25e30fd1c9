import { describe, expect, it } from 'vitest'
import { Roster } from '../../../bot/roster/roster.js'
import { customers, liu, sales, serviceRuntime, zhang } from './helpers.js'

const ROSTER = `  - { name: 张三, dept: 销售部, contactId: u1 }
  - { name: 李四, dept: 销售部, contactId: u2 }`

describe('service: who is responsible for a customer group', () => {
  it('reads groups[].responsible of the group entry', async () => {
    const { wechat, say } = await serviceRuntime('{}', undefined, {
      roster: ROSTER,
      customerGroup: '{ name: 客户群, topic: 张三交流群, kind: customer, responsible: [u2] }',
    })
    await say(liu, '我要投诉')
    expect(wechat.textsTo('u2')[0]).toMatch(/^📣 新投诉 T1/)
    expect(wechat.textsTo('admin1')).toEqual([])
  })

  it('service.responsible by topic wins (one room of a topic pattern); by config name it is only a fallback', async () => {
    const byTopic = await serviceRuntime('{ responsible: { 张三交流群: [u1] } }', undefined, {
      roster: ROSTER,
      customerGroup: '{ name: 客户群, topic: 张三交流群, kind: customer, responsible: [u2] }',
    })
    await byTopic.say(liu, '我要投诉')
    expect(byTopic.wechat.textsTo('u1')[0]).toMatch(/^📣 新投诉 T1/)
    expect(byTopic.wechat.textsTo('u2')).toEqual([])
    const byName = await serviceRuntime('{ responsible: { 客户群: [u1] } }', undefined, {
      roster: ROSTER,
      customerGroup: '{ name: 客户群, topic: 张三交流群, kind: customer, responsible: [u2] }',
    })
    await byName.say(liu, '我要投诉')
    expect(byName.wechat.textsTo('u2')[0]).toMatch(/^📣 新投诉 T1/)
  })
})

describe('service: nothing internal in a customer group', () => {
  it('through a whole flow typed in the customer group, the group reads only the configured words', async () => {
    const { rt, clock, wechat, say } = await serviceRuntime(undefined, undefined, { roster: ROSTER })
    const msg = await say(liu, '发票一直没开')
    await say(zhang, '#投诉', customers, { quote: { id: msg.id, senderName: '刘总', text: msg.text } })
    await say(liu, '质量问题，我要退款')
    await say(zhang, '#投诉 列表')
    await say(zhang, '#投诉 T2')
    await say(zhang, '#投诉 处理 T9 好了')
    await say(zhang, '#投诉 处理 T1')
    await say(zhang, '#投诉 处理 T1 发票已开')
    await say(zhang, '#回访 @刘总 2天 问问发票收到没', customers, { mentions: ['c1'] })
    await say(zhang, '#回访 完成 R1')
    await say(zhang, '#回访 列表')
    await clock.advanceTo(clock.now() + 3 * 86_400_000)
    rt.replaceRoster(new Roster([{ name: '李四', dept: '销售部', contactId: 'u2', line: 1 }]))
    await say(liu, '在吗')
    expect([...new Set(wechat.textsTo('r2'))]).toEqual([
      '您好，您反馈的问题我们已经记录，负责同事会尽快与您联系处理，请您稍候。',
      '您好，您反馈的问题已经处理，感谢您的耐心。如还有不满意的地方，请随时告诉我们。',
    ])
    expect(wechat.textsTo('u1').join('\n')).toContain('用法：#回访 完成 R2 <回访结果>')
    expect(wechat.textsTo('u1').join('\n')).toContain('没有投诉 T9。用法：')
    expect(wechat.textsTo('admin1').some(t => t.startsWith('👋 员工离职：张三'))).toBe(true)
    await say(zhang, '#投诉 T1', sales)
    expect(wechat.textsTo('r1').at(-1)).toContain('已处理：')
  })
})
