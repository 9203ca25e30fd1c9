import { z } from 'zod'
import { docSpec } from '../../bot/ports/store/store.js'

/** Legal holds placed by admins in chat (config holds are `legalHold: true` in a group's override). */
export interface HoldsDoc {
  holds: Record<string, { title: string; by: string; at: number }>
}

/** `archive-holds`: durable, since a lost hold would let the daily purge delete what must be kept. */
export const HOLDS_DOC = docSpec<HoldsDoc>({
  version: 1,
  schema: z.object({
    holds: z.record(z.string(), z.object({ title: z.string(), by: z.string(), at: z.number() })),
  }),
  defaults: () => ({ holds: {} }),
  durable: true,
})
