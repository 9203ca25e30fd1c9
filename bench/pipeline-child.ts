/**
 * One variant of the in-process pipeline workload (bench/pipeline.ts) in a process of its own: bare Wechaty,
 * the full bot or the sandbox alone, on its own sandbox and bench clock. Its own process, so its CPU time, its
 * garbage collector's and its compiler threads' are its own: with the three in one process, bare Wechaty's
 * collections copied what the full bot held (its state, its outbox) and cost 15–35% more after a long warm-up
 * (docs/performance-history.md, "The pipeline line's warm-up, measured longer").
 *
 * IPC, in order: `Setup` → `{ ready: true }` once every room and its members are loaded (the full bot loads
 * them at login, bare Wechaty by `Room.findAll()`); `{ op: 'warm' }` → `{ blocks }`, the warm-up stream
 * delivered in blocks of `block` messages, each block's CPU per message (µs); `{ op: 'pass' }` → a `Delivery`
 * of the timed stream; `{ op: 'stats' }` → `Stats`; `'stop'` → exits.
 * CPU is the whole process's (every thread, user + system).
 *
 *   forked by bench/pipeline.ts
 */
import { WechatyBuilder } from 'wechaty'
import type { SandboxWorld } from '../bot/sandbox/index.js'
import { BENCH_START, BenchClock } from './bench-clock.js'
import { bot } from './bot-modules.js'
import { median, profiled } from './measure.js'
import { messageList, type StreamMessage } from './message-stream.js'
import { countHandled, type Delivery, deliver, populate, quiet } from './sandbox-drive.js'
import { type BenchWorld, syntheticWorld } from './synthetic-world.js'

/** Which variant a child runs. */
export type VariantKind = 'bare' | 'full' | 'sandbox'

/** The first message: the variant, the world and streams to build (the same in every child), where to write. */
export interface Setup {
  kind: VariantKind
  groups: number
  /** Messages of the timed stream (seed 1) and of the warm-up stream (seed 99), delivered in blocks of `block`. */
  messages: number
  warmup: number
  block: number
  /** Simulated time per delivered batch of 200 messages (ms). */
  tickMs: number
  /** The full bot's config file and data folder. */
  configFile?: string
  dataDir?: string
  /** Write a CPU profile of the timed passes to this file. */
  profile?: string
}

/** What the variant holds at the end: the full bot's outbox and sends (zero for the others). */
export interface Stats {
  /** Replies and notices still queued. */
  outboxDepth: number
  /** Sends after the warm-up, and the median durable flush before one (ms). */
  sends: number
  preSendMedianMs: number
  /** Errors the runtime recorded (plugin failures). */
  runtimeErrors: string[]
}

type Request = { op: 'warm' } | { op: 'pass' } | { op: 'stats' } | 'stop'

