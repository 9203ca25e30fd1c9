import { correctedInGroup, readByCustomers } from '../../bot/commands/audience.js'
import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, JoinEvent, LeaveEvent, Member, MessageEvent } from '../../bot/core/event.js'
import { formatDuration } from '../../bot/config/duration.js'
import { graceTimerKey, type Realname } from './decide-case.js'
import type { StepPayload } from './decide-escalation.js'
import { formatSample } from './nickname/compliance.js'
import type { PendingWelcome } from './state.js'
import { quitAdminText, quitMemberText, reminderText, T, welcomeText } from './texts.js'

/** Timer key of a group's merged welcome. */
export const welcomeTimerKey = (groupId: string): string => `welcome:${groupId}`

/** The payload of a grace timer (an escalation step's adds the step). */
export interface GracePayload {
  groupId: string
  memberId: string
  inviter?: string
}

/** A newcomer (join event or found by a sweep): record them and start the grace period if they must comply. */
export function admit(s: Realname, group: GroupRef, member: Member, inviter?: string): Action[] {
  const now = s.v.now
  const stale = s.closeCase(group.id, member.id, '重新入群')
  s.remember(group.id, member.id, { since: now, joinedAt: now, label: s.v.displayName(member) })
  if (!s.mustComply(member, group)) return stale
  const payload: GracePayload = { groupId: group.id, memberId: member.id, inviter }
  return [
    ...stale,
    {
      type: 'schedule',
      key: graceTimerKey(group.id, member.id),
      at: now + s.cfg(group).grace,
      payload,
      rule: 'realname.grace',
      reason: T.graceTimerReason,
      groupId: group.id,
      memberId: member.id,
    },
  ]
}

/** Members joined: grace timers, and one merged welcome after the batch window. */
export function onJoin(s: Realname, ev: JoinEvent): Action[] {
  if (!s.managed(ev.group)) return []
  const cfg = s.cfg(ev.group)
  const self = s.v.selfId
  const joiners = ev.members.filter(m => m.id !== self)
  const inviter = ev.inviter && !joiners.some(m => m.id === ev.inviter?.id) ? s.v.displayName(ev.inviter) : undefined
  const out = joiners.flatMap(m => admit(s, ev.group, m, inviter))
  // The welcome of a group customers read is theirs: staff joining it to serve them are not welcomed as customers
  // (the nickname rule reaches them privately, at the end of the grace).
  const welcomed = readByCustomers(ev.group.kind) ? joiners.filter(m => !s.v.rolesOf(m.id).length) : joiners
  if (!cfg.welcome.enabled || !welcomed.length) return out
  const pending = (s.d.state.welcome[ev.group.id] ??= { ids: [], names: [], mustNames: [] })
  for (const m of welcomed) {
    if (pending.ids.includes(m.id)) continue // left and re-joined within the batch window: welcome once
    pending.ids.push(m.id)
    pending.names.push(s.v.displayName(m))
    // Staff are told the nickname rule privately (at the end of the grace), never in front of customers.
    if (s.mustComply(m, ev.group) && correctedInGroup(ev.group.kind, s.v.rolesOf(m.id).length > 0))
      pending.mustNames.push(s.v.displayName(m))
  }
  s.d.dirty.state = true
  out.push({
    type: 'schedule',
    key: welcomeTimerKey(ev.group.id),
    at: s.v.now + cfg.welcome.batchWindow,
    payload: { groupId: ev.group.id },
    rule: 'realname.welcome',
    reason: T.welcomeTimerReason,
    groupId: ev.group.id,
  })
  return out
}

/** Remove a member from a pending welcome; true when they were in it. */
function dropFromWelcome(pending: PendingWelcome, id: string): boolean {
  const i = pending.ids.indexOf(id)
  if (i < 0) return false
  const [name] = pending.names.splice(i, 1)
  pending.ids.splice(i, 1)
  const j = pending.mustNames.indexOf(name)
  if (j >= 0) pending.mustNames.splice(j, 1)
  return true
}

