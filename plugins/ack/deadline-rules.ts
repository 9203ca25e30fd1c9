import type { Action } from '../../bot/core/actions.js'
import type { FinePolicy } from '../../bot/runtime/records/fine-policy.js'
import type { AckConfig } from './config.js'
import { silentMembers, type Notice } from './notice.js'
import { confirmText, fineNoticeText, reminderText, reportText } from './texts.js'

/** The ledger violation recorded for a missed notice (also how its fines are found again). */
export function violationFor(noticeId: string): string {
  return `未按时回复通知 ${noticeId}`
}

/** The reminder and deadline timers of a newly tracked notice, after a confirmation in the group when `confirm`. */
export function trackingActions(n: Notice, tz: string, confirm: boolean): Action[] {
  const meta = { groupId: n.groupId, evidence: { messageId: n.messageId } }
  const actions: Action[] = confirm
    ? [{ type: 'say', to: { room: n.groupId }, text: confirmText(n, tz), rule: 'ack.tracking', ...meta }]
    : []
  if (n.remindAt !== undefined && n.remindAt < n.deadline)
    actions.push({
      type: 'schedule',
      key: `remind:${n.id}`,
      at: n.remindAt,
      payload: { id: n.id },
      rule: 'ack.schedule',
      ...meta,
    })
  actions.push({
    type: 'schedule',
    key: `deadline:${n.id}`,
    at: n.deadline,
    payload: { id: n.id },
    rule: 'ack.schedule',
    ...meta,
  })
  return actions
}

/** Before the deadline: one merged @-message to the silent members (at most `maxMentions` @-ed). */
export function reminderActions(n: Notice, cfg: AckConfig, tz: string, now: number): Action[] {
  if (n.state !== 'open') return []
  n.remindedAt = now
  const silent = silentMembers(n)
  if (!silent.length) return []
  const mentions = silent.slice(0, cfg.maxMentions)
  return [
    {
      type: 'remind',
      to: { room: n.groupId },
      mentions,
      text: reminderText(n, silent.length, mentions.length, tz),
      rule: 'ack.reminder',
      groupId: n.groupId,
      evidence: { messageId: n.messageId },
    },
  ]
}

/** At the deadline: the report, and (when fines are on) a fine per silent member plus one merged @-message. */
export function deadlineActions(n: Notice, cfg: AckConfig, tz: string, policy: FinePolicy): Action[] {
  if (n.state !== 'open') return []
  n.state = 'reported'
  const silent = silentMembers(n)
  const fined = cfg.fines.enabled ? silent : []
  n.fined = fined
  const meta = { groupId: n.groupId, evidence: { messageId: n.messageId } }
  const report = reportText(n, tz, cfg.maxListed, fined.length)
  const actions: Action[] = [
    cfg.reportTo === 'admins'
      ? { type: 'notifyAdmins', text: report, rule: 'ack.report', ...meta }
      : {
          type: 'say',
          to: cfg.reportTo === 'group' ? { room: n.groupId } : { contact: n.authorId },
          text: report,
          rule: 'ack.report',
          ...meta,
        },
  ]
  for (const id of fined) {
    actions.push({
      type: 'fine',
      memberId: id,
      violation: violationFor(n.id),
      rule: 'ack.missed-deadline',
      reason: `${n.required[id]} 未在截止前回复通知 ${n.id}`,
      ...meta,
    })
  }
  if (fined.length && cfg.fines.announce) {
    const mentions = fined.slice(0, cfg.maxMentions)
    actions.push({
      type: 'remind',
      to: { room: n.groupId },
      mentions,
      text: fineNoticeText(n, fined.length, mentions.length, policy),
      rule: 'ack.fine-notice',
      ...meta,
    })
  }
  return actions
}
