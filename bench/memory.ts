/**
 * Workload 5, memory from compiled code: resident set size of
 * `node dist/bin/cli.js start` against a puppet service this process serves
 * over gRPC (100 groups × 500 members), started on the seeded state
 * (1,000,000 recorded messages; 50,000 with --quick), after 20,000 live
 * messages (5,000 with --quick). Beside it, bare Wechaty on the same
 * connection, the same world loaded (every room and its members' contacts,
 * as the bot loads them at login) and the same traffic: what Node, Wechaty
 * and the gRPC client cost without the bot. The traffic goes out in batches
 * of 250 messages, each once the child has caught up with the last (a live
 * stream's bursts, not a backlog of everything at once), so both children
 * hold the same in-flight work; RSS is read after every 1,000. Read from /proc (VmRSS, VmHWM). Needs `npm run build`.
 *
 *   npx tsx bench/memory.ts [--quick] [--snapshot dir] [--before dir] [--rounds n]   (seeded state: bench/seed-cache.ts)
 *
 * `--snapshot dir` also writes a heap snapshot of each child after the traffic (`--heapsnapshot-signal`).
 * `--before dir` measures another build (a copy of an earlier `dist/` beside it, e.g. `before-dist/`, so its
 * packages resolve) on the same state and traffic, taking turns with this build: before, this, before, this …
 * for `--rounds` rounds (default 1); bare Wechaty runs once, after them. `--env NAME=VALUE` (repeatable) sets
 * an environment variable for this build's bot only (e.g. `--before` the same build and `--env MALLOC_ARENA_MAX=2`:
 * what a setting changes, taking turns); `--skip-bare` leaves bare Wechaty out.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { cliOf, type StartSpec, type Started, sendAll, settled, startChild } from './compiled.js'
import { messageList } from './message-stream.js'
import type { BenchWorld } from './synthetic-world.js'

/** Target resident memory of the bot. */
export const MEMORY_TARGET_MB = 250
/** Live messages sent before waiting for the child to catch up (a few seconds of its work even on a loaded
 * machine: a client that has not read the gRPC stream for 60 s is reset by wechaty-puppet's watchdog). */
const BATCH = 250
/** RSS is read after every this many live messages. */
const STEP = 1_000

/** RSS of one child (MB): right after ready, after each batch, after the traffic, and its peak. */
export interface MemoryFigures {
  ready: number
  steps: number[]
  live: number
  peak: number
}

/** What `runMemoryBench` measured. */
export interface MemoryResult {
  messages: number
  full: MemoryFigures
  bare: MemoryFigures
  /** Every run of this build and of the `beforeDist` build, in the order they took turns (`full` is the last). */
  runs: MemoryFigures[]
  before: MemoryFigures[]
  /** RSS the bot adds over bare Wechaty after the same traffic (MB). */
  appMb: number
  /** Heap snapshots written (`snapshotDir`). */
  snapshots: string[]
  target: number
  pass: boolean
}

