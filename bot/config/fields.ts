import { resolve } from 'node:path'
import { z } from 'zod'
import { compileCron } from '../time/cron.js'
import { parseWindows } from '../time/working-hours.js'

let configDir: string | undefined

/** Validate with relative paths resolved against `dir` (the config file's folder); `configPath()` fields read it. */
export function withConfigDir<T>(dir: string, fn: () => T): T {
  const previous = configDir
  configDir = dir
  try {
    return fn()
  } finally {
    configDir = previous
  }
}

/**
 * The one rule for a path written in config: relative to the config file's folder (inside `withConfigDir`), never
 * the working directory; absolute paths as written.
 */
export function resolveConfigPath(p: string): string {
  return resolve(configDir ?? process.cwd(), p)
}

/**
 * A file or folder path in config, parsed to an absolute path by {@link resolveConfigPath}. With `allowEmpty`, `''`
 * stays `''` (= the default place).
 */
export const configPath = (opts: { allowEmpty?: boolean } = {}) =>
  z
    .string()
    .min(opts.allowEmpty ? 0 : 1)
    .transform(p => (p === '' ? p : resolveConfigPath(p)))

/** A cron expression (5 or 6 fields, node-cron syntax), checked with the scheduler's own parser; `''` = off when allowed. */
export const cronExpression = (opts: { allowEmpty?: boolean } = {}) =>
  z.string().superRefine((expression, ctx) => {
    if (opts.allowEmpty && expression === '') return
    try {
      compileCron(expression, 'UTC')
    } catch (e) {
      ctx.addIssue({
        code: 'custom',
        message: `${(e as Error).message}（应为 5 个字段"分 时 日 月 星期"，如 "0 18 * * 1-5"；invalid cron, expected 5 fields "minute hour day month weekday"）`,
      })
    }
  })

const WINDOW = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/

/** A working window `HH:mm-HH:mm` within one day, start before end (`24:00` may end it). */
export const timeWindow = () =>
  z.string().superRefine((w, ctx) => {
    if (!WINDOW.test(w))
      ctx.addIssue({
        code: 'custom',
        message: `应为 "HH:mm-HH:mm"，如 "09:00-12:00"，填的是 "${w}"（expected "HH:mm-HH:mm"）`,
      })
    else if (w.slice(0, 5) >= w.slice(6))
      ctx.addIssue({
        code: 'custom',
        message: `时段 "${w}" 的开始应早于结束，不能跨夜（window must start before it ends, no overnight windows）`,
      })
  })

/** A list of working windows of one day that do not overlap, e.g. `["09:00-12:00", "13:30-18:00"]`. */
export const timeWindows = () =>
  z
    .array(timeWindow())
    .min(1)
    .superRefine((list, ctx) => {
      if (!list.every(w => WINDOW.test(w) && w.slice(0, 5) < w.slice(6))) return // each already reported
      try {
        parseWindows(list)
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message })
      }
    })

/** A regular expression (compiled with `flags`, as the plugin will). */
export const regexSource = (flags = '') =>
  z.string().superRefine((source, ctx) => {
    try {
      new RegExp(source, flags)
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `正则表达式有误（invalid regex: ${(e as Error).message}）` })
    }
  })

const globalOnlyKeys = new WeakSet<z.ZodType>()

/** Mark a plugin section key as read only from the global section: groups[].plugins may not override it. */
export function globalOnly<T extends z.ZodType>(schema: T): T {
  globalOnlyKeys.add(schema)
  return schema
}

/** The keys of a plugin section schema marked `globalOnly`. */
export function globalOnlyKeysOf(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, s]) => globalOnlyKeys.has(s as z.ZodType))
    .map(([k]) => k)
}

/** Longest range `calendarDays` expands (a whole year and a bit): a longer one is a typo. */
const MAX_RANGE_DAYS = 400

/**
 * A list of days in config: `2027-01-01`, or a range `2027-02-06~2027-02-13` (both ends included), parsed to every day
 * it names (`YYYY-MM-DD`), with a Chinese error for a date that does not exist or a range that runs backwards.
 */
export const calendarDays = () =>
  z
    .array(z.string())
    .default([])
    .transform((items, ctx) => {
      const days: string[] = []
      items.forEach((item, i) => {
        const [from, to = from, ...rest] = item.split(/\s*[~～至]\s*/).map(s => s.trim())
        const start = dayMs(from)
        const end = dayMs(to)
        if (
          rest.length ||
          start === undefined ||
          end === undefined ||
          end < start ||
          end - start > MAX_RANGE_DAYS * DAY
        ) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `"${item}" 应为日期 2027-01-01 或日期范围 2027-02-06~2027-02-13（expected a date or a range of dates）`,
          })
          return
        }
        for (let t = start; t <= end; t += DAY) days.push(new Date(t).toISOString().slice(0, 10))
      })
      return days
    })

const DAY = 86_400_000

/** UTC midnight of a real `YYYY-MM-DD` date; undefined for anything else (2027-02-30 included). */
function dayMs(s: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined
  const t = Date.parse(`${s}T00:00:00Z`)
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s ? undefined : t
}
