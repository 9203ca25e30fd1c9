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
  /** What was decided: warn (in the group), warnPrivately (a staff member, privately), report, strike, remove, ask (asked admins to handle). */
  steps: string[]
  /** Only recorded: its categories are in `dryRunCategories`, or the plugin observed the group. */
  dryRun: boolean
  /** Other groups a repeat was posted in, each handled once there (warned, reported) without a second strike. */
  alsoIn?: string[]
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

/** The persisted incident list (the `content-incidents` journal's state). */
export interface IncidentLog {
  next: number
  incidents: Incident[]
  /** Repeats merged into other accounts' incidents (fleet mode only; absent for one process). */
  repeats?: ForeignRepeat[]
}

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

/** A new incident numbered after the log's last (not in the log yet: `addIncident` puts it there). */
export function newIncident(log: IncidentLog, fields: Omit<Incident, 'id' | 'count' | 'lastAt'>): Incident {
  return { id: `V${log.next}`, count: 1, lastAt: fields.startedAt, ...fields }
}

/** Add an incident (numbers continue after it), dropping the oldest beyond the limit or older than 30 days. */
export function addIncident(log: IncidentLog, incident: Incident): Incident {
  log.incidents.push(incident)
  log.next = Math.max(log.next, (Number(incident.id.slice(1)) || 0) + 1)
  const cutoff = incident.startedAt - INCIDENT_KEEP_MS
  let drop = 0
  while (
    drop < log.incidents.length &&
    (log.incidents.length - drop > INCIDENT_LIMIT || log.incidents[drop].startedAt < cutoff)
  )
    drop++
  if (drop) log.incidents.splice(0, drop)
  return incident
}

/** Count a repeated offence into an open incident; `newGroup`: it was the first in that group (handled there). */
export function mergeRepeat(incident: Incident, at: number, newGroup?: string): void {
  incident.count++
  incident.lastAt = Math.max(incident.lastAt, at)
  if (newGroup && !reached(incident, newGroup)) incident.alsoIn = [...(incident.alsoIn ?? []), newGroup]
}

/** Whether the incident was already handled in this group (where it began, or a repeat there). */
export function reached(incident: Incident, groupId: string): boolean {
  return incident.groupId === groupId || (incident.alsoIn?.includes(groupId) ?? false)
}

/**
 * Whether the member already reached the strike limit in this group since `since` (an incident there, or spread
 * there, whose steps escalated: removal or asking): what the limit brings (asking the group's responsible staff)
 * then came once already. Only incidents as real as the one deciding (`dryRun`) count.
 */
export function limitReachedIn(
  log: IncidentLog,
  q: { memberId: string; groupId: string; since: number; dryRun: boolean },
): boolean {
  for (let i = log.incidents.length - 1; i >= 0; i--) {
    const inc = log.incidents[i]
    // Not `return`: the log is in append order, and an old review confirmed today appends an incident dated at
    // its message, before newer ones in time.
    if (inc.startedAt < q.since) continue
    if (inc.memberId !== q.memberId || inc.dryRun !== q.dryRun || !reached(inc, q.groupId)) continue
    if (inc.steps.includes('ask') || inc.steps.includes('remove')) return true
  }
  return false
}

/** The incident `id` (`V12`) in the log, if it is still kept (newest first: a repeat is of a recent one). */
export function findIncident(log: IncidentLog, id: string): Incident | undefined {
  for (let i = log.incidents.length - 1; i >= 0; i--) if (log.incidents[i].id === id) return log.incidents[i]
  return undefined
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
    if (inc.startedAt < q.since) continue // append order, not time order (see limitReachedIn)
    if ((!q.memberId || inc.memberId === q.memberId) && (!q.groupId || inc.groupId === q.groupId)) out.push(inc)
  }
  return out
}
