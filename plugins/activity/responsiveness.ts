import type { GroupWaiting, PendingMessage, ResponseSample } from './counters.js'

/** Most waiting messages kept per group (the oldest ones decide the response time). */
export const MAX_WAITING = 100

/** Start the clock for a customer message. */
export function customerAsked(w: GroupWaiting, msg: PendingMessage): void {
  if (w.msgs.length < MAX_WAITING) w.msgs.push(msg)
}

/**
 * A staff message answers every waiting customer message of the group:
 * one sample per message (time measured by `elapsed`), and the list empties.
 */
export function staffAnswered(
  w: GroupWaiting,
  staffId: string,
  at: number,
  elapsed: (from: number, to: number) => number,
): ResponseSample[] {
  const samples = w.msgs.filter(m => m.at <= at).map((m): ResponseSample => [staffId, elapsed(m.at, at)])
  w.msgs = w.msgs.filter(m => m.at > at)
  return samples
}

/** The flag a reminder sets: `rehearsed` in observe mode, so the real reminder is still due after going live. */
const flagOf = (observing: boolean) => (observing ? 'rehearsed' : 'reminded')

/** Waiting messages whose deadline has passed and that were not reminded yet (in this mode); marks them. */
export function dueForReminder(
  w: GroupWaiting,
  now: number,
  deadline: (at: number) => number | undefined,
  observing = false,
): PendingMessage[] {
  const flag = flagOf(observing)
  const due = w.msgs.filter(m => !m.reminded && !m[flag] && (deadline(m.at) ?? Infinity) <= now)
  for (const m of due) m[flag] = true
  return due
}

/** When the next reminder is due: the earliest deadline among messages not reminded yet (in this mode). */
export function nextReminderAt(
  w: GroupWaiting,
  deadline: (at: number) => number | undefined,
  observing = false,
): number | undefined {
  const flag = flagOf(observing)
  const first = w.msgs.find(m => !m.reminded && !m[flag])
  return first ? deadline(first.at) : undefined
}

/** Nearest-rank percentile (`p` in 0..1) of unsorted values; undefined when empty. */
export function percentile(values: number[], p: number): number | undefined {
  if (!values.length) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

/** Count, median and 90th percentile of response times. */
export interface ResponseStats {
  count: number
  median: number
  p90: number
}

/** Summary of response times; undefined when there are none. */
export function responseStats(values: number[]): ResponseStats | undefined {
  if (!values.length) return undefined
  return { count: values.length, median: percentile(values, 0.5)!, p90: percentile(values, 0.9)! }
}
