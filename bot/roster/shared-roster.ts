import { z } from 'zod'
import { docSpec } from '../ports/store/store.js'
import type { RosterEntry } from './roster.js'

/** The roster an account reloaded (`#花名册 重载`), for the other accounts of the fleet to take over. */
export interface SharedRoster {
  /** When it was reloaded (ms): a newer reload wins. */
  at: number
  /** The roster file it was read from. */
  source?: string
  entries: RosterEntry[]
}

/** The shape of a shared roster (also what a follower checks another account's copy against). */
export const SHARED_ROSTER_SCHEMA = z.object({
  at: z.number(),
  source: z.string().optional(),
  entries: z.array(z.looseObject({ name: z.string(), line: z.number() })),
})

/**
 * The `roster` document: written only in fleet mode, by the account that reloaded the roster; the others
 * follow it (bot/fleet), so a reload through one account applies to every account.
 */
export const SHARED_ROSTER_DOC = docSpec<SharedRoster>({
  version: 1,
  schema: SHARED_ROSTER_SCHEMA,
  defaults: () => ({ at: 0, entries: [] }),
})
