import type { Action } from '../../bot/core/actions.js'
import { shortDateTime } from '../../bot/time/zoned.js'
import type { Finding } from './assess/findings.js'
import type { AllowOutcome, Suggestion } from './assess/allow-phrase.js'
import { hintKey, type Review, type ReviewedMessage, type ReviewLog } from './state.js'
import {
  alongRecordText,
  alongText,
  closedText,
  handedOverText,
  leftText,
  unservedText,
  confirmedAgainNote,
  confirmedAgainText,
  confirmedReportText,
  evasionText,
  ignoredAgainText,
  reviewAnswerText,
  reviewRepeatText,
  reviewText,
  stepsText,
  suggestAllowText,
} from './texts.js'
import type { HeldReport } from './decide.js'
import { auditReason } from './audit-text.js'

/**
 * Findings split into those that act and those only for review: a dictionary finding whose every hit
 * is review-only (a kind its category does not let act, e.g. initials) goes to the admins, never to a
 * warning or strike; so does one its scope marks for review (`reviewOnly`), unless the message is handled
 * as an offence anyway (an ad with `加v`): it then joins that offence. Policy findings (cards, flood...) act.
 */
export function splitReview(findings: Finding[]): { acting: Finding[]; review: Finding[] } {
  const variants = (f: Finding): boolean =>
    f.evidence.length > 0 && f.evidence.every(e => e.source !== 'policy' && e.match.reviewOnly === true)
  if (!findings.some(f => f.reviewOnly || variants(f))) return { acting: findings, review: [] }
  const acts = findings.some(f => !f.reviewOnly && !variants(f))
  const reviewOnly = (f: Finding): boolean => variants(f) || (f.reviewOnly === true && !acts)
  return { acting: findings.filter(f => !reviewOnly(f)), review: findings.filter(reviewOnly) }
}

/** The admins are asked about a new review: what matched and how, and the two answers. */
export function decideReview(review: Review, timezone: string, prefix: string): Action[] {
  return [
    {
      type: 'notifyAdmins',
      rule: 'content.review',
      groupId: review.groupId,
      memberId: review.memberId,
      reason: auditReason(review.id, review.findings),
      evidence: { messageId: review.messageId, text: review.text.slice(0, 200) },
      text: reviewText(review, shortDateTime(review.at, timezone), prefix),
    },
  ]
}

/** The same hits posted again while the member's review is open: recorded with it, the admins are not asked again. */
export function decideReviewRepeat(review: Review, m: ReviewedMessage, memberId: string): Action[] {
  return [
    {
      type: 'record',
      rule: 'content.review.repeat',
      groupId: m.groupId,
      memberId,
      reason: auditReason(review.id, m.findings),
      evidence: { messageId: m.messageId, text: m.text.slice(0, 200) },
      text: reviewRepeatText(review, m),
    },
  ]
}

/**
 * The same evasion posted again after `#确认` (`answeredReviewFor`), already handled as an offence (`acted`): an
 * audit record naming the review; and, when no report told the admins (the matrix row has none, or the repeat only
 * joined the open incident), a short note if anything was done to the member.
 */
export function decideConfirmedAgain(
  review: Review,
  m: ReviewedMessage,
  member: { id: string; name: string },
  acted: readonly Action[],
): Action[] {
  const how = evasionText(m.findings)
  const meta = {
    groupId: m.groupId,
    memberId: member.id,
    reason: auditReason(review.id, m.findings),
    evidence: { messageId: m.messageId, text: m.text.slice(0, 200) },
  }
  const record: Action = {
    ...meta,
    type: 'record',
    rule: 'content.review.confirmed-repeat',
    text: confirmedAgainText(review.id, how),
  }
  const done = acted.filter(a => a.type === 'warn' || a.type === 'strike' || a.type === 'remove')
  if (!done.length || acted.some(a => a.type === 'notifyAdmins')) return [record]
  const steps = stepsText([...new Set(done.map(a => a.type))])
  const note: Action = {
    ...meta,
    type: 'notifyAdmins',
    rule: 'content.review.confirmed-repeat',
    text: confirmedAgainNote(review.id, member.name, m.groupTopic, how, steps),
    ...(done.every(a => a.rehearsal) ? { rehearsal: true } : {}),
  }
  return [record, note]
}

/**
 * The same sender's same message posted again after `#忽略` (`answeredReviewFor`), within `quietMs`
 * (`ignoredQuiet`): only recorded, nobody asked.
 */
