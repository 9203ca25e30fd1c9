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
  /** Ids of the customer's later messages that joined this ticket (venting in several messages), oldest first. */
  joined?: string[]
  /** When the last of them joined. */
  joinedAt?: number
}

/** Another account's ticket (fleet): its id with that account (`T3@sales1`), and the account that holds it. */
export interface HeldTicket extends Ticket {
  heldBy: string
}

/** The persisted tickets. */
export interface ServiceState {
  next: number
  tickets: Record<string, Ticket>
}

/**
 * The `service-tickets` document (durable): every complaint ticket. Version 2: ids may name the account that
 * opened them (`T3@sales1`, a fleet's tickets moved on a takeover); version 1 data is the same.
 */
export const TICKETS_DOC = docSpec<ServiceState>({
  version: 2,
  migrations: { 1: old => old },
  schema: z.object({
    next: z.number().int().positive(),
    tickets: z.record(
      z.string(),
      z.looseObject({
        id: z.string().regex(/^T\d+(@.+)?$/),
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
  /** Staff asked for it with `#回访` (alone or merged with a deal): it outlives a withdrawn deal. */
  asked?: boolean
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

/** The `service-followups` document (durable). Version 2: ids may name an account (`R2@sales1`), as tickets'. */
export const FOLLOWUPS_DOC = docSpec<{ next: number; items: Record<string, FollowUp> }>({
  version: 2,
  migrations: { 1: old => old },
  schema: z.object({
    next: z.number().int().positive(),
    items: z.record(
      z.string(),
      z.looseObject({
        id: z.string().regex(/^R\d+(@.+)?$/),
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

/**
 * Someone who left: their roster name, when the bot noticed, who took over (contact id), the open work handed over
 * (item id to who was responsible before) and the internal groups the bot removed them from (ids), for their return.
 */
export interface Leaver {
  name: string
  at: number
  successor?: string
  handed?: Record<string, string[]>
  removedFrom?: string[]
}

/**
 * The `service-staff` document: the roster's working contact ids last seen, who left when, and who is held for an
 * admin's `#离职 确认` (many gone from the roster at once), each by contact id with their roster name.
 */
export const STAFF_DOC = docSpec<{
  known: Record<string, string>
  left: Record<string, Leaver>
  held?: Record<string, string>
}>({
  version: 1,
  schema: z.object({
    known: z.record(z.string(), z.string()),
    left: z.record(
      z.string(),
      z.object({
        name: z.string(),
        at: z.number(),
        successor: z.string().optional(),
        handed: z.record(z.string(), z.array(z.string())).optional(),
        removedFrom: z.array(z.string()).optional(),
      }),
    ),
    held: z.record(z.string(), z.string()).optional(),
  }),
  defaults: () => ({ known: {}, left: {} }),
  durable: true,
})

/**
 * The next id with `prefix` (`T`, `R`): never one already used, even if the counter was lost or records were pruned.
 * Records taken over from another account of the fleet (`T3@sales1`) keep their own numbers and are not counted.
 */
export function nextId(s: { next: number }, used: string[], prefix: string): string {
  const n = Math.max(s.next, ...used.filter(u => !u.includes('@')).map(u => Number(u.slice(1)) + 1))
  s.next = n + 1
  return `${prefix}${n}`
}

/** Order of records: by number, this account's own before one taken over with the same number. */
export function byNumber(a: { id: string }, b: { id: string }): number {
  return Number.parseInt(a.id.slice(1), 10) - Number.parseInt(b.id.slice(1), 10) || a.id.length - b.id.length
}

/**
 * An id as someone typed it in its stored form: `t3`, full-width `Ｔ３` and, given the `prefix`, a bare `3` are `T3`
 * (`T3@sales1` keeps its account). Undefined when nothing was typed.
 */
export function typedId(typed: string | undefined, prefix = ''): string | undefined {
  const s = (typed ?? '').normalize('NFKC').trim()
  if (!s) return undefined
  return /^\d/.test(s) ? prefix + s : s[0].toUpperCase() + s.slice(1)
}

/**
 * A record by the id someone typed (`t3`, `T3`, `Ｔ３`, `3` given the `prefix`, `T3@sales1`, see typedId): that id,
 * else the one record taken over from another account with that number (people type the number they saw, `T3`, for
 * `T3@sales1`). None when two such records have it (then the id with its account is needed).
 */
export function findById<R extends { id: string }>(
  records: R[],
  typed: string | undefined,
  prefix?: string,
): R | undefined {
  const id = typedId(typed, prefix)
  if (!id) return undefined
  const exact = records.find(r => r.id === id)
  if (exact || id.includes('@')) return exact
  const moved = records.filter(r => r.id.startsWith(`${id}@`))
  return moved.length === 1 ? moved[0] : undefined
}

/**
 * Fleet takeover: move the records of `groupId` from another account's (`account`) collection into this one's,
 * each id gaining the account (`T3` → `T3@sales1`, kept when it has one). Returns each record's old and new id.
 */
export function takeRecords<R extends { id: string; groupId?: string }>(
  theirs: Record<string, R>,
  mine: Record<string, R>,
  groupId: string,
  account: string,
): { was: string; id: string }[] {
  const moved = Object.values(theirs)
    .filter(r => r.groupId === groupId)
    .map(r => ({ was: r.id, id: r.id.includes('@') ? r.id : `${r.id}@${account}` }))
  for (const { was, id } of moved) {
    mine[id] = { ...theirs[was], id }
    delete theirs[was]
  }
  return moved
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
