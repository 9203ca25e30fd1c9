import { timerKind } from '../../bot/runtime/schedule/timers.js'
import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, JoinEvent, LeaveEvent, Member, MessageEvent } from '../../bot/core/event.js'
import { formatDuration } from '../../bot/config/duration.js'
import { formatSample } from './compliance.js'
import type { StepPayload } from './escalation.js'
import { quitAdminText, quitMemberText, reminderText } from './messages.js'
import { graceTimerKey, type RealnameService } from './service.js'
import type { PendingWelcome } from './state.js'
import { welcomeText, welcomeTimerKey } from './welcome.js'

interface GracePayload {
  groupId: string
  memberId: string
  inviter?: string
}

/** A newcomer (join event or found by a sweep): record them and start the grace period if they must comply. */
export function admit(s: RealnameService, group: GroupRef, member: Member, inviter?: string): Action[] {
  const now = s.ctx.clock.now()
  const stale = s.closeCase(group.id, member.id, 'rejoined')
  s.remember(group.id, member.id, { since: now, joinedAt: now, label: s.ctx.displayName(member) })
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
      groupId: group.id,
      memberId: member.id,
    },
  ]
}

/** Members joined: grace timers, and one merged welcome after the batch window. */
export function onJoin(s: RealnameService, ev: JoinEvent): Action[] {
  if (!s.managed(ev.group)) return []
  const cfg = s.cfg(ev.group)
  const self = s.ctx.directory.selfId()
  const joiners = ev.members.filter(m => m.id !== self)
  const inviter = ev.inviter && !joiners.some(m => m.id === ev.inviter?.id) ? s.ctx.displayName(ev.inviter) : undefined
  const out = joiners.flatMap(m => admit(s, ev.group, m, inviter))
  if (!cfg.welcome.enabled || !joiners.length) return out
  const pending = (s.state.data.welcome[ev.group.id] ??= { ids: [], names: [], mustNames: [] })
  for (const m of joiners) {
    if (pending.ids.includes(m.id)) continue // left and re-joined within the batch window: welcome once
    pending.ids.push(m.id)
    pending.names.push(s.ctx.displayName(m))
    if (s.mustComply(m, ev.group)) pending.mustNames.push(s.ctx.displayName(m))
  }
  s.state.changed()
  out.push({
    type: 'schedule',
    key: welcomeTimerKey(ev.group.id),
    at: s.ctx.clock.now() + cfg.welcome.batchWindow,
    payload: { groupId: ev.group.id },
    rule: 'realname.welcome',
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
export function onLeave(s: RealnameService, ev: LeaveEvent): Action[] {
  if (!s.managed(ev.group)) return []
  const cfg = s.cfg(ev.group)
  const pending = s.state.data.welcome[ev.group.id]
  return ev.members.flatMap(m => {
    if (pending && dropFromWelcome(pending, m.id)) s.state.changed() // never welcome someone who already left
    const known = s.record(ev.group.id, m.id)?.name
    const who = known ?? s.ctx.displayName(m)
    const meta = { groupId: ev.group.id, memberId: m.id }
    const out: Action[] = [
      ...s.forget(ev.group.id, m.id, 'left the group'),
      {
        type: 'record',
        rule: ev.remover ? 'realname.removed' : 'realname.left',
        ...meta,
        text: ev.remover
          ? `${who} 被 ${s.ctx.displayName(ev.remover)} 移出「${ev.group.topic}」`
          : `${who} 退出了「${ev.group.topic}」`,
      },
    ]
    const staff = s.ctx.rolesOf(m.id).length > 0 || known !== undefined
    if (ev.remover || ev.group.kind !== 'internal' || !staff || !cfg.leave.warnVoluntary) return out
    out.push(
      {
        type: 'strike',
        category: 'realname.quit',
        ttlMs: cfg.leave.strikeTtl,
        rule: 'realname.quit',
        reason: `quit ${ev.group.topic}`,
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
export function onMessage(s: RealnameService, ev: MessageEvent): Action[] {
  const group = ev.group
  if (!group || ev.isCommand || !s.managed(group)) return []
  const sender = ev.sender
  if (!s.record(group.id, sender.id) && s.members.data.groups[group.id]?.baselined)
    s.remember(group.id, sender.id, { label: s.ctx.displayName(sender) })
  if (!s.mustComply(sender, group) || s.inGrace(group, sender.id)) return []
  const open = s.caseOf(group, sender.id)
  if (!open) return s.check(group, sender).actions
  const { assessment, actions } = s.check(group, sender)
  if (assessment.verdict.ok || open.identity) return actions
  if (s.ctx.clock.now() - s.lastReminded(group, sender.id) < s.cfg(group).speakReminderEvery) return []
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

/** Grace expiry, escalation steps and merged welcomes. */
export async function onTimer(s: RealnameService, key: string, payload: unknown): Promise<Action[]> {
  const kind = timerKind(key)
  if (kind === 'welcome') return welcome(s, (payload as { groupId: string }).groupId)
  const p = payload as GracePayload & Partial<StepPayload>
  const group = s.ctx.directory.group(p.groupId)
  if (!group || !s.managed(group)) return []
  const member = (await s.ctx.directory.members(group.id)).find(m => m.id === p.memberId)
  if (!member) return s.forget(group.id, p.memberId, 'gone before the check')
  if (!s.mustComply(member, group)) return s.closeCase(group.id, member.id, 'no longer required')
  if (kind === 'grace') return s.check(group, member, { inviter: p.inviter }).actions
  return s.continueCase(group, member, p.index ?? -1, p.observed === true)
}

function welcome(s: RealnameService, groupId: string): Action[] {
  const pending = s.state.data.welcome[groupId]
  delete s.state.data.welcome[groupId]
  s.state.changed()
  const group = s.ctx.directory.group(groupId)
  if (!pending?.ids.length || !group || !s.managed(group)) return []
  const cfg = s.cfg(group)
  const { label, example } = formatSample(s.formats(group), cfg, s.ctx.company)
  const text = welcomeText(cfg.welcome, pending, {
    group: group.topic,
    company: s.ctx.company,
    grace: formatDuration(cfg.grace),
    format: label,
    example,
  })
  return [{ type: 'say', to: { room: groupId }, text, mentions: pending.ids, rule: 'realname.welcome', groupId }]
}
