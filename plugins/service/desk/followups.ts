import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef } from '../../../bot/core/event.js'
import type { Facts } from '../../../bot/core/facts.js'
import type { CommandInvocation, PluginContext } from '../../../bot/core/plugin.js'
import type { AdoptSource } from '../../../bot/fleet/gate.js'
import type { ServiceConfig } from '../config.js'
import { afterWorkdays, dealCustomer, followUpReminder, followUpTimer } from '../decide-followup.js'
import { byNumber, FOLLOWUPS_DOC, type FollowUp, nextId, takeRecords } from '../state.js'
import { bareName } from '../../../bot/commands/member-names.js'
import { dayKey } from '../../../bot/time/zoned.js'
import {
  recordText,
  dealFollowUpText,
  followUpNoCustomerText,
  followUpUnknownCustomerText,
  followUpWhereText,
  followUpWhichCustomerText,
} from '../texts.js'
import type { Responsibility } from './responsible.js'

type CaseFact = Facts['case.captured']
type CaseRemoved = Facts['case.removed']

/** Follow-up visits (回访): set by staff or from closed deals, reminded on a working day, completed. */
export class FollowUpDesk {
  private doc

  constructor(
    private ctx: PluginContext<ServiceConfig>,
    private who: Responsibility,
  ) {
    this.doc = ctx.store.doc('service-followups', FOLLOWUPS_DOC)
  }

  /** Every follow-up, by number. */
  all(): FollowUp[] {
    return Object.values(this.doc.data.items).sort(byNumber)
  }

  /** Fleet takeover: the follow-ups of `groupId` of the account `from` (down) move here, with their timers. */
  adopt(from: AdoptSource, groupId: string): number {
    const theirs = from.doc('service-followups', FOLLOWUPS_DOC)
    const moved = takeRecords(theirs.data.items, this.doc.data.items, groupId, from.account)
    for (const { was, id } of moved) from.timer(`followup:${was}`, { key: `followup:${id}`, payload: { id } })
    if (moved.length) {
      theirs.changed()
      this.doc.changed()
    }
    return moved.length
  }

  /** Mark the document changed (after editing follow-ups in place). */
  changed(): void {
    this.doc.changed()
  }

  /**
   * `#回访 @客户 N天` or `#回访 <客户名> N天`: in a customer group the customer is of that group; privately the
   * name is looked up in the asker's customer groups (one customer: that group; none or several: a Chinese
   * question). A Chinese error in other groups. Merged into a follow-up of a deal closed the same day for the
   * same customer (the days asked for win); `merged` then says so.
   */
  async create(
    inv: CommandInvocation,
    days: number,
    note: string,
    name?: string,
  ): Promise<{ f: FollowUp; merged?: string; otherGroups?: number } | string> {
    const ctx = this.ctx
    const g = inv.event.group
    if (g && g.kind !== 'customer') return followUpWhereText(ctx.commandPrefix)
    const mentioned = inv.event.mentions.find(id => id !== ctx.directory.selfId())
    const hit = await this.customerNamed(inv.event.sender.id, g, mentioned, name)
    if (typeof hit === 'string') return hit
    const now = ctx.clock.now()
    const cfg = ctx.configFor(hit.group)
    const due = afterWorkdays(now, days, cfg.followUpTime, ctx.timezone, ctx.calendar)
    const customer = { groupId: hit.group.id, customerId: hit.id, customerName: hit.name }
    const deal = this.sameDay(customer, now, f => !!f.caseId)
    if (deal) {
      deal.due = due
      deal.asked = true
      if (note) deal.note = note.slice(0, 200)
      this.doc.changed()
      return { f: deal, merged: deal.caseId, otherGroups: hit.otherGroups }
    }
    const responsible = this.who.current(hit.group)
    const f = this.add({
      groupId: hit.group.id,
      groupTopic: hit.group.topic,
      customerId: hit.id,
      customerName: hit.name,
      ...(note ? { note: note.slice(0, 200) } : {}),
      setBy: inv.event.sender.id,
      responsible: responsible.length ? responsible : [inv.event.sender.id],
      at: now,
      due,
      asked: true,
      ...(ctx.observing(hit.group) ? { observed: true } : {}),
    })
    return { f, otherGroups: hit.otherGroups }
  }

