/**
 * Workload 1, pipeline overhead: one message stream through (a) a bare
 * Wechaty bot on the sandbox puppet that only listens to `message`, and (b)
 * the full bot (`createApp` with every plugin, the example config adapted to
 * the synthetic groups, a FileStore): CPU and wall time per message, judged
 * on CPU time (on a shared machine wall time also counts other people's
 * processes). Each bot is built once, with every room and its members
 * loaded (the full bot does so at login, bare Wechaty by `Room.findAll()`), and
 * warmed by a first pass (JIT warm); the timed passes follow, interleaved. The bench
 * clock moves 1.5 s per 200 messages, so timers run and the outbox sends,
 * each send after its durable flush: every cost of the full bot is counted.
 * A third variant delivers the same messages into the sandbox with no bot
 * listening, to show what the simulated WeChat itself costs (included in a and b).
 * The same over a puppet-service gRPC connection: bench/pipeline-grpc.ts.
 *
 *   npx tsx bench/pipeline.ts [--quick] [--groups 50] [--warmup N] [--profile file.cpuprofile]
 *
 * The bot's compiled code (`npm run build` first), or its source with `BENCH_BOT=source`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { WechatyBuilder } from 'wechaty'
import type { SandboxWorld } from '../bot/sandbox/index.js'
import { writeBenchConfig } from './bench-config.js'
import { BenchClock } from './bench-clock.js'
import { BOT_CODE, bot } from './bot-modules.js'
import { collectGarbage, median, profiled } from './measure.js'
import { messageList, type StreamMessage } from './message-stream.js'
import { countHandled, deliver, populate, quiet, type Delivery } from './sandbox-drive.js'
import { syntheticWorld, type BenchWorld } from './synthetic-world.js'

/** Monday 2026-11-30 10:00 Asia/Shanghai: a workday, inside working hours. */
export const BENCH_START = Date.parse('2026-11-30T02:00:00Z')
/** Target: the full bot at most this many times the bare bot's CPU time per message, in-process. */
export const PIPELINE_TARGET = 3

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
  /** Replies and notices still queued after the last pass. */
  outboxDepth: number
  /** Sends of the full bot over all passes, and the median durable flush before one (ms). */
  sends: number
  preSendMedianMs: number
  /** Errors the runtime recorded in the full runs (plugin failures). */
  runtimeErrors: string[]
}

/** Run the workload: 20,000 messages in `groups` groups of 100 (4,000 with `quick`), variants interleaved. */
export async function runPipelineBench({
  quick = false,
  groups = 50,
  profile,
  warmup,
}: {
  quick?: boolean
  groups?: number
  /** Messages of the warm-up pass (default below). */
  warmup?: number
  /** Write a CPU profile of the full bot's timed passes (only those) to this file. */
  profile?: string
} = {}): Promise<PipelineResult> {
  // tsx turns source maps on for the whole process; the bot as shipped runs without them (`node dist/bot/cli.js`).
  // With them every Error's stack is mapped when read: Wechaty reads the stack of each error it emits (a failed
  // contact look-up, twice per pass here), and each time the source maps were parsed anew: 36 ms of an 800 ms
  // pass in a profile, billed to the full bot only. Off while this workload runs.
  const sourceMaps = process.sourceMapsEnabled
  process.setSourceMapsEnabled(false)
  const n = quick ? 4_000 : 20_000
  const reps = 3 // the median of three interleaved passes (one pass alone moved the quick ratio by ±1 on a loaded machine)
  const world = syntheticWorld({ groups, membersPerGroup: 100 })
  const stream = messageList(world, n)
  // Warm means past the JIT's warm-up: after 300 messages it was still compiling during the timed passes (inproc3:
  // 6.20× and 5.35× at 10 groups against 4.19× and 3.57× after 20,000; performance-history.md).
  const warm = messageList(world, warmup ?? (quick ? 2_000 : 5_000), 99)
  const dir = mkdtempSync(join(tmpdir(), 'bench-pipeline-'))
  try {
    const configFile = writeBenchConfig(world, join(dir, 'config'))
    const runs = { bare: [] as Delivery[], full: [] as Delivery[], sandboxOnly: [] as Delivery[] }
    // One bot of each kind for the whole run: a warm-up pass loads every contact and warms the JIT, then the
    // timed passes are interleaved so machine noise hits all variants alike.
    const bareBot = await startBare(world)
    const fullBot = await startFull(world, configFile, join(dir, 'full'))
    const sandboxBot = await startSandboxOnly(world)
    await bareBot.deliver(warm)
    await fullBot.deliver(warm)
    for (let r = 0; r < reps; r++) {
      runs.sandboxOnly.push(await sandboxBot.deliver(stream))
      runs.bare.push(await bareBot.deliver(stream))
      runs.full.push(await profiled(profile, () => fullBot.deliver(stream)))
    }
    const outboxDepth = fullBot.app.runtime.outbox.depth()
    const preSend = fullBot.store.preSend
    const runtimeErrors = [...fullBot.app.runtime.errors]
    await bareBot.stop()
    await fullBot.stop()
    await sandboxBot.stop()
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
      sends: preSend.length,
      preSendMedianMs: preSend.length ? median(preSend) : 0,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    process.setSourceMapsEnabled(sourceMaps)
  }
}

/** A populated sandbox whose message timestamps follow the bench clock. */
function sandboxFor(world: BenchWorld, clock: BenchClock) {
  const sandbox = bot.createSandbox({ now: () => clock.now() })
  populate(sandbox, world)
  return sandbox
}

