import { parseDuration } from '../config/duration.js'
import { addDays, dayKey, nearDateTime, nearDay, validDay, zonedInstant, zonedParts } from './zoned.js'

/** An instant, or why the text could not be used (zh-CN). */
export type WhenResult = { ok: true; at: number } | { ok: false; error: string }

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 }
const CLOCK = /^(上午|早上|中午|下午|晚上)?(\d{1,2})(?:[:：](\d{2})|点(?:(半)|(\d{1,2})分?)?)$/
const DATE = /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})[日号]?$/
const WEEKDAY = /^(下下|下|本|这)?(?:周|星期|礼拜)([一二三四五六日天])$/
const RELATIVE = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百半]+)\s*(天|个?小时|分钟|d|h|m)(?:后|以后|之后)?$/i
const SPLIT = /^(.*?)\s*((?:上午|早上|中午|下午|晚上)?\d{1,2}(?:[:：]\d{2}|点(?:半|\d{1,2}分?)?))$/

/** Examples shown when a time cannot be read. */
export const WHEN_EXAMPLES = '例如：2026-12-05 18:00、12-05、周五 18:00、明天 18:00、3天'

/** Weekday (0 = Sunday) of a day key. */
export function weekdayOf(day: string, tz: string): number {
  return zonedParts(zonedInstant(day, '12:00', tz), tz).weekday
}

/** Read `HH:mm`, `18点`, `6点半`, `下午6点`, `上午9:30` as `HH:mm`; undefined when not a time. */
export function parseClock(text: string): string | undefined {
  const m = CLOCK.exec(text.trim())
  if (!m) return undefined
  let h = Number(m[2])
  const min = m[3] !== undefined ? Number(m[3]) : m[4] ? 30 : Number(m[5] ?? 0)
  if ((m[1] === '下午' || m[1] === '晚上') && h < 12) h += 12
  if (m[1] === '中午' && h < 11) h += 12
  if (h > 23 || min > 59) return undefined
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}

/** True when `text` is written like a clock time (`25:00`, `8:70`, `26点`), possible or not. */
export function looksLikeClock(text: string): boolean {
  return CLOCK.test(text.trim())
}

/**
 * Read a day: `2026-12-05`, `12-05`, `12月5日`, `今天`/`明天`/`后天`, `周五`, `下周一`; undefined when unknown.
 * A day without a year is the nearest such day, before or after today (`12-05` on 2026-12-06 is the day before,
 * which callers refuse as past; `01-05` is next January): never a day almost a year ahead.
 */
export function parseDay(text: string, now: number, tz: string): string | undefined {
  const s = text.trim()
  const today = dayKey(now, tz)
  const relative = ({ 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 } as Record<string, number>)[s]
  if (relative !== undefined) return addDays(today, relative)
  const d = DATE.exec(s)
  if (d) {
    if (d[1]) return validDay(`${d[1]}-${d[2]}-${d[3]}`)
    const year = Number(today.slice(0, 4))
    const away = (day: string) => Math.abs(Date.parse(day) - Date.parse(today))
    return [year + 1, year, year - 1]
      .map(y => validDay(`${y}-${d[2]}-${d[3]}`))
      .filter((day): day is string => day !== undefined)
      .reduce<string | undefined>((best, day) => (best === undefined || away(day) < away(best) ? day : best), undefined)
  }
  const w = WEEKDAY.exec(s)
  if (!w) return undefined
  const mondayIndex = (x: number) => (x + 6) % 7
  const todayWd = weekdayOf(today, tz)
  const target = WEEKDAYS[w[2]]
  if (!w[1]) return addDays(today, (target - todayWd + 7) % 7)
  const weeks = w[1] === '下下' ? 2 : w[1] === '下' ? 1 : 0
  return addDays(today, weeks * 7 + mondayIndex(target) - mondayIndex(todayWd))
}

/**
 * Read a deadline: a duration from now (`3天`, `2小时`), or a day and/or a
 * time (`周五 18:00`, `明天18点`, `2026-12-05`). A day alone means
 * `defaultTime`; a time alone means today. Past instants are refused.
 */
export function parseDeadline(text: string, now: number, tz: string, defaultTime: string): WhenResult {
  const s = text.trim().replace(/\s+/g, ' ')
  const unknown: WhenResult = { ok: false, error: `无法识别的时间「${s}」。${WHEN_EXAMPLES}` }
  if (!s) return { ok: false, error: `缺少截止时间。${WHEN_EXAMPLES}` }
  const rel = RELATIVE.exec(s)
  if (rel) {
    const ms = parseDuration(`${rel[1]}${rel[2].replace('个', '')}`)
    return ms ? { ok: true, at: now + ms } : unknown
  }
  let day = parseDay(s, now, tz)
  let time = day ? defaultTime : parseClock(s)
  if (!day && time) day = dayKey(now, tz)
  if (!day || !time) {
    const split = SPLIT.exec(s)
    day = split ? parseDay(split[1], now, tz) : undefined
    time = split ? parseClock(split[2]) : undefined
  }
  if (!day || !time) return unknown
  const at = zonedInstant(day, time, tz)
  if (at <= now) return { ok: false, error: `截止时间 ${nearDateTime(at, now, tz)} 已经过去，请给一个将来的时间。` }
  return { ok: true, at }
}

/** `12-01 周二` for lists and replies (`2027-01-05 周二` when not in `now`'s year). */
export function dayLabel(day: string, now: number, tz: string): string {
  return `${nearDay(day, now, tz)} 周${'日一二三四五六'[weekdayOf(day, tz)]}`
}
