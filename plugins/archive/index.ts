import { dirname, join, resolve } from 'node:path'
import type { Action } from '../../bot/core/actions.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import { definePlugin } from '../../bot/core/plugin.js'
import { MemoryStore } from '../../bot/ports/memory-store.js'
import { compileCron } from '../../bot/time/cron.js'
import { Archiver, type MediaSource } from './archiver.js'
import type { ArchiveBackend } from './backend.js'
import { archiveCommands } from './commands.js'
import { type ArchiveConfig, archiveConfigSchema } from './config.js'
import { type ArchiveDeps, HOLDS_DOC } from './deps.js'
import { FileArchive } from './file-backend.js'
import { MemoryArchive } from './memory-backend.js'
import { purgeExpired } from './purge.js'
import { archiveViews } from './views.js'

/** Ways to build the archive plugin with other parts (a media port, another back end). */
export interface ArchiveOptions {
  /** Where attachment bytes come from (none yet: metadata only). */
  media?: MediaSource
  /** The back end; default: `FileArchive` in `dir` (or `<data>/archive`), `MemoryArchive` over a memory store. */
  backend?: (ctx: PluginContext<ArchiveConfig>) => ArchiveBackend
}

/** Build the archive plugin; `archivePlugin` is the default one. */
export function createArchivePlugin(opts: ArchiveOptions = {}) {
  return definePlugin({
    name: 'archive',
    description: '信息记录：每条群聊/私聊消息存档，可搜索、导出，按期清理 Message archive',
    configSchema: archiveConfigSchema,
    seesPeers: true,
    create: ctx => {
      const cfg = ctx.configFor()
      compileCron(cfg.purgeCron, ctx.timezone)
      const backend = opts.backend?.(ctx) ?? defaultBackend(ctx, cfg)
      const archiver = new Archiver(backend, ctx.timezone, opts.media)
      const holds = ctx.store.doc('archive-holds', HOLDS_DOC)
      const d: ArchiveDeps = { ctx, backend, archiver, holds }
      if (cfg.media.keepBytes && !opts.media)
        ctx.log.warn('media.keepBytes is on but no media source is wired: attachments keep metadata only')
      let warned = false
      return {
        onEvent: async ev => {
          if (ev.type !== 'message') return []
          const section = ctx.configFor(ev.group)
          if (!ev.group && !section.privateChats) return []
          await archiver.capture(ev, ev.sender.groupAlias || ev.sender.name, section)
          if (!archiver.failing || warned) {
            if (!archiver.failing) warned = false
            return []
          }
          warned = true
          return [diskWarning(archiver.failing)]
        },
        commands: archiveCommands(d),
        views: archiveViews(d),
        jobs: [{ name: 'purge', cron: cfg.purgeCron, run: now => purgeExpired(d, now) }],
        status: () =>
          `信息记录：本次启动已存档 ${archiver.written} 条${archiver.failing ? `，⚠️ 写入失败待重试 ${archiver.backlog} 条` : ''}${archiver.lost ? `，丢失 ${archiver.lost} 条` : ''}`,
      }
    },
  })
}

/** The message archive plugin as shipped (metadata only for attachments). */
export const archivePlugin = createArchivePlugin()

function defaultBackend(ctx: PluginContext<ArchiveConfig>, cfg: ArchiveConfig): ArchiveBackend {
  if (cfg.dir) return new FileArchive(resolve(cfg.dir))
  if (ctx.store instanceof MemoryStore) return new MemoryArchive()
  return new FileArchive(join(dirname(ctx.outputDir), 'archive'))
}

function diskWarning(error: string): Action {
  return {
    type: 'notifyAdmins',
    rule: 'archive.write-failed',
    text: `⚠️ 信息记录写入失败（${error}），可能磁盘已满。机器人继续管理群，未写入的记录在内存中等待重试，请尽快处理。`,
  }
}
