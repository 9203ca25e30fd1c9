import { z } from 'zod'
import type { GroupKind } from '../../bot/core/event.js'
import { docSpec } from '../../bot/ports/store/store.js'
import type { AllowHint } from './assess/allow-phrase.js'
import type { Finding } from './assess/findings.js'

/**
 * A message held for review: its only dictionary hits are of kinds the category does not let act
 * (pinyin, initials, homophones... by default). Admins answer `#确认 <id>` or `#忽略 <id>`; until then
 * nothing happens to the member.
 */
export interface Review {
  /** `R1`, `R2`…: what `#确认` and `#忽略` take. */
  id: string
  memberId: string
  memberName: string
  groupId: string
  groupTopic: string
  groupKind: GroupKind
  /** The group's `groups[]` entry in config, for its per-group settings on `#确认`. */
  groupConfigName: string
  isStaff: boolean
  messageId: string
  text: string
  at: number
  findings: Finding[]
  status: 'open' | 'confirmed' | 'ignored'
  /** Who answered (contact id and name), and when. */
  decidedBy?: string
  decidedByName?: string
  decidedAt?: number
  /** Phrases that, allowed, stop these hits (`#忽略 R3 允许`); found when the review is made. */
  hints?: AllowHint[]
  /** True once `#忽略 R3 允许` added the hints as allowed phrases. */
  allowed?: boolean
  /**
   * The same hits the member posted again within the incident window (another group, or the same one), answered
   * with this review: the admins are asked once (`openReviewFor`).
   */
  repeats?: ReviewedMessage[]
  /**
   * When the member last posted the same evasion again after `#确认` and it was acted on without asking
   * (`answeredReviewFor`): the confirmation holds the incident window after the later of this and `decidedAt`.
   */
  actedAgainAt?: number
  /**
   * The review whose answer decided this one too (`R3`, or `R3@sales1` from another account of the fleet): the same
   * member's same evasion (`#确认`) or the same message (`#忽略`), still open when that answer came (`decidedAlong`).
   */
  answeredWith?: string
  /**
   * Fleet: the ids of this review's messages confirmed while their group was served by another account of the fleet
   * (it moved there after the question): left to the account that serves it (`handedHere`), or reported to the admins
   * when none did within `HANDOVER_MS`. Emptied as they are carried out.
   */
  leftToHolder?: string[]
}

/** One message a review answers: where and when it was posted, what it said and what it hit. */
export type ReviewedMessage = Pick<
  Review,
  'groupId' | 'groupTopic' | 'groupKind' | 'groupConfigName' | 'messageId' | 'text' | 'at' | 'findings'
>

/** The persisted review list (`content-reviews` store doc). */
export interface ReviewLog {
  next: number
  reviews: Review[]
  /** False hits (`category|phrase`) already suggested to the admins for allowing, or allowed: never suggested again. */
  learned?: string[]
  /**
   * Fleet: other accounts' confirmed messages this account carried out in a group it serves, or told the admins to
   * act on by hand when their answering account went down before its check (`R3@sales1|<message id>`, the newest 500),
   * so each is carried out or told once; every account (the one that left them too) reads here that they were.
   */
  carried?: string[]
  /**
   * Fleet: this account's open questions another account took over with their group while this one was down
   * (`moveReviews`, the newest 500): an answer through this account says where the question is now.
   */
  moved?: MovedReview[]
}

/** A question that moved with its group to another account (`ReviewLog.moved`). */
export interface MovedReview {
  /** Its id here (`R3`), or the fleet id it had already moved under (`R3@sales1`). */
  id: string
  /** The account that took it over. */
  to: string
  groupTopic: string
}

/** The store document of the review questions and answers. */
export const REVIEWS_NAME = 'content-reviews'

/** Reviews kept at most. */
export const REVIEW_LIMIT = 500

/** An allow hint as stored: what `#忽略 R3 允许` adds (a malformed one would break the dictionary edit). */
const HINT = z.object({ category: z.string().min(1), label: z.string(), phrase: z.string().min(1) })

/**
 * The `content-reviews` document (durable: an admin may answer days later). Version 2 validates the
 * learning fields (`hints`, `allowed`, `learned`) that version 1 stored unchecked. `actedAgainAt` and `answeredWith`
 * (and `leftToHolder`, `carried`, `moved`) came later within version 2: optional, so a document without them reads as
 * before, and an older release keeps them unread (it drops `carried` and `moved` when it writes; it would only answer `#确认 R4` of a review decided along with R3 as `R4 已确认过`).
 */
