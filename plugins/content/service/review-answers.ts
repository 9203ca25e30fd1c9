import type { Action } from '../../../bot/core/actions.js'
import { type AllowOutcome, learnedPhraseProblem } from '../assess/allow-phrase.js'
import { decideAllow, decideAlong, decideClosed, decideIgnore, dueSuggestion } from '../decide-review.js'
import { HANDOVER_MS, leftMessages } from '../fleet-reviews.js'
import type { DictionaryEdit } from '../matcher/dictionary-edit.js'
import { decidedAlong, markLearned, type Review, reviewedMessages } from '../state.js'
import { allowedText, alongText, dictionaryEditText, ignoredText, leftText, reviewAnswerText } from '../texts.js'
import { confirmedMessages } from './confirmed.js'
import type { ServiceParts } from './parts.js'
import { groupOf, released } from './signals.js'

/** The admin answering a review question. */
type Admin = { id: string; name: string }

/**
 * `#确认 R3`: the message is handled as an offence now (the action matrix, strikes and escalation as for
 * any hit), with the review's evidence; the member's other open questions about the same evasion are decided
 * along (`decidedAlong`), their messages handled with R3's, oldest first (one incident within the window).
 */
export function confirmReview(s: ServiceParts, review: Review, admin: Admin): { actions: Action[]; text: string } {
  markAnswered(s, review, 'confirmed', admin.id, admin.name)
  const along = answerAlong(s, review, admin)
  const actions = confirmedMessages(s, [review, ...along], review.id)
  const reply = reviewAnswerText(review, 'confirmed')
  const alongLine = along.length
    ? [
        alongText(
          along.map(r => r.id),
          review,
        ),
      ]
    : []
  // Messages whose group another bot account serves now: that account acts on them (the answer says so).
  const left = [review, ...along].flatMap(r => {
    const messages = leftMessages(r)
    return messages.length ? [leftText(r.id, messages, HANDOVER_MS)] : []
  })
  return {
    actions: [...closed(s, review, along, admin), ...along.map(r => decideAlong(r, review, admin.id)), ...actions],
    text: [reply, ...alongLine, ...left].join('\n'),
  }
}

/** Every other admin told once that the question is closed, by whom and how (`decideClosed`); none: nobody to tell. */
function closed(s: ServiceParts, review: Review, along: Review[], admin: Admin): Action[] {
  if (!s.ctx.membersWithRole('admin').some(id => id !== admin.id)) return []
  return [decideClosed(review, along, admin, s.ctx.observing(groupOf(review)))]
}

/**
 * The member's other open questions an answer decides too (`decidedAlong`), marked answered with it.
 */
function answerAlong(s: ServiceParts, answered: Review, admin: Admin): Review[] {
  return markAlong(s, decidedAlong(s.reviews.data, answered), answered, admin.id, answered.id, admin.name)
}

/**
 * Marks open questions answered with `answered` (as `answeredWith`), those of its mode only: a rehearsed one is
 * never decided by a live answer, nor the other way round. Returns those marked.
 */
export function markAlong(
  s: ServiceParts,
  open: Review[],
  answered: Review,
  adminId: string,
  answeredWith: string,
  adminName?: string,
): Review[] {
  const observing = s.ctx.observing(groupOf(answered))
  const along = open.filter(r => s.ctx.observing(groupOf(r)) === observing)
  for (const r of along) {
    markAnswered(s, r, answered.status as 'confirmed' | 'ignored', adminId, adminName)
    r.answeredWith = answeredWith
  }
  return along
}

/**
 * `#忽略 R3`: recorded, nothing happens to the member; the reply says how to stop this kind of hit, and a
 * false hit ignored `suggestAllowAfter` times without `允许` is suggested to the admins once. With `allow`
 * (`#忽略 R3 允许`, also on a review already ignored) the review's phrases are added as allowed phrases, as
 * `#词库 允许` adds them (written back, reloaded, audited; undone with `#词库 删除`).
 */
export function ignoreReview(
  s: ServiceParts,
  review: Review,
  admin: Admin,
  allow: boolean,
): { actions: Action[]; text: string } {
  const adminId = admin.id
  const p = s.ctx.commandPrefix
  const wasOpen = review.status === 'open'
  if (wasOpen) markAnswered(s, review, 'ignored', adminId, admin.name)
  const log = s.reviews.data
  const suggestion = wasOpen && !allow ? dueSuggestion(log, review, s.ctx.configFor().suggestAllowAfter) : undefined
  if (suggestion) markLearned(log, [suggestion.hint])
  const along = wasOpen ? answerAlong(s, review, admin) : []
  const ignored = wasOpen
    ? [
        ...closed(s, review, along, admin),
        ...decideIgnore(review, adminId, suggestion, p),
        ...along.map(r => decideAlong(r, review, adminId)),
        ...[review, ...along].flatMap(r => reviewedMessages(r).map(m => released(r, m))),
      ]
    : []
  const alongLine = along.length
    ? [
        alongText(
          along.map(r => r.id),
          review,
        ),
      ]
    : []
  if (!allow) return { actions: ignored, text: [ignoredText(review, p), ...alongLine].join('\n') }
  const outcomes: AllowOutcome[] = (review.hints ?? []).map(hint => {
    const edit: DictionaryEdit = { op: 'allow', category: hint.category, word: hint.phrase }
    // Checked again now: the dictionary may have changed since the review was made.
    const problem = learnedPhraseProblem(hint.phrase, hint.category, s.holder.matcher)
    if (problem) return { hint, ok: false, text: dictionaryEditText.notAllowed(edit, problem, p) }
    return { hint, ...s.editDictionary(edit) }
  })
  const added = outcomes.filter(o => o.ok).map(o => o.hint)
  if (added.length) {
    review.allowed = true
    markLearned(log, added)
    s.reviews.changed()
  }
  return {
    actions: [...ignored, ...decideAllow(review, adminId, outcomes)],
    text: [allowedText(review, wasOpen, outcomes, p), ...alongLine].join('\n'),
  }
}

/** Marks a review answered. */
function markAnswered(
  s: ServiceParts,
  review: Review,
  status: 'confirmed' | 'ignored',
  adminId: string,
  adminName?: string,
): void {
  review.status = status
  review.decidedBy = adminId
  if (adminName) review.decidedByName = adminName
  review.decidedAt = s.ctx.clock.now()
  s.reviews.changed()
}
