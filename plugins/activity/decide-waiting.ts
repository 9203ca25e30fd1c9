import { asRehearsal, type Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent, MessageKind } from '../../bot/core/event.js'
import { formatDuration } from '../../bot/config/duration.js'
import { messageCause } from '../../bot/fleet/gap-events.js'
import { enabledIn, type ActivityConfig } from './config.js'
import type { ActivityRules } from './rules/group-rules.js'
import {
  type CurrentDoc,
  type GroupDay,
  type GroupWaiting,
  messageKey,
  type PendingMessage,
  type ResponseSample,
} from './state.js'
import { T } from './texts.js'

/** Most waiting messages kept per group (the oldest ones decide the response time). */
export const MAX_WAITING = 100

/**
 * Start the clock for a customer message, once: a message decided again (a fleet takeover's gap, after the list it
 * is in moved here) keeps its first entry, though this account's copy may carry another id (`messageKey`).
 */
export function customerAsked(w: GroupWaiting, msg: PendingMessage): void {
  const key = messageKey(msg)
  if (w.msgs.length < MAX_WAITING && !w.msgs.some(m => messageKey(m) === key)) w.msgs.push(msg)
}

/**
 * A staff message answers every waiting customer of the group: one sample per customer, from their oldest
 * waiting message (a customer who asks three times waited once), time measured by `elapsed`; the list empties.
 */
export function staffAnswered(
  w: GroupWaiting,
  staffId: string,
  at: number,
  elapsed: (from: number, to: number) => number,
): ResponseSample[] {
  const oldest = new Map<string, number>()
  for (const m of w.msgs) if (m.at <= at && m.at < (oldest.get(m.memberId) ?? Infinity)) oldest.set(m.memberId, m.at)
  w.msgs = w.msgs.filter(m => m.at > at)
  return [...oldest.values()].map((from): ResponseSample => [staffId, elapsed(from, at)])
}

/** The flag a reminder sets: `rehearsed` in observe mode, so the real reminder is still due after going live. */
const flagOf = (observing: boolean) => (observing ? 'rehearsed' : 'reminded')

/** One customer waiting for an answer: their oldest waiting message and how many they wrote. */
export interface WaitingCustomer {
  first: PendingMessage
  count: number
  /** Their oldest message is held for the admins' review (still open). */
  held?: boolean
}

/** Customers already reminded (in this mode) while waiting: one reminder each until answered. */
function remindedCustomers(w: GroupWaiting, observing: boolean): Set<string> {
  const flag = flagOf(observing)
  const done = new Set<string>()
  for (const m of pendingOf(w)) if (m.reminded || m[flag]) done.add(m.memberId)
  return done
}

/**
 * The messages a reminder looks at: the waiting ones and those held for the admins. A held message is reminded too
 * once its deadline passes with the review still open (marked as such): a real question wrongly held must not go
 * unanswered because nobody reviewed it.
 */
function pendingOf(w: GroupWaiting): PendingMessage[] {
  return w.held ? [...w.msgs, ...w.held] : w.msgs
}

/**
 * Customers whose oldest waiting message is past its deadline and who were not reminded yet (in this mode), oldest
 * first; marks all their waiting messages, so more messages of theirs do not remind again until they are answered.
 */
export function dueForReminder(
  w: GroupWaiting,
  now: number,
  deadline: (at: number) => number | undefined,
  observing = false,
): WaitingCustomer[] {
  const flag = flagOf(observing)
  const done = remindedCustomers(w, observing)
  const pending = pendingOf(w)
  const due = oldestPerCustomer(pending, done).filter(c => (deadline(c.first.at) ?? Infinity) <= now)
  const dueIds = new Set(due.map(c => c.first.memberId))
  for (const m of pending) if (dueIds.has(m.memberId)) m[flag] = true
  for (const c of due) if (w.held?.includes(c.first)) c.held = true
  return due.sort((a, b) => a.first.at - b.first.at)
}

/**
 * When the timer is next due: the earliest deadline among customers not reminded yet (in this mode), or the earliest
 * escalation (`escalation`, the second level: the leaders) among customers not escalated yet.
 */
export function nextReminderAt(
  w: GroupWaiting,
  deadline: (at: number) => number | undefined,
  observing = false,
  escalation?: (at: number) => number | undefined,
): number | undefined {
  const done = remindedCustomers(w, observing)
  let first: number | undefined
  for (const m of pendingOf(w)) if (!done.has(m.memberId) && (first === undefined || m.at < first)) first = m.at
  const remind = first === undefined ? undefined : deadline(first)
  const escalate = escalation && nextEscalationAt(w, escalation, observing)
  return remind === undefined ? escalate : escalate === undefined ? remind : Math.min(remind, escalate)
}