  /**
   * The customer a `#回访` means: the @-mentioned one, or the one `name` names (contact id, group nickname, WeChat
   * or display name, a leading @ ignored) in this customer group, or privately in the customer groups the asker
   * is responsible for or in (one person in several of them: `otherGroups` counts the others). A Chinese answer
   * when there is none or several people.
   */
  private async customerNamed(
    asker: string,
    here: GroupRef | undefined,
    mentioned: string | undefined,
    name: string | undefined,
  ): Promise<{ group: GroupRef; id?: string; name: string; otherGroups?: number } | string> {
    const ctx = this.ctx
    const p = ctx.commandPrefix
    if (here && mentioned) {
      const m = (await ctx.directory.members(here.id).catch(() => [])).find(x => x.id === mentioned)
      return { group: here, id: mentioned, name: m ? ctx.displayName(m) : bareName(name ?? '') || '客户' }
    }
    const word = bareName(name ?? '')
    if (!word) return followUpNoCustomerText(p)
    const groups = here ? [here] : ctx.directory.groups().filter(x => x.kind === 'customer')
    const hits: { group: GroupRef; id: string; name: string }[] = []
    for (const group of groups) {
      const members = await ctx.directory.members(group.id).catch(() => [])
      if (!here && !this.who.current(group).includes(asker) && !members.some(m => m.id === asker)) continue
      for (const m of members)
        if (!m.isStaff && [m.id, m.name, m.groupAlias, ctx.displayName(m)].includes(word))
          hits.push({ group, id: m.id, name: ctx.displayName(m) })
    }
    if (!hits.length) return followUpUnknownCustomerText(word, !here, p)
    // One person in several of the asker's customer groups is one customer: the follow-up goes to a group the
    // asker answers for (else the first); the reply names it. Only different people need a WeChat id.
    if (hits.some(h => h.id !== hits[0].id)) return followUpWhichCustomerText(word, hits, p)
    const mine = hits.find(h => this.who.current(h.group).includes(asker)) ?? hits[0]
    return { ...mine, otherGroups: hits.length - 1 }
  }

  /** An open follow-up of the same customer set the same day and matching `which`. */
  private sameDay(
    c: { groupId?: string; customerId?: string; customerName: string },
    at: number,
    which: (f: FollowUp) => boolean,
  ): FollowUp | undefined {
    const day = dayKey(at, this.ctx.timezone)
    return this.all().find(
      f =>
        f.state === 'open' &&
        which(f) &&
        dayKey(f.at, this.ctx.timezone) === day &&
        (f.customerId && c.customerId
          ? f.customerId === c.customerId
          : f.customerName === c.customerName && (!c.groupId || !f.groupId || f.groupId === c.groupId)),
    )
  }

  /**
   * A closed deal the cases plugin stored: a follow-up on the `dealFollowUp.days`th working day, in the customer
   * group it was posted in or else the one customer group of its author where a member bears the customer's name
   * (its responsible people are reminded), else for its author alone; the author is told privately.
   */
  async fromDeal(c: CaseFact): Promise<Action[]> {
    const ctx = this.ctx
    const posted = c.groupId ? ctx.directory.group(c.groupId) : undefined
    const cfg = ctx.configFor(posted)
    if (!cfg.dealFollowUp.days || !cfg.dealFollowUp.tags.includes(c.tag)) return []
    if (this.all().some(f => f.caseId === c.caseId)) return []
    const { name: customerName, named } = dealCustomer(c.customer, c.caseId)
    const found: { group: GroupRef; customerId?: string } | undefined =
      posted?.kind === 'customer'
        ? { group: posted }
        : named
          ? await this.customerGroupOf(c.authorId, customerName)
          : undefined
    const set = this.sameDay(
      { groupId: found?.group.id, customerId: found?.customerId, customerName },
      c.at,
      f => !f.caseId,
    )
    if (set) {
      // Staff set a follow-up for this customer today: the deal joins it (its day, chosen by a person, stays).
      set.caseId = c.caseId
      set.asked = true
      this.doc.changed()
      return [this.dealNote(c.authorId, set, true)]
    }
    const inGroup = found ? this.who.current(found.group) : []
    const f = this.add({
      ...(found ? { groupId: found.group.id, groupTopic: found.group.topic } : {}),
      ...(found?.customerId ? { customerId: found.customerId } : {}),
      customerName,
      caseId: c.caseId,
      setBy: c.authorId,
      responsible: inGroup.length ? inGroup : this.who.handOver([c.authorId]),
      at: c.at,
      due: afterWorkdays(c.at, cfg.dealFollowUp.days, cfg.followUpTime, ctx.timezone, ctx.calendar),
      ...(ctx.observing(found?.group ?? posted) ? { observed: true } : {}),
    })
    return [followUpTimer(f), this.dealNote(c.authorId, f, false)]
  }

