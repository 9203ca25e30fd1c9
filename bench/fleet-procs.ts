/**
 * Processes and counters of the fleet benchmarks: the compiled bot (`node dist/bin/cli.js start`) against
 * a world this process serves over gRPC, with the environment of one fleet account or of the embedded
 * store; the CPU time of a process or of a database connection's server process (from /proc); and the
 * number of messages the bots' activity counters hold once committed to the store.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type pg from 'pg'
import { readKeptAsChanges } from '../bot/ports/store/file-store.js'
import { CURRENT_DOC, CURRENT_SPEC } from '../plugins/activity/state.js'
import { type ServedWorld, serveWorld } from './compiled.js'
import type { BenchWorld } from './synthetic-world.js'

const ROOT = resolve(import.meta.dirname, '..')
/**
 * The bot the fleet benches start: this checkout's build, or `BENCH_FLEET_CLI` (another build's `bin/cli.js`, e.g.
 * `.ab/dist-<commit>/bin/cli.js` for an A/B of two builds in turns on the same machine).
 */
const CLI = process.env.BENCH_FLEET_CLI ? resolve(process.env.BENCH_FLEET_CLI) : join(ROOT, 'dist', 'bin', 'cli.js')

/** A running compiled bot and the world served to it. */
export interface BotChild {
  served: ServedWorld
  pid: number
  /** CPU time the bot process used so far (ms). */
  cpuMs(): number
  /** Everything it printed lately (for errors). */
  output(): string
  /** How it ended (`exit 75`, `signal SIGKILL`) once it has, else undefined: a bot must not end during a pass. */
  ended(): string | undefined
  stop(): Promise<void>
}

/**
 * Serve `world` and start the compiled bot on it with `env` added; resolves once it logged "就绪 ready".
 * `BENCH_BOT_NODE_ARGS` (space-separated) goes to each bot's node, e.g. `--cpu-prof --cpu-prof-dir=DIR`;
 * `BENCH_FLEET_LOGS=DIR` keeps each bot's whole log in `DIR/<account>.log` (`embedded.log` for the embedded bot).
 */
export async function startBot(world: BenchWorld, env: Record<string, string>, timeoutMs = 180_000): Promise<BotChild> {
  if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build first`)
  const served = await serveWorld(world)
  const home = mkdtempSync(join(tmpdir(), 'bench-fleet-home-'))
  const vars: Record<string, string | undefined> = {
    ...process.env,
    HOME: home,
    LOG_LEVEL: 'info',
    BOT_DATA_DIR: join(home, 'data'),
    ...served.env,
    ...env,
  }
  const nodeArgs = process.env.BENCH_BOT_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'start'], {
    cwd: ROOT,
    env: vars,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const keep = (d: Buffer) => {
    text = (text + d.toString()).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const logs = process.env.BENCH_FLEET_LOGS
  if (logs) {
    mkdirSync(logs, { recursive: true })
    const file = createWriteStream(join(logs, `${env.BOT_ACCOUNT ?? 'embedded'}.log`))
    child.stdout.pipe(file, { end: false })
    child.stderr.pipe(file, { end: false })
  }
  let ended: string | undefined
  let stopping = false
  const exited = new Promise<void>(r =>
    child.once('exit', (code, signal) => {
      ended = signal ? `signal ${signal}` : `exit ${code}`
      r()
    }),
  )
  const stop = async () => {
    stopping = true
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(killer)
    }
    await served.stop()
    rmSync(home, { recursive: true, force: true })
  }
  const until = performance.now() + timeoutMs
  while (!/就绪 ready/.test(text)) {
    if (child.exitCode !== null || performance.now() > until) {
      await stop()
      throw new Error(`bot (${env.BOT_ACCOUNT ?? 'embedded'}) not ready: ${text.slice(-1500)}`)
    }
    await new Promise(r => setTimeout(r, 100))
  }
  return {
    served,
    pid: child.pid!,
    cpuMs: () => procCpuMs(child.pid!),
    output: () => text,
    ended: () => (stopping ? undefined : ended),
    stop,
  }
}

/** CPU time (user + system, ms) process `pid` used so far; 0 once it is gone. */
export function procCpuMs(pid: number): number {
  try {
    // After the command name: utime and stime are the 12th and 13th fields (clock ticks, 100 per second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}

/**
 * CPU time of the PostgreSQL server processes serving the connections whose application name starts with
 * `group-guard:` + one of `accounts` (the bots' stores and fleets), keyed by server process id. The server
 * runs on this machine in the bench set-up; elsewhere /proc has no such process and the figure is 0.
 */
export async function serverCpu(db: pg.Client, accounts: readonly string[]): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = any($1::text[])',
    [accounts.map(a => `group-guard:${a}`)],
  )
  return new Map(rows.map(r => [r.pid, procCpuMs(r.pid)]))
}

/** Server CPU (ms) used between two `serverCpu` snapshots (a connection opened meanwhile counts whole). */
export function serverCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0)
  return ms
}

/** Messages counted in the open days of activity documents (`activity-current`), summed over members. */
export function countedIn(doc: unknown): number {
  let n = 0
  const days = (doc as { days?: Record<string, Record<string, { members: Record<string, { messages: number }> }>> })
    ?.days
  for (const groups of Object.values(days ?? {}))
    for (const g of Object.values(groups)) for (const m of Object.values(g.members)) n += m.messages
  return n
}

/**
 * What the embedded store has committed: the counters in `<data>/state/activity-current.jsonl` (the document kept
 * as changes: its snapshot line, then the records of each flush folded in; a line being written is left out).
 * Read again only when the file's size or modification time moved: the bench polls every 100 ms, the bot writes once
 * a second, and a full read took about 30 ms of this process's CPU at the end of a full run (this process also
 * serves the bots' puppets).
 */
export function countedOnDisk(dataDir: string): number {
  const file = join(dataDir, 'state', `${CURRENT_DOC}.jsonl`)
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false })
  if (!stat) return 0
  const last = lastDiskCount.get(file)
  if (last && last.size === stat.size && last.mtime === stat.mtimeNs) return last.count
  const count = countedIn(readKeptAsChanges(readFileSync(file), CURRENT_SPEC))
  lastDiskCount.set(file, { size: stat.size, mtime: stat.mtimeNs, count })
  return count
}
const lastDiskCount = new Map<string, { size: bigint; mtime: bigint; count: number }>()

/** What the fleet has committed to PostgreSQL: the counters of every account's activity document. */
export async function countedInDb(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string | null }>(
    `select sum((m.value->>'messages')::bigint) as n
       from bot_documents d,
            jsonb_each(d.data->'days') day,
            jsonb_each(day.value) g,
            jsonb_each(g.value->'members') m
      where d.name = 'activity-current'`,
  )
  return Number(rows[0]?.n ?? 0)
}
