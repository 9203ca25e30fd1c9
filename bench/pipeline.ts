/**
 * Workload 1, pipeline overhead: one message stream through (a) a bare
 * Wechaty bot on the sandbox puppet that only listens to `message`, and (b)
 * the full bot (`createApp` with every plugin, the example config adapted to
 * the synthetic groups, a MemoryStore): CPU and wall time until every message
 * was handled, judged on CPU time (on a shared machine wall time also counts
 * other people's processes). The clock never moves, so the rate-limited
 * outbox sends nothing: this measures handling, not sending. A third run
 * delivers the same messages into the sandbox with no bot listening, to show
 * what the simulated WeChat itself costs (included in both a and b).
 *
 *   npx tsx bench/pipeline.ts [--quick]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { WechatyBuilder } from 'wechaty'
import { createApp } from '../bot/app.js'
import { MemoryStore } from '../bot/ports/memory-store.js'
import { createLogger } from '../bot/runtime/logger.js'
import { createSandbox } from '../bot/sandbox/index.js'
import { writeBenchConfig } from './bench-config.js'
import { BenchClock } from './bench-clock.js'
import { collectGarbage, median } from './measure.js'
import { messageList, type StreamMessage } from './message-stream.js'
import { countHandled, deliver, populate, quiet, type Delivery } from './sandbox-drive.js'
import { syntheticWorld, type BenchWorld } from './synthetic-world.js'

/** Monday 2026-11-30 10:00 Asia/Shanghai: a workday, inside working hours. */
export const BENCH_START = Date.parse('2026-11-30T02:00:00Z')
/** Target: the full bot at most this many times the bare bot's time per message. */
export const PIPELINE_TARGET = 1.5

/** Figures of one variant: medians over the runs. */
export interface VariantFigures {
  /** Messages per second of CPU time (the judged figure) and of wall time. */
  msgsPerCpuSec: number
  msgsPerSec: number
  cpuUsPerMsg: number
  wallUsPerMsg: number
  runs: Delivery[]
}

/** What `runPipelineBench` measured. */
export interface PipelineResult {
  messages: number
  groups: number
  membersPerGroup: number
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
  /** Replies and notices queued (not sent: the clock is frozen) after one full run. */
  outboxDepth: number
  /** Errors the runtime recorded in the full runs (plugin failures). */
  runtimeErrors: string[]
}

