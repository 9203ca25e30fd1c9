/**
 * Workload 1, pipeline overhead: one message stream through (a) a bare
 * Wechaty bot on the sandbox puppet that only listens to `message`, and (b)
 * the full bot (`createApp` with every plugin, the example config adapted to
 * the synthetic groups, a FileStore): CPU and wall time per message, judged
 * on CPU time (on a shared machine wall time also counts other people's
 * processes). Each variant runs in a child process of its own (bench/pipeline-child.ts: the same world,
 * streams and bench clock in each), so its CPU time is its own, its garbage collector's and compiler's
 * included. Each bot is built once, with every room and its members loaded (the full bot does so at login,
 * bare Wechaty by `Room.findAll()`), and warmed by a long first stream, in blocks whose CPU per message is
 * printed (the JIT's warm-up: it should have flattened); the timed passes follow, interleaved (the parent
 * asks each child for pass k in turn). The bench clock moves `tickMs` per 200 messages, so timers run and
 * the outbox sends, each send after its durable flush: every cost of the full bot is counted.
 * A third variant delivers the same messages into the sandbox with no bot
 * listening, to show what the simulated WeChat itself costs (included in a and b).
 * The same over a puppet-service gRPC connection: bench/pipeline-grpc.ts.
 *
 *   npx tsx bench/pipeline.ts [--quick] [--groups 50] [--warmup N] [--tick MS] [--aa bare|full] [--no-plugins] [--profile file.cpuprofile]
 *
 * `--aa KIND`: both timed slots run KIND (an A/A check of the harness: the ratio should read about 1.00).
 * `--no-plugins`: the full bot with every plugin switched off, what the framework alone adds to bare Wechaty.
 * The bot's compiled code (`npm run build` first), or its source with `BENCH_BOT=source`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { writeBenchConfig } from './bench-config.js'
import { type Child, forkChild } from './ipc-child.js'
import { loadAverageLine, median } from './measure.js'
import type { Setup, Stats, VariantKind } from './pipeline-child.js'
import type { Delivery } from './sandbox-drive.js'
import { syntheticWorld } from './synthetic-world.js'

/** Target: the full bot at most this many times the bare bot's CPU time per message, in-process. */
export const PIPELINE_TARGET = 3

const CHILD = resolve(import.meta.dirname, 'pipeline-child.ts')
/** Warm-up messages, printed in blocks of this many. */
const WARMUP_BLOCK = 5_000
/**
 * Messages of the warm-up stream (every variant the same). Past the JIT's warm-up: bare Wechaty's blocks are
 * flat from about 15,000, the full bot's fell from about 260 µs a message to a noisy band, lowest in the last
 * blocks (inproc5); TurboFan's compiles die down after about 45,000 (inproc4; docs/performance-history.md).
 */
const DEFAULT_WARMUP = 40_000
/**
 * Simulated time per delivered batch of 200 messages: timers run and the outbox sends as it would live.
 * 15 s (800 messages a minute over 10 groups): the bot's replies (about 5 sends a batch) stay within the
 * 40-a-minute send limit and the outbox short, as live; at 1.5 s they piled up (1,548 queued after 52,000
 * messages), a queue no live bot holds, billed to every message. At 1,000 groups the queue still grows
 * (fewer replies merge): docs/performance-history.md, inproc5.
 */
const TICK_MS = 15_000
/** Which code the children run (bench/bot-modules.ts: importing it here would load the bot into this process). */
const BOT_CODE = process.env.BENCH_BOT === 'source' ? 'source' : 'compiled'

/** Figures of one variant: medians over the runs. */
export interface VariantFigures {
  /** What ran in this slot (another kind than the slot's in an A/A check). */
  kind: VariantKind
  /** Messages per second of CPU time (the judged figure) and of wall time. */
  msgsPerCpuSec: number
  msgsPerSec: number
  cpuUsPerMsg: number
  wallUsPerMsg: number
  runs: Delivery[]
  /** CPU per message (µs) of each warm-up block. */
  warmupBlocks: number[]
}

