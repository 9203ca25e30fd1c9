import { emit, type Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import type { Finding } from '../assess/findings.js'
import type { Review, ReviewedMessage } from '../state.js'

/**
 * Categories whose hits in a customer group are a complaint to answer (see `scope` in `config.ts`): asked about,
 * but the customer still waits for staff.
 */
const COMPLAINTS: ReadonlySet<string> = new Set(['defamation', 'insult'])

/**
 * Whether a message only asked about is held from the others (not a question to answer until released): spam
 * such as contact solicitation, not a complaint; and not in observe mode, where the admins are not asked.
 */
export function holds(ev: MessageEvent & { group: GroupRef }, review: Finding[], observing: boolean): boolean {
  return !observing && ev.group.kind === 'customer' && !review.some(f => COMPLAINTS.has(f.category))
}

/** Tell the other plugins this message is held for the admins (activity does not wait for an answer to it meanwhile). */
export function held(ev: MessageEvent & { group: GroupRef }): Action {
  const meta = { rule: 'content.held', groupId: ev.group.id, memberId: ev.sender.id }
  return emit('message.held', { groupId: ev.group.id, messageId: ev.id, memberId: ev.sender.id }, meta)
}

/** Tell the other plugins the admins released a held message (`#忽略`): it is an ordinary message again. */
export function released(review: Review, m: ReviewedMessage): Action {
  const meta = { rule: 'content.released', groupId: m.groupId, memberId: review.memberId }
  return emit('message.released', { groupId: m.groupId, messageId: m.messageId, memberId: review.memberId }, meta)
}

/** A message as a review keeps it: where and when, what it said and its review-only findings. */
export function messageOf(ev: MessageEvent & { group: GroupRef }, findings: Finding[]): ReviewedMessage {
  return {
    groupId: ev.group.id,
    groupTopic: ev.group.topic,
    groupKind: ev.group.kind,
    groupConfigName: ev.group.configName,
    messageId: ev.id,
    text: ev.text,
    at: ev.at,
    findings,
  }
}

/** The group a reviewed message was posted in. */
export function groupOf(m: ReviewedMessage): GroupRef {
  return { id: m.groupId, topic: m.groupTopic, kind: m.groupKind, configName: m.groupConfigName }
}

/** Tell the other plugins this message was moderated (activity then does not wait for an answer to it). */
export function moderated(ev: MessageEvent & { group: GroupRef }, findings: Finding[]): Action {
  const categories = [...new Set(findings.map(f => f.category))]
  return emit(
    'message.moderated',
    { groupId: ev.group.id, messageId: ev.id, memberId: ev.sender.id, categories },
    { rule: 'content.moderated', groupId: ev.group.id, memberId: ev.sender.id },
  )
}
