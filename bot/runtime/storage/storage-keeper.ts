import { dirname, join } from 'node:path'
import type { LoadedConfig } from '../../config/load-config.js'
import type { PluginInstance } from '../../core/plugin.js'
import { receivedMediaDir } from '../../ports/media.js'
import type { Store } from '../../ports/store/store.js'
import type { Logger } from '../../process/logger.js'
import type { AuditLog } from '../records/audit.js'
import { measureStorage, type RetentionOutcome, runRetention } from './retention-run.js'
import type { RetentionSettings } from './retention.js'
import { type StorageUsage, usageLine } from './storage-usage.js'

/** What the keeper reads each time (the config and plugins follow `#重载配置`). */
export interface StorageKeeperDeps {
  store: Store
  /** `<data>/output`: the received images are under it, the logs beside it. */
  outputDir: string
  log: Logger
  audit: AuditLog
  config: () => LoadedConfig['config']
  plugins: () => { instance: PluginInstance }[]
  /** The attachments of the messages still queued (`Outbox.files`): a published post's image waiting to be sent. */
  queuedFiles: () => string[]
}

/**
 * The data folder's growing parts: counts their sizes (`usage`, shown by `group-guard health`) and runs the daily
 * retention of `storage.retention` (the runtime queues it on the serial queue at its cron slot).
 */
export class StorageKeeper {
  /** The sizes as last counted; undefined until the first count. */
  usage?: StorageUsage

  constructor(private deps: StorageKeeperDeps) {}

  /** Whether any retention period is set (else the daily run only counts). */
  deletes(): boolean {
    const { received, logs, audit } = this.deps.config().storage.retention
    return received > 0 || logs > 0 || audit > 0
  }

  /** Count the sizes and log them in one line (at start-up, and daily when nothing is deleted). */
  async measure(now: number): Promise<StorageUsage> {
    this.usage = await measureStorage(now, { ...this.paths(), store: this.deps.store })
    this.deps.log.info(usageLine(this.usage))
    return this.usage
  }

  /** The daily run: delete what is past its period and not needed, then count. */
  async run(now: number): Promise<RetentionOutcome> {
    const { store, log, audit, config, plugins, queuedFiles } = this.deps
    const outcome = await runRetention(now, {
      ...this.paths(),
      store,
      tz: config().timezone,
      log,
      filesInUse: [...plugins().flatMap(p => p.instance.filesInUse?.() ?? []), ...queuedFiles()],
      audit: (rule, reason) => audit.append({ plugin: 'runtime', rule, type: 'record', dryRun: false, reason }),
    })
    this.usage = outcome.usage
    return outcome
  }

  private paths(): { receivedDir: string; logsDir: string; settings: RetentionSettings } {
    const { received, logs, audit } = this.deps.config().storage.retention
    return {
      receivedDir: receivedMediaDir(this.deps.outputDir),
      logsDir: join(dirname(this.deps.outputDir), 'logs'),
      settings: { received, logs, audit },
    }
  }
}
