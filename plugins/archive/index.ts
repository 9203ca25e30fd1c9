import { dirname, join } from 'node:path'
import type { Action } from '../../bot/core/actions.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import { definePlugin } from '../../bot/core/plugin.js'
import { recentMedia } from '../../bot/ports/media.js'
import { PG_STORE } from '../../bot/ports/postgres/brand.js'
import type { PgStore } from '../../bot/ports/postgres/pg-store.js'
import { MemoryStore } from '../../bot/ports/store/memory-store.js'
import type { Store } from '../../bot/ports/store/store.js'
import { compileCron } from '../../bot/time/cron.js'
import { Archiver } from './capture/archiver.js'
import type { MediaSource } from './capture/media.js'
import { outgoingCapture } from './capture/outgoing.js'
import { archiveCommands } from './commands.js'
import { type ArchiveConfig, archiveConfigSchema } from './config.js'
import { archives, decideWriteAlarm, RETRY_TIMER, type WriteAlarm } from './decide.js'
import { anchorHeads } from './retention/anchors.js'
import { dailyCheckCode } from './retention/daily-code.js'
import { purgeExpired } from './retention/purge.js'
import { HOLDS_DOC } from './state.js'
import type { ArchiveBackend } from './store/backend.js'
import { FileArchive } from './store/file-backend.js'
import { MemoryArchive } from './store/memory-backend.js'
import { closeFolder } from './store/modes.js'
import { BOT_NAME, statusLine } from './texts.js'
import type { ArchiveDeps } from './access/deps.js'
import { archiveViews } from './views.js'

/** Ways to build the archive plugin with other parts (another media source, another back end). */
export interface ArchiveOptions {
  /** Where attachment bytes come from (default: the chat adapter's recent media). */
  media?: MediaSource
  /**
   * The back end; default: `PgArchive` over a PostgreSQL store (fleet-wide), `FileArchive` in `dir` (or
   * `<data>/archive`), `MemoryArchive` over a memory store.
   */
  backend?: (ctx: PluginContext<ArchiveConfig>) => ArchiveBackend
}

/** No actions (shared: the host never changes a plugin's answer). */
const NONE: Action[] = []

/** One back end and archiver per archive folder, kept across config reloads (one writer per index). */
const open = new Map<string, { backend: ArchiveBackend; archiver: Archiver }>()
/** The same per PostgreSQL store (its archive tables are the fleet's). */
const onPg = new WeakMap<PgStore, { backend: ArchiveBackend; archiver: Archiver }>()

