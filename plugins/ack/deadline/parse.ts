import { parseDuration } from '../../../bot/config/duration.js'
import { parseDeadline as parseWhen } from '../../../bot/time/time-args.js'

/**
 * A deadline written in a notice: a duration ("30分钟"), a time of day today ("15:00"), or a day with an optional
 * time ("明天 10:00", "明天10点", "周五", "2026-12-08 18:00"), read against the notice's time when it is planned.
 */
export type DeadlineSpec = { kind: 'after'; ms: number } | { kind: 'at'; time: string } | { kind: 'on'; when: string }

/** A notice text with its trailing deadline split off; `bad` holds an unparseable deadline. */
export interface SplitNotice {
  content: string
  spec?: DeadlineSpec
  bad?: string
}

const TRAILING =
  /(?:^|[\s，,。；;]+|[\s，,。；;]*[（(【[]\s*)截止(?:时间)?\s*[:：]?\s*([^（）()【】[\]]*?)\s*[）)】\]]?\s*$/
const CLOCK = /^(\d{1,2})(?:[:：](\d{2})|点(?:(\d{1,2})分?|(半))?)$/

/** Split "请更新CRM 截止 30分钟" into the content and the deadline ("（截止15:00前）", "截止：2小时内" too). */
export function splitDeadline(text: string): SplitNotice {
  const m = TRAILING.exec(text)
  if (!m) return { content: text.trim() }
  const content = text.slice(0, m.index).trim()
  const spec = parseDeadline(m[1])
  return spec ? { content, spec } : { content, bad: m[1] || '（空）' }
}

/**
 * Parse a deadline argument: "30分钟", "2h", "半小时", "15:00", "15点半", or a day the campaign plugin's time reader
 * takes ("明天 10:00", "明天10点", "周五", "12-08", "2026-12-08 18:00"); a trailing 内/前/之前/后/之后 is ignored.
 */
export function parseDeadline(arg: string): DeadlineSpec | undefined {
  // 1小时后 is the same deadline as 1小时 (both in working hours when configured), not a clock hour.
  const s = arg.trim().replace(/(之前|以内|以后|之后|内|前|后)$/, '')
  const ms = parseDuration(s)
  if (ms !== undefined) return ms > 0 ? { kind: 'after', ms } : undefined
  const c = CLOCK.exec(s)
  // A day (with or without a time), read at planning against the notice's time. Written like one when it reads
  // as a future instant seen from 1970-01-01 or 2096-07-01 (a day without a year, `12-05`, is the nearest such day).
  if (!c)
    return s && SEEN_FROM.some(now => parseWhen(s, now, 'UTC', DAY_DEADLINE_TIME).ok)
      ? { kind: 'on', when: s }
      : undefined
  const h = Number(c[1])
  const min = c[4] ? 30 : Number(c[2] ?? c[3] ?? 0)
  return h < 24 && min < 60 ? { kind: 'at', time: `${pad(h)}:${pad(min)}` } : undefined
}

/** Two moments a day is read from to tell whether the text names one (any real day is future from one of them). */
const SEEN_FROM = [0, Date.UTC(2096, 6, 1)]

/** The time of a deadline given as a day alone ("截止 周五"): the end of an office day. */
export const DAY_DEADLINE_TIME = '18:00'

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
