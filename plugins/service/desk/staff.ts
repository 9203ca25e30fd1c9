import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import type { Doc } from '../../../bot/ports/store/store.js'
import { hasLeft, type Roster } from '../../../bot/roster/roster.js'
import { addDays, dayKey, zonedInstant } from '../../../bot/time/zoned.js'
import type { ServiceConfig } from '../config.js'
import {
  backActions,
  type Holdings,
  heldActions,
  leaverActions,
  needsConfirmation,
  stillInActions,
} from '../decide-leaver.js'
import type { GivenBack, Returner } from '../texts.js'
import type { STAFF_DOC } from '../state.js'
import type { FollowUpDesk } from './followups.js'
import type { Responsibility } from './responsible.js'
import type { TicketDesk } from './tickets.js'

type StaffState = ReturnType<typeof STAFF_DOC.defaults>

/** The hour of the daily roster check (the `staff-check` job): a `leftOn` date is acted on from then, not at 00:00. */
export const LEAVE_CHECK_HOUR = 9
const LEAVE_CHECK_TIME = `${String(LEAVE_CHECK_HOUR).padStart(2, '0')}:00`

/** The day whose `leftOn` dates are due at `now`: today from the daily check on, before it yesterday. */
function leaveDay(now: number, tz: string): string {
  const today = dayKey(now, tz)
  return now >= zonedInstant(today, LEAVE_CHECK_TIME, tz) ? today : addDays(today, -1)
}

/**
 * Staff who leave (离职): after a roster reload, or at the daily check of the day a `leftOn` date is reached,
 * everyone gone from the roster (compared with the roster last seen) or marked 离职 is handled once: removed from
 * internal groups, their customer groups and open work handed to the successor the roster names (or to the admins).
 */
export class StaffWatch {
  /** The roster last looked at, on which (leave) day, and when that day ends at the next check (until then nothing is due). */
  private seen?: { roster: Roster; day: string; until: number }

  constructor(
    private ctx: PluginContext<ServiceConfig>,
    private doc: Doc<StaffState>,
    private who: Responsibility,
    private tickets: TicketDesk,
    private followUps: FollowUpDesk,
  ) {}

  /** Whether `check` has anything to look at: the roster changed or a new day began (cheap, for every event). */
  due(): boolean {
    const roster = this.ctx.roster
    return roster.enabled && !(this.seen?.roster === roster && this.ctx.clock.now() < this.seen.until)
  }

  /**
   * Look at the roster if it changed (or the day did); the actions for everyone who left since. Many people gone
   * from the roster at once (a partial file) are held for an admin's `#离职 确认` instead (the admins are told once).
   */
  async check(): Promise<Action[]> {
    const ctx = this.ctx
    const roster = ctx.roster
    const now = ctx.clock.now()
    const day = leaveDay(now, ctx.timezone)
    if (!roster.enabled || (this.seen?.roster === roster && this.seen.day === day)) return []
    this.seen = { roster, day, until: zonedInstant(addDays(day, 1), LEAVE_CHECK_TIME, ctx.timezone) }
    const s = this.doc.data
    const working: Record<string, string> = {}
    const marked = new Map<string, string>()
    for (const e of roster.entries) {
      if (!e.contactId) continue
      if (hasLeft(e, day)) marked.set(e.contactId, e.name)
      else working[e.contactId] = e.name
    }
    // A role in config (an admin, a leader; not only `staff`) keeps someone on: gone from the roster alone, no leaver.
    const seenBefore: [string, string][] = [
      ...Object.entries(s.known),
      ...Object.entries(s.left).map(([id, l]): [string, string] => [id, l.name]),
    ]
    for (const [id, name] of seenBefore)
      if (!(id in working) && !marked.has(id) && ctx.rolesOf(id).some(r => r !== 'staff')) working[id] = name
    // Gone from the roster counts only against a roster seen before; an entry marked 离职 counts at once.
    const gone = Object.entries(s.known).filter(([id]) => !(id in working) && !marked.has(id))
    const hold = needsConfirmation(gone.length, Object.keys(s.known).length)
    const out = this.holdOnce(hold ? gone : [], Object.keys(s.known).length)
    const leavers = [...(hold ? [] : gone), ...marked].filter(([id]) => !(id in s.left))
    // Held people stay known: they are compared again with the next roster, or leave on `#离职 确认`.
    s.known = { ...working, ...(hold ? Object.fromEntries(gone) : {}) }
    // Back on the roster (a broken file reloaded, one person removed by mistake) or kept by config: no leaver any more.
    const back = Object.keys(working).filter(id => id in s.left)
    const handed = new Map(back.flatMap(id => Object.entries(s.left[id].handed ?? {})))
    const removedFrom = new Map(back.map(id => [id, s.left[id].removedFrom ?? []]))
    for (const id of back) delete s.left[id]
    this.doc.changed()
    const returners: Returner[] = []
    for (const id of back) returners.push({ name: working[id], removedFrom: await this.outOf(id, removedFrom.get(id)) })
    out.push(...backActions(returners, this.giveBack(handed), this.ctx.commandPrefix))
    for (const [id, name] of leavers) out.push(...(await this.leave(id, name, day, now)))
    return out
  }

  /** Hold `gone` (none: release whoever was held); the admins are told when the people held change. */
  private holdOnce(gone: [string, string][], known: number): Action[] {
    const s = this.doc.data
    const key = (ids: string[]) => [...ids].sort().join()
    const changed = key(gone.map(([id]) => id)) !== key(Object.keys(s.held ?? {}))
    if (gone.length) s.held = Object.fromEntries(gone)
    else delete s.held
    const names = gone.map(([, name]) => name)
    return gone.length && changed ? [heldActions(names, known, this.ctx.commandPrefix)] : []
  }

