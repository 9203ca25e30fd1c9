import { z } from 'zod'
import { docSpec } from '../../bot/ports/store/store.js'

/** How an answer reached the bot. */
export type AnswerVia = 'ack' | 'quote' | 'private'

/** A member's first answer to a notice. */
export interface Answer {
  at: number
  via: AnswerVia
}

/** An excuse ("说明：…"); counts as answered only once an admin or the author accepts it. */
export interface Excuse {
  at: number
  text: string
  acceptedBy?: string
}

/** open: before the deadline; reported: deadline passed (late answers still recorded); closed/recalled: not tracked. */
export type NoticeState = 'open' | 'reported' | 'closed' | 'recalled'

/** A tracked notice and everything answered to it. */
export interface Notice {
  id: string
  groupId: string
  groupTopic: string
  /** Id of the message that posted it (the leader's message or `#通知` command). */
  messageId: string
  text: string
  authorId: string
  authorName: string
  at: number
  deadline: number
  remindAt?: number
  remindedAt?: number
  /** Who must answer, fixed at notice time: contact id -> display name. */
  required: Record<string, string>
  answers: Record<string, Answer>
  excuses: Record<string, Excuse>
  state: NoticeState
  /** Contact ids fined at the deadline. */
  fined?: string[]
  /** Tracked in observe mode: a rehearsal whose reminders, report and fines are only recorded, even after going live. */
  observed?: boolean
}

/** The persisted state of the plugin. */
export interface AckState {
  next: number
  notices: Record<string, Notice>
}

/** The `ack-notices` document (durable): every tracked notice and its answers. */
export const NOTICES_DOC = docSpec<AckState>({
  version: 1,
  schema: z.object({
    next: z.number().int().positive(),
    notices: z.record(
      z.string(),
      z.looseObject({
        id: z.string(),
        groupId: z.string(),
        at: z.number(),
        deadline: z.number(),
        required: z.record(z.string(), z.string()),
        answers: z.record(z.string(), z.looseObject({})),
        excuses: z.record(z.string(), z.looseObject({})),
        state: z.string(),
      }),
    ),
  }),
  defaults: () => ({ next: 1, notices: {} }),
  durable: true,
})

/** Payloads of the ack timers (`remind:<id>`, `deadline:<id>`): the notice id. */
export const ACK_TIMER_PAYLOADS = { remind: z.object({ id: z.string() }), deadline: z.object({ id: z.string() }) }

/** Record a member's answer once; false when not required, already answered, untracked or before the notice. */
export function recordAnswer(n: Notice, memberId: string, at: number, via: AnswerVia): boolean {
  if (!(memberId in n.required) || n.answers[memberId] || at < n.at) return false
  if (n.state !== 'open' && n.state !== 'reported') return false
  n.answers[memberId] = { at, via }
  return true
}

/** Required members who have neither answered nor had an excuse accepted. */
export function silentMembers(n: Notice): string[] {
  return Object.keys(n.required).filter(id => !n.answers[id] && !n.excuses[id]?.acceptedBy)
}

/** When an answer came: before any reminder, after the reminder, or after the deadline. */
export function answerTiming(n: Notice, a: Answer): 'prompt' | 'reminded' | 'late' {
  if (a.at > n.deadline) return 'late'
  return n.remindedAt !== undefined && a.at > n.remindedAt ? 'reminded' : 'prompt'
}

/** Every tracked notice. */
export function allNotices(state: AckState): Notice[] {
  return Object.values(state.notices)
}

/** Forget finished notices posted more than `keepDays` before `now`. */
export function pruneNotices(state: AckState, now: number, keepDays: number): void {
  const before = now - keepDays * 86_400_000
  for (const n of allNotices(state)) if (n.state !== 'open' && n.at < before) delete state.notices[n.id]
}
