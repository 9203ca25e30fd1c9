import type { WorkCalendar } from './workdays.js'
import { addDays, dayKey, zonedInstant } from './zoned.js'

/** One working window of a day, as `HH:mm` wall-clock times. */
export interface WorkWindow {
  from: string
  to: string
}

/** Parse `["09:00-12:00", "13:30-18:00"]`; throws when a window is empty or windows overlap. */
export function parseWindows(specs: string[]): WorkWindow[] {
  const windows = specs
    .map(s => {
      const [from, to] = s.split('-')
      if (from >= to) throw new Error(`working window "${s}" ends before it starts`)
      return { from, to }
    })
    .sort((a, b) => a.from.localeCompare(b.from))
  windows.forEach((w, i) => {
    if (i && w.from < windows[i - 1].to)
      throw new Error(`working windows "${windows[i - 1].from}-${windows[i - 1].to}" and "${w.from}-${w.to}" overlap`)
  })
  return windows
}

/**
 * The instant `ms` of working time after `start`: only time inside `windows`
 * on workdays of `calendar` counts (lunch, evenings, weekends and statutory
 * holidays are skipped; make-up workdays count). With `ms = 0` it is the next
 * working moment at or after `start`.
 */
export function addWorkingTime(
  start: number,
  ms: number,
  windows: WorkWindow[],
  tz: string,
  calendar: WorkCalendar,
): number {
  let remaining = ms
  let day = dayKey(start, tz)
  for (let i = 0; i < 400; i++, day = addDays(day, 1)) {
    if (!calendar.isWorkday(day)) continue
    for (const w of windows) {
      const end = zonedInstant(day, w.to, tz)
      const from = Math.max(start, zonedInstant(day, w.from, tz))
      if (from >= end) continue
      if (remaining <= end - from) return from + remaining
      remaining -= end - from
    }
  }
  throw new Error('no working time within 400 days: check the working windows and calendar')
}

/** Working milliseconds between `from` and `to` (0 when `to` is not after `from`). */
export function workingTimeBetween(
  from: number,
  to: number,
  windows: WorkWindow[],
  tz: string,
  calendar: WorkCalendar,
): number {
  let total = 0
  let day = dayKey(from, tz)
  for (let i = 0; i < 400 && zonedInstant(day, '00:00', tz) < to; i++, day = addDays(day, 1)) {
    if (!calendar.isWorkday(day)) continue
    for (const w of windows)
      total += Math.max(0, Math.min(zonedInstant(day, w.to, tz), to) - Math.max(zonedInstant(day, w.from, tz), from))
  }
  return total
}