/** Run the workload: 20,000 messages in 50 groups (4,000 with `quick`), variants interleaved. */
export async function runPipelineBench({ quick = false }: { quick?: boolean } = {}): Promise<PipelineResult> {
  const n = quick ? 4_000 : 20_000
  const reps = quick ? 1 : 3
  const world = syntheticWorld({ groups: 50, membersPerGroup: 100 })
  const stream = messageList(world, n)
  const warm = messageList(world, quick ? 300 : 1_000, 99)
  const dir = mkdtempSync(join(tmpdir(), 'bench-pipeline-'))
  try {
    const configFile = writeBenchConfig(world, join(dir, 'config'))
    const runs = { bare: [] as Delivery[], full: [] as Delivery[], sandboxOnly: [] as Delivery[] }
    let outboxDepth = 0
    const runtimeErrors: string[] = []
    // Warm the JIT for every path once, then interleave so machine noise hits all variants alike.
    await runBare(world, warm)
    await runFull(world, warm, configFile, join(dir, 'warm'))
    for (let r = 0; r < reps; r++) {
      runs.sandboxOnly.push(await runSandboxOnly(world, stream))
      runs.bare.push(await runBare(world, stream))
      const full = await runFull(world, stream, configFile, join(dir, `run-${r}`))
      runs.full.push(full.timing)
      outboxDepth = full.outboxDepth
      runtimeErrors.push(...full.errors.filter(e => !runtimeErrors.includes(e)))
    }
    const fig = (t: Delivery[]): VariantFigures => {
      const cpuUsPerMsg = median(t.map(x => (x.cpuMs * 1000) / (n - x.skipped)))
      const wallUsPerMsg = median(t.map(x => (x.wallMs * 1000) / (n - x.skipped)))
      return { msgsPerCpuSec: 1e6 / cpuUsPerMsg, msgsPerSec: 1e6 / wallUsPerMsg, cpuUsPerMsg, wallUsPerMsg, runs: t }
    }
    const bare = fig(runs.bare)
    const full = fig(runs.full)
    const sandboxOnly = fig(runs.sandboxOnly)
    const ratio = full.cpuUsPerMsg / bare.cpuUsPerMsg
    return {
      messages: n,
      groups: world.groups.length,
      membersPerGroup: 100,
      bare,
      full,
      sandboxOnly,
      ratio,
      wallRatio: full.wallUsPerMsg / bare.wallUsPerMsg,
      netRatio: (full.cpuUsPerMsg - sandboxOnly.cpuUsPerMsg) / (bare.cpuUsPerMsg - sandboxOnly.cpuUsPerMsg),
      target: PIPELINE_TARGET,
      pass: ratio <= PIPELINE_TARGET,
      outboxDepth,
      runtimeErrors,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A populated sandbox whose message timestamps follow the frozen clock. */
function sandboxFor(world: BenchWorld, clock: BenchClock) {
  const sandbox = createSandbox({ now: () => clock.now() })
  populate(sandbox, world)
  return sandbox
}

/** The simulated WeChat alone: the puppet stores and emits each message, nobody listens. */
async function runSandboxOnly(world: BenchWorld, messages: StreamMessage[]): Promise<Delivery> {
  const { puppet, world: sandbox } = sandboxFor(world, new BenchClock(BENCH_START))
  await puppet.start()
  sandbox.login(world.botId)
  let delivered = 0
  puppet.on('message', () => {
    delivered++
  })
  collectGarbage()
  const timing = await deliver(sandbox, messages, () => delivered)
  await puppet.stop()
  return timing
}

/** (a) Wechaty on the sandbox puppet with one `message` listener that counts. */
async function runBare(world: BenchWorld, messages: StreamMessage[]): Promise<Delivery> {
  const { puppet, world: sandbox } = sandboxFor(world, new BenchClock(BENCH_START))
  const bot = WechatyBuilder.build({ puppet })
  bot.on('error', () => {})
  let seen = 0
  bot.on('message', () => {
    seen++
  })
  await bot.start()
  sandbox.login(world.botId)
  await quiet(bot)
  collectGarbage()
  const timing = await deliver(sandbox, messages, () => seen)
  await bot.stop()
  return timing
}

/** (b) The full bot: every plugin, MemoryStore, frozen fake clock; counts events the runtime finished handling. */
async function runFull(world: BenchWorld, messages: StreamMessage[], configFile: string, dataDir: string) {
  const clock = new BenchClock(BENCH_START)
  const { puppet, world: sandbox } = sandboxFor(world, clock)
  const app = createApp({
    configFile,
    dataDir,
    log: createLogger('silent'),
    puppet,
    clock,
    store: new MemoryStore(),
    flushIntervalMs: 3_600_000,
  })
  const rt = app.runtime
  const handled = countHandled(app)
  await app.bot.start()
  sandbox.login(world.botId)
  await app.ready
  await quiet(app.bot)
  collectGarbage()
  const timing = await deliver(sandbox, messages, handled)
  const outboxDepth = rt.outbox.depth()
  const errors = [...rt.errors]
  await app.stop()
  return { timing, outboxDepth, errors }
}

/** Print one result as lines. */
export function describePipeline(r: PipelineResult): string[] {
  const f = (v: VariantFigures) =>
    `${Math.round(v.msgsPerCpuSec).toLocaleString('en').padStart(7)} msg/CPU-s (${v.cpuUsPerMsg.toFixed(0)} µs CPU/msg), wall ${Math.round(v.msgsPerSec).toLocaleString('en')} msg/s; runs ${v.runs.map(x => (x.wallMs / 1000).toFixed(2)).join(', ')} s`
  return [
    `${r.messages.toLocaleString('en')} messages in ${r.groups} groups of ${r.membersPerGroup}`,
    `bare Wechaty   ${f(r.bare)}`,
    `full bot       ${f(r.full)}`,
    `sandbox alone  ${f(r.sandboxOnly)}`,
    ...(r.full.runs.some(x => x.skipped)
      ? [
          `the full bot removed members (content escalation); their later messages were skipped: ${r.full.runs.map(x => x.skipped).join(', ')}`,
        ]
      : []),
    `full/bare per message: CPU ${r.ratio.toFixed(2)}×, wall ${r.wallRatio.toFixed(2)}×, CPU without the sandbox's share ${r.netRatio.toFixed(2)}×; ${r.outboxDepth} replies left queued (frozen clock)`,
    ...(r.messages < 20_000
      ? [
          'smoke size: a short stream is dominated by Wechaty loading each member on first sight, which flatters the ratio; judge on the full run',
        ]
      : []),
    ...r.runtimeErrors.slice(0, 5).map(e => `runtime error: ${e}`),
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runPipelineBench({ quick: process.argv.includes('--quick') }).then(r => console.log(describePipeline(r).join('\n')))
}
