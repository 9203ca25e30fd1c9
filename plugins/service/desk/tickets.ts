import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import { addWorkingTime, parseWindows } from '../../../bot/time/working-hours.js'
import type { ServiceConfig } from '../config.js'
import { type DecideDeps, deadlineActions, joinActions, openActions, remindActions, resolveActions } from '../decide.js'
import { type Detector, detector } from '../matcher/detect.js'
import type { AdoptSource } from '../../../bot/fleet/gate.js'
import { byNumber, type HeldTicket, nextId, TICKETS_DOC, type Ticket, takeRecords } from '../state.js'
import { alreadyRecordedText, alreadyTaggedText, askProblemText, recordText, tagWhereText } from '../texts.js'
import type { Responsibility } from './responsible.js'

/** How recently a customer told of one resolved ticket is "just now" for the next (named, not repeated). */
const TOLD_JUST_NOW_MS = 30 * 60_000

/** Recent customer messages remembered to find who wrote a message staff tag with `#投诉`. */
const RECENT = 500
/** A second ticket for the same text of the same customer in the same group this soon is the first one again. */
const SAME_COMPLAINT_MS = 24 * 3_600_000
/** A customer's bare `#投诉` means what they wrote in the group this shortly before (else they are asked). */
const BEFORE_BARE_MS = 10 * 60_000
/** How long the bot waits for the problem after asking a customer 「请直接说明遇到的问题」. */
const ASKED_MS = 30 * 60_000
/** A customer's complaint this soon after their last words on an open ticket of the group joins that ticket. */
const JOIN_MS = 10 * 60_000
/** A reply that only acknowledges (好的, 嗯嗯, 收到谢谢): not the problem the bot asked for. */
const ACK =
  /^(?:(?:好的?|好吧|好滴|嗯+|哦+|噢|行吧?|可以|ok|okay|收到|知道了|明白了?|谢谢|谢了|多谢|感谢|辛苦了?|麻烦了?|稍等|在的?)[\s\p{P}\p{S}]*)+$/iu

/** A customer message kept in memory (not stored: after a restart a text-only quote has no contact id). */
interface Recent {
  id: string
  name: string
  groupId: string
  text: string
  at: number
}

/** The complaint tickets: opened from customer messages or staff tags, timed, resolved, pruned. */
export class TicketDesk {
  private doc
  private detectors = new WeakMap<ServiceConfig, Detector>()
  private recent = new Map<string, Recent>()
  /** Customers asked to state their problem after a bare `#投诉`, by `groupId|customerId`: when asked. */
  private asked = new Map<string, number>()
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

  /**
   * A customer's message in a customer group: a complaint opens a ticket. A bare `#投诉` takes what they wrote
   * just before as the complaint; with nothing before, they are asked and their next message is the complaint.
   */
  onMessage(e: MessageEvent): Action[] {
    const g = e.group
    const ctx = this.ctx
    if (g?.kind !== 'customer' || e.kind !== 'text') return []
    if (e.sender.id === ctx.directory.selfId()) return []
    if (e.sender.isStaff || ctx.rolesOf(e.sender.id).length) {
      // Staff answering in the group take over: the bot no longer waits for a problem from anyone there.
      for (const k of this.asked.keys()) if (k.startsWith(`${g.id}|`)) this.asked.delete(k)
      return []
    }
    const customerName = ctx.displayName(e.sender)
    const key = `${g.id}|${e.sender.id}`
    const text = e.text.trim()
    if (this.isBareCommand(text)) return this.bare(g, e, customerName)
    this.remember(e, customerName)
    const askedAt = this.asked.get(key)
    if (askedAt !== undefined && !ACK.test(text)) {
      this.asked.delete(key)
      if (askedAt > e.at - ASKED_MS)
        return this.open(g, { messageId: e.id, text, customerId: e.sender.id, customerName }, e.at)
    }
    if (!this.detect(ctx.configFor(g)).match(e.text)) return []
    const src = { messageId: e.id, text: this.withoutCommand(text), customerId: e.sender.id, customerName }
    const venting = this.openJustNow(g.id, e.sender.id, e.at)
    return venting ? this.join(venting, src.messageId, src.text, e.at) : this.open(g, src, e.at)
  }

  /** The open ticket of this customer in this group they last wrote to, within JOIN_MS: more of the same venting. */
  private openJustNow(groupId: string, customerId: string, at: number): Ticket | undefined {
    const last = (t: Ticket) => t.joinedAt ?? t.at
    return this.all()
      .filter(t => t.state === 'open' && t.groupId === groupId && t.customerId === customerId && last(t) > at - JOIN_MS)
      .sort((a, b) => last(b) - last(a))[0]
  }