/** Members left or were removed: record it; staff quitting an internal group get a warning. */
export function onLeave(s: Realname, ev: LeaveEvent): Action[] {
  if (!s.managed(ev.group)) return []
  const cfg = s.cfg(ev.group)
  const pending = s.d.state.welcome[ev.group.id]
  return ev.members.flatMap(m => {
    if (pending && dropFromWelcome(pending, m.id)) s.d.dirty.state = true // never welcome someone who already left
    const known = s.record(ev.group.id, m.id)?.name
    const who = known ?? s.v.displayName(m)
    const meta = { groupId: ev.group.id, memberId: m.id }
    const out: Action[] = [
      ...s.forget(ev.group.id, m.id, '已退群'),
      {
        type: 'record',
        rule: ev.remover ? 'realname.removed' : 'realname.left',
        ...meta,
        text: ev.remover ? T.removedBy(who, s.v.displayName(ev.remover), ev.group.topic) : T.left(who, ev.group.topic),
      },
    ]
    const staff = s.v.rolesOf(m.id).length > 0 || known !== undefined
    if (ev.remover || ev.group.kind !== 'internal' || !staff || !cfg.leave.warnVoluntary) return out
    out.push(
      {
        type: 'strike',
        category: 'realname.quit',
        ttlMs: cfg.leave.strikeTtl,
        rule: 'realname.quit',
        text: T.quitReason(ev.group.topic),
        ...meta,
      },
      {
        type: 'notifyAdmins',
        text: quitAdminText(who, m.id, ev.group.topic, formatDuration(cfg.leave.strikeTtl)),
        rule: 'realname.quit',
        ...meta,
      },
    )
    if (cfg.leave.tellMember)
      out.push({
        type: 'say',
        to: { contact: m.id },
        text: quitMemberText(ev.group.topic),
        rule: 'realname.quit',
        ...meta,
      })
    return out
  })
}

/** A member spoke: a non-compliant nickname opens a case, or gets a throttled private reminder (commands to the bot are not speaking). */
export function onMessage(s: Realname, ev: MessageEvent): Action[] {
  const group = ev.group
  if (!group || ev.isCommand || !s.managed(group)) return []
  const sender = ev.sender
  if (!s.record(group.id, sender.id) && s.d.members.groups[group.id]?.baselined)
    s.remember(group.id, sender.id, { label: s.v.displayName(sender) })
  if (!s.mustComply(sender, group) || s.inGrace(group, sender.id)) return []
  const open = s.caseOf(group, sender.id)
  if (!open) return s.check(group, sender).actions
  const { assessment, actions } = s.check(group, sender)
  if (assessment.verdict.ok || open.identity) return actions
  if (s.v.now - s.lastReminded(group, sender.id) < s.cfg(group).speakReminderEvery) return []
  s.markReminded(group, sender.id)
  const n = s.notice(group, assessment)
  return [
    {
      type: 'remind',
      to: { contact: sender.id },
      text: reminderText(n),
      rule: 'realname.speak-remind',
      groupId: group.id,
      memberId: sender.id,
      reason: `${n.nickname}: ${n.detail}`,
      evidence: { messageId: ev.id },
    },
  ]
}

/**
 * A newcomer's grace period ended, or an escalation step fell due: `member` is who is in the group now
 * (looked up by the caller; undefined when they are gone).
 */
export function decideMemberTimer(
  s: Realname,
  kind: 'grace' | 'step',
  p: GracePayload & Partial<StepPayload>,
  group: GroupRef,
  member: Member | undefined,
): Action[] {
  if (!member) return s.forget(group.id, p.memberId, '检查前已离开')
  if (!s.mustComply(member, group)) return s.closeCase(group.id, member.id, '不再需要实名')
  if (kind === 'grace') return s.check(group, member, { inviter: p.inviter }).actions
  return s.continueCase(group, member, p.index ?? -1, p.observed === true)
}

/** The batch window of a group's welcome ended: one merged welcome to everyone who joined in it. */
export function decideWelcome(s: Realname, groupId: string, group: GroupRef | undefined): Action[] {
  const pending = s.d.state.welcome[groupId]
  delete s.d.state.welcome[groupId]
  s.d.dirty.state = true
  if (!pending?.ids.length || !group || !s.managed(group)) return []
  const cfg = s.cfg(group)
  const { label, example } = formatSample(s.formats(group), cfg, s.v.company)
  const text = welcomeText(cfg.welcome, pending, {
    group: group.topic,
    company: s.v.company,
    grace: formatDuration(cfg.grace),
    format: label,
    example,
  })
  return [{ type: 'say', to: { room: groupId }, text, mentions: pending.ids, rule: 'realname.welcome', groupId }]
}