export function decideIgnoredAgain(review: Review, m: ReviewedMessage, memberId: string, quietMs: number): Action[] {
  return [
    {
      type: 'record',
      rule: 'content.review.ignored-repeat',
      groupId: m.groupId,
      memberId,
      reason: auditReason(review.id, m.findings),
      evidence: { messageId: m.messageId, text: m.text.slice(0, 200) },
      text: ignoredAgainText(review.id, evasionText(m.findings), quietMs),
    },
  ]
}

/**
 * The admin report of a `#确认`: the one report as it is when the question was posted in one group; one report
 * naming every group and each group's steps when it was posted in several, or when the answer decided other open
 * questions along (`reviewIds`: the answered one first; reasons joined: one audit entry).
 */
export function decideConfirmedReport(reviewIds: readonly string[], held: readonly HeldReport[]): Action[] {
  if (held.length <= 1) return held.map(h => h.action)
  const [first] = held
  const escalated = held.find(h => h.action.rule === 'content.escalate')
  return [
    {
      ...first.action,
      rule: escalated ? escalated.action.rule : first.action.rule,
      reason: [...new Set(held.map(h => h.action.reason))].join('; '),
      text: confirmedReportText(
        reviewIds,
        held.map(h => h.facts),
      ),
    },
  ]
}

/**
 * The false hit of a review just ignored that the admins have now ignored `after` times (or more) without
 * `允许` (a review closed along with another, `answeredWith`, is no answer of theirs), unless it was suggested or allowed before (`log.learned`); `after` 0 never suggests.
 */
export function dueSuggestion(log: ReviewLog, review: Review, after: number): Suggestion | undefined {
  if (after <= 0) return undefined
  for (const hint of review.hints ?? []) {
    const key = hintKey(hint)
    if (log.learned?.includes(key)) continue
    const ids = log.reviews
      .filter(r => r.status === 'ignored' && !r.allowed && !r.answeredWith && r.hints?.some(h => hintKey(h) === key))
      .map(r => r.id)
    if (ids.length >= after) return { hint, ids }
  }
  return undefined
}

/** `#忽略 R3`: recorded, nothing happens to the member; a false hit ignored often enough is suggested to the admins once. */
export function decideIgnore(
  review: Review,
  adminId: string,
  suggestion: Suggestion | undefined,
  prefix: string,
): Action[] {
  const ignored: Action = {
    type: 'record',
    rule: 'content.review.ignore',
    groupId: review.groupId,
    memberId: review.memberId,
    reason: `${review.id} ignored by ${adminId}`,
    evidence: { messageId: review.messageId },
    text: reviewAnswerText(review, 'ignored'),
  }
  if (!suggestion) return [ignored]
  const suggest: Action = {
    type: 'notifyAdmins',
    rule: 'content.review.suggest-allow',
    reason: `${suggestion.hint.category} ${suggestion.hint.phrase} ignored ${suggestion.ids.length}x`,
    text: suggestAllowText(suggestion, prefix),
  }
  return [ignored, suggest]
}

/**
 * An open review decided along with the one the admins answered (`decidedAlong`): audited under its own id, naming
 * the answer (`R4 随 R3 一并确认`); its messages are then handled (`#确认`) or released (`#忽略`) as the answer's.
 */
export function decideAlong(review: Review, answered: Review, adminId: string): Action {
  return {
    type: 'record',
    rule: 'content.review.along',
    groupId: review.groupId,
    memberId: review.memberId,
    reason: `${review.id} ${answered.status} with ${review.answeredWith ?? answered.id} by ${adminId}`,
    evidence: { messageId: review.messageId },
    text: alongRecordText(review.id, review.answeredWith ?? answered.id, answered.status === 'confirmed'),
  }
}

/**
 * The admins' one line on the questions another bot account's answer decided (fleet): nobody here answered them, so
 * nobody here was told in a reply (`R4 与 R3@sales1 是同一人的同一变体（…），已由 陈管理 一并确认，按违规处理，不必再答复。`).
 */
export function alongNote(reviews: readonly Review[], answered: Review, by: string | undefined): Action {
  const [first] = reviews
  return {
    type: 'notifyAdmins',
    rule: 'content.review.along',
    groupId: first.groupId,
    memberId: first.memberId,
    reason: `${reviews.map(r => r.id).join(', ')} ${answered.status} with ${answered.id}`,
    text: alongText(
      reviews.map(r => r.id),
      answered,
      by,
    ),
  }
}