/** A started variant: deliver a stream to it (timed, the clock moving), its figures, stop it. */
interface Variant {
  deliver(messages: StreamMessage[]): Promise<Delivery>
  stats(): Stats
  stop(): Promise<void>
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

const NO_STATS: Stats = { outboxDepth: 0, sends: 0, preSendMedianMs: 0, runtimeErrors: [] }

function variant(
  sandbox: SandboxWorld,
  clock: BenchClock,
  tickMs: number,
  handled: () => number,
  rest: Pick<Variant, 'stats' | 'stop'>,
  sending: () => boolean = () => false,
): Variant {
  // The writes before a send take real time while the clock is simulated: the clock moves from one due timer
  // to the next and waits at each until the sends it started are done, as time would pass live. (Moved to the
  // tick's end at once, the outbox's next send, timed from the end of the last, fell into the next tick: one
  // send a tick, whatever the tick's length.) Waited for by sleeping, not by spinning through `setImmediate`:
  // a send waits on the disk (its durable flush, fsync), and a live bot is idle meanwhile; a spinning wait
  // billed the bench's own loop to the bot's CPU (as bench/pipeline-grpc.ts, 1 ms sleeps).
  const tick = async () => {
    const end = clock.now() + tickMs
    for (let at = clock.nextAt(); at !== undefined && at <= end; at = clock.nextAt()) {
      await clock.advanceTo(at)
      while (sending()) await new Promise(r => setTimeout(r, 1))
    }
    await clock.advanceTo(end)
  }
  return {
    async deliver(messages) {
      const base = handled()
      return deliver(sandbox, messages, () => handled() - base, tick)
    },
    ...rest,
  }
}

/** A populated sandbox whose message timestamps follow the bench clock. */
function sandboxFor(world: BenchWorld, clock: BenchClock) {
  const sandbox = bot.createSandbox({ now: () => clock.now() })
  populate(sandbox, world)
  return sandbox
}

/** The simulated WeChat alone: the puppet stores and emits each message, nobody listens. */
async function startSandboxOnly(world: BenchWorld, tickMs: number): Promise<Variant> {
  const clock = new BenchClock(BENCH_START)
  const { puppet, world: sandbox } = sandboxFor(world, clock)
  await puppet.start()
  sandbox.login(world.botId)
  let delivered = 0
  puppet.on('message', () => {
    delivered++
  })
  return variant(sandbox, clock, tickMs, () => delivered, { stats: () => NO_STATS, stop: () => puppet.stop() })
}

/** Wechaty on the sandbox puppet with one `message` listener that counts. */
async function startBare(world: BenchWorld, tickMs: number): Promise<Variant> {
  const clock = new BenchClock(BENCH_START)
  const { puppet, world: sandbox } = sandboxFor(world, clock)
  const wechaty = WechatyBuilder.build({ puppet })
  wechaty.on('error', () => {})
  let seen = 0
  wechaty.on('message', () => {
    seen++
  })
  await wechaty.start()
  sandbox.login(world.botId)
  await wechaty.Room.findAll() // every room and its members loaded, as the full bot has them at ready
  await quiet(wechaty)
  return variant(sandbox, clock, tickMs, () => seen, { stats: () => NO_STATS, stop: () => wechaty.stop() })
}

/**
 * The full bot: every plugin, a FileStore (the periodic flush and the durable flush before each send
 * included), the bench clock moving so the outbox sends; counts events the runtime finished handling.
 */
async function startFull(world: BenchWorld, setup: Setup): Promise<Variant & { resetSends(): void }> {
  const { configFile, dataDir } = setup
  if (!configFile || !dataDir) throw new Error('the full bot needs configFile and dataDir')
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
  const stats = (): Stats => ({
    outboxDepth: app.runtime.outbox.depth(),
    sends: store.preSend.length,
    preSendMedianMs: store.preSend.length ? median(store.preSend) : 0,
    runtimeErrors: [...app.runtime.errors],
  })
  return {
    ...variant(sandbox, clock, setup.tickMs, handled, { stats, stop: () => app.stop() }, () =>
      app.runtime.outbox.sending(),
    ),
    resetSends: () => {
      store.preSend = []
    },
  }
}

// tsx turns source maps on for the whole process; the bot as shipped runs without them (`node dist/bot/cli.js`).
// With them every Error's stack is mapped when read: Wechaty reads the stack of each error it emits (a failed
// contact look-up, twice per pass here), and each time the source maps were parsed anew: 36 ms of an 800 ms
// pass in a profile, billed to the full bot only.
process.setSourceMapsEnabled(false)
const setup = await new Promise<Setup>(r => process.once('message', m => r(m as Setup)))
const world = syntheticWorld({ groups: setup.groups, membersPerGroup: 100 })
const stream = messageList(world, setup.messages)
const warm = messageList(world, setup.warmup, 99)
const full = setup.kind === 'full' ? await startFull(world, setup) : undefined
const run: Variant =
  full ?? (setup.kind === 'bare' ? await startBare(world, setup.tickMs) : await startSandboxOnly(world, setup.tickMs))
process.send?.({ ready: true })

process.on('message', async (req: Request) => {
  if (req === 'stop') {
    await run.stop().catch(() => {})
    process.exit(0)
  }
  if (req.op === 'warm') {
    const blocks: number[] = []
    for (let i = 0; i < warm.length; i += setup.block) {
      const part = warm.slice(i, i + setup.block)
      const d = await run.deliver(part)
      blocks.push((d.cpuMs * 1000) / (part.length - d.skipped))
    }
    full?.resetSends() // the sends and flushes counted are those of the timed passes
    process.send?.({ blocks })
  } else if (req.op === 'pass') {
    process.send?.(await profiled(setup.profile, () => run.deliver(stream)))
  } else process.send?.(run.stats())
})
