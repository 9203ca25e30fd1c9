import { z } from 'zod'
import { journalSpec } from '../../../bot/ports/store/store.js'
import { noteForeignRepeat } from './fleet-incidents.js'
import { addIncident, findIncident, type Incident, type IncidentLog, mergeRepeat } from './incident.js'

/**
 * One change to the incident log: a new incident (with the steps decided for it), a repeat merged into one
 * of this account's incidents, or a repeat merged into another account's (fleet mode).
 */
export type IncidentRecord =
  | { op: 'open'; incident: Incident }
  /** `group`: the repeat was the incident's first message in that group, and was handled there. */
  | { op: 'repeat'; id: string; at: number; group?: string }
  | { op: 'foreign'; account: string; id: string; messageId: string; at: number }

const incidentSchema = z.looseObject({
  id: z.string(),
  memberId: z.string(),
  groupId: z.string(),
  categories: z.array(z.string()),
  labels: z.array(z.string()),
  startedAt: z.number(),
  lastAt: z.number(),
  count: z.number(),
})

/**
 * The `content-incidents` journal (durable: the incidents `#违规` lists): a snapshot of the log, then one
 * record per incident opened or repeat merged. Version 1 was the document `content-incidents.json`, up to
 * 1,000 incidents rewritten whole before every send; at start it becomes the journal's snapshot.
 */
export const INCIDENTS_JOURNAL = journalSpec<IncidentLog, IncidentRecord>({
  version: 2,
  schema: z.object({
    next: z.number().int().positive(),
    incidents: z.array(incidentSchema),
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
  migrations: { 1: (v1: IncidentLog) => v1 }, // the same log, now followed by records
  defaults: () => ({ next: 1, incidents: [] }),
  record: z.discriminatedUnion('op', [
    z.object({ op: z.literal('open'), incident: incidentSchema }),
    z.object({ op: z.literal('repeat'), id: z.string(), at: z.number(), group: z.string().optional() }),
    z.object({ op: z.literal('foreign'), account: z.string(), id: z.string(), messageId: z.string(), at: z.number() }),
  ]),
  apply: applyIncidentRecord,
  // Nothing outside the bot relies on an incident before the warning or report about it is sent.
  atFlush: true,
})

/** Fold one record into the log (a repeat of an incident dropped since is not counted anywhere). */
function applyIncidentRecord(log: IncidentLog, r: IncidentRecord): void {
  switch (r.op) {
    case 'open':
      addIncident(log, r.incident)
      return
    case 'repeat': {
      const incident = findIncident(log, r.id)
      if (incident) mergeRepeat(incident, r.at, r.group)
      return
    }
    case 'foreign':
      noteForeignRepeat(log, r.account, { id: r.id, messageId: r.messageId }, r.at)
  }
}
