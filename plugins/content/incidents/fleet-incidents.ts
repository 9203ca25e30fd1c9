import { type Incident, INCIDENT_KEEP_MS, type IncidentLog, openIncidentFor } from './incident.js'

/** An incident as the fleet sees it: its id (`V3@sales1` for another account's) and its fleet-wide count. */
export type FleetIncident = Incident & { account?: string }

/** What `openIncidentFor` asks, for every account's log at once. */
export interface OpenQuery {
  memberId: string
  categories: string[]
  dryRun: boolean
  now: number
  windowMs: number
}

/**
 * The member's open incident in another account's log that covers the categories (the latest started,
 * when two accounts have one): a repeat in this account's group within the window merges into it, so a
 * spammer posting in two accounts' groups makes one incident, warned and struck once.
 */
export function openForeignIncident(
  foreign: ReadonlyMap<string, IncidentLog>,
  q: OpenQuery,
): { account: string; incident: Incident } | undefined {
  let found: { account: string; incident: Incident } | undefined
  for (const [account, log] of foreign) {
    const incident = openIncidentFor(log, q.memberId, q.categories, q.dryRun, q.now, q.windowMs)
    if (incident && (!found || incident.startedAt > found.incident.startedAt)) found = { account, incident }
  }
  return found
}

/** Count a repeat merged into another account's incident in this account's log (old entries dropped). */
export function noteForeignRepeat(
  log: IncidentLog,
  account: string,
  incident: Pick<Incident, 'id' | 'messageId'>,
  at: number,
): void {
  const repeats = (log.repeats ??= [])
  const mine = repeats.find(r => sameIncident(r, account, incident))
  if (mine) {
    mine.count++
    mine.lastAt = Math.max(mine.lastAt, at)
  } else repeats.push({ account, id: incident.id, messageId: incident.messageId, count: 1, lastAt: at })
  log.repeats = repeats.filter(r => r.lastAt >= at - INCIDENT_KEEP_MS)
}

/**
 * An incident with the repeats every account merged into it added: `account` is its owner (undefined: this
 * account's own), `logs` every account's log this account knows (its own under `undefined`).
 */
export function withFleetRepeats(
  incident: Incident,
  account: string | undefined,
  logs: ReadonlyMap<string | undefined, IncidentLog>,
): FleetIncident {
  let count = incident.count
  let lastAt = incident.lastAt
  for (const [holder, log] of logs) {
    if (holder === account) continue
    for (const r of log.repeats ?? []) {
      // This account's own incident is recognised by its id and first message (it does not know its account name).
      if (account === undefined ? !sameOwn(r, incident) : !sameIncident(r, account, incident)) continue
      count += r.count
      lastAt = Math.max(lastAt, r.lastAt)
    }
  }
  if (account === undefined) return count === incident.count ? incident : { ...incident, count, lastAt }
  return { ...incident, id: `${incident.id}@${account}`, account, count, lastAt }
}

function sameIncident(
  r: { account: string; id: string; messageId: string },
  account: string,
  i: Pick<Incident, 'id' | 'messageId'>,
): boolean {
  return r.account === account && sameOwn(r, i)
}

function sameOwn(r: { id: string; messageId: string }, i: Pick<Incident, 'id' | 'messageId'>): boolean {
  return r.id === i.id && r.messageId === i.messageId
}
