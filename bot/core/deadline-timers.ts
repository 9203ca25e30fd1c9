import type { ActionMeta, CancelAction, ScheduleAction } from './actions.js'

/** Timer keys of an item with a deadline and an earlier reminder (an ack notice, a service ticket, a campaign). */
export const deadlineTimerKey = {
  remind: (id: string): string => `remind:${id}`,
  deadline: (id: string): string => `deadline:${id}`,
}

/** An item's deadline, its reminder before it (absent: none) and what the two timers are recorded with. */
export interface DeadlineTimersSpec {
  id: string
  deadline: number
  remindAt?: number
  /** The audit rule of both timers, or one for each. */
  rule: string | { remind: string; deadline: string }
  reasons: { remind: string; deadline: string }
  /** Given to `onTimer` with the key. */
  payload?: unknown
  /** The reminder is set only after this instant (one already due is left out). */
  remindAfter?: number
  meta?: Omit<ActionMeta, 'rule' | 'reason'>
}

/** The reminder timer (only before the deadline, and after `remindAfter`) and the deadline timer of an item. */
export function deadlineTimers(s: DeadlineTimersSpec): ScheduleAction[] {
  const rule = typeof s.rule === 'string' ? { remind: s.rule, deadline: s.rule } : s.rule
  const payload = s.payload === undefined ? {} : { payload: s.payload }
  const out: ScheduleAction[] = []
  if (
    s.remindAt !== undefined &&
    s.remindAt < s.deadline &&
    (s.remindAfter === undefined || s.remindAt > s.remindAfter)
  )
    out.push({
      type: 'schedule',
      key: deadlineTimerKey.remind(s.id),
      at: s.remindAt,
      ...payload,
      rule: rule.remind,
      reason: s.reasons.remind,
      ...s.meta,
    })
  out.push({
    type: 'schedule',
    key: deadlineTimerKey.deadline(s.id),
    at: s.deadline,
    ...payload,
    rule: rule.deadline,
    reason: s.reasons.deadline,
    ...s.meta,
  })
  return out
}

/** Cancels an item's reminder and deadline timers. */
export function cancelDeadlineTimers(id: string, meta: ActionMeta): CancelAction[] {
  return [
    { type: 'cancel', key: deadlineTimerKey.remind(id), ...meta },
    { type: 'cancel', key: deadlineTimerKey.deadline(id), ...meta },
  ]
}
