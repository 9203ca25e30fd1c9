import { createRequire } from 'node:module'
import { dayKey } from './zoned.js'

/** Chinese statutory calendar: weekends, holidays and make-up workdays (调休). */
export interface WorkCalendar {
  /** True when `day` (`YYYY-MM-DD`) is a working day. */
  isWorkday(day: string): boolean
}

// The dataset the chinese-days package maintains. Its own `isWorkday` parses the day as
// UTC midnight and reads it back in the machine's timezone, which shifts every date by
// one west of UTC, so the lookup is done here on the calendar date itself.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

/** The statutory calendar (chinese-days data): holidays off, make-up workdays on, weekends off. */
export const chineseCalendar: WorkCalendar = {
  isWorkday(day: string): boolean {
    let workday = workdays.get(day)
    if (workday === undefined) {
      if (workdays.size > 2_000) workdays.clear()
      workdays.set(day, (workday = lookUp(day)))
    }
    return workday
  },
}

/** Days already looked up (deadlines and response times ask about the same few days again and again). */
const workdays = new Map<string, boolean>()

function lookUp(day: string): boolean {
  if (day in data.workdays) return true
  if (day in data.holidays) return false
  const [y, m, d] = day.split('-').map(Number)
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** True when the instant falls on a working day in `tz`. */
export function isWorkdayAt(ms: number, tz: string, cal: WorkCalendar = chineseCalendar): boolean {
  return cal.isWorkday(dayKey(ms, tz))
}
