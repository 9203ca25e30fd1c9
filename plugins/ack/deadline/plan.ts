import type { WorkCalendar } from '../../../bot/time/workdays.js'
import { addWorkingTime, type WorkWindow } from '../../../bot/time/working-hours.js'
import { dayKey, zonedInstant } from '../../../bot/time/zoned.js'
import { T } from '../texts.js'
import { parseDeadline as parseWhen } from '../../../bot/time/time-args.js'
import { DAY_DEADLINE_TIME, type DeadlineSpec } from './parse.js'

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
  if (spec?.kind === 'at' || spec?.kind === 'on') {
    let deadline: number
    if (spec.kind === 'on') {
      const when = parseWhen(spec.when, start, r.tz, DAY_DEADLINE_TIME)
      if (!when.ok) return when.error
      deadline = when.at
    } else {
      deadline = zonedInstant(dayKey(start, r.tz), spec.time, r.tz)
      if (deadline <= start) return T.deadlinePassed(spec.time)
    }
    const remindAt = r.remindBeforeMs
      ? Math.max(deadline - r.remindBeforeMs, start + (deadline - start) / 2)
      : undefined
    return { deadline, remindAt }
  }
  const ms = spec?.kind === 'after' ? spec.ms : r.defaultMs
  const after = (offset: number) =>
    r.windows ? addWorkingTime(start, offset, r.windows, r.tz, r.calendar) : start + offset
  return {
    deadline: after(ms),
    remindAt: r.remindBeforeMs ? after(Math.max(ms - r.remindBeforeMs, Math.round(ms / 2))) : undefined,
  }
}
