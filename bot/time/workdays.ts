import chineseDays from 'chinese-days'
import { dayKey } from './zoned.js'

/** Chinese statutory calendar: weekends, holidays and make-up workdays (调休). */
export interface WorkCalendar {
  /** True when `day` (`YYYY-MM-DD`) is a working day. */
  isWorkday(day: string): boolean
}

/** The statutory calendar from the chinese-days package. */
export const chineseCalendar: WorkCalendar = {
  isWorkday: (day: string) => chineseDays.isWorkday(day),
}

/** True when the instant falls on a working day in `tz`. */
export function isWorkdayAt(ms: number, tz: string, cal: WorkCalendar = chineseCalendar): boolean {
  return cal.isWorkday(dayKey(ms, tz))
}
