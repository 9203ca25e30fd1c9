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

/**
 * Whether `typed` (a notice id as people write it: `N3`) names the notice `n`. A notice taken over from another
 * fleet account keeps its number with that account after it (`N3@acct2`, like a case `C3@acct1`), and is still
 * found by the number the group saw.
 */
export function namesNotice(n: Notice, typed: string): boolean {
  const id = n.id.toUpperCase()
  const t = typed.toUpperCase()
  return id === t || id.startsWith(`${t}@`)
}

/** The notice `typed` names: the one with exactly that id first, else one taken over from another account. */
export function findNotice(notices: Notice[], typed: string): Notice | undefined {
  return notices.find(n => n.id.toUpperCase() === typed.toUpperCase()) ?? notices.find(n => namesNotice(n, typed))
}

/**
 * Fleet takeover: move every notice of `groupId` from the document of `account` (down) into `mine`, renamed
 * `<id>@<account>` unless it already carries an account. Returns each moved notice with the id it had there.
 */
export function takeNotices(
  theirs: AckState,
  mine: AckState,
  groupId: string,
  account: string,
): { was: string; notice: Notice }[] {
  const moved = allNotices(theirs)
    .filter(n => n.groupId === groupId)
    .map(n => ({ was: n.id, notice: { ...n, id: n.id.includes('@') ? n.id : `${n.id}@${account}` } }))
  for (const { was, notice } of moved) {
    delete theirs.notices[was]
    mine.notices[notice.id] = notice
  }
  return moved
}