  /** Who is held for an admin's confirmation (many gone from the roster at once): contact id and roster name. */
  held(): [string, string][] {
    return Object.entries(this.doc.data.held ?? {})
  }

  /** `#离职 确认`: the held people leave now (those back on the roster stay); their names and the actions. */
  async confirm(): Promise<{ names: string[]; actions: Action[] }> {
    const s = this.doc.data
    const now = this.ctx.clock.now()
    const day = leaveDay(now, this.ctx.timezone)
    const back = new Set(this.ctx.roster.entries.filter(e => e.contactId && !hasLeft(e, day)).map(e => e.contactId))
    const leaving = this.held().filter(([id]) => !back.has(id) && !(id in s.left))
    delete s.held
    for (const [id] of leaving) delete s.known[id]
    this.doc.changed()
    const actions: Action[] = []
    for (const [id, name] of leaving) actions.push(...(await this.leave(id, name, day, now)))
    return { names: leaving.map(([, name]) => name), actions }
  }

  /** One leaver, once: remembered with their successor, their groups and work handed over, the actions. */
  private async leave(id: string, name: string, day: string, now: number): Promise<Action[]> {
    const roster = this.ctx.roster
    const entry = roster.entries.find(e => e.contactId === id)
    const next = entry && roster.successorOf(entry)
    const successor = next?.contactId && !hasLeft(next, day) ? next.contactId : undefined
    const before = this.ctx.directory.groups().filter(g => g.kind === 'customer' && this.who.current(g).includes(id))
    this.doc.data.left[id] = { name, at: now, ...(successor ? { successor } : {}) }
    this.doc.changed()
    const holdings = await this.holdings(id, name, before)
    if (holdings.removing.length) this.doc.data.left[id].removedFrom = holdings.removing.map(g => g.id)
    if (successor) holdings.successor = { id: successor, name: next?.name ?? successor }
    return leaverActions(holdings, now, this.ctx.commandPrefix)
  }

  /** The topics of the groups `groupIds` that `id` is not a member of (any more). */
  private async outOf(id: string, groupIds: string[] = []): Promise<string[]> {
    const out: string[] = []
    for (const gid of groupIds) {
      const g = this.ctx.directory.group(gid)
      const members = g ? await this.ctx.directory.members(gid).catch(() => undefined) : undefined
      if (g && members && !members.some(m => m.id === id)) out.push(g.topic)
    }
    return out
  }

  /**
   * Open work goes back after a return: what was `handed` over (item id to who held it before) to those people again,
   * a ticket to its group's configured people now; any open work nobody holds to its group's configured people.
   * The items moved, as `T2 → 钱多`.
   */
  private giveBack(handed: Map<string, string[]>): GivenBack[] {
    const moved: GivenBack[] = []
    for (const item of [...this.tickets.all(), ...this.followUps.all()]) {
      if (item.state === 'resolved' || item.state === 'done') continue
      const before = handed.get(item.id)
      if (!before && item.responsible.length) continue
      const group = item.groupId ? this.ctx.directory.group(item.groupId) : undefined
      const configured = group ? this.who.current(group) : []
      const previous = before ? this.who.handOver(before) : []
      const [first, second] = item.id.startsWith('T') ? [configured, previous] : [previous, configured]
      const to = first.length ? first : second
      if (!to.length || to.join() === item.responsible.join()) continue
      const from = item.responsible.filter(id => !to.includes(id))
      item.responsible = to
      moved.push({ item: `${item.id} → ${this.who.names(to)}`, from })
    }
    if (moved.length) {
      this.tickets.changed()
      this.followUps.changed()
    }
    return moved
  }

  /**
   * The check after the removals: where the leaver is still a member, the admins are asked to remove them. Someone
   * back on the roster meanwhile is no leaver: nothing is asked (the roster is looked at first).
   */
  async stillIn(id: string, groupIds: string[]): Promise<Action[]> {
    const out = this.due() ? await this.check() : []
    if (!(id in this.doc.data.left)) return out
    const still: GroupRef[] = []
    for (const gid of groupIds) {
      const g = this.ctx.directory.group(gid)
      const members = g ? await this.ctx.directory.members(gid).catch(() => []) : []
      if (g && members.some(m => m.id === id)) still.push(g)
    }
    return [...out, ...stillInActions(id, this.who.nameOf(id), still)]
  }

  /** Where a leaver still is and what they held; their open work moves to whoever holds it now. */
  private async holdings(id: string, name: string, responsibleFor: GroupRef[]): Promise<Holdings> {
    const remove = this.ctx.configFor().leavers.removeFromInternal
    const removing: GroupRef[] = []
    const staying: GroupRef[] = []
    for (const g of this.ctx.directory.groups()) {
      const members = await this.ctx.directory.members(g.id).catch(() => [])
      if (!members.some(m => m.id === id)) continue
      ;(remove && g.kind === 'internal' ? removing : staying).push(g)
    }
    const work: string[] = []
    const handed: Record<string, string[]> = {}
    for (const item of [...this.tickets.all(), ...this.followUps.all()]) {
      if (item.state === 'resolved' || item.state === 'done' || !item.responsible.includes(id)) continue
      handed[item.id] = item.responsible
      item.responsible = this.who.handOver(item.responsible)
      work.push(item.id)
    }
    if (work.length) this.doc.data.left[id].handed = handed
    this.tickets.changed()
    this.followUps.changed()
    return { id, name, removing, staying, responsibleFor, work }
  }
}
