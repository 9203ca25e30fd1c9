import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import { addWorkingTime, parseWindows } from '../../../bot/time/working-hours.js'
import type { ServiceConfig } from '../config.js'
import { type DecideDeps, deadlineActions, openActions, remindActions, resolveActions } from '../decide.js'
import { type Detector, detector } from '../matcher/detect.js'
import type { AdoptSource } from '../../../bot/fleet/gate.js'
import { byNumber, type HeldTicket, nextId, TICKETS_DOC, type Ticket, takeRecords } from '../state.js'
import { alreadyTaggedText, recordText, tagWhereText } from '../texts.js'
import type { Responsibility } from './responsible.js'

/** How recently a customer told of one resolved ticket is "just now" for the next (named, not repeated). */
const TOLD_JUST_NOW_MS = 30 * 60_000

/** Recent customer messages remembered to find who wrote a message staff tag with `#投诉`. */
const RECENT = 500

/** The complaint tickets: opened from customer messages or staff tags, timed, resolved, pruned. */
export class TicketDesk {
  private doc
  private detectors = new WeakMap<ServiceConfig, Detector>()
  private recent = new Map<string, { id: string; name: string }>()
  /** Fleet: the other accounts' tickets as they last wrote them, by account (each account writes only its own). */
  private foreign = new Map<string, HeldTicket[]>()

  constructor(
    private ctx: PluginContext<ServiceConfig>,
    private who: Responsibility,
    private deps: DecideDeps,
  ) {
    this.doc = ctx.store.doc('service-tickets', TICKETS_DOC)
    ctx.fleet.follow('service-tickets', (account, data) => {
      const parsed = TICKETS_DOC.schema.safeParse(data)
      if (!parsed.success) return
      const tickets = Object.values((parsed.data as { tickets: Record<string, Ticket> }).tickets)
      this.foreign.set(
        account,
        tickets.map(t => ({ ...t, id: t.id.includes('@') ? t.id : `${t.id}@${account}`, heldBy: account })),
      )
    })
  }

  /** Every stored ticket, by number. */
  all(): Ticket[] {
    return Object.values(this.doc.data.tickets).sort(byNumber)
  }

  /**
   * Fleet: the other accounts' tickets (`T3@sales1`), by account then number: listed and shown here, resolved only
   * through the account that holds them (it tells the customer and cancels its timers).
   */
  others(): HeldTicket[] {
    return [...this.foreign.keys()].sort().flatMap(a => [...(this.foreign.get(a) ?? [])].sort(byNumber))
  }

  /**
   * Fleet takeover: the tickets of `groupId` of the account `from` (down) move here, their reminder and deadline
   * timers with them (`T3` there is `T3@<account>` here). Returns how many moved.
   */
  adopt(from: AdoptSource, groupId: string): number {
    const theirs = from.doc('service-tickets', TICKETS_DOC)
    const moved = takeRecords(theirs.data.tickets, this.doc.data.tickets, groupId, from.account)
    for (const { was, id } of moved)
      for (const kind of ['remind', 'deadline']) from.timer(`${kind}:${was}`, { key: `${kind}:${id}`, payload: { id } })
    if (moved.length) {
      theirs.changed()
      this.doc.changed()
    }
    return moved.length
  }

  /** Mark the document changed (after editing tickets in place). */
  changed(): void {
    this.doc.changed()
  }

