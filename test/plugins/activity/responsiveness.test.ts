import { describe, expect, it } from 'vitest'
import type { GroupWaiting, PendingMessage } from '../../../plugins/activity/state.js'
import {
  customerAsked,
  dueForReminder,
  nextReminderAt,
  staffAnswered,
} from '../../../plugins/activity/decide-waiting.js'
import { percentile, responseStats } from '../../../plugins/activity/report/response-stats.js'

const MIN = 60_000
const waiting = (): GroupWaiting => ({
  group: { id: 'c1', topic: '示例科技张三交流群', kind: 'customer', configName: '客户群' },
  msgs: [],
})
const ask = (memberId: string, at: number): PendingMessage => ({
  id: `${memberId}-${at}`,
  memberId,
  name: memberId,
  at,
  day: '2026-11-30',
  text: '在吗',
})
const wallClock = (a: number, b: number) => b - a

describe('response pairing', () => {
  it('the first staff answer closes every waiting question; a second staff answer adds nothing', () => {
    const w = waiting()
    customerAsked(w, ask('刘总', 0))
    customerAsked(w, ask('周姐', 2 * MIN)) // asks before the first is answered
    expect(staffAnswered(w, 'zhang', 5 * MIN, wallClock)).toEqual([
      ['zhang', 5 * MIN],
      ['zhang', 3 * MIN],
    ])
    expect(staffAnswered(w, 'li', 6 * MIN, wallClock)).toEqual([])
    expect(w.msgs).toEqual([])
  })

  it('times a customer who asks three times once, from the first question', () => {
    const w = waiting()
    customerAsked(w, ask('刘总', 0))
    customerAsked(w, ask('刘总', MIN))
    customerAsked(w, ask('周姐', 2 * MIN))
    customerAsked(w, ask('刘总', 3 * MIN))
    expect(staffAnswered(w, 'zhang', 5 * MIN, wallClock)).toEqual([
      ['zhang', 5 * MIN],
      ['zhang', 3 * MIN],
    ])
  })

  it('reminds about a customer once, however many messages they send before an answer', () => {
    const w = waiting()
    const deadline = (at: number) => at + 10 * MIN
    customerAsked(w, ask('刘总', 0))
    customerAsked(w, ask('刘总', MIN))
    expect(nextReminderAt(w, deadline)).toBe(10 * MIN)
    expect(dueForReminder(w, 10 * MIN, deadline)).toEqual([{ first: expect.objectContaining({ at: 0 }), count: 2 }])
    customerAsked(w, ask('刘总', 12 * MIN))
    expect(nextReminderAt(w, deadline)).toBeUndefined()
    expect(dueForReminder(w, 30 * MIN, deadline)).toEqual([])
  })

  it('reminds each waiting customer once, and arms the next reminder for later ones', () => {
    const w = waiting()
    const deadline = (at: number) => at + 10 * MIN
    customerAsked(w, ask('刘总', 0))
    customerAsked(w, ask('周姐', 4 * MIN))
    expect(nextReminderAt(w, deadline)).toBe(10 * MIN)
    expect(dueForReminder(w, 10 * MIN, deadline).map(c => c.first.memberId)).toEqual(['刘总'])
    expect(dueForReminder(w, 10 * MIN, deadline)).toEqual([])
    expect(nextReminderAt(w, deadline)).toBe(14 * MIN)
  })
})

describe('percentiles', () => {
  it.each([
    [[5], 0.5, 5],
    [[1, 2, 3, 4], 0.5, 2],
    [[9, 1, 5], 0.5, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 0.9, 9],
  ])('%j at %d is %d (nearest rank)', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected)
  })

  it('summarises count, median and p90, and nothing for no answers', () => {
    expect(responseStats([3, 1, 2])).toEqual({ count: 3, median: 2, p90: 3 })
    expect(responseStats([])).toBeUndefined()
  })
})
