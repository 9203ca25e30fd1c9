import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef } from '../../../bot/core/event.js'
import type { Fact } from '../../../bot/core/facts.js'
import type { CommandInvocation, PluginContext } from '../../../bot/core/plugin.js'
import type { AdoptSource } from '../../../bot/fleet/gate.js'
import type { ServiceConfig } from '../config.js'
import { afterWorkdays, dealCustomer, followUpReminder, followUpTimer } from '../decide-followup.js'
import { byNumber, FOLLOWUPS_DOC, type FollowUp, nextId, takeRecords } from '../state.js'
import { dealFollowUpText, followUpWhereText } from '../texts.js'
import type { Responsibility } from './responsible.js'

type CaseCaptured = Extract<Fact, { name: 'case.captured' }>['data']

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

  /** `#回访 @客户 N天` in a customer group; a Chinese error elsewhere. */
  async create(inv: CommandInvocation, days: number, note: string): Promise<FollowUp | string> {
    const ctx = this.ctx
    const g = inv.event.group
    if (g?.kind !== 'customer') return followUpWhereText(ctx.commandPrefix)
    const members = await ctx.directory.members(g.id).catch(() => [])
    const customerId = inv.event.mentions.find(id => id !== ctx.directory.selfId())
    const m = members.find(x => x.id === customerId)
    const now = ctx.clock.now()
    const cfg = ctx.configFor(g)
    const responsible = this.who.current(g)
    return this.add({
      groupId: g.id,
      groupTopic: g.topic,
      customerId,
      customerName: m ? ctx.displayName(m) : (inv.argv.find(a => a.startsWith('@'))?.slice(1) ?? '客户'),
      ...(note ? { note: note.slice(0, 200) } : {}),
      setBy: inv.event.sender.id,
      responsible: responsible.length ? responsible : [inv.event.sender.id],
      at: now,
      due: afterWorkdays(now, days, cfg.followUpTime, ctx.timezone, ctx.calendar),
      ...(ctx.observing(g) ? { observed: true } : {}),
    })
  }

  /**
   * A closed deal the cases plugin stored: a follow-up on the `dealFollowUp.days`th working day, in the customer
   * group it was posted in or else the one customer group of its author where a member bears the customer's name
   * (its responsible people are reminded), else for its author alone; the author is told privately.
   */
  async fromDeal(c: CaseCaptured): Promise<Action[]> {
    const ctx = this.ctx
    const posted = c.groupId ? ctx.directory.group(c.groupId) : undefined
    const cfg = ctx.configFor(posted)
    if (!cfg.dealFollowUp.days || !cfg.dealFollowUp.tags.includes(c.tag)) return []
    if (this.all().some(f => f.caseId === c.caseId)) return []
    const customerName = dealCustomer(c.customer, c.title)
    const found: { group: GroupRef; customerId?: string } | undefined =
      posted?.kind === 'customer' ? { group: posted } : await this.customerGroupOf(c.authorId, customerName)
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
    const note: Action = {
      type: 'say',
      to: { contact: c.authorId },
      text: dealFollowUpText(f, ctx.timezone, ctx.commandPrefix),
      rule: 'service.followup-from-deal',
      memberId: c.authorId,
      groupId: f.groupId,
    }
    return [followUpTimer(f), note]
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
