import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { FileArchive } from '../../plugins/archive/store/file-backend.js'
import { PgArchive } from '../../plugins/archive/store/pg-backend.js'
import { PgStore, readLogRows } from '../ports/postgres/pg-store.js'
import { ARCHIVE_USAGE, runArchiveCli } from '../../plugins/archive/cli/export-command.js'
import { ANCHOR_LOG, type AnchorEntry, type CheckCodeEntry } from '../../plugins/archive/store/chain.js'
import { AnchorBook, readAnchorLog } from '../../plugins/archive/verify/anchor-book.js'
import { PLUGINS } from '../../plugins/index.js'
import { loadConfig } from '../config/load-config.js'
import { DATA_FOLDER, readEnv } from '../env.js'
import { type FileRole, fileProblem, UserFileError } from '../config/user-file.js'
import { FileStore } from '../ports/store/file-store.js'
import { dayKey } from '../time/zoned.js'
import { takeOptions, UsageError } from './args.js'

/**
 * `archive export --from --to [--group] [--format jsonl|csv|md|html] [--data DIR]`: the message
 * archive of the bot's state folder (`--data DIR`, which names it whatever the config says; else `plugins.archive.dir`
 * or `BOT_DATA_DIR`) on stdout; `archive verify` checks it. The export is
 * written to the archive's access log and to the bot's audit log, with the OS user who ran it. With
 * `BOT_DATABASE_URL` set it exports and verifies the fleet's archive in PostgreSQL instead.
 */
export async function archiveCommand(argv: string[]): Promise<number> {
  const env = readEnv()
  const taken = takeOptions(argv, ['data'], ARCHIVE_USAGE)
  if (taken instanceof UsageError) return taken.report(process.stderr)
  const { values, rest } = taken
  const dataDir = values.data ? resolve(values.data) : env.dataDir
  const config = existsSync(env.configFile) ? loadConfig(env.configFile, PLUGINS).config : undefined
  const timezone = config?.timezone ?? 'Asia/Shanghai'
  const who = `cli:${userInfo().username}`
  const now = Date.now()
  const url = process.env.BOT_DATABASE_URL?.trim()
  if (url) return exportFromDatabase(url, rest, { timezone, who, now })
  // An explicit --data names the folder to read, whatever the config's archive folder (an auditor checking a copy).
  const configured = values.data ? undefined : (config?.plugins.archive as { dir?: string } | undefined)?.dir
  const dir = configured || join(dataDir, 'archive') // the loader made a configured folder absolute
  const problem =
    (!configured && fileProblem(dataDir, DATA_FOLDER, 'folder')) || fileProblem(dir, ARCHIVE_FOLDER, 'folder')
  const sandbox = !configured && !existsSync(dir) && join(dataDir, 'sandbox')
  if (sandbox && existsSync(join(sandbox, 'archive')))
    return new UserFileError(
      `${dataDir} 里没有消息存档；沙盒（npm start）的存档在 ${join(sandbox, 'archive')}，请用 --data ${sandbox} ` +
        '(no message archive here; the sandbox keeps its archive in that folder)',
    ).report(process.stderr)
  if (problem) return new UserFileError(problem).report(process.stderr)
  return runArchiveCli(rest, {
    backend: new FileArchive(dir),
    dir,
    // The anchors are in the data folder's state logs (as `FileStore` keeps them), outside the archive folder.
    anchors: () => readAnchorLog(join(dataDir, 'logs', ANCHOR_LOG)),
    timezone,
    out: process.stdout,
    err: process.stderr,
    who,
    now,
    audit: async text => {
      const store = new FileStore(dataDir)
      store.append('audit', dayKey(now, timezone), { ...AUDIT_ENTRY, id: `CLI${now}`, at: now, reason: who, text })
      await store.flush()
    },
  })
}

/** The message archive's folder, for messages about it. */
const ARCHIVE_FOLDER: FileRole = {
  zh: '消息存档文件夹',
  en: 'message archive folder',
  hint:
    '存档插件启用并收到消息后才有（回放的存档在它的 --out 文件夹里，如 npm run demo:audit 的 data/state/demo-audit）；或设置 BOT_DATA_DIR / --data DIR' +
    ' it exists once the archive plugin has stored messages (a replay keeps its archive in its --out folder); or set BOT_DATA_DIR / --data DIR',
}

/** The audit record of a command-line export (its text and who ran it are added). */
const AUDIT_ENTRY = { plugin: 'archive', rule: 'archive.export', type: 'record', dryRun: false }

/**
 * Fleet mode (BOT_DATABASE_URL): the fleet's archive in PostgreSQL, the export audited under `BOT_ACCOUNT`
 * (without taking the account's lock: its bot may be running).
 */
async function exportFromDatabase(url: string, argv: string[], o: { timezone: string; who: string; now: number }) {
  const store = await PgStore.open({
    url,
    account: process.env.BOT_ACCOUNT?.trim() || undefined,
    schema: process.env.BOT_DATABASE_SCHEMA?.trim() || undefined,
    lock: false,
    // Run beside a live fleet (an auditor's laptop with a newer release): never migrate its database under it.
    migrate: false,
  })
  try {
    return await runArchiveCli(argv, {
      backend: new PgArchive(store.db, store.account),
      // Every account's anchors (the daily job runs on one account a day, whichever's turn it is).
      anchors: async () => {
        const rows = await readLogRows<AnchorEntry | CheckCodeEntry>(store.db, ANCHOR_LOG, '0000-00-00', '9999-99-99')
        return rows.length ? new AnchorBook(rows.map(r => r.record)) : undefined
      },
      timezone: o.timezone,
      out: process.stdout,
      err: process.stderr,
      who: o.who,
      now: o.now,
      audit: async text => {
        store.append('audit', dayKey(o.now, o.timezone), {
          ...AUDIT_ENTRY,
          id: `CLI${o.now}`,
          at: o.now,
          reason: o.who,
          text,
        })
        await store.flush()
      },
    })
  } finally {
    await store.close()
  }
}
