import { asRehearsal, type Action } from '../../bot/core/actions.js'
import type { FinePolicy } from '../../bot/runtime/records/fine-policy.js'
import { timerKind } from '../../bot/runtime/schedule/timers.js'
import type { AckConfig } from './config.js'
import { silentMembers, type AckState, type Notice } from './state.js'
import { fineNoticeText, periodStats, reminderText, reportText, T } from './texts.js'

/** The ledger violation recorded for a missed notice (also how its fines are found again). */
export function violationFor(noticeId: string): string {
  return T.violation(noticeId)
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

/**
 * At the deadline: the report, and (when fines are on) a fine per silent member plus one merged @-message.
 * `observing`: the fines will only be recorded (a rehearsal, or the plugin in observe mode), which the report says.
 */
export function deadlineActions(
  n: Notice,
  cfg: AckConfig,
  tz: string,
  policy: FinePolicy,
  observing: boolean,
): Action[] {
  if (n.state !== 'open') return []
  n.state = 'reported'
  const silent = silentMembers(n)
  const fined = cfg.fines.enabled ? silent : []
  n.fined = fined
  const meta = { groupId: n.groupId, evidence: { messageId: n.messageId } }
  const report = reportText(n, tz, cfg.maxListed, fined.length, observing)
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
      reason: T.missedReason(n.required[id], n.id),
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

/**
 * A notice's timer fell due (`remind:<id>` or `deadline:<id>`): the reminder or the deadline report.
 * A notice tracked in observe mode stays a rehearsal: its actions are only recorded. `observing`: the
 * plugin's mode in the notice's group now (`ctx.observing`), where the executor only records them too.
 */
export function decideTimer(
  key: string,
  n: Notice,
  cfg: AckConfig,
  tz: string,
  policy: FinePolicy,
  now: number,
  observing: boolean,
): Action[] {
  const kind = timerKind(key)
  const actions =
    kind === 'remind'
      ? reminderActions(n, cfg, tz, now)
      : kind === 'deadline'
        ? deadlineActions(n, cfg, tz, policy, observing || !!n.observed)
        : []
  return n.observed ? asRehearsal(actions) : actions
}

/** The statistics job: each author of a notice in the last `days` gets the statistics of that group privately. */
export function statsReportActions(state: AckState, cfg: AckConfig, now: number): Action[] {
  const { days } = cfg.statsReport
  const since = now - days * 86_400_000
  const notices = Object.values(state.notices)
  const groups = new Set(notices.filter(n => n.state === 'reported' && n.at >= since).map(n => n.groupId))
  const out: Action[] = []
  for (const groupId of groups) {
    const pool = notices.filter(n => n.groupId === groupId)
    const text = periodStats(pool, pool[0].groupTopic, days, now, cfg.maxListed)
    for (const author of new Set(pool.filter(n => n.at >= since).map(n => n.authorId))) {
      out.push({ type: 'say', to: { contact: author }, text, rule: 'ack.stats', groupId, memberId: author })
    }
  }
  return out
}