/** One bot child and one bare child, each with the same live traffic in the same batches. */
export async function runMemoryBench(opts: {
  quick?: boolean
  world: BenchWorld
  configFile: string
  dataDir: string
  /** Write a heap snapshot of each child after the traffic into this folder. */
  snapshotDir?: string
  /** Another build's dist folder, measured taking turns with this one. */
  beforeDist?: string
  /** Rounds of (before, this build); default 1. */
  rounds?: number
  /** More environment for this build's bot (not the before build's, not bare Wechaty's). */
  botEnv?: Record<string, string>
  /** Leave bare Wechaty out (its figures are then zero). */
  skipBare?: boolean
}): Promise<MemoryResult> {
  const messages = opts.quick ? 5_000 : 20_000
  const traffic = messageList(opts.world, messages, 23)
  const copy = mkdtempSync(join(tmpdir(), 'bench-memory-'))
  const snapshots: string[] = []
  const env = (name: string): Record<string, string> => {
    if (!opts.snapshotDir) return {}
    const dir = resolve(opts.snapshotDir, name)
    mkdirSync(dir, { recursive: true })
    return { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}` }
  }
  try {
    const measure = async (spec: StartSpec): Promise<MemoryFigures> => {
      const child = await startChild(spec, 600_000) // loading 100 × 500 over gRPC takes minutes on a loaded machine
      try {
        await settled(child)
        const ready = child.rss().now
        const steps: number[] = []
        for (let i = 0; i < traffic.length; i += BATCH) {
          await sendAll(child.served!.world, traffic.slice(i, i + BATCH)).catch(e => {
            const log = child.output().slice(-2000)
            throw new Error(
              `${spec.kind}: ${(e as Error).message} after ${i} live messages; the child's log ends:\n${log}`,
            )
          })
          await settled(child)
          if ((i + BATCH) % STEP === 0 || i + BATCH >= traffic.length) steps.push(child.rss().now)
        }
        const { now, peak } = child.rss()
        if (opts.snapshotDir && spec.env?.NODE_OPTIONS) snapshots.push(await snapshot(child, spec.env.NODE_OPTIONS))
        return { ready, steps, live: now, peak }
      } finally {
        await child.stop()
      }
    }
    const runs: MemoryFigures[] = []
    const before: MemoryFigures[] = []
    for (let round = 0; round < (opts.rounds ?? 1); round++) {
      // Each run starts from the seeded state as copied: a run's own writes do not carry into the next.
      const state = () => {
        rmSync(copy, { recursive: true, force: true })
        cpSync(opts.dataDir, copy, { recursive: true })
        return copy
      }
      const bot = { kind: 'bot', world: opts.world, configFile: opts.configFile } as const
      if (opts.beforeDist)
        before.push(
          await measure({
            ...bot,
            dataDir: state(),
            cli: cliOf(resolve(opts.beforeDist)),
            env: env('before'),
          }),
        )
      runs.push(await measure({ ...bot, dataDir: state(), env: { ...env('bot'), ...opts.botEnv } }))
    }
    const full = runs[runs.length - 1]
    const bare = opts.skipBare
      ? { ready: 0, steps: [], live: 0, peak: 0 }
      : await measure({ kind: 'bare', world: opts.world, loadRooms: true, env: env('bare') })
    return {
      messages,
      full,
      runs,
      before,
      bare,
      appMb: full.live - bare.live,
      snapshots,
      target: MEMORY_TARGET_MB,
      pass: full.live < MEMORY_TARGET_MB,
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

/** Signal the child to write a heap snapshot into its diagnostic dir; resolve with the file once it stops growing. */
async function snapshot(child: Started, nodeOptions: string): Promise<string> {
  const dir = /--diagnostic-dir=(\S+)/.exec(nodeOptions)![1]
  const before = new Set(readdirSync(dir))
  process.kill(child.pid, 'SIGUSR2')
  let last = -1
  for (let waited = 0; waited < 600_000; waited += 1000) {
    await new Promise(r => setTimeout(r, 1000))
    const file = readdirSync(dir).find(f => f.endsWith('.heapsnapshot') && !before.has(f))
    if (!file) continue
    const size = statSync(join(dir, file)).size
    if (size > 0 && size === last) return join(dir, file)
    last = size
  }
  throw new Error(`no heap snapshot in ${dir}`)
}

/** Print one result as lines. */
export function describeMemory(r: MemoryResult): string[] {
  const m = (x: number) => `${x.toFixed(0)} MB`
  const steps = (f: MemoryFigures) => f.steps.map(x => x.toFixed(0)).join(' ')
  return [
    `compiled bot over gRPC after ${r.messages.toLocaleString('en')} live messages (batches of ${BATCH}, each once caught up): RSS ${m(r.full.live)} (after ready ${m(r.full.ready)}, peak ${m(r.full.peak)}; every ${STEP.toLocaleString('en')} messages ${steps(r.full)})`,
    `bare Wechaty, same connection, rooms and members loaded, same traffic: RSS ${m(r.bare.live)} (after loading ${m(r.bare.ready)}, peak ${m(r.bare.peak)}; every ${STEP.toLocaleString('en')} messages ${steps(r.bare)}) → the bot adds ${m(r.appMb)}`,
    ...(r.before.length
      ? [
          `taking turns, before → this build, RSS at the end: ${r.before.map((b, i) => `${m(b.live)} → ${m(r.runs[i].live)}`).join(', ')} (peaks ${r.before.map((b, i) => `${m(b.peak)} → ${m(r.runs[i].peak)}`).join(', ')})`,
        ]
      : []),
    ...r.snapshots.map(f => `heap snapshot: ${f}`),
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      snapshot: { type: 'string' },
      before: { type: 'string' },
      rounds: { type: 'string', default: '1' },
      env: { type: 'string', multiple: true, default: [] },
      'skip-bare': { type: 'boolean', default: false },
    },
  })
  const { seededState } = await import('./seed-cache.js')
  const seed = await seededState({ quick: values.quick })
  const r = await runMemoryBench({
    quick: values.quick,
    ...seed,
    snapshotDir: values.snapshot,
    beforeDist: values.before,
    rounds: Number(values.rounds),
    botEnv: Object.fromEntries(
      values.env.map(e => {
        const at = e.indexOf('=')
        if (at < 1) throw new Error(`--env ${e}: expected NAME=VALUE`)
        return [e.slice(0, at), e.slice(at + 1)]
      }),
    ),
    skipBare: values['skip-bare'],
  })
  for (const line of describeMemory(r)) console.log(line)
  process.exit(0)
}
