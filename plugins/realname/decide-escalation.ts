import type { Action } from '../../bot/core/actions.js'
import { formatDuration } from '../../bot/config/duration.js'
import type { EscalationStep } from './config.js'
import { mentionText, reminderText, reportText, type StepAudience, stepLabel, T, type NicknameNotice } from './texts.js'

/** When step `index` of a case started at `startedAt` is due; undefined past the last step. */
export function stepDueAt(steps: EscalationStep[], startedAt: number, index: number): number | undefined {
  const step = steps[index]
  return step && startedAt + step.after
}

/** Timer key of a member's escalation in a group (an observe-mode case has its own). */
export const stepTimerKey = (groupId: string, memberId: string, observed = false): string =>
  `step:${groupId}:${memberId}${observed ? ':observed' : ''}`

/** The payload of an escalation timer. */
export interface StepPayload {
  groupId: string
  memberId: string
  index: number
  /** Set for a case opened in observe mode: its timer never advances the real case. */
  observed?: boolean
}

/** Each escalation step in Chinese, for its timer's audit line. */
const STEP_NAME: Record<EscalationStep['action'], string> = {
  remind: '私聊提醒',
  mention: '群内@提醒',
  report: '报告管理员',
  remove: '移出群聊',
}

/** Schedule step `index` (nothing when the steps are done). */
export function scheduleStep(steps: EscalationStep[], startedAt: number, p: StepPayload): Action[] {
  const at = stepDueAt(steps, startedAt, p.index)
  if (at === undefined) return []
  return [
    {
      type: 'schedule',
      key: stepTimerKey(p.groupId, p.memberId, p.observed),
      at,
      payload: p,
      rule: 'realname.escalate',
      groupId: p.groupId,
      memberId: p.memberId,
      reason: T.stepTimerReason(p.index + 1, STEP_NAME[steps[p.index].action]),
    },
  ]
}

/**
 * What the step does; the admin report lists what the earlier steps did for this audience (`stepLabel`). The `mention` step carries the full
 * private reminder for when it goes privately (staff are never @-ed in front of customers: `routeActions`).
 */
export function stepActions(
  steps: EscalationStep[],
  index: number,
  n: NicknameNotice,
  ctx: {
    groupId: string
    startedAt: number
    now: number
    unconfirmed: boolean
    audience: StepAudience
    prefix: string
  },
): Action[] {
  const step = steps[index]
  const meta = { groupId: ctx.groupId, memberId: n.memberId, reason: `${n.nickname}: ${n.detail}` }
  switch (step.action) {
    case 'remind':
      return [{ type: 'remind', to: { contact: n.memberId }, text: reminderText(n), rule: 'realname.remind', ...meta }]
    case 'mention':
      return [
        {
          type: 'warn',
          text: mentionText(n),
          privateText: reminderText(n),
          rule: 'realname.mention',
          ...meta,
          groupId: ctx.groupId,
          memberId: n.memberId,
        },
      ]
    case 'report': {
      const done = steps.slice(0, index).map(s => stepLabel(s.action, ctx.audience))
      const since = done.length && ctx.now > ctx.startedAt ? T.sinceFirst(formatDuration(ctx.now - ctx.startedAt)) : ''
      return [
        {
          type: 'notifyAdmins',
          text: reportText(n, { since, done, unconfirmed: ctx.unconfirmed, prefix: ctx.prefix }),
          rule: 'realname.report',
          ...meta,
        },
      ]
    }
    case 'remove':
      return [{ type: 'remove', rule: 'realname.remove', ...meta, groupId: ctx.groupId, memberId: n.memberId }]
  }
}