/** The flag an escalation sets: only rehearsed in observe mode. */
const escalationFlagOf = (observing: boolean) => (observing ? 'escalationRehearsed' : 'escalated')

/** Customers already escalated (in this mode) while waiting. */
function escalatedCustomers(w: GroupWaiting, observing: boolean): Set<string> {
  const flag = escalationFlagOf(observing)
  const done = new Set<string>()
  for (const m of pendingOf(w)) if (m.escalated || m[flag]) done.add(m.memberId)
  return done
}

/** The oldest pending message of each customer not escalated yet (in this mode), with how many they wrote. */
function notEscalated(w: GroupWaiting, observing: boolean): WaitingCustomer[] {
  return oldestPerCustomer(pendingOf(w), escalatedCustomers(w, observing))
}

function nextEscalationAt(
  w: GroupWaiting,
  escalation: (at: number) => number | undefined,
  observing: boolean,
): number | undefined {
  const firsts = notEscalated(w, observing).map(c => c.first.at)
  return firsts.length ? escalation(Math.min(...firsts)) : undefined
}

/**
 * Customers whose oldest waiting message has waited past `escalation` (working time: a Friday 17:06 message with
 * 2 hours is due on Monday at 10:06) and who were not escalated yet (in this mode), oldest first; marks all their
 * pending messages, so the leaders hear of each waiting customer once until they are answered.
 */
export function dueForEscalation(
  w: GroupWaiting,
  now: number,
  escalation: (at: number) => number | undefined,
  observing = false,
): WaitingCustomer[] {
  const due = notEscalated(w, observing).filter(c => (escalation(c.first.at) ?? Infinity) <= now)
  const flag = escalationFlagOf(observing)
  const dueIds = new Set(due.map(c => c.first.memberId))
  for (const m of pendingOf(w)) if (dueIds.has(m.memberId)) m[flag] = true
  for (const c of due) if (w.held?.includes(c.first)) c.held = true
  return due.sort((a, b) => a.first.at - b.first.at)
}

/** Message kinds that never start a customer's clock (stickers, recalls, money). */
const NO_CLOCK: ReadonlySet<MessageKind> = new Set(['emoticon', 'recalled', 'redpacket', 'transfer'])

/** What the waiting decision reads besides the event and the state. */
export interface WaitingInputs {
  cfg: ActivityConfig
  rules: ActivityRules
  /** The group is in observe mode (a reminder is only rehearsed). */
  observing: boolean
  /** In a fleet: a waiting message keeps its fleet-wide identity (`PendingMessage.cause`). */
  fleet?: boolean
}

/** The message as counted: the sender's display name, its day, the group-day it went to (undefined: a closed day). */
export interface CountedMessage {
  name: string
  day: string
  counted?: GroupDay
}

/**
 * A message in a customer group: a staff message answers every waiting customer (one response sample per customer
 * goes to the day's counters, the reminder timer is cancelled); a customer message starts its clock and arms the
 * reminder timer for the earliest customer not reminded yet.
 */
