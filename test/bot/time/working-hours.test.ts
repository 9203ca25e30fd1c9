import { describe, expect, it } from 'vitest'
import { chineseCalendar } from '../../../bot/time/workdays.js'
import { addWorkingTime, parseWindows, workingTimeBetween } from '../../../bot/time/working-hours.js'

const TZ = 'Asia/Shanghai'
const windows = parseWindows(['13:30-18:00', '09:00-12:00'])
const at = (local: string) => Date.parse(`${local}:00+08:00`)
const min = 60_000

describe('addWorkingTime (09:00-12:00, 13:30-18:00, statutory calendar)', () => {
  it.each([
    ['plain morning', '2026-11-30T09:00', 30, '2026-11-30T09:30'],
    ['ends exactly at lunch', '2026-11-30T11:30', 30, '2026-11-30T12:00'],
    ['across lunch', '2026-11-30T11:50', 30, '2026-11-30T13:50'],
    ['posted during lunch', '2026-11-30T12:10', 30, '2026-11-30T14:00'],
    ['before work starts', '2026-11-30T08:00', 30, '2026-11-30T09:30'],
    ['a whole working day (7.5h)', '2026-11-30T09:00', 450, '2026-11-30T18:00'],
    ['across the evening', '2026-11-30T17:45', 30, '2026-12-01T09:15'],
    ['posted in the evening', '2026-11-30T20:00', 30, '2026-12-01T09:30'],
    ['two hours across the evening', '2026-11-30T16:30', 120, '2026-12-01T09:30'],
    ['across a weekend', '2026-12-04T17:50', 30, '2026-12-07T09:20'],
    ['posted on a Saturday', '2026-12-05T10:00', 120, '2026-12-07T11:00'],
    ['across National Day (Oct 1-7 off)', '2026-09-30T17:40', 60, '2026-10-08T09:40'],
    ['posted during the holiday', '2026-10-03T10:00', 30, '2026-10-08T09:30'],
    ['into the make-up Saturday 10-10', '2026-10-09T17:30', 60, '2026-10-10T09:30'],
    ['from the make-up Saturday over Sunday', '2026-10-10T17:50', 30, '2026-10-12T09:20'],
  ])('%s: %s + %i min -> %s', (_, start, minutes, expected) => {
    expect(addWorkingTime(at(start), minutes * min, windows, TZ, chineseCalendar)).toBe(at(expected))
  })

  it('with no time to add, gives the next working moment', () => {
    expect(addWorkingTime(at('2026-11-30T12:30'), 0, windows, TZ, chineseCalendar)).toBe(at('2026-11-30T13:30'))
    expect(addWorkingTime(at('2026-11-30T10:00'), 0, windows, TZ, chineseCalendar)).toBe(at('2026-11-30T10:00'))
  })
})

describe('parseWindows', () => {
  it('sorts windows and rejects empty or overlapping ones', () => {
    expect(windows.map(w => w.from)).toEqual(['09:00', '13:30'])
    expect(() => parseWindows(['12:00-09:00'])).toThrow(/ends before it starts/)
    expect(() => parseWindows(['09:00-12:30', '12:00-18:00'])).toThrow(/overlap/)
  })
})

describe('workingTimeBetween (09:00-12:00, 13:30-18:00, statutory calendar)', () => {
  it.each([
    ['inside one window', '2026-11-30T09:00', '2026-11-30T09:10', 10],
    ['lunch does not count', '2026-11-30T11:55', '2026-11-30T13:35', 10],
    ['the evening does not count', '2026-11-30T17:55', '2026-12-01T09:05', 10],
    ['a weekend does not count', '2026-12-04T17:55', '2026-12-07T09:05', 10],
    ['National Day does not count', '2026-09-30T17:55', '2026-10-08T09:05', 10],
    ['the end before the start', '2026-11-30T10:00', '2026-11-30T09:00', 0],
  ])('%s', (_name, from, to, minutes) => {
    expect(workingTimeBetween(at(from), at(to), windows, TZ, chineseCalendar)).toBe(minutes * min)
  })

  it('is the inverse of addWorkingTime', () => {
    const start = at('2026-11-30T16:40')
    expect(
      workingTimeBetween(
        start,
        addWorkingTime(start, 95 * min, windows, TZ, chineseCalendar),
        windows,
        TZ,
        chineseCalendar,
      ),
    ).toBe(95 * min)
  })
})
