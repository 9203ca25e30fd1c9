import { describe, expect, it } from 'vitest'
import { chineseCalendar } from '../../../bot/time/workdays.js'
import {
  announceCron,
  announceOpen,
  firstWorkdayFrom,
  nextPostingSlot,
  previousWorkday,
  windowOpenOn,
  type ScheduleContext,
} from '../../../plugins/campaign/schedule/posting-window.js'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const s: ScheduleContext = {
  window: { start: '06:30', end: '09:00', postAt: '07:30' },
  tz: 'Asia/Shanghai',
  calendar: chineseCalendar,
}

describe('posting window across National Day 2026 (Oct 1–7 off, Sat Oct 10 a make-up workday)', () => {
  it('skips the holiday week and lands on the next workday', () => {
    expect(nextPostingSlot(at('2026-09-30T10:00:00'), '2026-09-30', s)).toBe(at('2026-10-08T07:30:00'))
    expect(nextPostingSlot(at('2026-10-03T07:40:00'), '2026-10-03', s)).toBe(at('2026-10-08T07:30:00'))
  })

  it('counts the make-up Saturday as a workday', () => {
    expect(nextPostingSlot(at('2026-10-09T12:00:00'), '2026-10-09', s)).toBe(at('2026-10-10T07:30:00'))
    expect(announceOpen(at('2026-10-10T08:00:00'), s)).toBe(true)
    expect(previousWorkday('2026-10-12', chineseCalendar)).toBe('2026-10-10')
    expect(previousWorkday('2026-10-08', chineseCalendar)).toBe('2026-09-30')
  })

  it('announces at once inside the open part of the window, waits before postAt, and respects a later start day', () => {
    const monday8 = at('2026-11-30T08:00:00')
    expect(nextPostingSlot(monday8, '2026-11-30', s)).toBe(monday8)
    expect(nextPostingSlot(at('2026-11-30T07:00:00'), '2026-11-30', s)).toBe(at('2026-11-30T07:30:00'))
    expect(nextPostingSlot(monday8, '2026-12-05', s)).toBe(at('2026-12-07T07:30:00'))
    expect(announceOpen(at('2026-11-30T09:00:00'), s)).toBe(false)
    expect(announceOpen(at('2026-12-05T08:00:00'), s)).toBe(false)
  })

  it('tells whether a given day’s window is still open, weekends included', () => {
    expect(windowOpenOn('2026-12-05', at('2026-12-05T06:30:00'), s)).toBe(true)
    expect(windowOpenOn('2026-12-05', at('2026-12-05T09:00:00'), s)).toBe(false)
    expect(windowOpenOn('2026-12-04', at('2026-12-05T07:00:00'), s)).toBe(false)
    expect(firstWorkdayFrom('2026-12-05', chineseCalendar)).toBe('2026-12-07')
  })

  it('builds a cron that covers postAt to the end of the window', () => {
    expect(announceCron(s.window)).toBe('* 7-8 * * *')
    expect(announceCron({ start: '06:30', end: '09:30', postAt: '08:30' })).toBe('* 8-9 * * *')
    expect(announceCron({ start: '08:00', end: '09:00', postAt: '08:30' })).toBe('* 8 * * *')
  })
})
