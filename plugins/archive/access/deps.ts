import { z } from 'zod'
import type { PluginContext } from '../../../bot/core/plugin.js'
import { type Doc, docSpec } from '../../../bot/ports/store.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { Archiver } from '../capture/archiver.js'
import type { AccessEntry, ArchiveBackend } from '../store/backend.js'
import type { ArchiveConfig } from '../config.js'

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

/** What the archive plugin's parts share. */
export interface ArchiveDeps {
  ctx: PluginContext<ArchiveConfig>
  backend: ArchiveBackend
  archiver: Archiver
  holds: Doc<HoldsDoc>
}

/** Write to the archive's access log (dated in the configured timezone); a failure is logged, never thrown. */
export async function logAccess(d: ArchiveDeps, entry: Omit<AccessEntry, 'at'>): Promise<void> {
  const at = d.ctx.clock.now()
  await d.backend.logAccess({ at, ...entry }, dayKey(at, d.ctx.timezone)).catch(e => d.ctx.log.error('access log', e))
}
