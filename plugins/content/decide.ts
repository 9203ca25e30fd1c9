import { correctedInGroup } from '../../bot/commands/audience.js'
import type { Action, ActionMeta, NotifyAdminsAction } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import { shortDateTime } from '../../bot/time/zoned.js'
import type { ContentConfig } from './config.js'
import { planStrike, strikeCategory, type StrikePlan } from './decide-escalation.js'
import type { Finding } from './assess/findings.js'
import { severityOf } from './assess/assess.js'
import type { Incident } from './incidents/incident.js'
import { askOwnerText, confirmedWarnPrefix, type ReportFacts, reportText, warnText } from './texts.js'
import { auditEvidence, auditReason } from './audit-text.js'

/** What a new incident is decided from. */
export interface IncidentInput {
  cfg: ContentConfig
  ev: MessageEvent & { group: GroupRef }
  /** Most serious first. */
  findings: Finding[]
  memberName: string
  /** The member's active strikes from this plugin before this incident. */
  activeStrikes: number
  timezone: string
  prefix: string
  /**
   * This bot account when the fleet has several, as the admins read it (`「销售小助手」(sales2)`, its WeChat name and
   * `PluginContext.fleet.account`): the report names it.
   */
  account?: string
  /** Whether the bot is owner or admin of the group, when known (`Directory.mayRemove`). */
  mayRemove?: boolean
  /** The staff responsible for the group (`PluginContext.responsibleFor`): asked too when the bot cannot remove. */
  responsible?: string[]
  /** The member already reached the strike limit in this group within the strike window (`limitReachedIn`). */
  limitReachedHere?: boolean
  /** Decided later than the message was posted (`#确认` of a review): the warning says which message it is about. */
  confirmed?: boolean
  /** A line for the admin report after the original text (why the admins were not asked first). */
  note?: string
  /**
   * Where the admin report goes instead of the actions, to be sent with the other groups' as one
   * (`#确认` of a question posted in several groups: `decideConfirmedReport`).
   */
  held?: HeldReport[]
}

/** An admin report kept back to be merged with others: the action as it would have gone, and what it says. */
export interface HeldReport {
  action: NotifyAdminsAction
  facts: ReportFacts
}

/** A short description of what a member posted, for the admin report. */
export function originalOf(ev: MessageEvent): string {
  const a = ev.attachment
  switch (ev.kind) {
    case 'text':
      return ev.text
    case 'link':
      return `[链接] ${a?.title ?? ''} ${a?.url ?? ''}`.trim()
    case 'miniprogram':
      return `[小程序] ${a?.title ?? ''}`.trim()
    case 'file':
      return `[文件] ${a?.fileName ?? ''}`.trim()
    default:
      return ev.text
  }
}

/**
 * Actions for a new incident, from the action matrix (severity × group kind):
 * record, warn in the group, report to admins with the evidence, strike; a
 * strike that reaches the limit escalates to removal (or asks the admins).
 * Fills `incident.steps`.
 */
export function decideIncident(incident: Incident, x: IncidentInput): Action[] {
  const { cfg, ev } = x
  const kind = ev.group.kind
  const steps = cfg.actions[incident.severity][kind]
  const plan: StrikePlan | undefined = steps.includes('strike')
    ? planStrike(x.activeStrikes, cfg, kind, ev.sender.isStaff, x.mayRemove)
    : undefined
  const out = groupActions(incident, x, steps, plan, true)
  incident.steps = doneSteps(steps, plan, true, correctedInGroup(kind, ev.sender.isStaff))
  return out
}

/**
 * A repeat in a group the open incident has not reached yet (the same spam posted in a second group): that
 * group's members saw it too, so it gets that group's own warning, report and, at the strike limit, removal
 * (its row of the matrix), but no second strike: the offence is counted once. The warning states the member's
 * count as it stands (`activeStrikes` already holds the incident's strike).
 */
export function decideSpread(incident: Incident, x: IncidentInput): Action[] {
  const { cfg, ev } = x
  const kind = ev.group.kind
  const steps = cfg.actions[severityOf(x.findings)][kind]
  const plan =
    steps.includes('strike') && x.activeStrikes > 0
      ? planStrike(x.activeStrikes - 1, cfg, kind, ev.sender.isStaff, x.mayRemove)
      : undefined
  return groupActions(incident, x, steps, plan, false)
}

/**
 * The steps taken, as `#违规` and the admin report name them: `warnPrivately` for a warning the executor sends to a
 * staff member privately (`inGroup` false: a group customers read), no `record`, no strike on a repeat (`strike` false).
 */
