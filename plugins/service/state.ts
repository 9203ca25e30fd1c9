import { z } from 'zod'
import { docSpec } from '../../bot/ports/store.js'

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
  /** Contact ids of the responsible salespeople (empty: none configured). */
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

/** The persisted state of the plugin. */
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

/** The next ticket id: never one already used, even if the counter was lost or records were pruned. */
export function nextTicketId(s: ServiceState): string {
  const used = Object.keys(s.tickets).map(id => Number(id.slice(1)))
  const n = Math.max(s.next, ...used.map(u => u + 1))
  s.next = n + 1
  return `T${n}`
}

/** Payloads of the service timers (`remind:<id>`, `deadline:<id>`, `followup:<id>`): the ticket or follow-up id. */
export const SERVICE_TIMER_PAYLOADS = {
  remind: z.object({ id: z.string() }),
  deadline: z.object({ id: z.string() }),
  followup: z.object({ id: z.string() }),
}
