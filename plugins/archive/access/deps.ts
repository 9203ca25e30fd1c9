import type { PluginContext } from '../../../bot/core/plugin.js'
import type { Doc } from '../../../bot/ports/store/store.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { Archiver } from '../capture/archiver.js'
import type { ArchiveConfig } from '../config.js'
import type { HoldsDoc } from '../state.js'
import type { AccessEntry, ArchiveBackend } from '../store/backend.js'
import { type CommandTalk, commandTalk } from '../search/query.js'

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

/** What default views leave out now ({@link CommandTalk}): the bot's commands as loaded, over the archive's chat list. */
export async function commandTalkOf(d: ArchiveDeps): Promise<CommandTalk> {
  return commandTalk(await d.backend.chats(), d.ctx.isCommand)
}
