import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, JoinEvent, LeaveEvent, Member, MessageEvent, MessageKind } from '../../bot/core/event.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import type { Doc } from '../../bot/ports/store.js'
import { chineseCalendar } from '../../bot/time/workdays.js'
import { addDays, dayKey, zonedInstant, zonedParts } from '../../bot/time/zoned.js'
import { enabledIn, type ActivityConfig } from './config.js'
import {
  closeDays,
  countMessage,
  CURRENT_DOC,
  CURRENT_SPEC,
  DAYS_LOG,
  groupDay,
  type CurrentDoc,
  type GroupDay,
} from './counters.js'
import { addWorkingTime, parseWindows, workingTimeBetween, type WorkWindow } from '../../bot/time/working-hours.js'
import { customerAsked, nextReminderAt, staffAnswered } from './responsiveness.js'
import { SEEN_DOC, SEEN_SPEC, seenGroup, seenMember, type SeenDoc } from './seen.js'

/** A day closes this long after its midnight, so late-delivered messages still land in it. */
export const CLOSE_GRACE_MS = 10 * 60_000

/** Working-time arithmetic for one config (parsed once). */
export interface WorkClock {
  /** When a customer who wrote at `at` has waited too long (undefined: no working time ahead). */
  deadline(at: number): number | undefined
  /** Working milliseconds between two instants. */
  elapsed(from: number, to: number): number
}

/** Message kinds that never start a customer's clock (stickers, recalls, money). */
const NO_CLOCK: ReadonlySet<MessageKind> = new Set(['emoticon', 'recalled', 'redpacket', 'transfer'])

/**
 * Counts every group event into the open-day doc and the last-seen doc, and
 * keeps the customers waiting for an answer. O(1) per message: it touches
 * one group-day, one member entry and the group's waiting list.
 */
export class ActivityTracker {
  readonly current: Doc<CurrentDoc>
  readonly seen: Doc<SeenDoc>
  private patterns = new Map<string, RegExp>()
  private clocks = new Map<string, WorkClock>()
  /** Nothing can need closing before this instant (saves a timezone lookup per message). */
  private nextCloseCheck = 0

  constructor(private ctx: PluginContext<ActivityConfig>) {
    this.current = ctx.store.doc(CURRENT_DOC, CURRENT_SPEC)
    this.seen = ctx.store.doc(SEEN_DOC, SEEN_SPEC)
    this.ignorePattern(ctx.configFor())
    this.workClock(ctx.configFor())
  }

  /** The compiled "no clock" pattern of a config (compiled once per distinct pattern). */
  ignorePattern(cfg: ActivityConfig): RegExp {
    let re = this.patterns.get(cfg.ignoreCustomerText)
    if (!re) {
      try {
        re = new RegExp(cfg.ignoreCustomerText, 'iu')
      } catch (e) {
        throw new Error(`activity.ignoreCustomerText: invalid regex (${(e as Error).message})`)
      }
      this.patterns.set(cfg.ignoreCustomerText, re)
    }
    return re
  }

  /** The working-time clock of a config: when a customer has waited too long, and how long a wait was. */
  workClock(cfg: ActivityConfig): WorkClock {
    const key = `${cfg.workingHours.join(',')}|${cfg.responseThreshold}`
    let c = this.clocks.get(key)
    if (!c) {
      let windows: WorkWindow[]
      try {
        windows = parseWindows(cfg.workingHours)
      } catch (e) {
        throw new Error(`activity.workingHours: ${(e as Error).message}`)
      }
      const tz = this.ctx.timezone
      c = {
        deadline: at => {
          try {
            return addWorkingTime(at, cfg.responseThreshold, windows, tz, chineseCalendar)
          } catch {
            return undefined
          }
        },
        elapsed: (from, to) => workingTimeBetween(from, to, windows, tz, chineseCalendar),
      }
      this.clocks.set(key, c)
    }
    return c
  }

  /** The group-day an event at `at` counts into, or undefined when that day is already closed. */
  private dayOf(group: GroupRef, at: number): { g: GroupDay; hour: number } | undefined {
    const p = zonedParts(at, this.ctx.timezone)
    const day = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
    const doc = this.current.data
    if (doc.closedThrough && day <= doc.closedThrough) {
      this.ctx.log.debug(`event for closed day ${day} in ${group.topic} not counted`)
      return undefined
    }
    return { g: groupDay(doc, { day, groupId: group.id, topic: group.topic, kind: group.kind }), hour: p.hour }
  }

  private member(group: GroupRef, m: Member, now: number) {
    const g = seenGroup(this.seen.data, group.id, group.topic, group.kind, now)
    return seenMember(g, m.id, this.ctx.displayName(m), m.isStaff)
  }

  /** Count a group message (commands to the bot, even unknown or refused ones, are not activity); returns schedule/cancel actions for the customer-wait reminder. */
  onMessage(ev: MessageEvent & { group: GroupRef }): Action[] {
    if (ev.isCommand) return []
    const now = ev.at
    this.closeDue(this.ctx.clock.now())
    const target = this.dayOf(ev.group, now)
    const name = this.ctx.displayName(ev.sender)
    if (target) {
      const chars = ev.kind === 'text' ? [...ev.text].length : 0
      countMessage(target.g, {
        memberId: ev.sender.id,
        name,
        staff: ev.sender.isStaff,
        kind: ev.kind,
        chars,
        at: now,
        hour: target.hour,
      })
    }
    const seen = this.member(ev.group, ev.sender, now)
    seen.last = Math.max(seen.last ?? 0, now)
    this.current.changed()
    this.seen.changed()
    return ev.group.kind === 'customer' && ev.kind !== 'recalled' ? this.pair(ev, name, target?.g) : []
  }