export const REVIEWS_DOC = docSpec<ReviewLog>({
  version: 2,
  schema: z.object({
    next: z.number().int().positive(),
    reviews: z.array(
      z.looseObject({
        id: z.string(),
        memberId: z.string(),
        groupId: z.string(),
        messageId: z.string(),
        at: z.number(),
        findings: z.array(z.looseObject({ category: z.string() })),
        status: z.enum(['open', 'confirmed', 'ignored']),
        decidedAt: z.number().optional(),
        actedAgainAt: z.number().optional(),
        answeredWith: z.string().optional(),
        leftToHolder: z.array(z.string()).optional(),
        hints: z.array(HINT).optional(),
        allowed: z.boolean().optional(),
        repeats: z
          .array(
            z.looseObject({
              groupId: z.string(),
              messageId: z.string(),
              at: z.number(),
              findings: z.array(z.looseObject({ category: z.string() })),
            }),
          )
          .optional(),
      }),
    ),
    learned: z.array(z.string()).optional(),
    carried: z.array(z.string()).optional(),
    moved: z.array(z.looseObject({ id: z.string(), to: z.string(), groupTopic: z.string() })).optional(),
  }),
  // Version 1 stored hints unchecked: the ones that are not well formed are dropped (they could not be allowed).
  migrations: { 1: migrateHints },
  defaults: () => ({ next: 1, reviews: [] }),
  durable: true,
})

/** Version 1 → 2: keeps the well-formed hints of each review, and `allowed` only when it is true or false. */
// biome-ignore lint/suspicious/noExplicitAny: reads what version 1 wrote
function migrateHints(v1: any): unknown {
  for (const r of Array.isArray(v1?.reviews) ? v1.reviews : []) {
    if (!r || typeof r !== 'object') continue
    if (Array.isArray(r.hints)) r.hints = r.hints.filter((h: unknown) => HINT.safeParse(h).success)
    else delete r.hints
    if (r.allowed !== undefined && typeof r.allowed !== 'boolean') delete r.allowed
  }
  if (v1 && typeof v1 === 'object' && v1.learned !== undefined && !Array.isArray(v1.learned)) delete v1.learned
  if (Array.isArray(v1?.learned)) v1.learned = v1.learned.filter((k: unknown) => typeof k === 'string')
  return v1
}

/** Adds a review (numbered), dropping the oldest beyond the limit. */
export function addReview(log: ReviewLog, review: Omit<Review, 'id' | 'status'>): Review {
  const added: Review = { ...review, id: `R${log.next++}`, status: 'open' }
  log.reviews.push(added)
  if (log.reviews.length > REVIEW_LIMIT) log.reviews.splice(0, log.reviews.length - REVIEW_LIMIT)
  return added
}

/**
 * The member's open review, made within `windowMs` before `now`, whose categories cover `categories` (as incidents
 * merge repeats: `openIncidentFor`), if any.
 */
export function openReviewFor(
  log: ReviewLog,
  q: { memberId: string; categories: string[]; now: number; windowMs: number },
): Review | undefined {
  for (let i = log.reviews.length - 1; i >= 0; i--) {
    const r = log.reviews[i]
    if (r.at <= q.now - q.windowMs) break
    if (r.status !== 'open' || r.memberId !== q.memberId) continue
    if (q.categories.every(c => r.findings.some(f => f.category === c))) return r
  }
  return undefined
}

/** The keys of a message's review-only hits: category, term and form (`insult|傻逼|pinyin`); a policy note its own. */
export function evasionKeys(findings: readonly Finding[]): string[] {
  const keys = findings.flatMap(f =>
    f.evidence.map(e =>
      e.source === 'policy' ? `${f.category}|policy|${e.note}` : `${f.category}|${e.match.term}|${e.match.kind}`,
    ),
  )
  return [...new Set(keys)]
}

/**
 * The member's answered review that already decides on a message's review-only hits, if any: a `#确认`-ed one whose
 * messages had the same terms in the same forms, within `windowMs` after the answer or the last repeat it acted on
 * (`actedAgainAt`); a `#忽略`-d one with a message of the same text (and so the same hits), within `quietMs`
 * (`ignoredQuiet`) after the answer (other words with the same hit may be the violation: asked). The newest
 * answer wins.
 */