  /** A customer's message in a customer group: a complaint opens a ticket. */
  onMessage(e: MessageEvent): Action[] {
    const g = e.group
    const ctx = this.ctx
    if (g?.kind !== 'customer' || e.kind !== 'text') return []
    if (e.sender.isStaff || ctx.rolesOf(e.sender.id).length || e.sender.id === ctx.directory.selfId()) return []
    const customerName = ctx.displayName(e.sender)
    this.recent.set(e.id, { id: e.sender.id, name: customerName })
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string)
    if (!this.detect(ctx.configFor(g)).match(e.text)) return []
    return this.open(g, { messageId: e.id, text: e.text.trim(), customerId: e.sender.id, customerName }, e.at)
  }

  /** `#投诉` quoting a customer message: open a ticket for it; a Chinese error when it cannot. */
  tag(e: MessageEvent): Action[] | string {
    const g = e.group
    if (g?.kind !== 'customer' || !e.quote) return tagWhereText(this.ctx.commandPrefix)
    const quote = e.quote
    const byId = quote.id ? this.all().find(t => t.messageId === quote.id) : undefined
    if (byId) return alreadyTaggedText(byId.id)
    const who = quote.id ? this.recent.get(quote.id) : undefined
    return this.open(
      g,
      {
        messageId: quote.id ?? e.id,
        text: quote.text.trim(),
        customerId: who?.id,
        customerName: who?.name ?? quote.senderName ?? '客户',
        taggedBy: e.sender.id,
      },
      e.at,
    )
  }

  /** Resolve an open ticket: the customer is told, the timers cancelled. */
  resolve(t: Ticket, by: string, note: string): Action[] {
    const now = this.ctx.clock.now()
    // The customer was told of another of their tickets in this group a moment ago: this message names the complaint.
    const toldJustNow = this.all().some(
      o =>
        o !== t &&
        o.state === 'resolved' &&
        o.groupId === t.groupId &&
        sameCustomer(o, t) &&
        (o.resolvedAt ?? 0) > now - TOLD_JUST_NOW_MS,
    )
    t.state = 'resolved'
    t.resolvedAt = now
    t.resolvedBy = by
    t.resolution = note.slice(0, 500)
    this.doc.changed()
    const group = this.ctx.directory.group(t.groupId)
    return [
      ...resolveActions(t, this.ctx.configFor(group), toldJustNow),
      {
        type: 'record',
        rule: 'service.ticket-closed',
        text: recordText.closed(t),
        groupId: t.groupId,
        memberId: by,
      },
    ]
  }

  /** The reminder or deadline timer of a ticket. */
  onTimer(kind: string, id: string): Action[] {
    const t = this.doc.data.tickets[id]
    if (!t) return []
    const now = this.ctx.clock.now()
    if (kind === 'remind') return remindActions(t, this.deps, now)
    if (kind !== 'deadline') return []
    const actions = deadlineActions(t, this.deps)
    if (actions.length) {
      t.overdueAt = now
      this.doc.changed()
    }
    return actions
  }

  private detect(cfg: ServiceConfig): Detector {
    let d = this.detectors.get(cfg)
    if (!d) this.detectors.set(cfg, (d = detector(cfg)))
    return d
  }

  private open(
    group: GroupRef,
    src: { messageId: string; text: string; customerId?: string; customerName: string; taggedBy?: string },
    at: number,
  ): Action[] {
    const cfg = this.ctx.configFor(group)
    const windows = parseWindows(cfg.workingHours)
    const after = (ms: number) => addWorkingTime(at, ms, windows, this.ctx.timezone, this.ctx.calendar)
    this.prune(at)
    const s = this.doc.data
    const t: Ticket = {
      id: nextId(s, Object.keys(s.tickets), 'T'),
      groupId: group.id,
      groupTopic: group.topic,
      messageId: src.messageId,
      text: src.text.slice(0, 500),
      customerId: src.customerId,
      customerName: src.customerName,
      ...(src.taggedBy ? { taggedBy: src.taggedBy } : {}),
      responsible: this.who.current(group),
      at,
      deadline: after(cfg.deadline),
      remindAt: cfg.remindBefore
        ? after(Math.max(cfg.deadline - cfg.remindBefore, Math.round(cfg.deadline / 2)))
        : undefined,
      state: 'open',
      ...(this.ctx.observing(group) ? { observed: true } : {}),
    }
    s.tickets[t.id] = t
    this.doc.changed()
    return openActions(t, cfg, this.deps)
  }

  /** Forget resolved tickets older than `keepDays` (ids are never reused). */
  private prune(now: number): void {
    const before = now - this.ctx.configFor().keepDays * 86_400_000
    for (const t of this.all()) if (t.state === 'resolved' && t.at < before) delete this.doc.data.tickets[t.id]
  }
}

/** Two tickets of one customer: the same contact when both know it, else the same name (a tagged quote may lack the id). */
function sameCustomer(a: Ticket, b: Ticket): boolean {
  return a.customerId && b.customerId ? a.customerId === b.customerId : a.customerName === b.customerName
}