/** What `runPipelineBench` measured. */
export interface PipelineResult {
  messages: number
  groups: number
  membersPerGroup: number
  warmup: number
  tickMs: number
  /** The full bot ran with every plugin switched off. */
  noPlugins: boolean
  bare: VariantFigures
  full: VariantFigures
  sandboxOnly: VariantFigures
  /** Full bot CPU time per message / bare bot CPU time per message: the judged figure. */
  ratio: number
  /** The same on wall time (includes other processes on a shared machine). */
  wallRatio: number
  /** The CPU ratio with the simulated WeChat's own cost taken out of both. */
  netRatio: number
  target: number
  pass: boolean
  /** Replies and notices still queued after the last pass. */
  outboxDepth: number
  /** Sends of the full bot over the timed passes, and the median durable flush before one (ms). */
  sends: number
  preSendMedianMs: number
  /** Errors the runtime recorded in the full runs (plugin failures). */
  runtimeErrors: string[]
  /** The machine's load when the passes started and ended. */
  load: string[]
}

/** Run the workload: 20,000 messages in `groups` groups of 100 (4,000 with `quick`), variants interleaved. */
export async function runPipelineBench({
  quick = false,
  groups = 50,
  profile,
  warmup = DEFAULT_WARMUP,
  tickMs = TICK_MS,
  aa,
  noPlugins = false,
}: {
  quick?: boolean
  groups?: number
  /** Messages of the warm-up stream, the same for every variant. */
  warmup?: number
  /** Simulated time per batch of 200 messages (ms). */
  tickMs?: number
  /** Run this kind in both timed slots (an A/A check). */
  aa?: 'bare' | 'full'
  /** Every plugin switched off in the full bot's config (the framework alone). */
  noPlugins?: boolean
  /** Write a CPU profile of the full bot's timed passes (only those) to this file. */
  profile?: string
} = {}): Promise<PipelineResult> {
  const n = quick ? 4_000 : 20_000
  const reps = 3 // the median of three interleaved passes (one pass alone moved the quick ratio by ±1 on a loaded machine)
  const world = syntheticWorld({ groups, membersPerGroup: 100 })
  const dir = mkdtempSync(join(tmpdir(), 'bench-pipeline-'))
  const children: Child[] = []
  try {
    const configFile = writeBenchConfig(world, join(dir, 'config'), { plugins: !noPlugins })
    const base = { groups, messages: n, warmup, block: WARMUP_BLOCK, tickMs, configFile }
    const slot = (kind: VariantKind, name: string) =>
      startChild({ ...base, kind, dataDir: join(dir, name), profile: name === 'full' ? profile : undefined }, children)
    const [sandbox, bare, full] = await Promise.all([
      slot('sandbox', 'sandbox'),
      slot(aa ?? 'bare', 'bare'),
      slot(aa ?? 'full', 'full'),
    ])
    // The warm-ups at once (not timed: only their blocks' trend is printed), to keep the line's wall time short.
    const warmupBlocks = await Promise.all(
      [sandbox, bare, full].map(async c => (await c.ask<{ blocks: number[] }>({ op: 'warm' })).blocks),
    )
    const load = [loadAverageLine()]
    const runs = { bare: [] as Delivery[], full: [] as Delivery[], sandboxOnly: [] as Delivery[] }
    for (let r = 0; r < reps; r++) {
      runs.sandboxOnly.push(await sandbox.ask<Delivery>({ op: 'pass' }))
      runs.bare.push(await bare.ask<Delivery>({ op: 'pass' }))
      runs.full.push(await full.ask<Delivery>({ op: 'pass' }))
    }
    load.push(loadAverageLine())
    const stats = await full.ask<Stats>({ op: 'stats' })
    const fig = (kind: VariantKind, t: Delivery[], warmupBlocks: number[]): VariantFigures => {
      const cpuUsPerMsg = median(t.map(x => (x.cpuMs * 1000) / (n - x.skipped)))
      const wallUsPerMsg = median(t.map(x => (x.wallMs * 1000) / (n - x.skipped)))
      const perSec = { msgsPerCpuSec: 1e6 / cpuUsPerMsg, msgsPerSec: 1e6 / wallUsPerMsg }
      return { kind, ...perSec, cpuUsPerMsg, wallUsPerMsg, runs: t, warmupBlocks }
    }
    const sandboxOnly = fig('sandbox', runs.sandboxOnly, warmupBlocks[0])
    const bareFigures = fig(aa ?? 'bare', runs.bare, warmupBlocks[1])
    const fullFigures = fig(aa ?? 'full', runs.full, warmupBlocks[2])
    const ratio = fullFigures.cpuUsPerMsg / bareFigures.cpuUsPerMsg
    return {
      messages: n,
      groups: world.groups.length,
      membersPerGroup: 100,
      warmup,
      tickMs,
      noPlugins,
      bare: bareFigures,
      full: fullFigures,
      sandboxOnly,
      ratio,
      wallRatio: fullFigures.wallUsPerMsg / bareFigures.wallUsPerMsg,
      netRatio:
        (fullFigures.cpuUsPerMsg - sandboxOnly.cpuUsPerMsg) / (bareFigures.cpuUsPerMsg - sandboxOnly.cpuUsPerMsg),
      target: PIPELINE_TARGET,
      pass: ratio <= PIPELINE_TARGET,
      ...stats,
      load,
    }
  } finally {
    for (const c of children) await c.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Fork bench/pipeline-child.ts with `setup` and wait until its bot is ready. */
async function startChild(setup: Setup, children: Child[]): Promise<Child> {
  const child = forkChild(CHILD, { name: `${CHILD} (${setup.kind})` })
  children.push(child)
  await child.ask<{ ready: true }>(setup)
  return child
}

/** Print one result as lines. */
export function describePipeline(r: PipelineResult): string[] {
  const f = (v: VariantFigures) =>
    `${Math.round(v.msgsPerCpuSec).toLocaleString('en').padStart(7)} msg/CPU-s (${v.cpuUsPerMsg.toFixed(0)} µs CPU/msg, runs ${v.runs.map(x => ((x.cpuMs * 1000) / (r.messages - x.skipped)).toFixed(0)).join(', ')}), wall ${Math.round(v.msgsPerSec).toLocaleString('en')} msg/s; runs ${v.runs.map(x => (x.wallMs / 1000).toFixed(2)).join(', ')} s`
  const name = { bare: 'bare Wechaty', full: 'full bot', sandbox: 'sandbox alone' }
  const warm = (v: VariantFigures) => `${name[v.kind]} ${v.warmupBlocks.map(x => x.toFixed(0)).join(', ')}`
  return [
    `${r.messages.toLocaleString('en')} messages in ${r.groups} groups of ${r.membersPerGroup}, each variant in a process of its own; the bot's ${BOT_CODE} code${r.noPlugins ? ', every plugin off' : ''}; ${r.load.join(', then ')}`,
    `warm-up ${r.warmup.toLocaleString('en')} messages, µs CPU/msg per ${WARMUP_BLOCK.toLocaleString('en')}: ${[r.bare, r.full, r.sandboxOnly].map(warm).join('; ')}`,
    `${name[r.bare.kind].padEnd(14)} ${f(r.bare)}`,
    `${name[r.full.kind].padEnd(14)} ${f(r.full)}`,
    `${name.sandbox.padEnd(14)} ${f(r.sandboxOnly)}`,
    ...(r.full.runs.some(x => x.skipped)
      ? [
          `the full bot removed members (content escalation); their later messages were skipped: ${r.full.runs.map(x => x.skipped).join(', ')}`,
        ]
      : []),
    `${r.full.kind}/${r.bare.kind} per message: CPU ${r.ratio.toFixed(2)}×, wall ${r.wallRatio.toFixed(2)}×, CPU without the sandbox's share ${r.netRatio.toFixed(2)}×; ${r.outboxDepth} replies left queued at the end`,
    `the full bot sent ${r.sends} messages over the passes (the clock ${r.tickMs / 1000} s a batch of 200), each after a durable flush (median ${r.preSendMedianMs.toFixed(1)} ms, included above)`,
    ...r.runtimeErrors.slice(0, 5).map(e => `runtime error: ${e}`),
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      groups: { type: 'string' },
      profile: { type: 'string' },
      warmup: { type: 'string' },
      tick: { type: 'string' },
      aa: { type: 'string' },
      'no-plugins': { type: 'boolean' },
    },
  })
  const number = (v: string | undefined) => (v ? Number(v) : undefined)
  if (values.aa && values.aa !== 'bare' && values.aa !== 'full') throw new Error('--aa takes bare or full')
  runPipelineBench({
    ...values,
    aa: values.aa as 'bare' | 'full' | undefined,
    noPlugins: values['no-plugins'],
    groups: number(values.groups),
    warmup: number(values.warmup),
    tickMs: number(values.tick),
  }).then(r => console.log(describePipeline(r).join('\n')))
}