/** A FileStore that counts and times the durable flushes the outbox runs before each send. */
class CountingStore extends bot.FileStore {
  constructor(dir: string) {
    super(dir, { background: true }) // as the running bot writes
  }
  preSend: number[] = []
  override async flush(durableOnly = false): Promise<void> {
    const t = performance.now()
    await super.flush(durableOnly)
    if (durableOnly) this.preSend.push(performance.now() - t)
  }
}

/** Simulated time per delivered batch: the outbox sends (and flushes before each send) as it would live. */
const TICK_MS = 1_500

/** A started variant: deliver a stream to it (timed, the clock moving), stop it. */
interface Variant {
  deliver(messages: StreamMessage[]): Promise<Delivery>
  stop(): Promise<void>
}

function variant(
  sandbox: SandboxWorld,
  clock: BenchClock,
  handled: () => number,
  stop: () => Promise<void>,
  sending: () => boolean = () => false,
): Variant {
  // The writes before a send take real time while the clock is simulated: the sends due at a tick finish
  // before the clock moves on, as they would live. Waited for by sleeping, not by spinning through
  // `setImmediate`: a send waits on the disk (its durable flush, fsync), and a live bot is idle meanwhile;
  // a spinning wait billed the bench's own loop to the bot's CPU (as bench/pipeline-grpc.ts, 1 ms sleeps).
  const tick = async () => {
    await clock.advanceTo(clock.now() + TICK_MS)
    while (sending()) await new Promise(r => setTimeout(r, 1))
  }
  return {
    async deliver(messages) {
      collectGarbage()
      const base = handled()
      return deliver(sandbox, messages, () => handled() - base, tick)
    },
    stop,
  }
}

/** The simulated WeChat alone: the puppet stores and emits each message, nobody listens. */
async function startSandboxOnly(world: BenchWorld): Promise<Variant> {
  const clock = new BenchClock(BENCH_START)
  const { puppet, world: sandbox } = sandboxFor(world, clock)
  await puppet.start()
  sandbox.login(world.botId)
  let delivered = 0
  puppet.on('message', () => {
    delivered++
  })
  return variant(
    sandbox,
    clock,
    () => delivered,
    () => puppet.stop(),
  )
}

/** (a) Wechaty on the sandbox puppet with one `message` listener that counts. */
async function startBare(world: BenchWorld): Promise<Variant> {
  const clock = new BenchClock(BENCH_START)
  const { puppet, world: sandbox } = sandboxFor(world, clock)
  const bot = WechatyBuilder.build({ puppet })
  bot.on('error', () => {})
  let seen = 0
  bot.on('message', () => {
    seen++
  })
  await bot.start()
  sandbox.login(world.botId)
  await bot.Room.findAll() // every room and its members loaded, as the full bot has them at ready
  await quiet(bot)
  return variant(
    sandbox,
    clock,
    () => seen,
    () => bot.stop(),
  )
}

/**
 * (b) The full bot: every plugin, a FileStore (the periodic flush and the durable flush before each
 * send included), the bench clock moving so the outbox sends; counts events the runtime finished handling.
 */
async function startFull(world: BenchWorld, configFile: string, dataDir: string) {
  const clock = new BenchClock(BENCH_START)
  const { puppet, world: sandbox } = sandboxFor(world, clock)
  const store = new CountingStore(dataDir)
  const app = bot.createApp({ configFile, dataDir, log: bot.createLogger('silent'), puppet, clock, store })
  const handled = countHandled(app)
  await app.bot.start()
  sandbox.login(world.botId)
  await app.ready
  await app.membersLoaded // as bare Wechaty, which has them after Room.findAll()
  await quiet(app.bot)
  return {
    ...variant(
      sandbox,
      clock,
      handled,
      () => app.stop(),
      () => app.runtime.outbox.sending(),
    ),
    app,
    store,
  }
}

/** Print one result as lines. */
export function describePipeline(r: PipelineResult): string[] {
  const f = (v: VariantFigures) =>
    `${Math.round(v.msgsPerCpuSec).toLocaleString('en').padStart(7)} msg/CPU-s (${v.cpuUsPerMsg.toFixed(0)} µs CPU/msg), wall ${Math.round(v.msgsPerSec).toLocaleString('en')} msg/s; runs ${v.runs.map(x => (x.wallMs / 1000).toFixed(2)).join(', ')} s`
  return [
    `${r.messages.toLocaleString('en')} messages in ${r.groups} groups of ${r.membersPerGroup}; the bot's ${BOT_CODE} code`,
    `bare Wechaty   ${f(r.bare)}`,
    `full bot       ${f(r.full)}`,
    `sandbox alone  ${f(r.sandboxOnly)}`,
    ...(r.full.runs.some(x => x.skipped)
      ? [
          `the full bot removed members (content escalation); their later messages were skipped: ${r.full.runs.map(x => x.skipped).join(', ')}`,
        ]
      : []),
    `full/bare per message: CPU ${r.ratio.toFixed(2)}×, wall ${r.wallRatio.toFixed(2)}×, CPU without the sandbox's share ${r.netRatio.toFixed(2)}×; ${r.outboxDepth} replies left queued at the end`,
    `the full bot sent ${r.sends} messages over the passes, each after a durable flush (median ${r.preSendMedianMs.toFixed(1)} ms, included above)`,
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
    },
  })
  const number = (v: string | undefined) => (v ? Number(v) : undefined)
  runPipelineBench({ ...values, groups: number(values.groups), warmup: number(values.warmup) }).then(r =>
    console.log(describePipeline(r).join('\n')),
  )
}
