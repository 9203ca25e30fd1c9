import { z } from 'zod'
import { cachedCollectionEncode } from '../../../bot/ports/store/cached-encode.js'
import { docSpec } from '../../../bot/ports/store/store.js'
import type { GroupKind } from '../../../bot/core/event.js'
import type { Severity } from '../matcher/index.js'

/** One incident: a member's offence, plus the repeats merged into it within the incident window. */
export interface Incident {
  /** `V1`, `V2`…: the incident number shown by `#违规` (not the audit id used by `#撤销`). */
  id: string
  memberId: string
  memberName: string
  groupId: string
  groupTopic: string
  groupKind: GroupKind
  categories: string[]
  labels: string[]
  severity: Severity
  startedAt: number
  lastAt: number
  /** Offending messages in this incident (1 + merged repeats). */
  count: number
  /** The first offending message: the strike and the warning carry it as evidence. */
  messageId: string
  /** What was decided: warn, report, strike, remove, ask (asked admins to handle). */
  steps: string[]
  /** Only recorded: its categories are in `dryRunCategories`, or the plugin observed the group. */
  dryRun: boolean
}

/**
 * Repeats this account merged into another account's open incident (fleet mode): the owner's document is
 * written only by the owner, so the repeats are kept here and added to its count wherever it is listed.
 */
export interface ForeignRepeat {
  /** The owner's account and its incident (`V3`, with the incident's first message id, which tells two `V3` apart). */
  account: string
  id: string
  messageId: string
  count: number
  lastAt: number
}

/** The persisted incident list (`content-incidents` store doc). */
export interface IncidentLog {
  next: number
  incidents: Incident[]
  /** Repeats merged into other accounts' incidents (fleet mode only; absent for one process). */
  repeats?: ForeignRepeat[]
}

/** The `content-incidents` document (durable: the incidents `#违规` lists). */
export const INCIDENTS_DOC = docSpec<IncidentLog>({
  version: 1,
  schema: z.object({
    next: z.number().int().positive(),
    incidents: z.array(
      z.looseObject({
        id: z.string(),
        memberId: z.string(),
        groupId: z.string(),
        categories: z.array(z.string()),
        labels: z.array(z.string()),
        startedAt: z.number(),
        lastAt: z.number(),
        count: z.number(),
      }),
    ),
    repeats: z
      .array(
        z.object({
          account: z.string(),
          id: z.string(),
          messageId: z.string(),
          count: z.number(),
          lastAt: z.number(),
        }),
      )
      .optional(),
  }),
  defaults: () => ({ next: 1, incidents: [] }),
  durable: true,
  // Written before every send: up to 1,000 incidents, of which a write changes one or two.
  encode: cachedCollectionEncode<IncidentLog>('incidents'),
})

/** Incidents kept at most, and for how long. */
export const INCIDENT_LIMIT = 1000
export const INCIDENT_KEEP_MS = 30 * 86_400_000

/** The member's open incident that already covers `categories` (started within `windowMs`), if any. */
export function openIncidentFor(
  log: IncidentLog,
  memberId: string,
  categories: string[],
  dryRun: boolean,
  now: number,
  windowMs: number,
): Incident | undefined {
  for (let i = log.incidents.length - 1; i >= 0; i--) {
    const inc = log.incidents[i]
    if (inc.startedAt <= now - windowMs) break
    if (inc.memberId === memberId && inc.dryRun === dryRun && covers(inc.categories, categories)) return inc
  }
  return undefined
}

/** Whether every one of `categories` is in `held` (a loop: `every` with a closure made one per incident looked at). */
function covers(held: string[], categories: string[]): boolean {
  for (const c of categories) if (!held.includes(c)) return false
  return true
}

/** Add a new incident (numbered), dropping the oldest beyond the limit or older than 30 days. */
export function addIncident(log: IncidentLog, fields: Omit<Incident, 'id' | 'count' | 'lastAt'>): Incident {
  const incident: Incident = { id: `V${log.next++}`, count: 1, lastAt: fields.startedAt, ...fields }
  log.incidents.push(incident)
  const cutoff = fields.startedAt - INCIDENT_KEEP_MS
  let drop = 0
  while (
    drop < log.incidents.length &&
    (log.incidents.length - drop > INCIDENT_LIMIT || log.incidents[drop].startedAt < cutoff)
  )
    drop++
  if (drop) log.incidents.splice(0, drop)
  return incident
}

/** Count a repeated offence into an open incident. */
export function mergeRepeat(incident: Incident, at: number): void {
  incident.count++
  incident.lastAt = Math.max(incident.lastAt, at)
}

/** Newest-first incidents since `since`, optionally of one member or one group. */
export function recentIncidents(
  log: IncidentLog,
  q: { since: number; memberId?: string; groupId?: string },
  limit: number,
): Incident[] {
  const out: Incident[] = []
  for (let i = log.incidents.length - 1; i >= 0 && out.length < limit; i--) {
    const inc = log.incidents[i]
    if (inc.startedAt < q.since) break
    if ((!q.memberId || inc.memberId === q.memberId) && (!q.groupId || inc.groupId === q.groupId)) out.push(inc)
  }
  return out
}
