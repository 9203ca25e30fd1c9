import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { runStats, STATS_USAGE } from '../../plugins/activity/cli/stats-command.js'
import { CASES_USAGE, runCasesExport } from '../../plugins/cases/cli/export-command.js'
import { PLUGINS } from '../../plugins/index.js'
import { loadConfig } from '../config/load-config.js'
import { DATA_FOLDER, readEnv } from '../env.js'
import { type FileRole, fileProblem, outputFileProblem, UserFileError } from '../config/user-file.js'
import { FleetReader } from '../ports/postgres/fleet-reader.js'
import { FileStore } from '../ports/store/file-store.js'
import type { Store } from '../ports/store/store.js'
import { takeOptions, UsageError } from './args.js'

/** What an export reads: one bot's state (the file store), or in fleet mode every account's rows, read-only. */
export type StateSource = Store | FleetReader

type StoreCommand = (
  argv: string[],
  source: StateSource,
  timezone: string,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
) => Promise<number>

/** Where an export goes and what it may complain to. */
export interface ExportIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
}

/**
 * True when `npm run` (not `--silent`) has already printed its `> pkg script` banner into a redirected stdout.
 * `npx` prints none (it sets `npm_lifecycle_event=npx`).
 */
export function npmBannerInStdout(io: ExportIo): boolean {
  const event = io.env.npm_lifecycle_event
  return !io.stdout.isTTY && event !== undefined && event !== 'npx' && io.env.npm_config_loglevel !== 'silent'
}

/**
 * Run an export over the bot's state in the config's timezone: `--data DIR` (or `BOT_DATA_DIR`), the embedded
 * file store; without `--data` and with `BOT_DATABASE_URL` set (fleet mode), every account's rows in PostgreSQL
 * (schema `BOT_DATABASE_SCHEMA`), read-only: no account's lock is taken, nothing is written.
 * `--out FILE` writes the file itself (only on success, mode 0600), so nothing else can land before
 * the CSV's BOM; without it the data goes to stdout and every message to stderr.
 */
export function overState(
  run: StoreCommand,
  io: ExportIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
  usage = 'usage: … [--data DIR] [--out FILE]',
): (argv: string[]) => Promise<number> {
  return async argv => {
    const env = readEnv()
    const taken = takeOptions(argv, ['data', 'out'], usage)
    if (taken instanceof UsageError) return taken.report(io.stderr)
    const { values, rest } = taken
    const url = values.data === undefined ? io.env.BOT_DATABASE_URL?.trim() : undefined
    const dir = values.data ?? env.dataDir
    const problem =
      (!url && fileProblem(dir, DATA_FOLDER, 'folder')) ||
      (values.out !== undefined && outputFileProblem(values.out, EXPORT_FILE))
    if (problem) return new UserFileError(problem).report(io.stderr)
    const timezone = existsSync(env.configFile) ? loadConfig(env.configFile, PLUGINS).config.timezone : 'Asia/Shanghai'
    if (!url) {
      const sandbox = sandboxInstead(dir)
      if (sandbox) {
        io.stderr.write(
          `${dir} 里没有机器人状态；沙盒（npm start）的状态在 ${sandbox}，请用 --data ${sandbox}（no bot state here; the sandbox keeps its state in that folder）\n`,
        )
        return 1
      }
      // Opening a file store creates its folders: a folder with no bot data is refused before, left as it was.
      if (!existsSync(join(dir, 'state'))) {
        io.stderr.write(
          `${dir} 里没有机器人数据（没有 state 目录：机器人没有在这里保存过状态）（no bot data in this folder）\n`,
        )
        return 1
      }
      io.stderr.write(`状态目录 state folder: ${dir}\n`)
      return exportTo(values.out, io, out => run(rest, new FileStore(dir), timezone, out, io.stderr))
    }
    const fleet = FleetReader.open(url, io.env.BOT_DATABASE_SCHEMA?.trim() || undefined)
    try {
      return await exportTo(values.out, io, out => run(rest, fleet, timezone, out, io.stderr))
    } catch (e) {
      if ((e as { code?: string }).code !== '42P01') throw e
      io.stderr.write(
        '这个数据库里还没有机器人数据（还没有机器人在它上面启动过） no fleet in this database yet (no bot has started on it)\n',
      )
      return 1
    } finally {
      await fleet.close()
    }
  }
}

/**
 * The sandbox's data folder when `dir` holds no bot state but its `sandbox` folder does (`npm start` keeps its
 * state in `<BOT_DATA_DIR>/sandbox`, apart from the real account's).
 */
function sandboxInstead(dir: string): string | undefined {
  const sandbox = join(dir, 'sandbox')
  return !existsSync(join(dir, 'state')) && existsSync(join(sandbox, 'state')) ? sandbox : undefined
}

/** The file `--out FILE` names, for messages about it. */
const EXPORT_FILE: FileRole = { zh: '导出文件', en: 'output file' }

/** Run `write` into stdout, or into `file` (written only on success, mode 0600). */
async function exportTo(
  file: string | undefined,
  io: ExportIo,
  write: (out: NodeJS.WritableStream) => Promise<number>,
): Promise<number> {
  if (!file) {
    if (npmBannerInStdout(io))
      io.stderr.write(
        '注意：npm 已把它的「> script」标题行写进了重定向的输出文件；请用 `npm run --silent cli -- …`、`npx group-guard …` 或 `--out FILE`（warning: npm printed its banner into the redirected output）\n',
      )
    return write(io.stdout)
  }
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  const code = await write(sink)
  if (code !== 0) return code
  const bytes = Buffer.concat(chunks)
  writeFileSync(file, bytes, { mode: 0o600 })
  chmodSync(file, 0o600) // the mode above applies only to a file created now: an older one kept its own
  io.stderr.write(`已写入 ${file}（${bytes.length} 字节） wrote ${bytes.length} bytes\n`)
  return 0
}

/** `stats --from DATE --to DATE --format csv|json [--by member|group] [--data DIR] [--out FILE]`: activity figures for a spreadsheet (fleet-wide with BOT_DATABASE_URL). */
export const statsCommand = overState(runStats, undefined, `${STATS_USAGE} [--data DIR] [--out FILE]`)

/** `cases export --from DATE --to DATE --format md|json|csv [--data DIR] [--out FILE]`: the case store for trainers, offline (fleet-wide with BOT_DATABASE_URL). */
export const casesCommand = overState(runCasesExport, undefined, `${CASES_USAGE} [--data DIR] [--out FILE]`)