export function answeredReviewFor(
  log: ReviewLog,
  q: { memberId: string; text: string; findings: readonly Finding[]; now: number; windowMs: number; quietMs: number },
): Review | undefined {
  const keys = evasionKeys(q.findings)
  if (!keys.length) return undefined
  const text = q.text.trim()
  let found: Review | undefined
  for (const r of log.reviews) {
    if (r.memberId !== q.memberId || r.status === 'open' || r.decidedAt === undefined) continue
    if (found && (found.decidedAt ?? 0) > r.decidedAt) continue
    const confirmed = r.status === 'confirmed'
    const since = confirmed ? Math.max(r.decidedAt, r.actedAgainAt ?? 0) : r.decidedAt
    if (q.now >= since + (confirmed ? q.windowMs : q.quietMs)) continue
    const messages = reviewedMessages(r).filter(m => confirmed || m.text.trim() === text)
    const held = new Set(messages.flatMap(m => evasionKeys(m.findings)))
    if (keys.every(k => held.has(k))) found = r
  }
  return found
}

/**
 * The member's other open reviews that an answer decides too (`#确认 R3` / `#忽略 R3` also answers an open R4): for
 * `#确认`, those whose every hit is one of the answered review's (same category, term and form: `evasionKeys`); for
 * `#忽略`, those whose every message has the text of one of its messages. Only those asked before `until` (another
 * account's answer decides the questions asked until its hold ended, as `answeredReviewFor` would have); oldest first.
 */
export function decidedAlong(log: ReviewLog, answered: Review, until = Number.POSITIVE_INFINITY): Review[] {
  if (answered.status === 'open') return []
  const messages = reviewedMessages(answered)
  const keys = new Set(messages.flatMap(m => evasionKeys(m.findings)))
  const texts = new Set(messages.map(m => m.text.trim()))
  const same = (m: ReviewedMessage): boolean =>
    answered.status === 'confirmed' ? evasionKeys(m.findings).every(k => keys.has(k)) : texts.has(m.text.trim())
  return log.reviews.filter(
    r =>
      r !== answered &&
      r.status === 'open' &&
      r.memberId === answered.memberId &&
      r.at < until &&
      reviewedMessages(r).every(same),
  )
}

/** Adds a repeated message to an open review, and the phrases that would stop its hits (`#忽略 R3 允许`). */
export function addRepeat(review: Review, message: ReviewedMessage, hints: AllowHint[]): void {
  review.repeats = [...(review.repeats ?? []), message]
  const known = new Set((review.hints ?? []).map(hintKey))
  const fresh = hints.filter(h => !known.has(hintKey(h)))
  if (fresh.length) review.hints = [...(review.hints ?? []), ...fresh]
}

/** Every message a review answers, the first one first. */
export function reviewedMessages(review: Review): ReviewedMessage[] {
  return [review, ...(review.repeats ?? [])]
}

/** The review with this id (case-insensitive, `r3` or `R3`, `R3@sales1` of a question moved here), if kept. */
export function findReview(log: ReviewLog, id: string): Review | undefined {
  const wanted = id.trim().toUpperCase()
  return log.reviews.find(r => r.id.toUpperCase() === wanted)
}

/** The key of a false hit: its category and the phrase that would stop it. */
export const hintKey = (h: Pick<AllowHint, 'category' | 'phrase'>): string => `${h.category}|${h.phrase}`

/** Remembers that a false hit was suggested or allowed (the newest 500 kept). */
export function markLearned(log: ReviewLog, hints: AllowHint[]): void {
  const learned = (log.learned ??= [])
  for (const h of hints) if (!learned.includes(hintKey(h))) learned.push(hintKey(h))
  if (learned.length > REVIEW_LIMIT) learned.splice(0, learned.length - REVIEW_LIMIT)
}

/** Forgets a false hit (`#词库 删除` took its phrase out): it may be suggested again. True if it was remembered. */
export function forgetLearned(log: ReviewLog, hint: Pick<AllowHint, 'category' | 'phrase'>): boolean {
  const at = log.learned?.indexOf(hintKey(hint)) ?? -1
  if (at >= 0) log.learned!.splice(at, 1)
  return at >= 0
}
