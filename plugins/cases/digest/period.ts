import { type DayRange, readDayRange } from '../../../bot/time/day-range.js'
import { addDays, dayKey, zonedInstant, zonedParts } from '../../../bot/time/zoned.js'

export type { DayRange } from '../../../bot/time/day-range.js'

const RECENT = /^(?:最近|近)(\d{1,3})天$/
/** A month: `2026-11`, `2026/11`, `2026.11`, `2026年11月`. */
const MONTH = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/

/** The words people use for the same period, by the canonical word. */
const SAME: Record<string, string> = {
  今日: '今天',
  昨日: '昨天',
  这周: '本周',
  这星期: '本周',
  这个星期: '本周',
  本星期: '本周',
  上星期: '上周',
  上个星期: '上周',
  这个月: '本月',
  这月: '本月',
  上个月: '上月',
}

/**
 * The days a date word names at `now`: 今天, 昨天, 前天, 本周 (这周, 本星期…), 上周 (上星期…), 本月 (这个月),
 * 上月 (上个月), 今年, 最近N天 (近N天), a month `2026-11` (`2026年11月`), a day `2026-11-30` or a range
 * `2026-11-01~2026-11-30` (weeks start on Monday). Undefined when `word` is not a date word, or is written like a
 * date but is not a valid one ({@link readDayRange} says why: callers answer with that rather than search the word).
 */
export function periodFromWord(word: string, now: number, tz: string): DayRange | undefined {
  const today = dayKey(now, tz)
  const p = zonedParts(now, tz)
  const monday = addDays(today, -((p.weekday + 6) % 7))
  const monthStart = `${today.slice(0, 8)}01`
  switch (SAME[word] ?? word) {
    case '今天':
      return { from: today, to: today }
    case '昨天':
      return { from: addDays(today, -1), to: addDays(today, -1) }
    case '前天':
      return { from: addDays(today, -2), to: addDays(today, -2) }
    case '本周':
      return { from: monday, to: today }
    case '上周':
      return { from: addDays(monday, -7), to: addDays(monday, -1) }
    case '本月':
      return { from: monthStart, to: today }
    case '上月': {
      const end = addDays(monthStart, -1)
      return { from: `${end.slice(0, 8)}01`, to: end }
    }
    case '今年':
      return { from: `${today.slice(0, 5)}01-01`, to: today }
  }
  const recent = RECENT.exec(word)
  if (recent && Number(recent[1]) > 0) return { from: addDays(today, 1 - Number(recent[1])), to: today }
  const month = MONTH.exec(word)
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const from = `${month[1]}-${month[2].padStart(2, '0')}-01`
    const next = addDays(from, 31)
    return { from, to: addDays(`${next.slice(0, 8)}01`, -1) }
  }
  const days = readDayRange(word)
  return days?.ok ? days.range : undefined
}

/** The last `days` days ending today. */
export function lastDays(days: number, now: number, tz: string): DayRange {
  const today = dayKey(now, tz)
  return { from: addDays(today, 1 - days), to: today }
}

/** The instants bounding a day range: [start of `from`, start of the day after `to`). */
export function rangeInstants(r: DayRange, tz: string): { from: number; to: number } {
  return { from: zonedInstant(r.from, '00:00', tz), to: zonedInstant(addDays(r.to, 1), '00:00', tz) }
}