/** Build the archive plugin; `archivePlugin` is the default one. */
export function createArchivePlugin(opts: ArchiveOptions = {}) {
  return definePlugin({
    name: 'archive',
    description: '信息记录：每条群聊/私聊消息（含机器人自己发出的）存档，可搜索、导出，按期清理 Message archive',
    configSchema: archiveConfigSchema,
    seesPeers: true,
    create: async ctx => {
      const cfg = ctx.configFor()
      compileCron(cfg.purgeCron, ctx.timezone)
      const { backend, archiver } = await archiveFor(ctx, cfg, opts)
      const holds = ctx.store.doc('archive-holds', HOLDS_DOC)
      const d: ArchiveDeps = { ctx, backend, archiver, holds }
      const alarm: WriteAlarm = { warned: false, retrying: false }
      /** Senders' names as last seen, to title a private chat the bot opens with someone off the roster. */
      const seenNames = new Map<string, string>()
      // Nothing to tell while writes work and admins were not warned (every message): no list made for that.
      const alarmNow = () =>
        archiver.failing || alarm.warned
          ? decideWriteAlarm(alarm, archiver.failing, archiver.lost, ctx.clock.now())
          : NONE
      return {
        onEvent: ev => {
          if (ev.type !== 'message') return []
          const section = ctx.configFor(ev.group)
          if (!archives(ev, section)) return []
          const name = ev.sender.groupAlias || ev.sender.name
          if (name && seenNames.get(ev.sender.id) !== name) seenNames.set(ev.sender.id, name)
          // Answered synchronously once the chat's state is loaded (no promise per message).
          const kept = archiver.capture(ev, name, section)
          return kept instanceof Promise ? kept.then(alarmNow) : alarmNow()
        },
        onFact: async fact => {
          if (fact.name !== 'message.sent') return []
          const m = fact.data.message
          const group = 'room' in m.chat ? ctx.directory.group(m.chat.room) : undefined
          const section = ctx.configFor(group)
          if ('room' in m.chat ? !group || (section as { enabled?: boolean }).enabled === false : !section.privateChats)
            return []
          await archiver.keep(
            outgoingCapture(
              fact.data,
              { id: ctx.directory.selfId(), name: BOT_NAME },
              group,
              id => ctx.roster.byContact(id)?.name ?? seenNames.get(id),
            ),
            section,
          )
          return []
        },
        commands: archiveCommands(d),
        onTimer: async key => {
          if (key !== RETRY_TIMER) return []
          alarm.retrying = false
          await archiver.retry()
          return alarmNow()
        },
        views: archiveViews(d),
        // Both daily: the anchors of the last days' segments with yesterday's check code, and the purge (which
        // records the heads it deletes).
        jobs: [
          {
            name: 'anchor',
            cron: cfg.purgeCron,
            run: async now => [...(await anchorHeads(d, now)), ...(await dailyCheckCode(d, now))],
          },
          { name: 'purge', cron: cfg.purgeCron, run: now => purgeExpired(d, now) },
        ],
        status: () => statusLine(archiver.written, archiver.backlog, !!archiver.failing, archiver.lost),
        // Lines are buffered for the rest of an event-loop turn: written before the process stops, then what the
        // next start would rebuild.
        stop: () => {
          const b: ArchiveBackend = backend
          b.flush?.()
          b.keep?.()
        },
      }
    },
  })
}

/** The message archive plugin as shipped. */
export const archivePlugin = createArchivePlugin()

/** Whether `store` is the PostgreSQL store (told by its mark: its module is not loaded here). */
function isPgStore(store: Store): store is PgStore {
  return (store as { [PG_STORE]?: boolean })[PG_STORE] === true
}

/** The back end and its archiver: one per PostgreSQL store or folder (`PgArchive` loads only in fleet mode). */
async function archiveFor(ctx: PluginContext<ArchiveConfig>, cfg: ArchiveConfig, opts: ArchiveOptions) {
  const media = opts.media ?? recentMedia
  if (opts.backend) {
    const backend = opts.backend(ctx)
    return { backend, archiver: new Archiver(backend, ctx.timezone, media) }
  }
  if (isPgStore(ctx.store)) {
    const { PgArchive } = await import('./store/pg-backend.js')
    let shared = onPg.get(ctx.store)
    if (!shared) {
      const backend = new PgArchive(ctx.store.db, ctx.store.account)
      shared = { backend, archiver: new Archiver(backend, ctx.timezone, media) }
      onPg.set(ctx.store, shared)
    }
    return shared
  }
  // A simulated WeChat never writes into the configured (real) archive: its fake chats stay in the run's folder.
  const configured = ctx.sandboxed ? '' : cfg.dir
  if (!configured && ctx.store instanceof MemoryStore) {
    const backend = new MemoryArchive()
    return { backend, archiver: new Archiver(backend, ctx.timezone, media) }
  }
  const dir = configured || join(dirname(ctx.outputDir), 'archive')
  if (ctx.sandboxed && cfg.dir)
    ctx.log.info(`沙盒：信息记录存于 ${dir}，不写配置的 ${cfg.dir} sandbox: archive in ${dir}`)
  let shared = open.get(dir)
  if (!shared) {
    const backend = new FileArchive(dir)
    closeFolder(dir, ctx.log)
    shared = { backend, archiver: new Archiver(backend, ctx.timezone, media) }
    open.set(dir, shared)
  }
  return shared
}