function doneSteps(
  steps: readonly string[],
  plan: StrikePlan | undefined,
  strike: boolean,
  inGroup: boolean,
): string[] {
  return [
    ...steps
      .filter(s => s !== 'record' && (strike || s !== 'strike'))
      .map(s => (s === 'warn' && !inGroup ? 'warnPrivately' : s)),
    ...(plan?.escalate ? [plan.escalate] : []),
  ]
}

/**
 * The actions in one group from its matrix row: warn, strike (`strike`: a new incident only), report with
 * the evidence, removal at the limit; a record when nothing else is done or the row says so.
 */
function groupActions(
  incident: Incident,
  x: IncidentInput,
  steps: readonly string[],
  plan: StrikePlan | undefined,
  strike: boolean,
): Action[] {
  const { cfg, ev, findings } = x
  const kind = ev.group.kind
  const first = ev.group.id === incident.groupId ? undefined : incident.groupTopic
  const meta: ActionMeta = {
    rule: 'content',
    groupId: ev.group.id,
    memberId: ev.sender.id,
    reason: auditReason(incident.id, findings),
    evidence: { messageId: ev.id, text: auditEvidence(findings) },
  }
  const out: Action[] = []
  if (steps.includes('warn'))
    out.push({
      ...meta,
      type: 'warn',
      rule: 'content.warn',
      groupId: ev.group.id,
      memberId: ev.sender.id,
      text: `${x.confirmed ? confirmedWarnPrefix(shortDateTime(ev.at, x.timezone)) : ''}${warnText(cfg, x.memberName, findings, plan, { customer: !ev.sender.isStaff, reported: steps.includes('report') })}`,
    })
  if (plan && strike)
    out.push({
      ...meta,
      type: 'strike',
      rule: 'content.strike',
      memberId: ev.sender.id,
      category: strikeCategory(findings[0].category),
      text: findings[0].label,
      ttlMs: cfg.strikeTtl,
    })
  const done = doneSteps(steps, plan, strike, correctedInGroup(kind, ev.sender.isStaff))
  if (steps.includes('report') || plan?.escalate) {
    const facts: ReportFacts = {
      incidentId: incident.id,
      group: ev.group.topic,
      kind,
      member: x.memberName,
      memberId: ev.sender.id,
      when: shortDateTime(ev.at, x.timezone),
      messageId: ev.id,
      original: originalOf(ev),
      findings,
      steps: done,
      plan,
      ttlMs: cfg.strikeTtl,
      prefix: x.prefix,
      account: x.account,
      firstIn: first,
      note: x.note,
    }
    const report: NotifyAdminsAction = {
      ...meta,
      type: 'notifyAdmins',
      rule: plan?.escalate ? 'content.escalate' : 'content.report',
      text: reportText(facts),
    }
    if (x.held) x.held.push({ action: report, facts })
    else out.push(report)
  }
  const reportHeld = x.held !== undefined && (steps.includes('report') || plan?.escalate !== undefined)
  // The responsible salesperson is usually the customer group's owner: the one who can remove when the bot cannot.
  // Asked once, when the member reaches or passes the limit (a fleet's strikes can take the count past it at once),
  // not again while the strike window still holds an escalation here (the admins hear of every offence past it).
  if (plan?.escalate === 'ask' && plan.botCannot && !x.limitReachedHere)
    for (const id of x.responsible ?? [])
      if (id !== ev.sender.id)
        out.push({
          ...meta,
          type: 'remind',
          rule: 'content.ask-owner',
          to: { contact: id },
          groupId: ev.group.id,
          memberId: ev.sender.id,
          text: askOwnerText(ev.group.topic, x.memberName, incident.id),
        })
  // Last, so the report reaches the admins before the executor's note on a failed removal.
  if (plan?.escalate === 'remove')
    out.push({ ...meta, type: 'remove', rule: 'content.remove', groupId: ev.group.id, memberId: ev.sender.id })
  if ((!out.length && !reportHeld) || steps.includes('record'))
    out.unshift({
      ...meta,
      type: 'record',
      rule: 'content.record',
      text: `${incident.id} ${findings.map(f => f.label).join('、')}${first ? `（重复，首次在「${first}」）` : ''}`,
    })
  return out
}

/** A repeat merged into an open incident: only recorded, so a member who repeats gets no warning storm. */
export function decideRepeat(incident: Incident, ev: MessageEvent, findings: Finding[]): Action[] {
  return [
    {
      type: 'record',
      rule: 'content.repeat',
      groupId: ev.group?.id,
      memberId: ev.sender.id,
      reason: auditReason(incident.id, findings),
      evidence: { messageId: ev.id, text: auditEvidence(findings) },
      text: `重复违规，已并入 ${incident.id}（第 ${incident.count} 条）`,
    },
  ]
}
