import { describe, expect, it } from 'vitest'
import { admin, at, liu, sales, serviceRuntime, zhang } from './helpers.js'

describe('service: answers in observe mode', () => {
  it('#投诉 处理 of an observed ticket says the customer was not told (the group got nothing)', async () => {
    const { clock, wechat, say } = await serviceRuntime('{ responsible: { 张三交流群: [u1] }, dryRun: true }')
    await clock.advanceTo(at('10:00'))
    await say(liu, '净水器漏水，质量太差了')
    await say(zhang, '#投诉 处理 T1 已上门换新', sales)
    expect(wechat.textsTo('r2')).toEqual([])
    expect(wechat.textsTo('r1')).toEqual(['✅ 投诉 T1 已标记为处理（观察模式：只记录，没有告知客户）。'])
  })

  it('a ticket opened while observed and resolved after going live is not told either', async () => {
    const { clock, wechat, say } = await serviceRuntime('{ responsible: { 张三交流群: [u1] }, dryRun: true }')
    await clock.advanceTo(at('10:00'))
    await say(liu, '净水器漏水，质量太差了')
    await say(admin, '#观察 service 关', null)
    expect(wechat.textsTo('admin1').join()).toMatch(/观察模式已关闭/)
    await say(zhang, '#投诉 处理 T1 已上门换新', sales)
    expect(wechat.textsTo('r2')).toEqual([])
    expect(wechat.textsTo('r1').at(-1)).toBe('✅ 投诉 T1 已标记为处理（观察模式：只记录，没有告知客户）。')
  })
})