/**
 * The other admins told once that a question is closed (`#确认 R3` / `#忽略 R3`), by whom and how, with the questions
 * closed along: every admin was asked, the one who answered reads the reply instead (`except`). No group: the note
 * goes out wherever the group is now served; only recorded for a question of observe mode (never asked).
 */
export function decideClosed(
  answered: Review,
  along: readonly Review[],
  admin: { id: string; name: string },
  observing: boolean,
): Action {
  return {
    type: 'notifyAdmins',
    rule: 'content.review.closed',
    memberId: answered.memberId,
    reason: `${[answered, ...along].map(r => r.id).join(', ')} ${answered.status} by ${admin.id}`,
    text: closedText(
      answered,
      along.map(r => r.id),
      admin.name,
    ),
    except: [admin.id],
    ...(observing ? { rehearsal: true } : {}),
  }
}

/** Timer keys of confirmed messages left to their group's holder: `handover:<review id>`. */
export const HANDOVER_TIMER = 'handover:'

/**
 * Timer keys of another account's confirmed messages whose check that account did not run (it went down):
 * `overdue:<fleet id>` (`overdueHandovers`).
 */
export const OVERDUE_TIMER = 'overdue:'

/**
 * A confirmed review's messages in groups another account serves now (fleet): audited as left to it, and a timer
 * (no group: it fires here) to see after `waitMs` that they were carried out.
 */
export function decideLeft(review: Review, messages: readonly ReviewedMessage[], at: number, waitMs: number): Action[] {
  const record = (m: ReviewedMessage): Action => ({
    type: 'record',
    rule: 'content.review.left',
    groupId: m.groupId,
    memberId: review.memberId,
    reason: `${review.id} left to the holder of ${m.groupId}`,
    evidence: { messageId: m.messageId, text: m.text.slice(0, 200) },
    text: leftText(review.id, [m], waitMs),
  })
  return [
    ...messages.map(record),
    { type: 'schedule', key: `${HANDOVER_TIMER}${review.id}`, at: at + waitMs, rule: 'content.review.left' },
  ]
}

/** Confirmed messages another account left to this one, carried out here: audited, the admins told in one line. */
export function decideHandedOver(id: string, review: Review, messages: readonly ReviewedMessage[]): Action[] {
  const [first] = messages
  return [
    {
      type: 'notifyAdmins',
      rule: 'content.review.handed-over',
      groupId: first.groupId,
      memberId: review.memberId,
      reason: `${id} carried out for ${messages.map(m => m.messageId).join(', ')}`,
      evidence: { messageId: first.messageId },
      text: handedOverText(id, review.memberName, messages),
    },
  ]
}

/**
 * Confirmed messages nobody carried out (no account serves their group): each audited, the admins told once to act
 * by hand (no group: this account tells, wherever the group is).
 */
export function decideUnserved(
  review: Review,
  messages: readonly ReviewedMessage[],
  /** Another account's question checked here: that account, as the admins read it (`「销售小助手」(sales1)`). */
  checkedFor?: string,
): Action[] {
  const records = messages.map(
    (m): Action => ({
      type: 'record',
      rule: 'content.review.unserved',
      groupId: m.groupId,
      memberId: review.memberId,
      reason: `${review.id}: no account serves ${m.groupId}`,
      evidence: { messageId: m.messageId, text: m.text.slice(0, 200) },
      text: unservedText(review.id, review.memberName, [m]),
    }),
  )
  return [
    ...records,
    {
      type: 'notifyAdmins',
      rule: 'content.review.unserved',
      memberId: review.memberId,
      reason: `${review.id}: not carried out in ${[...new Set(messages.map(m => m.groupId))].join(', ')}`,
      text: unservedText(review.id, review.memberName, messages, checkedFor),
    },
  ]
}

/** `#忽略 R3 允许`: each allowed phrase audited as a dictionary edit (undone with `#词库 删除`). */
export function decideAllow(review: Review, adminId: string, outcomes: AllowOutcome[]): Action[] {
  return outcomes.map(o => ({
    type: 'record',
    rule: o.ok ? 'content.dictionary.edit' : 'content.dictionary.edit-refused',
    memberId: adminId,
    reason: `allow ${o.hint.category} ${o.hint.phrase} (${review.id})`,
    text: o.text,
  }))
}
