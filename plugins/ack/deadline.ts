import { parseDuration } from '../../bot/config/duration.js'
import type { WorkCalendar } from '../../bot/time/workdays.js'
import { dayKey, zonedInstant } from '../../bot/time/zoned.js'
import { addWorkingTime, type WorkWindow } from '../../bot/time/working-hours.js'

/** A deadline written in a notice: a duration ("30分钟") or a time of day today ("15:00"). */
export type DeadlineSpec = { kind: 'after'; ms: number } | { kind: 'at'; time: string }

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

/** Parse a deadline argument: "30分钟", "2h", "半小时", "15:00", "15点半"; a trailing 内/前/之前 is ignored. */
export function parseDeadline(arg: string): DeadlineSpec | undefined {
  const s = arg.trim().replace(/(之前|以内|内|前)$/, '')
  if (s === '半小时') return { kind: 'after', ms: 30 * 60_000 }
  const ms = parseDuration(s)
  if (ms !== undefined) return ms > 0 ? { kind: 'after', ms } : undefined
  const c = CLOCK.exec(s)
  if (!c) return undefined
  const h = Number(c[1])
  const min = c[4] ? 30 : Number(c[2] ?? c[3] ?? 0)
  return h < 24 && min < 60 ? { kind: 'at', time: `${pad(h)}:${pad(min)}` } : undefined
}

/** How deadlines are computed for one group. */
export interface DeadlineRules {
  defaultMs: number
  remindBeforeMs: number
  /** Working windows when the deadline counts working hours only. */
  windows?: WorkWindow[]
  tz: string
  calendar: WorkCalendar
}

/** When a notice posted at `start` is due, and when to remind; a Chinese error when the time is already past. */
export function planDeadline(
  start: number,
  spec: DeadlineSpec | undefined,
  r: DeadlineRules,
): { deadline: number; remindAt?: number } | string {
  if (spec?.kind === 'at') {
    const deadline = zonedInstant(dayKey(start, r.tz), spec.time, r.tz)
    if (deadline <= start) return `截止时间 ${spec.time} 已经过了`
    const remindAt = r.remindBeforeMs
      ? Math.max(deadline - r.remindBeforeMs, start + (deadline - start) / 2)
      : undefined
    return { deadline, remindAt }
  }
  const ms = spec?.ms ?? r.defaultMs
  const after = (offset: number) =>
    r.windows ? addWorkingTime(start, offset, r.windows, r.tz, r.calendar) : start + offset
  return {
    deadline: after(ms),
    remindAt: r.remindBeforeMs ? after(Math.max(ms - r.remindBeforeMs, Math.round(ms / 2))) : undefined,
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
