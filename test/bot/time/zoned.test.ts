import { describe, expect, it } from 'vitest'
import {
  addDays,
  clockTime,
  dayKey,
  shortDateTime,
  startOfDay,
  zonedInstant,
  zonedParts,
} from '../../../bot/time/zoned.js'

const SH = 'Asia/Shanghai'
const NY = 'America/New_York'

describe('dayKey', () => {
  it('turns the day at Shanghai midnight, not UTC midnight', () => {
    expect(dayKey(Date.parse('2026-11-30T15:59:59Z'), SH)).toBe('2026-11-30')
    expect(dayKey(Date.parse('2026-11-30T16:00:00Z'), SH)).toBe('2026-12-01')
    expect(dayKey(Date.parse('2026-11-30T16:00:00Z'), 'UTC')).toBe('2026-11-30')
  })

  it('turns the year at Shanghai midnight on New Year’s Eve', () => {
    expect(dayKey(Date.parse('2026-12-31T15:59:59Z'), SH)).toBe('2026-12-31')
    expect(dayKey(Date.parse('2026-12-31T16:00:00Z'), SH)).toBe('2027-01-01')
  })
})

describe('zonedInstant', () => {
  it('is the instant of a Shanghai wall-clock time', () => {
    expect(zonedInstant('2026-11-30', '09:00', SH)).toBe(Date.parse('2026-11-30T01:00:00Z'))
    expect(zonedInstant('2026-12-01', '00:00', SH)).toBe(Date.parse('2026-11-30T16:00:00Z'))
  })

  it.each([
    ['2026-11-30', '09:00', SH],
    ['2026-01-01', '00:00', SH],
    ['2026-12-31', '23:59', SH],
    ['2026-07-01', '09:30', NY],
    ['2026-12-01', '09:30', NY],
  ])('round-trips %s %s in %s', (day, time, tz) => {
    const t = zonedInstant(day, time, tz)
    expect(dayKey(t, tz)).toBe(day)
    expect(clockTime(t, tz)).toBe(time)
  })

  it('follows daylight saving time in a zone that has it', () => {
    expect(zonedInstant('2026-07-01', '09:00', NY)).toBe(Date.parse('2026-07-01T13:00:00Z'))
    expect(zonedInstant('2026-12-01', '09:00', NY)).toBe(Date.parse('2026-12-01T14:00:00Z'))
  })
})

describe('calendar helpers', () => {
  it.each([
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-10-01', 7, '2026-10-08'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected)
  })

  it('gives the Shanghai start of day and wall-clock fields', () => {
    const t = Date.parse('2026-11-30T17:30:00Z') // Tue 2026-12-01 01:30 in Shanghai
    expect(startOfDay(t, SH)).toBe(Date.parse('2026-11-30T16:00:00Z'))
    expect(zonedParts(t, SH)).toEqual({ year: 2026, month: 12, day: 1, hour: 1, minute: 30, second: 0, weekday: 2 })
    expect(shortDateTime(t, SH)).toBe('12-01 01:30')
  })
})
