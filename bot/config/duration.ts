import { z } from 'zod'
import { splitCount } from './count-words.js'

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  秒: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  分: 60_000,
  分钟: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  小时: 3_600_000,
  时: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  天: 86_400_000,
}

/** The units as the error message and the docs name them. */
const UNITS_NAMED = 'ms, s, min, h, d, 秒, 分钟, 小时, 天; 1h30m, 2小时30分钟'

/** A unit at the start of a text, longest name first (`minutes` before `min` before `m`). */
const UNIT_AT = new RegExp(
  `^(${Object.keys(UNITS)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'i',
)

/**
 * Parse `30m`, `2h`, `1.5h`, `10 分钟`, `90s`, `1d`, `5 minutes`, `半小时` into milliseconds, and compounds with
 * units from larger to smaller: `1h30m`, `1h 30m`, `2小时30分钟`, `两小时三十分`, `一天半` (a trailing 半 is half the
 * last unit). Undefined when invalid (`30m1h`, `1h1h`, `1h30` without a unit, and `15时30分`: a time of day).
 */
export function parseDuration(text: string): number | undefined {
  let rest = text.trim()
  let total = 0
  let last = Number.POSITIVE_INFINITY
  const words: string[] = []
  while (rest) {
    if (rest === '半' && Number.isFinite(last)) return Math.round(total + last / 2)
    const split = splitCount(rest)
    const m = split && UNIT_AT.exec(split.rest)
    if (!split || !m) return undefined
    const unit = UNITS[m[1].toLowerCase()]
    // Each part a smaller unit than the one before; the English word units end at a letter that is not theirs.
    if (unit === undefined || unit >= last || /^[a-z]/i.test(split.rest.slice(m[1].length))) return undefined
    total += split.count * unit
    last = unit
    words.push(m[1])
    rest = split.rest.slice(m[1].length).trim()
  }
  // `2时` is two hours, but `15时30分` is how a clock time is written.
  if (words.length > 1 && words.includes('时')) return undefined
  return Number.isFinite(last) ? Math.round(total) : undefined
}

/**
 * A zod type for durations in config: a string like `30m`, `30 mins` or `2h`, parsed to milliseconds. A bare number
 * is refused (which unit?), except 0.
 * Never negative; `{ positive: true }` also rejects zero where zero makes no sense (a flush interval, a deadline).
 */
export const duration = (opts: { positive?: boolean } = {}) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    // A bare number has no unit: `deadline: 30` meant 30 minutes more often than 30 seconds. Only 0 needs none.
    const bare = typeof v === 'number' ? v : /^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : undefined
    if (bare !== undefined && bare > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `请写单位，例如 30m、30s 或 30分钟，填的是 ${JSON.stringify(v)}（a bare number has no unit: write e.g. "30m"）`,
      })
      return z.NEVER
    }
    const ms = bare === undefined ? parseDuration(v as string) : bare
    if (ms === undefined || ms < 0 || Number.isNaN(ms)) {
      ctx.addIssue({
        code: 'custom',
        message: `应为时长，如 "30m"、"2h"、"10分钟"，填的是 "${v}"（expected a duration; units: ${UNITS_NAMED}）`,
      })
      return z.NEVER
    }
    if (opts.positive && ms === 0) {
      ctx.addIssue({ code: 'custom', message: `应大于 0，如 "5s"、"10m"，填的是 "${v}"（must be longer than 0）` })
      return z.NEVER
    }
    return ms
  })

const DAY_MS = 86_400_000

/**
 * A retention period in config: `off` (keep forever, parsed to 0) or a duration of at least `minDays` days, e.g.
 * `90d`, `180天`. Shorter is refused with the least it may be (a daily job cannot honour less than a day; the audit
 * log asks for a year).
 */
export const retentionPeriod = (opts: { minDays: number }) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    if (typeof v === 'string' && /^\s*(off|never|不删除|永久)\s*$/i.test(v)) return 0
    const parsed = duration({ positive: true }).safeParse(v)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: `${issue.message}；或写 off（不删除 keep forever）` })
      return z.NEVER
    }
    if (parsed.data < opts.minDays * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `保留期限至少 ${opts.minDays} 天，填的是 "${v}"（a retention period must be at least ${opts.minDays}d, or off）`,
      })
      return z.NEVER
    }
    return parsed.data
  })

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * The `HH:mm` someone most likely meant by a time of day written otherwise: `9:30`, `09：30` (a full-width colon),
 * `1800` (a number); undefined when none.
 */
export function nearClockTime(input: unknown): string | undefined {
  const m = /^(\d{1,2})[:：]?(\d{2})$/.exec(String(input).trim())
  const near = m && `${m[1].padStart(2, '0')}:${m[2]}`
  return near && CLOCK_TIME.test(near) ? near : undefined
}

function clockTimeError(issue: { input?: unknown }): string {
  const near = nearClockTime(issue.input)
  return (
    `应为一天中的时刻 "HH:mm"，如 "09:30"${issue.input === undefined ? '' : `，填的是 ${JSON.stringify(issue.input)}`}` +
    `${near ? `，是不是 "${near}"？` : ''}（expected a time of day "HH:mm"）`
  )
}

/** A zod type for `HH:mm` wall-clock times; a mistake is answered with what was written and the time it is near. */
export const clockTimeSchema = () => z.string({ error: clockTimeError }).regex(CLOCK_TIME, { error: clockTimeError })

/** Format milliseconds as a short Chinese duration: `1小时5分钟`, `40分钟`, `30秒`. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (Math.round(ms / 1000) < 60) return `${Math.round(ms / 1000)}秒`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h >= 24) return `${Math.floor(h / 24)}天${h % 24 ? `${h % 24}小时` : ''}`
  return h ? `${h}小时${m ? `${m}分钟` : ''}` : `${m}分钟`
}
