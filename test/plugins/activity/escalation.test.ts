import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config/load-config.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { makeRuntime, member, text } from '../../helpers/harness.js'
import { activityConfig, boss, cust, li, liuzong, MIN, sales, zhang } from './fixtures.js'

const HOUR = 60 * MIN
/** Friday 2026-12-04 17:06 in Asia/Shanghai: the trial's customer, waiting over the weekend. */
const FRIDAY_1706 = Date.parse('2026-12-04T17:06:00+08:00')
const MONDAY = (hhmm: string) => Date.parse(`2026-12-07T${hhmm}:00+08:00`)

async function setup(activity = '{ responsible: { 示例科技张三交流群: [zhang] } }', start = FRIDAY_1706) {
  const h = await makeRuntime(activityConfig(activity), [activityPlugin], { start })
  h.wechat.addGroup(sales, [zhang, li, boss, member('admin1', '陈管理')])
  h.wechat.addGroup(cust, [zhang, liuzong])
  return h
}

describe('activity: a customer waiting long is escalated to the leaders', () => {
  it('reminds the salesperson after 10 minutes, then the leader after 2 working hours, across the weekend', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(liuzong, '滤芯什么时候能送到？', clock.now(), cust))
    await clock.advance(11 * MIN) // Friday 17:17
    expect(wechat.textsTo('zhang')).toEqual([expect.stringContaining('刘总 已等待 10分钟')])
    expect(wechat.textsTo('boss')).toEqual([])
    // 54 minutes on Friday, 66 on Monday from 09:00: due Monday 10:06, not over the weekend.
    await clock.advance(MONDAY('10:05') - clock.now())
    expect(wechat.textsTo('boss')).toEqual([])
    await clock.advance(2 * MIN)
    expect(wechat.textsTo('boss')).toEqual([
      [
        '🚨 客户等待升级：「示例科技张三交流群」有 1 位客户等待超过 2小时（按工作时间计）仍没有人回复：',
        '· 刘总 已等待 2小时：「滤芯什么时候能送到？」',
        '已提醒负责员工 张三，请督促尽快回复客户。',
      ].join('\n'),
    ])
    // Once per waiting customer: nothing more that day, and the salesperson was reminded only once.
    await clock.advance(4 * HOUR)
    expect(wechat.textsTo('boss')).toHaveLength(1)
    expect(wechat.textsTo('zhang')).toHaveLength(1)
  })

  it('escalates nobody once staff answered, and never with escalateAfter 0', async () => {
    const answered = await setup()
    await answered.rt.handle(text(liuzong, '滤芯什么时候能送到？', answered.clock.now(), cust))
    await answered.clock.advance(20 * MIN)
    await answered.rt.handle(text(zhang, '刘总您好，周一上午送到', answered.clock.now(), cust))
    await answered.clock.advance(MONDAY('12:00') - answered.clock.now())
    expect(answered.wechat.textsTo('boss')).toEqual([])
    const off = await setup('{ responsible: { 示例科技张三交流群: [zhang] }, escalateAfter: 0 }')
    await off.rt.handle(text(liuzong, '滤芯什么时候能送到？', off.clock.now(), cust))
    await off.clock.advance(MONDAY('12:00') - off.clock.now())
    expect(off.wechat.textsTo('zhang')).toHaveLength(1)
    expect(off.wechat.textsTo('boss')).toEqual([])
  })

  it('takes escalateAfter per group and refuses a value that is no duration', () => {
    expect(() => parseConfig(activityConfig('{ escalateAfter: soon }'), 'test.yaml', [activityPlugin])).toThrow(
      /escalateAfter/,
    )
    const ok = parseConfig(activityConfig('{ escalateAfter: 4h }'), 'test.yaml', [activityPlugin])
    expect((ok.config.plugins.activity as { escalateAfter: number }).escalateAfter).toBe(4 * HOUR)
  })
})
