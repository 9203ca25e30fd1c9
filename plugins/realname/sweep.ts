import type { Action } from '../../bot/core/actions.js'
import type { GroupRef } from '../../bot/core/event.js'
import { dayKey } from '../../bot/time/zoned.js'
import { admit } from './flows.js'
import { digestText, type SweepFindings } from './report.js'
import type { RealnameService } from './service.js'
import { reconcile } from './state.js'

/**
 * The daily sweep: WeChat sends no event for nickname changes and misses
 * joins through QR codes, so look at every managed group, reconcile who is
 * there with who the plugin knows, check every nickname, and send the admins
 * one digest. In parts (a job's `parts`): one per managed group, then the digest,
 * so events are handled between groups.
 */
export function sweepParts(s: RealnameService, now: number): (() => Promise<Action[]>)[] {
  const f: SweepFindings = { day: dayKey(now, s.ctx.timezone), identity: [], open: [], newcomers: [], leavers: [] }
  const groups = s.ctx.directory.groups().filter(g => s.managed(g))
  const digest = async (): Promise<Action[]> => {
    const text = digestText(f)
    return text ? [{ type: 'notifyAdmins', text, rule: 'realname.sweep' }] : []
  }
  return [...groups.map(group => () => sweepGroup(s, group, f)), digest]
}

/** One group of the sweep; findings for the digest go into `f`. */
async function sweepGroup(s: RealnameService, group: GroupRef, f: SweepFindings): Promise<Action[]> {
  const out: Action[] = []
  if (!s.ctx.directory.group(group.id)) return out // the bot left it since the sweep began
  const present = await s.ctx.directory.members(group.id)
  const known = s.members.data.groups[group.id]
  const r = reconcile(
    known,
    present.map(m => m.id),
  )
  for (const id of r.leavers) {
    const rec = known?.members[id]
    f.leavers.push(`${rec?.name ?? rec?.label ?? id}（${group.topic}）`)
    out.push(...s.forget(group.id, id, 'gone at sweep'), {
      type: 'record',
      text: `${rec?.label ?? id} 已不在「${group.topic}」`,
      rule: 'realname.gone',
      groupId: group.id,
      memberId: id,
    })
  }
  if (r.baseline) {
    for (const m of present) if (!s.record(group.id, m.id)) s.remember(group.id, m.id, { label: s.ctx.displayName(m) })
    const g = (s.members.data.groups[group.id] ??= { baselined: false, members: {} })
    g.baselined = true
    s.members.changed()
  }
  const fresh = new Set(r.newcomers)
  for (const m of present) {
    if (fresh.has(m.id)) {
      out.push(...admit(s, group, m))
      f.newcomers.push(`${s.ctx.displayName(m)}（${group.topic}）`)
      continue
    }
    if (!s.mustComply(m, group)) {
      out.push(...s.closeCase(group.id, m.id, 'not required'))
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
