import type { Finding } from './assess/findings.js'
import {
  answeredReviewFor,
  decidedAlong,
  REVIEW_LIMIT,
  type Review,
  type ReviewedMessage,
  type ReviewLog,
  reviewedMessages,
} from './state.js'

/**
 * Another account's review as this account names it: `R3@sales1`; one that account took over with its group keeps
 * the fleet id it moved under (`R3@sales1`, not `R3@sales1@sales2`), so every account names a question alike.
 */
export const fleetReviewId = (r: Pick<Review, 'id'>, account: string): string =>
  r.id.includes('@') ? r.id : `${r.id}@${account}`

/** How long an answer holds: `incidentWindow` for `#确认` (after the last repeat so acted on), `ignoredQuiet` for `#忽略`. */
export interface AnswerHold {
  windowMs: number
  quietMs: number
}

/** When an answered review stops deciding the same member's same evasion (`#确认`) or message (`#忽略`). */
export function heldUntil(r: Review, hold: AnswerHold): number {
  const decided = r.decidedAt ?? 0
  return r.status === 'confirmed' ? Math.max(decided, r.actedAgainAt ?? 0) + hold.windowMs : decided + hold.quietMs
}

/** Another account's answer and this account's open questions it decides (fleet). */
export interface ForeignAnswer {
  account: string
  answered: Review
  along: Review[]
}

/**
 * This account's open questions that other accounts' answers decide (fleet, one store): an answer given through
 * another bot account about the same member's same evasion (`#确认`) or message (`#忽略`), as `decidedAlong`
 * reads it, for questions asked before that answer stopped holding (`heldUntil`): had this account known the
 * answer, it would not have asked them. Each question once, to the first answer found.
 */
export function foreignAnswers(
  own: ReviewLog,
  foreign: ReadonlyMap<string, ReviewLog>,
  hold: AnswerHold,
): ForeignAnswer[] {
  // The open questions by member: an answer is read against its member's only (a full log of each is 500).
  const asking = new Map<string, ReviewLog>()
  for (const r of own.reviews) {
    if (r.status !== 'open') continue
    const mine = asking.get(r.memberId)
    if (mine) mine.reviews.push(r)
    else asking.set(r.memberId, { next: own.next, reviews: [r] })
  }
  if (!asking.size) return []
  const taken = new Set<Review>()
  const out: ForeignAnswer[] = []
  for (const [account, log] of foreign)
    for (const answered of log.reviews) {
      const open = asking.get(answered.memberId)
      if (!open || answered.status === 'open' || answered.decidedAt === undefined) continue
      const until = heldUntil(answered, hold)
      // Most answers are long over: no question of the member was asked while they held.
      if (!open.reviews.some(r => r.at < until)) continue
      const along = decidedAlong(open, answered, until).filter(r => !taken.has(r))
      for (const r of along) taken.add(r)
      if (along.length) out.push({ account, answered, along })
    }
  return out
}

/**
 * The answered review of another account that decides a new message's review-only hits (`answeredReviewFor` over
 * every other account's log; the newest answer wins), with its account, if any.
 */
export function answeredElsewhere(
  foreign: ReadonlyMap<string, ReviewLog>,
  q: { memberId: string; text: string; findings: readonly Finding[]; now: number; windowMs: number; quietMs: number },
): { account: string; review: Review } | undefined {
  let found: { account: string; review: Review } | undefined
  for (const [account, log] of foreign) {
    const review = answeredReviewFor(log, q)
    if (review && (!found || (review.decidedAt ?? 0) > (found.review.decidedAt ?? 0))) found = { account, review }
  }
  return found
}

/** How long a confirmed message left to its group's holder waits to be carried out before the admins are told. */
export const HANDOVER_MS = 5 * 60_000

/** The key of a message one account carried out for another (`R3@sales1|<message id>`, in `ReviewLog.carried`). */
export const carriedKey = (fleetId: string, messageId: string): string => `${fleetId}|${messageId}`

/** Confirmed messages left to the account serving their group (`leftToHolder`), of one review. */
export interface Handover {
  /** The account that left them; undefined: this account's own (its group came back, or its lease was late). */
  account?: string
  review: Review
  messages: ReviewedMessage[]
}

/** A review's messages still left to their group's holder. */
export function leftMessages(r: Review): ReviewedMessage[] {
  const left = r.leftToHolder
  return left?.length ? reviewedMessages(r).filter(m => left.includes(m.messageId)) : []
}

/**
 * The confirmed messages this account carries out now: those left to the holder of a group it `holds` (its own
 * reviews' and the other accounts'), each once (`own.carried`). Confirmations of an observe-mode question are
 * never left (they only recorded).
 */
export function handedHere(
  own: ReviewLog,
  foreign: ReadonlyMap<string, ReviewLog>,
  holds: (groupId: string) => boolean,
): Handover[] {
  const out: Handover[] = []
  const done = carriedAnywhere(own, foreign)
  const take = (review: Review, account?: string) => {
    const id = account ? fleetReviewId(review, account) : review.id
    const messages = leftMessages(review).filter(
      m => holds(m.groupId) && !(account && done.has(carriedKey(id, m.messageId))),
    )
    if (messages.length) out.push({ account, review, messages })
  }
  for (const r of own.reviews) take(r)
  for (const [account, log] of foreign) for (const r of log.reviews) take(r, account)
  return out
}

