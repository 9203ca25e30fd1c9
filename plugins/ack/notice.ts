import { z } from 'zod'
import { docSpec } from '../../bot/ports/store.js'
import { dayKey } from '../../bot/time/zoned.js'

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

/** The notice a quote refers to: by message id, by "通知 N3" in the quoted text, else by the quoted text itself. */
export function noticeForQuote(notices: Notice[], quote: { id?: string; text: string }): Notice | undefined {
  const live = notices.filter(n => n.state === 'open' || n.state === 'reported')
  if (quote.id) {
    const byId = live.find(n => n.messageId === quote.id)
    if (byId) return byId
  }
  const named = /(?:通知|编号)\s*(N\d+)/i.exec(quote.text)?.[1].toUpperCase()
  if (named) return live.find(n => n.id === named)
  const q = comparable(quote.text)
  return latest(live.filter(n => textsMatch(comparable(n.text), q)))
}

/** The notice a bare acknowledgement in a group binds to: the latest open one the member must answer, else today's latest reported one still unanswered. */
export function noticeForAck(
  notices: Notice[],
  groupId: string,
  memberId: string,
  at: number,
  tz: string,
): Notice | undefined {
  const mine = notices.filter(n => n.groupId === groupId && memberId in n.required && n.at <= at)
  return (
    latest(mine.filter(n => n.state === 'open')) ??
    latest(mine.filter(n => n.state === 'reported' && !n.answers[memberId] && dayKey(n.at, tz) === dayKey(at, tz)))
  )
}

/** Letters and digits only, lower-cased: quotes arrive truncated ("…") and re-punctuated. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** One text contains the other, and the shorter is long enough not to match by chance. */
function textsMatch(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.length > 0 && short.length >= Math.min(6, long.length) && long.includes(short)
}

function latest(list: Notice[]): Notice | undefined {
  return list.reduce<Notice | undefined>((best, n) => (!best || n.at >= best.at ? n : best), undefined)
}