  /**
   * A deal's case was amended: the open follow-ups made from it (not those staff asked for) name its 客户 now; one
   * placed by the old name in a customer group is placed again by the new one (no such group: the author's alone).
   */
  async dealAmended(c: CaseFact): Promise<Action[]> {
    const { name, named } = dealCustomer(c.customer, c.caseId)
    // Posted in a customer group: the follow-up stays there; else it was placed by the customer's name.
    const placed = (c.groupId ? this.ctx.directory.group(c.groupId) : undefined)?.kind !== 'customer'
    const out: Action[] = []
    for (const f of this.all()) {
      if (f.caseId !== c.caseId || f.state !== 'open' || f.asked || f.customerName === name) continue
      f.customerName = name
      if (placed) await this.place(f, c.authorId, named)
      out.push({
        type: 'record',
        rule: 'service.followup-from-deal',
        text: recordText.dealRenamed(f, c.caseId),
        groupId: f.groupId,
      })
    }
    if (out.length) this.doc.changed()
    return out
  }

  /** Put a deal's follow-up in the one customer group of `authorId` with a member of its customer's name, else none. */
  private async place(f: FollowUp, authorId: string, named: boolean): Promise<void> {
    const found = named ? await this.customerGroupOf(authorId, f.customerName) : undefined
    const inGroup = found ? this.who.current(found.group) : []
    f.groupId = found?.group.id
    f.groupTopic = found?.group.topic
    f.customerId = found?.customerId
    f.responsible = inGroup.length ? inGroup : this.who.handOver([authorId])
    for (const k of ['groupId', 'groupTopic', 'customerId'] as const) if (f[k] === undefined) delete f[k]
  }

  /**
   * A deal's case was withdrawn or deleted: a follow-up made from it is dropped, timer and all (the customer's
   * name with it); one staff asked for with `#回访` stays, no longer tied to the case.
   */
  dealRemoved(c: CaseRemoved): Action[] {
    const out: Action[] = []
    for (const f of this.all()) {
      if (f.caseId !== c.caseId) continue
      if (f.asked) {
        delete f.caseId
        out.push({
          type: 'record',
          rule: 'service.followup-from-deal',
          text: recordText.dealDetached(f, c.caseId, c.status),
          groupId: f.groupId,
        })
        continue
      }
      delete this.doc.data.items[f.id]
      out.push(
        { type: 'cancel', key: `followup:${f.id}`, rule: 'service.schedule', groupId: f.groupId },
        {
          type: 'record',
          rule: 'service.followup-dropped',
          text: recordText.dealDropped(f, c.caseId, c.status),
          groupId: f.groupId,
        },
      )
    }
    if (out.length) this.doc.changed()
    return out
  }

  private dealNote(authorId: string, f: FollowUp, merged: boolean): Action {
    return {
      type: 'say',
      to: { contact: authorId },
      text: dealFollowUpText(f, this.ctx.timezone, this.ctx.commandPrefix, merged),
      rule: 'service.followup-from-deal',
      memberId: authorId,
      groupId: f.groupId,
    }
  }

  /** The one customer group `authorId` is responsible for with a member named `name` (display, WeChat or group name). */
  private async customerGroupOf(
    authorId: string,
    name: string,
  ): Promise<{ group: GroupRef; customerId: string } | undefined> {
    const hits: { group: GroupRef; customerId: string }[] = []
    for (const group of this.ctx.directory.groups()) {
      if (group.kind !== 'customer' || !this.who.current(group).includes(authorId)) continue
      const members = await this.ctx.directory.members(group.id).catch(() => [])
      const m = members.find(x => [this.ctx.displayName(x), x.name, x.groupAlias].includes(name))
      if (m) hits.push({ group, customerId: m.id })
    }
    return hits.length === 1 ? hits[0] : undefined
  }

  /** Mark one done. */
  done(f: FollowUp, result: string): void {
    f.state = 'done'
    f.doneAt = this.ctx.clock.now()
    f.result = result.slice(0, 500)
    this.doc.changed()
  }

  /** The follow-up timer fell due. */
  onTimer(id: string): Action[] {
    const f = this.doc.data.items[id]
    return f ? followUpReminder(f, this.ctx.commandPrefix) : []
  }

  /** Open follow-ups whose day has passed (observed ones left out). */
  overdue(now: number): FollowUp[] {
    return this.all().filter(f => f.state === 'open' && !f.observed && f.due < now)
  }

  private add(draft: Omit<FollowUp, 'id' | 'state'>): FollowUp {
    const s = this.doc.data
    const f: FollowUp = { id: nextId(s, Object.keys(s.items), 'R'), ...draft, state: 'open' }
    s.items[f.id] = f
    this.doc.changed()
    return f
  }
}