/** Every account's `carried` keys: messages carried out (or the admins told to act by hand) somewhere. */
function carriedAnywhere(own: ReviewLog, foreign: ReadonlyMap<string, ReviewLog>): Set<string> {
  const done = new Set(own.carried)
  for (const log of foreign.values()) for (const key of log.carried ?? []) done.add(key)
  return done
}

/**
 * How long after the answering account's own check (`HANDOVER_MS`) another account checks for it, per place in line:
 * that account's check clears its `leftToHolder` within seconds when it runs, so one still there this much later
 * means it did not run (the account went down after the answer).
 */
export const OVERDUE_MS = 2 * 60_000

/**
 * How long after an answer the other accounts still check for the answering account: past it, the keys they
 * remember it by may have left their `carried` (the newest 500), and the answering account's own check, when it
 * comes back, is what is left.
 */
export const OVERDUE_UNTIL_MS = 24 * 3_600_000

/** A confirmed message left to its group's holder whose answering account did not check on it (`overdueHandovers`). */
export interface Overdue extends Handover {
  account: string
  /** Its fleet id (`R3@sales1`): the timer key and the admins' id. */
  id: string
  /** When this account checks (the accounts in line before it may do so first). */
  at: number
}

/**
 * Fleet: confirmed messages another account left to the holder of their group and nobody carried out, whose answering
 * account's own check (`HANDOVER_MS` after the answer) did not run: it went down after the answer. The accounts of the
 * fleet (`fleet.accounts`: its roster, which every account reads alike, this one added; the answering one left out)
 * check for it in turn, `OVERDUE_MS` apart, by name, so the first of them online tells the admins, once; the answer
 * is not held until the answering account comes back. Answers older than `OVERDUE_UNTIL_MS` are left to the
 * answering account.
 */
export function overdueHandovers(
  own: ReviewLog,
  foreign: ReadonlyMap<string, ReviewLog>,
  fleet: { self: string; accounts: readonly string[] },
  now: number,
): Overdue[] {
  const { self } = fleet
  const done = carriedAnywhere(own, foreign)
  const roster = [...new Set([self, ...fleet.accounts])].sort()
  const out: Overdue[] = []
  for (const [account, log] of foreign)
    for (const review of log.reviews) {
      if (review.status !== 'confirmed' || !review.leftToHolder?.length) continue
      if ((review.decidedAt ?? 0) < now - OVERDUE_UNTIL_MS) continue
      const id = fleetReviewId(review, account)
      const messages = leftMessages(review).filter(m => !done.has(carriedKey(id, m.messageId)))
      if (!messages.length) continue
      const line = roster.filter(a => a !== account)
      const at = (review.decidedAt ?? 0) + HANDOVER_MS + OVERDUE_MS * (line.indexOf(self) + 1)
      out.push({ account, review, messages, id, at })
    }
  return out
}

/** The ids of a review's left messages another account says it carried out (`carried` of its log). */
export function carriedElsewhere(r: Review, account: string, foreign: ReadonlyMap<string, ReviewLog>): Set<string> {
  const id = fleetReviewId(r, account)
  const done = new Set<string>()
  for (const log of foreign.values())
    for (const m of leftMessages(r)) if (log.carried?.includes(carriedKey(id, m.messageId))) done.add(m.messageId)
  return done
}

/**
 * Fleet: the messages of other accounts' `#忽略` answers in groups this account serves (`holds`), not released here
 * before (`done`: `carriedKey`s): a customer message held for the admins is held where its group's waiting list is
 * (activity), which moves with the group, so the account serving the group releases it too, once. However long ago
 * the answer came: the list may reach this account days later (a takeover, or this account back after a long outage),
 * and a message not held here is nothing to the plugins told.
 */
export function releasedHere(
  foreign: ReadonlyMap<string, ReviewLog>,
  holds: (groupId: string) => boolean,
  done: { has(key: string): boolean },
): Handover[] {
  const out: Handover[] = []
  for (const [account, log] of foreign)
    for (const review of log.reviews) {
      if (review.status !== 'ignored') continue
      const id = fleetReviewId(review, account)
      const messages = reviewedMessages(review).filter(m => holds(m.groupId) && !done.has(carriedKey(id, m.messageId)))
      if (messages.length) out.push({ account, review, messages })
    }
  return out
}

/**
 * Bounds the keys of the messages released here (`releasedHere`'s `done`), as `carried` keeps 500: past `REVIEW_LIMIT`,
 * those no other account's `#忽略` lists any more are forgotten: their review left that account's log (the newest 500),
 * so nothing offers them again and nothing is released twice. What stays is bounded by those logs.
 */
export function forgetReleased(released: Set<string>, foreign: ReadonlyMap<string, ReviewLog>): void {
  if (released.size <= REVIEW_LIMIT) return
  const listed = new Set<string>()
  for (const [account, log] of foreign)
    for (const review of log.reviews) {
      if (review.status !== 'ignored') continue
      const id = fleetReviewId(review, account)
      for (const m of reviewedMessages(review)) listed.add(carriedKey(id, m.messageId))
    }
  for (const key of released) if (!listed.has(key)) released.delete(key)
}
