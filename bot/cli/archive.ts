import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { FileArchive } from '../../plugins/archive/store/file-backend.js'
import { ARCHIVE_USAGE, runArchiveCli } from '../../plugins/archive/cli/export-command.js'
import { PLUGINS } from '../../plugins/index.js'
import { loadConfig } from '../config/load-config.js'
import { readEnv } from '../env.js'
import { FileStore } from '../ports/store/file-store.js'
import { dayKey } from '../time/zoned.js'
import { takeOptions, UsageError } from './args.js'

/**
 * `archive export --from --to [--group] [--format jsonl|csv|md|html] [--data DIR]`: the message
 * archive of the bot's state folder (`BOT_DATA_DIR`, or `--data DIR`) on stdout. The export is
 * written to the archive's access log and to the bot's audit log, with the OS user who ran it.
 */
export async function archiveCommand(argv: string[]): Promise<number> {
  const env = readEnv()
  const taken = takeOptions(argv, ['data'], ARCHIVE_USAGE)
  if (taken instanceof UsageError) return taken.report(process.stderr)
  const { values, rest } = taken
  const dataDir = values.data ? resolve(values.data) : env.dataDir
  const config = existsSync(env.configFile) ? loadConfig(env.configFile, PLUGINS).config : undefined
  const timezone = config?.timezone ?? 'Asia/Shanghai'
  const configured = (config?.plugins.archive as { dir?: string } | undefined)?.dir
  const dir = configured ? resolve(configured) : join(dataDir, 'archive')
  if (!existsSync(dir)) {
    process.stderr.write(`no message archive at ${dir} (set BOT_DATA_DIR or --data DIR)\n`)
    return 1
  }
  const who = `cli:${userInfo().username}`
  const now = Date.now()
  return runArchiveCli(rest, {
    backend: new FileArchive(dir),
    timezone,
    out: process.stdout,
    err: process.stderr,
    who,
    now,
    audit: async text => {
      const store = new FileStore(dataDir)
      const entry = {
        id: `CLI${now}`,
        at: now,
        plugin: 'archive',
        rule: 'archive.export',
        type: 'record',
        dryRun: false,
      }
      store.append('audit', dayKey(now, timezone), { ...entry, reason: who, text })
      await store.flush()
    },
  })
}