  /** A later message joins `t`: its text is added (reminders, escalation and details show it), one line is sent. */
  private join(t: Ticket, messageId: string, text: string, at: number): Action[] {
    t.text = `${t.text} ${text}`.slice(0, 500)
    t.joined = [...(t.joined ?? []), messageId]
    t.joinedAt = at
    this.doc.changed()
    return joinActions(t, text, messageId)
  }

  /** The ticket holding the customer message `messageId` (opened by it, or joined by it). */
  private holding(messageId: string): Ticket | undefined {
    return this.all().find(t => t.messageId === messageId || t.joined?.includes(messageId))
  }

  /** `#投诉` quoting a customer message: open a ticket for it; a Chinese error when it cannot. */
  tag(e: MessageEvent): Action[] | string {
    const g = e.group
    if (g?.kind !== 'customer' || !e.quote) return tagWhereText(this.ctx.commandPrefix)
    const quote = e.quote
    const byId = quote.id ? this.holding(quote.id) : undefined
    if (byId) return alreadyTaggedText(byId.id)
    const who = quote.id ? this.recent.get(quote.id) : undefined
    const src = {
      messageId: quote.id ?? e.id,
      text: quote.text.trim(),
      customerId: who?.id,
      customerName: who?.name ?? quote.senderName ?? '客户',
      taggedBy: e.sender.id,
    }
    // Text-only quotes (the sandbox, many puppets) carry no message id: the same text is the same complaint.
    const same = this.sameComplaint(g.id, src, e.at)
    if (same) return alreadyTaggedText(same.id)
    return this.open(g, src, e.at)
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

  private remember(e: MessageEvent, name: string): void {
    this.recent.set(e.id, { id: e.sender.id, name, groupId: e.group?.id ?? '', text: e.text.trim(), at: e.at })
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string)
  }

  /** `#投诉` (or `#complaint`) with nothing after it but punctuation. */
  private isBareCommand(text: string): boolean {
    const rest = this.afterPrefix(text)
    return rest !== undefined && /^(投诉|complaint)[\s\p{P}]*$/iu.test(rest)
  }

  /** The text after the command prefix (`#` or a full-width `＃`); undefined when it does not start with one. */
  private afterPrefix(text: string): string | undefined {
    const p = this.ctx.commandPrefix
    return text.startsWith(p) ? text.slice(p.length) : text.startsWith('＃') ? text.slice(1) : undefined
  }

  /** A customer's `#投诉 质量太差` is the complaint `质量太差`: the command word is not what they complain about. */
  private withoutCommand(text: string): string {
    const rest = this.afterPrefix(text)
    const m = rest === undefined ? null : /^(?:投诉|complaint)[\s\p{P}]*/iu.exec(rest)
    return m && rest ? rest.slice(m[0].length).trim() || text : text
  }

  /**
   * A customer's bare `#投诉`: their messages of the last minutes in this group that no ticket holds yet are the
   * complaint; when tickets hold them all they hear it is being handled; with none, they are asked what is wrong.
   */
  private bare(g: GroupRef, e: MessageEvent, customerName: string): Action[] {
    const mine = [...this.recent.entries()].filter(
      ([, r]) => r.id === e.sender.id && r.groupId === g.id && r.at > e.at - BEFORE_BARE_MS && r.text,
    )
    const answer = (text: string, rule: string): Action[] => [
      { type: 'say', to: { room: g.id }, text, mentions: [e.sender.id], rule, groupId: g.id, memberId: e.sender.id },
    ]
    if (!mine.length) {
      this.asked.set(`${g.id}|${e.sender.id}`, e.at)
      return answer(askProblemText, 'service.ask-complaint')
    }
    const untracked = mine.slice(-3).filter(([id]) => !this.holding(id))
    const src = {
      messageId: untracked.at(-1)?.[0] ?? e.id,
      text: untracked.map(([, r]) => r.text).join(' '),
      customerId: e.sender.id,
      customerName,
    }
    if (!untracked.length || this.sameComplaint(g.id, src, e.at))
      return answer(alreadyRecordedText, 'service.already-recorded')
    return this.open(g, src, e.at)
  }

  /** A ticket of the last day for the same text of the same customer in the same group. */
  private sameComplaint(
    groupId: string,
    src: { text: string; customerId?: string; customerName: string },
    at: number,
  ): Ticket | undefined {
    const text = src.text.slice(0, 500)
    return this.all().find(
      t =>
        t.groupId === groupId &&
        t.text === text &&
        t.at > at - SAME_COMPLAINT_MS &&
        (t.customerId && src.customerId ? t.customerId === src.customerId : t.customerName === src.customerName),
    )
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
