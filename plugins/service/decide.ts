import { asRehearsal, type Action } from '../../bot/core/actions.js'
import { cancelDeadlineTimers, deadlineTimers } from '../../bot/core/deadline-timers.js'
import type { ServiceConfig } from './config.js'
import type { Ticket } from './state.js'
import {
  addedText,
  openedText,
  overdueText,
  recordText,
  reminderText,
  resolvedTooText,
  timerReason,
  unassignedText,
  closedByOtherText,
} from './texts.js'

/** What the ticket rules need besides the ticket. */
export interface DecideDeps {
  tz: string
  prefix: string
  /** Display names of contact ids, joined with 、. */
  names(ids: string[]): string
}

const meta = (t: Ticket) => ({ groupId: t.groupId, evidence: { messageId: t.messageId, text: t.text.slice(0, 200) } })

/** Outward actions of an observed ticket are only recorded. */
const guard = (t: Ticket, actions: Action[]) => (t.observed ? asRehearsal(actions) : actions)

/** A new ticket: tell the responsible people privately (or the admins), the customer in the group, arm the timers. */
export function openActions(t: Ticket, cfg: ServiceConfig, d: DecideDeps): Action[] {
  const m = meta(t)
  const out: Action[] = [
    {
      type: 'record',
      rule: 'service.ticket-opened',
      text: recordText.opened(t),
      memberId: t.customerId,
      ...m,
    },
  ]
  if (t.responsible.length)
    for (const id of t.responsible)
      out.push({
        type: 'say',
        to: { contact: id },
        text: openedText(t, d.tz, d.prefix),
        rule: 'service.ticket-notice',
        ...m,
        memberId: id,
      })
  else out.push({ type: 'notifyAdmins', text: unassignedText(t, d.tz), rule: 'service.ticket-unassigned', ...m })
  out.push({
    type: 'say',
    to: { room: t.groupId },
    text: cfg.texts.received,
    mentions: t.customerId ? [t.customerId] : undefined,
    rule: 'service.ticket-received',
    ...m,
  })
  out.push(
    ...deadlineTimers({
      id: t.id,
      deadline: t.deadline,
      remindAt: t.remindAt,
      payload: { id: t.id },
      rule: 'service.schedule',
      reasons: { remind: timerReason.remind(t.id), deadline: timerReason.deadline(t.id) },
      meta: m,
    }),
  )
  return guard(t, out)
}

/**
 * A later message of the customer joined the open ticket `t`: one line to the responsible people (or the admins);
 * the customer is not told again and the timers stay.
 */
export function joinActions(t: Ticket, text: string, messageId: string): Action[] {
  const m = { groupId: t.groupId, evidence: { messageId, text: text.slice(0, 200) } }
  const line = addedText(t, text)
  const out: Action[] = [
    { type: 'record', rule: 'service.ticket-joined', text: recordText.joined(t, text), memberId: t.customerId, ...m },
  ]
  if (!t.responsible.length) out.push({ type: 'notifyAdmins', text: line, rule: 'service.ticket-joined', ...m })
  for (const id of t.responsible)
    out.push({ type: 'say', to: { contact: id }, text: line, rule: 'service.ticket-joined', ...m, memberId: id })
  return guard(t, out)
}

/** The reminder timer: remind the responsible people privately while the ticket is open. */
export function remindActions(t: Ticket, d: DecideDeps, now: number): Action[] {
  if (t.state !== 'open') return []
  const text = reminderText(t, d.tz, d.prefix, now)
  return guard(
    t,
    t.responsible.map(id => ({
      type: 'remind',
      to: { contact: id },
      text,
      rule: 'service.ticket-reminder',
      ...meta(t),
      memberId: id,
    })),
  )
}

/** The deadline timer: an unresolved ticket, not yet overdue, is escalated to the admins (the caller marks it overdue). */
export function deadlineActions(t: Ticket, d: DecideDeps): Action[] {
  if (t.state !== 'open' || t.overdueAt !== undefined) return []
  return guard(t, [
    {
      type: 'notifyAdmins',
      text: overdueText(t, d.names(t.responsible), d.tz),
      rule: 'service.ticket-overdue',
      ...meta(t),
    },
  ])
}

/**
 * Resolving: the customer is told in the group (configured words; `toldJustNow`: they were just told of another
 * ticket, so this one is named instead), the timers are cancelled.
 */
export function resolveActions(t: Ticket, cfg: ServiceConfig, toldJustNow = false): Action[] {
  const m = meta(t)
  return [
    ...cancelDeadlineTimers(t.id, { rule: 'service.schedule', ...m }),
    ...guard(t, [
      {
        type: 'say',
        to: { room: t.groupId },
        text: toldJustNow ? resolvedTooText(t) : cfg.texts.resolved,
        mentions: t.customerId ? [t.customerId] : undefined,
        rule: 'service.ticket-resolved',
        ...m,
      },
    ]),
  ]
}

/**
 * `t` closed by `by` (`byName`), who is not among its responsible people: each of them is told privately, so
 * nobody calls a customer whose complaint a leader or admin already handled. Only recorded in observe mode.
 */
export function closedByOtherActions(
  t: Ticket,
  by: string,
  byName: string,
  note: string,
  observing: boolean,
): Action[] {
  const text = closedByOtherText(t, byName, note)
  const out: Action[] = t.responsible
    .filter(id => id !== by)
    .map(id => ({ type: 'say', to: { contact: id }, text, rule: 'service.ticket-closed', memberId: id, ...meta(t) }))
  return observing ? asRehearsal(out) : guard(t, out)
}
