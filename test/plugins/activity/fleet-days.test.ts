import { describe, expect, it } from 'vitest'
import { addDay } from '../../../plugins/activity/days/fleet-days.js'
import type { GroupDay } from '../../../plugins/activity/state.js'

const day = (messages: number, first: number, last: number, hour: number, size: number): GroupDay => ({
  day: '2026-11-30',
  groupId: 'r1',
  topic: '销售一群',
  kind: 'customer',
  members: {
    zhang: { name: '张三', staff: true, messages, chars: messages * 5, kinds: { text: messages }, first, last },
  },
  hours: Array.from({ length: 24 }, (_, h) => (h === hour ? messages : 0)),
  joined: [{ id: 'c9', name: '新客户' }],
  left: [],
  responses: [['zhang', 60_000]],
  unanswered: 1,
  size,
})

describe('activity: a group-day split between two accounts (a takeover)', () => {
  it('adds both halves: each message counted once, first and last of the whole day, one join', () => {
    const before = day(3, 1_000, 2_000, 9, 40)
    const after = day(2, 5_000, 9_000, 15, 41)
    const whole = addDay(before, after)
    expect(whole.members.zhang).toMatchObject({ messages: 5, chars: 25, kinds: { text: 5 }, first: 1_000, last: 9_000 })
    expect(whole.hours[9] + whole.hours[15]).toBe(5)
    expect(whole.joined).toEqual([{ id: 'c9', name: '新客户' }])
    expect(whole.responses).toHaveLength(2)
    expect(whole.unanswered).toBe(2)
    expect(whole.size).toBe(41)
  })
})