export function decideWaiting(
  ev: MessageEvent & { group: GroupRef },
  current: CurrentDoc,
  x: WaitingInputs,
  m: CountedMessage,
): Action[] {
  const w = current.waiting[ev.group.id]
  if (ev.sender.isStaff) {
    if (!w?.msgs.length && !w?.held) return []
    answeredWhileHeld(w, ev.at)
    m.counted?.responses.push(...staffAnswered(w, ev.sender.id, ev.at, x.rules.clock.elapsed))
    // Only messages delivered out of order are left (waiting or held, newer than this answer): their timer stays.
    if (w.msgs.length || w.held) return []
    delete current.waiting[ev.group.id]
    if (w.timerAt === undefined) return []
    w.timerAt = undefined
    return [{ type: 'cancel', key: waitKey(ev.group.id), rule: 'activity.answered', groupId: ev.group.id }]
  }
  if (NO_CLOCK.has(ev.kind) || (ev.kind === 'text' && x.rules.ignore.test(ev.text.trim()))) return []
  const waiting = (current.waiting[ev.group.id] ??= { group: ev.group, msgs: [] })
  waiting.group = ev.group
  const text = ev.text.slice(0, 60)
  const msg: PendingMessage = { id: ev.id, memberId: ev.sender.id, name: m.name, at: ev.at, day: m.day, text }
  if (x.fleet) msg.cause = messageCause(ev)
  customerAsked(waiting, msg)
  // A timer due before this message that has not fired is lost (a kill between the writes of the waiting list and
  // of its timer, a release that did not keep volatile timers, a fleet run claimed before a kill): armed again.
  if (!x.cfg.remindResponsible) return []
  const lost = waiting.timerAt !== undefined && waiting.timerAt <= ev.at
  // The earliest customer not yet reminded decides (after going live, one only rehearsed in observe mode), or the
  // earliest escalation: a timer armed for a later escalation is brought forward for this customer's reminder.
  let at = nextReminderAt(waiting, x.rules.clock.deadline, x.observing, x.rules.clock.escalation)
  if (at === undefined || (waiting.timerAt !== undefined && !lost && waiting.timerAt <= at)) return []
  // Due after this message, not at the lost one's time: in a fleet that run may be claimed already (its run key
  // names the time), and would never be delivered again.
  if (lost) at = Math.max(at, ev.at + 1)
  waiting.timerAt = at
  // Written out, not spread from a `meta` object: a spread's hidden classes die with the last such action at a
  // full garbage collection, and the executor's optimised code with them.
  const groupId = ev.group.id
  return [
    {
      type: 'schedule',
      key: waitKey(groupId),
      at,
      payload: { groupId },
      // With the waiting list it belongs to: written at the periodic flush, as that list is (a kill loses both alike).
      volatile: true,
      rule: 'activity.customer-waiting',
      reason: T.waitingTimerReason,
      groupId,
      memberId: ev.sender.id,
    },
  ]
}

/** The reminder timer's key of a group: built only for the actions that name it (most messages return none). */
const waitKey = (groupId: string) => `wait:${groupId}`

/** Drop one message from a group's waiting or held list (another plugin dealt with it); true when it was there. */
export function forgetMessage(current: CurrentDoc, groupId: string, messageId: string): boolean {
  const w = current.waiting[groupId]
  if (!w) return false
  const held = w.held?.some(m => m.id === messageId)
  if (held) dropHeld(w, m => m.id !== messageId)
  if (!w.msgs.some(m => m.id === messageId)) return held === true
  w.msgs = w.msgs.filter(m => m.id !== messageId)
  return true
}

/**
 * A customer message another plugin holds for the admins (spam review): kept apart from the waiting ones (no response
 * time; staff answering the group drops it), to wait again if released. Its reminder still comes at its deadline if
 * the review is open then, marked as held (`dueForReminder`). True when it was waiting.
 */
export function holdMessage(current: CurrentDoc, groupId: string, messageId: string): boolean {
  const w = current.waiting[groupId]
  const msg = w?.msgs.find(m => m.id === messageId)
  if (!w || !msg) return false
  w.msgs = w.msgs.filter(m => m !== msg)
  w.held = [...(w.held ?? []), msg].slice(-MAX_WAITING)
  return true
}

/**
 * A held message released (the admins found nothing wrong): waiting again from its own time, so a reminder its
 * deadline has passed is due now; the reminder timer is armed (or brought forward) for it. Nothing when it is not
 * held (not waiting when held, confirmed, or answered by staff in the group meanwhile).
 */
export function releaseMessage(
  current: CurrentDoc,
  groupId: string,
  messageId: string,
  x: WaitingInputs & { now: number },
): Action[] | undefined {
  const w = current.waiting[groupId]
  const msg = w?.held?.find(m => m.id === messageId)
  if (!w || !msg) return undefined
  dropHeld(w, m => m !== msg)
  customerAsked(w, msg)
  if (!x.cfg.remindResponsible) return []
  const due = nextReminderAt(w, x.rules.clock.deadline, x.observing, x.rules.clock.escalation)
  if (due === undefined || (w.timerAt !== undefined && w.timerAt <= due)) return []
  w.timerAt = Math.max(due, x.now)
  const meta = { rule: 'activity.customer-waiting', groupId, memberId: msg.memberId, reason: T.waitingTimerReason }
  return [{ type: 'schedule', key: waitKey(groupId), at: w.timerAt, payload: { groupId }, volatile: true, ...meta }]
}

