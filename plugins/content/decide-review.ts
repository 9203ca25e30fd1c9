import type { Action } from '../../bot/core/actions.js'
import { shortDateTime } from '../../bot/time/zoned.js'
import type { Finding } from './assess/findings.js'
import type { Review } from './state.js'
import { reviewAnswerText, reviewText } from './texts.js'
import { auditReason } from './audit-text.js'

/**
 * Findings split into those that act and those only for review: a dictionary finding whose every hit
 * is review-only (a kind its category does not let act, e.g. initials) goes to the admins, never to a
 * warning or strike. Policy findings (cards, flood...) always act.
 */
export function splitReview(findings: Finding[]): { acting: Finding[]; review: Finding[] } {
  const reviewOnly = (f: Finding): boolean =>
    f.evidence.length > 0 && f.evidence.every(e => e.source !== 'policy' && e.match.reviewOnly === true)
  if (!findings.some(reviewOnly)) return { acting: findings, review: [] }
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

/** `#忽略 R3`: recorded, nothing happens to the member. */
export function decideIgnore(review: Review, adminId: string): Action[] {
  return [
    {
      type: 'record',
      rule: 'content.review.ignore',
      groupId: review.groupId,
      memberId: review.memberId,
      reason: `${review.id} ignored by ${adminId}`,
      evidence: { messageId: review.messageId },
      text: reviewAnswerText(review, 'ignored'),
    },
  ]
}