  private pair(ev: MessageEvent & { group: GroupRef }, name: string, g: GroupDay | undefined): Action[] {
    const cfg = this.ctx.configFor(ev.group)
    const doc = this.current.data
    const key = `wait:${ev.group.id}`
    const w = doc.waiting[ev.group.id]
    if (ev.sender.isStaff) {
      if (!w?.msgs.length) return []
      g?.responses.push(...staffAnswered(w, ev.sender.id, ev.at, this.workClock(cfg).elapsed))
      if (w.msgs.length) return [] // only messages delivered out of order are left; their timer stays
      delete doc.waiting[ev.group.id]
      return w.timerAt !== undefined ? [{ type: 'cancel', key, rule: 'activity.answered', groupId: ev.group.id }] : []
    }
    if (NO_CLOCK.has(ev.kind) || (ev.kind === 'text' && this.ignorePattern(cfg).test(ev.text.trim()))) return []
    const waiting = (doc.waiting[ev.group.id] ??= { group: ev.group, msgs: [] })
    waiting.group = ev.group
    customerAsked(waiting, {
      id: ev.id,
      memberId: ev.sender.id,
      name,
      at: ev.at,
      day: g?.day ?? dayKey(ev.at, this.ctx.timezone),
      text: ev.text.slice(0, 60),
    })
    if (!cfg.remindResponsible || waiting.timerAt !== undefined) return []
    // The earliest message not yet reminded decides (after going live, one only rehearsed in observe mode).
    const at = nextReminderAt(waiting, this.workClock(cfg).deadline, this.ctx.observing(ev.group))
    if (at === undefined) return []
    waiting.timerAt = at
    return [
      {
        type: 'schedule',
        key,
        at,
        payload: { groupId: ev.group.id },
        rule: 'activity.customer-waiting',
        groupId: ev.group.id,
        memberId: ev.sender.id,
      },
    ]
  }

  /** Record joins (they also restart the silent clock of a returning member). */
  onJoin(ev: JoinEvent): void {
    const target = this.dayOf(ev.group, ev.at)
    for (const m of ev.members.filter(x => x.id !== this.ctx.directory.selfId())) {
      target?.g.joined.push({ id: m.id, name: this.ctx.displayName(m) })
      const seen = this.member(ev.group, m, ev.at)
      seen.joined = ev.at
      delete seen.left
    }
    this.current.changed()
    this.seen.changed()
  }

  /** Record leaves; a customer who left is no longer waiting for an answer. */
  onLeave(ev: LeaveEvent): void {
    const target = this.dayOf(ev.group, ev.at)
    const ids = new Set(ev.members.map(m => m.id))
    for (const m of ev.members) {
      target?.g.left.push({ id: m.id, name: this.ctx.displayName(m) })
      this.member(ev.group, m, ev.at).left = ev.at
    }
    const w = this.current.data.waiting[ev.group.id]
    if (w) w.msgs = w.msgs.filter(p => !ids.has(p.memberId))
    this.current.changed()
    this.seen.changed()
  }

  /** Drop one message from a group's waiting list (another plugin dealt with it). */
  forgetMessage(groupId: string, messageId: string): void {
    const w = this.current.data.waiting[groupId]
    if (!w?.msgs.some(m => m.id === messageId)) return
    w.msgs = w.msgs.filter(m => m.id !== messageId)
    this.current.changed()
  }

  /** Follow a group rename. */
  onTopic(group: GroupRef, at: number): void {
    this.dayOf(group, at)
    seenGroup(this.seen.data, group.id, group.topic, group.kind, at)
    this.current.changed()
    this.seen.changed()
  }

  /** Close (write to the log once) every open day that ended more than the grace period ago. */
  closeDue(now: number): number {
    if (now < this.nextCloseCheck) return 0
    const before = dayKey(now - CLOSE_GRACE_MS, this.ctx.timezone)
    this.nextCloseCheck = zonedInstant(addDays(before, 1), '00:00', this.ctx.timezone) + CLOSE_GRACE_MS
    const doc = this.current.data
    if (!Object.keys(doc.days).some(d => d < before)) return 0
    const closed = closeDays(doc, before)
    for (const g of closed) this.ctx.store.append(DAYS_LOG, g.day, g)
    this.current.changed()
    return closed.length
  }

  /** Give every managed group a record for `day` with its current size (quiet groups show as 0). */
  async refreshGroups(day: string): Promise<void> {
    const doc = this.current.data
    if (doc.closedThrough && day <= doc.closedThrough) return
    for (const group of this.ctx.directory.groups()) {
      if (!enabledIn(this.ctx.configFor(group))) continue
      const members = await this.ctx.directory.members(group.id).catch(() => undefined)
      const g = groupDay(doc, { day, groupId: group.id, topic: group.topic, kind: group.kind })
      if (members) g.size = members.filter(m => m.id !== this.ctx.directory.selfId()).length
      seenGroup(this.seen.data, group.id, group.topic, group.kind, this.ctx.clock.now())
    }
    this.current.changed()
    this.seen.changed()
  }

  /** The nightly job: record yesterday's sizes, then close it. */
  async closeYesterday(now: number): Promise<void> {
    await this.refreshGroups(addDays(dayKey(now, this.ctx.timezone), -1))
    this.closeDue(now)
  }
}