/** Held messages sent before a staff message in the group are answered by it (staff saw them): never waiting again. */
function answeredWhileHeld(w: GroupWaiting, at: number): void {
  if (w.held) dropHeld(w, m => m.at > at)
}

/** Keep the held messages `keep` says to (none left: no held list). */
function dropHeld(w: GroupWaiting, keep: (m: PendingMessage) => boolean): void {
  const held = w.held?.filter(keep)
  if (held?.length) w.held = held
  else delete w.held
}

/** What the reminder timer reads besides the waiting list. */
export interface ReminderInputs {
  cfg: ActivityConfig
  rules: ActivityRules
  now: number
  observing: boolean
  /** Contact ids responsible for the group (empty: the admins are told). */
  staff: string[]
  /** Contact ids of the leaders, told of a customer waiting past `escalateAfter` (empty: the admins are told). */
  leaders: string[]
  /** A contact's name, for the escalation naming who was reminded. */
  nameOf(id: string): string
}

/** The `wait:<groupId>` timer: remind about overdue customers (recorded only in observe mode), then arm the next reminder. */
export function decideReminder(w: GroupWaiting, groupId: string, x: ReminderInputs): Action[] {
  w.timerAt = undefined
  const { cfg, now, observing, staff } = x
  const { deadline, elapsed } = x.rules.clock
  if (!cfg.remindResponsible || !enabledIn(cfg)) return []
  const due = dueForReminder(w, now, deadline, observing)
  const actions: Action[] = []
  if (due.length) {
    const lines = due.map(d => ({
      name: d.first.name,
      text: d.first.text,
      count: d.count,
      waitedMs: elapsed(d.first.at, now),
      held: d.held,
    }))
    const text = T.waitingReminder(w.group.topic, lines)
    const reason = T.waitingReason(due.length, formatDuration(cfg.responseThreshold))
    const meta = { rule: 'activity.customer-waiting', groupId, reason }
    const reminders = staff.length
      ? staff.map((id): Action => ({ type: 'remind', to: { contact: id }, text, memberId: id, ...meta }))
      : [{ type: 'notifyAdmins', text: T.nobodyResponsible(text), ...meta } satisfies Action]
    // Observed: the executor records them as 【观察】 entries naming whom they would have reached.
    actions.push(...(observing ? asRehearsal(reminders) : reminders))
  }
  actions.push(...escalate(w, groupId, x))
  const next = nextReminderAt(w, deadline, observing, x.rules.clock.escalation)
  if (next !== undefined) {
    w.timerAt = next
    const meta = { rule: 'activity.customer-waiting', groupId, reason: T.waitingTimerReason }
    actions.push({ type: 'schedule', key: `wait:${groupId}`, at: next, payload: { groupId }, volatile: true, ...meta })
  }
  return actions
}

/**
 * The second level: customers waiting past `escalateAfter` (working time) are named to the leaders (none: the
 * admins), with who was reminded; recorded only in observe mode.
 */
function escalate(w: GroupWaiting, groupId: string, x: ReminderInputs): Action[] {
  const { cfg, now, observing } = x
  const due = dueForEscalation(w, now, x.rules.clock.escalation, observing)
  if (!due.length) return []
  const lines = due.map(d => ({
    name: d.first.name,
    text: d.first.text,
    count: d.count,
    waitedMs: x.rules.clock.elapsed(d.first.at, now),
    held: d.held,
  }))
  const who = x.staff.map(id => x.nameOf(id)).join('、')
  const text = T.waitingEscalation(w.group.topic, lines, formatDuration(cfg.escalateAfter), who)
  const meta = { rule: 'activity.customer-escalated', groupId, reason: T.escalationReason(due.length) }
  const out: Action[] = x.leaders.length
    ? x.leaders.map((id): Action => ({ type: 'remind', to: { contact: id }, text, memberId: id, ...meta }))
    : [{ type: 'notifyAdmins', text, ...meta }]
  return observing ? asRehearsal(out) : out
}

/** The oldest of these pending messages of each customer not in `done`, with how many they wrote. */
function oldestPerCustomer(pending: readonly PendingMessage[], done: ReadonlySet<string>): WaitingCustomer[] {
  const waiting = new Map<string, WaitingCustomer>()
  for (const m of pending) {
    if (done.has(m.memberId)) continue
    const c = waiting.get(m.memberId)
    if (!c) waiting.set(m.memberId, { first: m, count: 1 })
    else {
      c.count++
      if (m.at < c.first.at) c.first = m
    }
  }
  return [...waiting.values()]
}
