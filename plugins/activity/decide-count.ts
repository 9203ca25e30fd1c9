import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, JoinEvent, LeaveEvent, Member, MessageEvent } from '../../bot/core/event.js'
import { dayKey, zonedHour } from '../../bot/time/zoned.js'
import { decideWaiting, type WaitingInputs } from './decide-waiting.js'
import { countMessage, groupDay, seenGroup, seenMember, type CurrentDoc, type GroupDay, type SeenDoc } from './state.js'

/** The plugin's state as the decisions see it: the open-day and last-seen documents' data. */
export interface ActivityState {
  current: CurrentDoc
  seen: SeenDoc
  /** Set by a decision: the event changed the group's last-seen document (not only a time its open day holds). */
  seenChanged?: boolean
  /** Set by a decision: the group-day the event counted into (undefined: its day is closed). */
  counted?: GroupDay
}

/** What counting reads besides the event and the state. */
export interface CountInputs {
  tz: string
  selfId: string
  displayName(m: Member): string
}

/** What a message decision reads besides the event and the state (built once: nothing in it is per message). */
export interface MessageInputs {
  tz: string
  displayName(m: Member): string
  /** The group's config, rules and observe mode, asked only for a message in a customer group. */
  waiting(group: GroupRef): WaitingInputs
}

/**
 * Count a group message (commands to the bot, even unknown or refused ones, are not activity); in a
 * customer group also pair customers and staff answers. O(1) per message: it touches one group-day,
 * one member entry and the group's waiting list. Returns the customer-wait reminder's schedule/cancel.
 */
export function decideMessage(ev: MessageEvent & { group: GroupRef }, s: ActivityState, x: MessageInputs): Action[] {
  if (ev.isCommand) return []
  const { group, sender, at } = ev
  const day = dayKey(at, x.tz)
  const counted = dayOf(s.current, group, day)
  s.counted = counted
  const name = x.displayName(sender)
  if (counted) {
    const chars = ev.kind === 'text' ? codePoints(ev.text) : 0
    const hour = zonedHour(at, x.tz)
    countMessage(counted, { memberId: sender.id, name, staff: sender.isStaff, kind: ev.kind, chars, at, hour })
  }
  const g = s.seen.groups[group.id]
  const known = g?.members[sender.id]
  // A known member's time in a counted day is the group-day's too: the last-seen document waits for the day's close.
  s.seenChanged = !counted || known?.name !== name || known.staff !== sender.isStaff || g.topic !== group.topic
  const seen = member(s.seen, group, sender, at, name)
  seen.last = Math.max(seen.last ?? 0, at)
  if (group.kind !== 'customer' || ev.kind === 'recalled') return []
  return decideWaiting(ev, s.current, x.waiting(group), { name, day, counted })
}

/** Characters as people count them (code points: an emoji is one), without building an array. */
function codePoints(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--
        i++
      }
    }
  }
  return n
}

/** Record joins (they also restart the silent clock of a returning member). */
export function countJoin(ev: JoinEvent, s: ActivityState, x: CountInputs): void {
  const target = dayOf(s.current, ev.group, dayKey(ev.at, x.tz))
  s.counted = target
  for (const m of ev.members.filter(m => m.id !== x.selfId)) {
    target?.joined.push({ id: m.id, name: x.displayName(m) })
    const seen = member(s.seen, ev.group, m, ev.at, x.displayName(m))
    seen.joined = ev.at
    delete seen.left
  }
}

/** Record leaves; a customer who left is no longer waiting for an answer. */
export function countLeave(ev: LeaveEvent, s: ActivityState, x: CountInputs): void {
  const target = dayOf(s.current, ev.group, dayKey(ev.at, x.tz))
  s.counted = target
  const ids = new Set(ev.members.map(m => m.id))
  for (const m of ev.members) {
    target?.left.push({ id: m.id, name: x.displayName(m) })
    member(s.seen, ev.group, m, ev.at, x.displayName(m)).left = ev.at
  }
  const w = s.current.waiting[ev.group.id]
  if (!w) return
  w.msgs = w.msgs.filter(p => !ids.has(p.memberId))
  if (w.held) w.held = w.held.filter(p => !ids.has(p.memberId))
}

/** Follow a group rename. */
export function countTopic(group: GroupRef, at: number, s: ActivityState, tz: string): void {
  s.counted = dayOf(s.current, group, dayKey(at, tz))
  seenGroup(s.seen, group.id, group.topic, group.kind, at)
}

/** The group-day an event of `day` counts into (created on first use), or undefined when that day is closed. */
function dayOf(doc: CurrentDoc, group: GroupRef, day: string): GroupDay | undefined {
  return openDay(doc, day) ? groupDay(doc, { day, groupId: group.id, topic: group.topic, kind: group.kind }) : undefined
}

/** Whether events of `day` are still counted (its records were not written to the log yet). */
const openDay = (doc: CurrentDoc, day: string): boolean => !doc.closedThrough || day > doc.closedThrough

/** The last-seen entry of a member of `group` (created on first use), under the display name `name`. */
function member(seen: SeenDoc, group: GroupRef, m: Member, now: number, name: string) {
  return seenMember(seenGroup(seen, group.id, group.topic, group.kind, now), m.id, name, m.isStaff)
}
