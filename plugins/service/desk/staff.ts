import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import type { Doc } from '../../../bot/ports/store/store.js'
import { hasLeft, type Roster } from '../../../bot/roster/roster.js'
import { addDays, dayKey, zonedInstant } from '../../../bot/time/zoned.js'
import type { ServiceConfig } from '../config.js'
import { type Holdings, leaverActions, stillInActions } from '../decide-leaver.js'
import type { STAFF_DOC } from '../state.js'
import type { FollowUpDesk } from './followups.js'
import type { Responsibility } from './responsible.js'
import type { TicketDesk } from './tickets.js'

type StaffState = ReturnType<typeof STAFF_DOC.defaults>

/**
 * Staff who leave (离职): after a roster reload, or on the day a `leftOn` date is reached, everyone gone from the
 * roster (compared with the roster last seen) or marked 离职 is handled once: removed from internal groups, their
 * customer groups and open work handed to the successor the roster names (or to the admins).
 */
export class StaffWatch {
  /** The roster last looked at, on which day, and when that day ends (until then nothing is due). */
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

  /** Look at the roster if it changed (or the day did); the actions for everyone who left since. */
  async check(): Promise<Action[]> {
    const ctx = this.ctx
    const roster = ctx.roster
    const now = ctx.clock.now()
    const day = dayKey(now, ctx.timezone)
    if (!roster.enabled || (this.seen?.roster === roster && this.seen.day === day)) return []
    this.seen = { roster, day, until: zonedInstant(addDays(day, 1), '00:00', ctx.timezone) }
    const s = this.doc.data
    const working: Record<string, string> = {}
    const marked = new Map<string, string>()
    for (const e of roster.entries) {
      if (!e.contactId) continue
      if (hasLeft(e, day)) marked.set(e.contactId, e.name)
      else working[e.contactId] = e.name
    }
    // Gone from the roster counts only against a roster seen before; an entry marked 离职 counts at once.
    const gone = Object.entries(s.known).filter(([id]) => !(id in working) && !marked.has(id))
    const leavers = [...gone, ...marked].filter(([id]) => !(id in s.left))
    s.known = working
    for (const id of Object.keys(working)) delete s.left[id]
    this.doc.changed()
    const out: Action[] = []
    for (const [id, name] of leavers) {
      const entry = roster.entries.find(e => e.contactId === id)
      const next = entry && roster.successorOf(entry)
      const successor = next?.contactId && !hasLeft(next, day) ? next.contactId : undefined
      const before = ctx.directory.groups().filter(g => g.kind === 'customer' && this.who.current(g).includes(id))
      s.left[id] = { name, at: now, ...(successor ? { successor } : {}) }
      this.doc.changed()
      const holdings = await this.holdings(id, name, before)
      if (successor) holdings.successor = { id: successor, name: next?.name ?? successor }
      out.push(...leaverActions(holdings, now, ctx.commandPrefix))
    }
    return out
  }

  /** The check after the removals: where the leaver is still a member, the admins are asked to remove them. */
  async stillIn(id: string, groupIds: string[]): Promise<Action[]> {
    const still: GroupRef[] = []
    for (const gid of groupIds) {
      const g = this.ctx.directory.group(gid)
      const members = g ? await this.ctx.directory.members(gid).catch(() => []) : []
      if (g && members.some(m => m.id === id)) still.push(g)
    }
    return stillInActions(id, this.who.nameOf(id), still)
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
    for (const item of [...this.tickets.all(), ...this.followUps.all()]) {
      if (item.state === 'resolved' || item.state === 'done' || !item.responsible.includes(id)) continue
      item.responsible = this.who.handOver(item.responsible)
      work.push(item.id)
    }
    this.tickets.changed()
    this.followUps.changed()
    return { id, name, removing, staying, responsibleFor, work }
  }
}
