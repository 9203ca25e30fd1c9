import { z } from 'zod'
import { docSpec } from '../../bot/ports/store/store.js'

/** A complaint ticket (`T<n>`): what the customer said, who must handle it, and by when. */
export interface Ticket {
  id: string
  groupId: string
  groupTopic: string
  /** Id of the customer's message. */
  messageId: string
  text: string
  customerId?: string
  customerName: string
  /** Staff who tagged the message with `#投诉`, when it was not detected. */
  taggedBy?: string
  /** Contact ids of the responsible salespeople (empty: none configured, or they left: the admins follow it). */
  responsible: string[]
  at: number
  deadline: number
  remindAt?: number
  state: 'open' | 'resolved'
  /** When the deadline passed unresolved (escalated to the admins). */
  overdueAt?: number
  resolvedAt?: number
  resolvedBy?: string
  resolution?: string
  /** Opened in observe mode: its notices, reminders and escalation are only recorded, even after going live. */
  observed?: boolean
}

/** The persisted tickets. */
export interface ServiceState {
  next: number
  tickets: Record<string, Ticket>
}

/** The `service-tickets` document (durable): every complaint ticket. */
export const TICKETS_DOC = docSpec<ServiceState>({
  version: 1,
  schema: z.object({
    next: z.number().int().positive(),
    tickets: z.record(
      z.string(),
      z.looseObject({
        id: z.string().regex(/^T\d+$/),
        groupId: z.string(),
        text: z.string(),
        customerName: z.string(),
        responsible: z.array(z.string()),
        at: z.number(),
        deadline: z.number(),
        state: z.enum(['open', 'resolved']),
      }),
    ),
  }),
  defaults: () => ({ next: 1, tickets: {} }),
  durable: true,
})

/** A follow-up visit (回访) `R<n>`: remind the responsible salesperson to contact a customer on a working day. */
export interface FollowUp {
  id: string
  /** The customer group; none for a follow-up of a deal posted outside a customer group. */
  groupId?: string
  groupTopic?: string
  customerId?: string
  customerName: string
  note?: string
  /** The closed deal (case id) this follow-up comes from. */
  caseId?: string
  /** Who set it (the case author for a deal). */
  setBy: string
  /** Who is reminded (empty: the admins, after the person left with no successor). */
  responsible: string[]
  at: number
  due: number
  state: 'open' | 'done'
  doneAt?: number
  result?: string
  observed?: boolean
}

/** The `service-followups` document (durable). */
export const FOLLOWUPS_DOC = docSpec<{ next: number; items: Record<string, FollowUp> }>({
  version: 1,
  schema: z.object({
    next: z.number().int().positive(),
    items: z.record(
      z.string(),
      z.looseObject({
        id: z.string().regex(/^R\d+$/),
        groupId: z.string().optional(),
        customerName: z.string(),
        responsible: z.array(z.string()),
        due: z.number(),
        state: z.enum(['open', 'done']),
      }),
    ),
  }),
  defaults: () => ({ next: 1, items: {} }),
  durable: true,
})

/** Someone who left: their roster name, when the bot noticed, and who took over (contact id). */
export interface Leaver {
  name: string
  at: number
  successor?: string
}

/** The `service-staff` document: the roster's working contact ids last seen, and who left when. */
export const STAFF_DOC = docSpec<{ known: Record<string, string>; left: Record<string, Leaver> }>({
  version: 1,
  schema: z.object({
    known: z.record(z.string(), z.string()),
    left: z.record(z.string(), z.object({ name: z.string(), at: z.number(), successor: z.string().optional() })),
  }),
  defaults: () => ({ known: {}, left: {} }),
  durable: true,
})

/** The next id with `prefix` (`T`, `R`): never one already used, even if the counter was lost or records were pruned. */
export function nextId(s: { next: number }, used: string[], prefix: string): string {
  const n = Math.max(s.next, ...used.map(u => Number(u.slice(1)) + 1))
  s.next = n + 1
  return `${prefix}${n}`
}

/**
 * Payloads of the service timers: `remind:<id>`, `deadline:<id>`, `followup:<id>` carry the ticket or follow-up id;
 * `leftcheck:<contact id>` the leaver and the internal groups they were removed from.
 */
export const SERVICE_TIMER_PAYLOADS = {
  remind: z.object({ id: z.string() }),
  deadline: z.object({ id: z.string() }),
  followup: z.object({ id: z.string() }),
  leftcheck: z.object({ id: z.string(), groupIds: z.array(z.string()) }),
}
