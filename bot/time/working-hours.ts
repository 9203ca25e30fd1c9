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
  for (let i = 0; i < 400; i++, day = nextDay(day)) {
    if (!calendar.isWorkday(day)) continue
    const bounds = dayBounds(day, windows, tz)
    for (let j = 1; j < bounds.length; j += 2) {
      const end = bounds[j + 1]
      const from = Math.max(start, bounds[j])
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
  for (let i = 0; i < 400; i++, day = nextDay(day)) {
    const bounds = dayBounds(day, windows, tz)
    if (bounds[0] >= to) break
    if (!calendar.isWorkday(day)) continue
    for (let j = 1; j < bounds.length; j += 2)
      total += Math.max(0, Math.min(bounds[j + 1], to) - Math.max(bounds[j], from))
  }
  return total
}

/** Per windows list, per `tz|day`: the day's midnight, then each window's start and end (instants). */
const boundsCache = new WeakMap<WorkWindow[], Map<string, number[]>>()

/** Midnight of `day` and its windows' instants, computed once per day (a response time asks for the same days). */
function dayBounds(day: string, windows: WorkWindow[], tz: string): number[] {
  let byDay = boundsCache.get(windows)
  if (!byDay) boundsCache.set(windows, (byDay = new Map()))
  const key = `${tz}|${day}`
  let bounds = byDay.get(key)
  if (!bounds) {
    if (byDay.size > 2_000) byDay.clear()
    bounds = [zonedInstant(day, '00:00', tz)]
    for (const w of windows) bounds.push(zonedInstant(day, w.from, tz), zonedInstant(day, w.to, tz))
    byDay.set(key, bounds)
  }
  return bounds
}

/** The day after each day asked about (a deadline or a response time walks the same few days again). */
const nextDays = new Map<string, string>()

function nextDay(day: string): string {
  let next = nextDays.get(day)
  if (!next) {
    if (nextDays.size > 2_000) nextDays.clear()
    nextDays.set(day, (next = addDays(day, 1)))
  }
  return next
}
