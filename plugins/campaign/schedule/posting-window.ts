import type { WorkCalendar } from '../../../bot/time/workdays.js'
import { addDays, clockTime, dayKey, zonedInstant } from '../../../bot/time/zoned.js'
import type { PostingWindow } from '../config.js'

/** Calendar and timezone every schedule computation needs. */
export interface ScheduleContext {
  window: PostingWindow
  tz: string
  calendar: WorkCalendar
}

/** True when announcements may go out at `now`: a workday, at or after `postAt`, before the window ends. */
export function announceOpen(now: number, s: ScheduleContext): boolean {
  const time = clockTime(now, s.tz)
  return s.calendar.isWorkday(dayKey(now, s.tz)) && time >= s.window.postAt && time < s.window.end
}

/** True when `now` is still inside the posting window of `day` (any weekday). */
export function windowOpenOn(day: string, now: number, s: ScheduleContext): boolean {
  return now >= zonedInstant(day, s.window.start, s.tz) && now < zonedInstant(day, s.window.end, s.tz)
}

/** The first workday on or after `day` (within a year). */
export function firstWorkdayFrom(day: string, calendar: WorkCalendar): string {
  let d = day
  for (let i = 0; i < 366 && !calendar.isWorkday(d); i++) d = addDays(d, 1)
  return d
}

/** The workday before `day`. */
export function previousWorkday(day: string, calendar: WorkCalendar): string {
  let d = addDays(day, -1)
  for (let i = 0; i < 366 && !calendar.isWorkday(d); i++) d = addDays(d, -1)
  return d
}

/**
 * When a campaign starting on `startDay` is announced if nothing is in the
 * way: `now` when announcements are open today, else `postAt` on the first
 * workday on or after max(today, startDay) whose slot is still ahead.
 */
export function nextPostingSlot(now: number, startDay: string, s: ScheduleContext): number {
  const today = dayKey(now, s.tz)
  if (startDay <= today && announceOpen(now, s)) return now
  let day = firstWorkdayFrom(startDay > today ? startDay : today, s.calendar)
  if (zonedInstant(day, s.window.postAt, s.tz) <= now) day = firstWorkdayFrom(addDays(day, 1), s.calendar)
  return zonedInstant(day, s.window.postAt, s.tz)
}

/** A cron expression that runs every minute from `postAt` to the end of the window (hours granularity; code checks minutes). */
export function announceCron(w: PostingWindow): string {
  return everyMinute(w.postAt, w.end)
}

/** A cron expression that runs every minute of the whole posting window, every day (hours granularity; code checks minutes). */
export function windowCron(w: PostingWindow): string {
  return everyMinute(w.start, w.end)
}

function everyMinute(from: string, end: string): string {
  const first = Number(from.slice(0, 2))
  const endHour = Number(end.slice(0, 2))
  const last = Number(end.slice(3)) > 0 ? endHour : endHour - 1
  return `* ${first === last ? first : `${first}-${last}`} * * *`
}
