import { existsSync } from 'node:fs'
import { runStats } from '../../plugins/activity/stats-command.js'
import { runCasesExport } from '../../plugins/cases/export-command.js'
import { PLUGINS } from '../../plugins/index.js'
import { loadConfig } from '../config/load-config.js'
import { readEnv } from '../env.js'
import { FileStore } from '../ports/file-store.js'
import type { Store } from '../ports/store.js'

type StoreCommand = (argv: string[], store: Store, timezone: string, out: NodeJS.WritableStream) => Promise<number>

/** Run an export over the bot's state (`BOT_DATA_DIR`, or `--data DIR`) in the config's timezone. */
function overState(run: StoreCommand): (argv: string[]) => Promise<number> {
  return async argv => {
    const env = readEnv()
    const i = argv.indexOf('--data')
    const dir = i >= 0 ? argv[i + 1] : env.dataDir
    if (!dir || !existsSync(dir)) {
      process.stderr.write(`no bot state at ${dir} (set BOT_DATA_DIR or --data DIR)\n`)
      return 1
    }
    const rest = i >= 0 ? [...argv.slice(0, i), ...argv.slice(i + 2)] : argv
    const timezone = existsSync(env.configFile) ? loadConfig(env.configFile, PLUGINS).config.timezone : 'Asia/Shanghai'
    return run(rest, new FileStore(dir), timezone, process.stdout)
  }
}

/** `stats --from DATE --to DATE --format csv|json [--by member|group] [--data DIR]`: activity figures for a spreadsheet. */
export const statsCommand = overState(runStats)

/** `cases export --from DATE --to DATE --format md|json|csv [--data DIR]`: the case store for trainers, offline. */
export const casesCommand = overState(runCasesExport)
