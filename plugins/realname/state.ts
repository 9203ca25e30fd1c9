import { z } from 'zod'
import { docSpec } from '../../bot/ports/store/store.js'
import type { NicknameProblem } from './nickname/check.js'

/** A member the plugin has seen in a group. */
export interface MemberRecord {
  /** When the plugin first saw them (join time for newcomers). */
  since: number
  /** Set for newcomers (join event or found by a sweep): the grace period counts from here. */
  joinedAt?: number
  /** Roster name confirmed by their last passing check. */
  name?: string
  /** How they were shown when first seen (for reports after they left). */
  label?: string
}

/** Known members of one group; `baselined` once a sweep has learnt the full list. */
export interface GroupMembers {
  baselined: boolean
  members: Record<string, MemberRecord>
}

/** An open non-compliance case of one member in one group. */
export interface Case {
  groupId: string
  memberId: string
  /** When the problem was first found: escalation delays count from here. */
  startedAt: number
  /** Index of the next escalation step (steps.length when all are done). */
  next: number
  problem: NicknameProblem
  /** Identity problem (not on the roster): reported to admins, no escalation. */
  identity: boolean
  /** Day (`YYYY-MM-DD`) the admins were last told, so a sweep does not repeat a same-day report. */
  reportedOn?: string
  /** Opened in observe mode: a rehearsal kept apart from the real case (see `caseKey`). */
  observed?: boolean
}

/** Newcomers waiting for one merged welcome. */
export interface PendingWelcome {
  ids: string[]
  names: string[]
  mustNames: string[]
}

/** A `#实名豁免` record: who exempted the member and when; `undone`: lifted through this account (fleet mode). */
export interface Exemption {
  by: string
  at: number
  undone?: true
}

/** Small, bounded state (one entry per open case, exemption or group). */
export interface RealnameState {
  cases: Record<string, Case>
  exempt: Record<string, Exemption>
  /** Last private reminder per `groupId|memberId`, for the speak throttle. */
  reminded: Record<string, number>
  welcome: Record<string, PendingWelcome>
}

/** Default contents of the `realname-state` doc. */
export const emptyState = (): RealnameState => ({ cases: {}, exempt: {}, reminded: {}, welcome: {} })

const anyRecord = z.record(z.string(), z.looseObject({}))
/** The `realname-state` document: open cases, exemptions, reminders, pending welcomes. */
export const STATE_DOC = docSpec<RealnameState>({
  version: 1,
  schema: z.object({
    cases: anyRecord,
    exempt: anyRecord,
    reminded: z.record(z.string(), z.number()),
    welcome: anyRecord,
  }),
  defaults: emptyState,
})
/** Prefix of the per-group member documents `realname-members-<group id>` (volatile: rebuilt from the room lists). */
export const MEMBERS_PREFIX = 'realname-members-'
/** One group's known members: a message dirties only its group's small document. */
export const GROUP_MEMBERS_DOC = docSpec<GroupMembers>({
  version: 1,
  schema: z.object({ baselined: z.boolean(), members: anyRecord }),
  defaults: () => ({ baselined: false, members: {} }),
  volatile: true,
})
/**
 * The whole `realname-members` document of releases before the per-group split (version 1, every group
 * in one document, rewritten whole). Version 2 is what remains after its groups moved to their own
 * documents at start (empty), so an older release refuses it instead of running on it.
 */
export const WHOLE_MEMBERS_DOC = docSpec<{ groups: Record<string, GroupMembers> }>({
  version: 2,
  schema: z.object({ groups: anyRecord }),
  defaults: () => ({ groups: {} }),
  migrations: { 1: old => old },
  volatile: true,
})
const ids = { groupId: z.string(), memberId: z.string() }
/** Payloads of the realname timers, by kind. */
export const REALNAME_TIMER_PAYLOADS = {
  welcome: z.object({ groupId: z.string() }),
  grace: z.object({ ...ids, inviter: z.string().optional() }),
  step: z.object({ ...ids, index: z.number().int(), observed: z.boolean().optional() }),
}

/** Key of a member in a group. */
export const memberKey = (groupId: string, memberId: string): string => `${groupId}|${memberId}`

/**
 * Key of a member's case (and speak-reminder throttle) in a group. Cases opened in observe mode live
 * under their own key, so they record every step without advancing the real case: switching to live
 * starts the real case at its first step.
 */
export const caseKey = (groupId: string, memberId: string, observed: boolean): string =>
  observed ? `observed|${groupId}|${memberId}` : `${groupId}|${memberId}`

/** Membership change found by a sweep: who is new, who is gone, or a first look (baseline). */
export interface Reconciliation {
  baseline: boolean
  newcomers: string[]
  leavers: string[]
}

/** Compare the known members of a group with who is there now. Pure. */
export function reconcile(known: GroupMembers | undefined, present: string[]): Reconciliation {
  const here = new Set(present)
  const recorded = known?.members ?? {}
  if (!known?.baselined)
    return { baseline: true, newcomers: [], leavers: Object.keys(recorded).filter(id => !here.has(id)) }
  return {
    baseline: false,
    newcomers: present.filter(id => !recorded[id]),
    leavers: Object.keys(recorded).filter(id => !here.has(id)),
  }
}
