import { describe, expect, it } from 'vitest'
import { chineseCalendar } from '../../../bot/time/workdays.js'
import { parseDeadline, splitDeadline } from '../../../plugins/ack/deadline/parse.js'
import { planDeadline, type DeadlineRules } from '../../../plugins/ack/deadline/plan.js'
import { parseWindows } from '../../../bot/time/working-hours.js'

const at = (local: string) => Date.parse(`${local}:00+08:00`)
const min = 60_000
const wall: DeadlineRules = {
  defaultMs: 30 * min,
  remindBeforeMs: 10 * min,
  tz: 'Asia/Shanghai',
  calendar: chineseCalendar,
}
const working: DeadlineRules = { ...wall, windows: parseWindows(['09:00-12:00', '13:30-18:00']) }

describe('splitDeadline / parseDeadline', () => {
  it.each([
    ['请更新CRM 截止 30分钟', '请更新CRM', { kind: 'after', ms: 30 * min }],
    ['请更新CRM 截止30m', '请更新CRM', { kind: 'after', ms: 30 * min }],
    ['开会，截止：2小时内', '开会', { kind: 'after', ms: 120 * min }],
    ['交周报（截止15:00前）', '交周报', { kind: 'at', time: '15:00' }],
    ['交周报【截止 15点半】', '交周报', { kind: 'at', time: '15:30' }],
    ['交周报 截止 半小时', '交周报', { kind: 'after', ms: 30 * min }],
    ['交周报 截止 2小时30分钟', '交周报', { kind: 'after', ms: 150 * min }],
    ['交周报 截止 1h30m', '交周报', { kind: 'after', ms: 90 * min }],
    ['开会 截止 明天 10:00', '开会', { kind: 'on', when: '明天 10:00' }],
    ['开会 截止 明天10点', '开会', { kind: 'on', when: '明天10点' }],
    ['交报表 截止 2026-12-08 18:00', '交报表', { kind: 'on', when: '2026-12-08 18:00' }],
    ['交报表（截止周五前）', '交报表', { kind: 'on', when: '周五' }],
    ['交报表 截止 12-05', '交报表', { kind: 'on', when: '12-05' }],
    // 1小时后 and 两小时后 are the durations 1小时 and 两小时 (working hours when configured), not clock hours.
    ['开会 截止 1小时后', '开会', { kind: 'after', ms: 60 * min }],
    ['开会 截止 两小时后', '开会', { kind: 'after', ms: 120 * min }],
  ])('%j', (text, content, spec) => {
    expect(splitDeadline(text)).toEqual({ content, spec })
  })

  it('leaves 截止 inside a sentence alone', () => {
    expect(splitDeadline('【通知】本月截止日期前提交报表')).toEqual({ content: '【通知】本月截止日期前提交报表' })
  })

  it('reports a deadline it cannot read', () => {
    expect(splitDeadline('开会 截止 下周')).toEqual({ content: '开会', bad: '下周' })
    expect(splitDeadline('开会 截止 0分钟').bad).toBe('0分钟')
    expect(parseDeadline('25:00')).toBeUndefined()
  })
})

describe('planDeadline', () => {
  it('uses the default in wall time and reminds 10 minutes before', () => {
    expect(planDeadline(at('2026-11-30T09:00'), undefined, wall)).toEqual({
      deadline: at('2026-11-30T09:30'),
      remindAt: at('2026-11-30T09:20'),
    })
  })

  it('counts working time for both the deadline and the reminder', () => {
    expect(planDeadline(at('2026-11-30T17:50'), undefined, working)).toEqual({
      deadline: at('2026-12-01T09:20'),
      remindAt: at('2026-12-01T09:10'),
    })
  })

  it('reminds halfway when the deadline is shorter than the reminder lead', () => {
    expect(planDeadline(at('2026-11-30T09:00'), { kind: 'after', ms: 10 * min }, wall)).toEqual({
      deadline: at('2026-11-30T09:10'),
      remindAt: at('2026-11-30T09:05'),
    })
  })

  it('sends no reminder when remindBefore is 0', () => {
    expect(planDeadline(at('2026-11-30T09:00'), undefined, { ...wall, remindBeforeMs: 0 })).toEqual({
      deadline: at('2026-11-30T09:30'),
      remindAt: undefined,
    })
  })

  it('takes a time of day as today, and refuses one already past', () => {
    expect(planDeadline(at('2026-11-30T09:00'), { kind: 'at', time: '15:00' }, wall)).toEqual({
      deadline: at('2026-11-30T15:00'),
      remindAt: at('2026-11-30T14:50'),
    })
    expect(planDeadline(at('2026-11-30T16:00'), { kind: 'at', time: '15:00' }, wall)).toMatch(/已经过了/)
  })

  it('takes days and dates as the campaign plugin reads them: 明天10点, a date, a day alone at 18:00', () => {
    const posted = at('2026-12-06T09:00')
    const due = (when: string) => planDeadline(posted, { kind: 'on', when }, wall)
    expect(due('明天 10:00')).toEqual({ deadline: at('2026-12-07T10:00'), remindAt: at('2026-12-07T09:50') })
    expect(due('明天10点')).toMatchObject({ deadline: at('2026-12-07T10:00') })
    expect(due('2026-12-08 18:00')).toMatchObject({ deadline: at('2026-12-08T18:00') })
    expect(due('2026-12-08')).toMatchObject({ deadline: at('2026-12-08T18:00') })
    expect(due('2026-12-01')).toMatch(/已经过去/)
  })
})
