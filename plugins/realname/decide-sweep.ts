import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, Member } from '../../bot/core/event.js'
import type { Realname } from './decide-case.js'
import { admit } from './decide-member.js'
import { reconcile } from './state.js'
import { digestText, T, type SweepFindings } from './texts.js'

/**
 * One group in the daily sweep: WeChat sends no event for nickname changes and misses joins through
 * QR codes, so reconcile who is `present` with who the plugin knows, check every nickname, and note
 * in `f` what goes into the admins' digest.
 */
export function sweepGroup(s: Realname, group: GroupRef, present: Member[], f: SweepFindings): Action[] {
  const out: Action[] = []
  const known = s.d.members.groups[group.id]
  const r = reconcile(
    known,
    present.map(m => m.id),
  )
  for (const id of r.leavers) {
    const rec = known?.members[id]
    f.leavers.push(T.inGroup(rec?.name ?? rec?.label ?? id, group.topic))
    out.push(...s.forget(group.id, id, '巡检时已不在群里'), {
      type: 'record',
      text: T.goneAtSweep(rec?.label ?? id, group.topic),
      rule: 'realname.gone',
      groupId: group.id,
      memberId: id,
    })
  }
  if (r.baseline) {
    for (const m of present) if (!s.record(group.id, m.id)) s.remember(group.id, m.id, { label: s.v.displayName(m) })
    const g = (s.d.members.groups[group.id] ??= { baselined: false, members: {} })
    g.baselined = true
    s.d.dirty.members.add(group.id)
  }
  const fresh = new Set(r.newcomers)
  for (const m of present) {
    if (fresh.has(m.id)) {
      out.push(...admit(s, group, m))
      f.newcomers.push(T.inGroup(s.v.displayName(m), group.topic))
      continue
    }
    if (!s.mustComply(m, group)) {
      out.push(...s.closeCase(group.id, m.id, '不需要实名'))
      continue
    }
    if (s.inGrace(group, m.id)) continue
    const { assessment, actions } = s.check(group, m, { quiet: true })
    out.push(...actions)
    const c = s.caseOf(group, m.id)
    if (!c || c.observed || (!c.identity && c.next < s.cfg(group).escalation.length) || !s.markReported(c)) continue
    const item = { notice: s.notice(group, assessment), identity: c.identity }
    if (c.identity) f.identity.push(item)
    else f.open.push(item)
  }
  return out
}

/** The admins' digest after every group was swept (nothing when there is nothing to tell). */
export function sweepDigest(f: SweepFindings): Action[] {
  const text = digestText(f)
  return text ? [{ type: 'notifyAdmins', text, rule: 'realname.sweep' }] : []
}
