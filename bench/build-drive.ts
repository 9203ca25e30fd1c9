/**
 * A build folder's bots on the sandbox, driven as bench/pipeline-ab.ts and bench/thread-warmup.ts drive them:
 * the full bot (every plugin, a FileStore writing in the background, the bench clock moving 1.5 s per batch
 * of 200, the periodic flush every 5 s of that clock) and bare Wechaty.
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { WechatyBuilder } from 'wechaty'
import { BENCH_START, BenchClock } from './bench-clock.js'
import { messageList, type StreamMessage } from './message-stream.js'
import { countHandled, deliver, populate, quiet } from './sandbox-drive.js'
import { type BenchWorld, syntheticWorld } from './synthetic-world.js'

/**
 * The periodic flush, every 5 s of the bench clock (`runtime.flushInterval`'s default) inside the build's own
 * turn: the bot's wall-clock interval would bill one build's writes (on the thread pool) to whichever build's
 * turn is running, and the number of flushes to the machine's speed.
 */
const FLUSH_EVERY = 5_000
/** The bot's own flush interval, set beyond any run (the largest a timer takes). */
const NO_TIMED_FLUSH = 2 ** 31 - 1

/** One build's modules (as bench/bot-modules.ts loads them from `dist/`). */
export type BotModules = typeof import('./bot-modules.js')['bot']

/** Load a build folder's modules (`dist/` or another commit's build). */
export async function loadBuild(dist: string): Promise<BotModules> {
  const load = async (path: string) => import(pathToFileURL(join(resolve(dist), `${path}.js`)).href)
  return {
    ...(await load('bot/app')),
    ...(await load('bot/ports/store/file-store')),
    ...(await load('bot/process/logger')),
    ...(await load('bot/sandbox/index')),
  }
}

/** A started bot: deliver messages to it (the clock moving), nothing timed. */
export type Deliver = (messages: StreamMessage[]) => Promise<{ skipped: number }>

/**
 * Start the full bot of `bot` on its own sandbox and data folder. `opts.flush: false` makes the store's flush
 * (periodic and before each send) do nothing: what the flushes cost, for bench/ablation.ts. `opts.started` gets
 * the app once it is ready (bench/plugin-cost.ts times its plugins).
 */
export async function startFull(
  bot: BotModules,
  world: BenchWorld,
  configFile: string,
  dataDir: string,
  opts: { flush?: boolean; started?: (app: ReturnType<BotModules['createApp']>) => void } = {},
): Promise<Deliver> {
  const clock = new BenchClock(BENCH_START)
  const sandbox = bot.createSandbox({ now: () => clock.now() })
  populate(sandbox, world)
  const store = new bot.FileStore(dataDir, { background: true })
  if (opts.flush === false) store.flush = async () => {}
  const app = bot.createApp({
    configFile,
    dataDir,
    log: bot.createLogger('silent'),
    puppet: sandbox.puppet,
    clock,
    store,
    flushIntervalMs: NO_TIMED_FLUSH,
  })
  const handled = countHandled(app)
  await app.bot.start()
  sandbox.world.login(world.botId)
  await app.ready
  await quiet(app.bot)
  opts.started?.(app)
  let flushed = clock.now()
  const tick = async () => {
    await clock.advanceTo(clock.now() + 1_500)
    while (app.runtime.outbox.sending()) await new Promise(r => setTimeout(r, 1))
    if (clock.now() - flushed < FLUSH_EVERY) return
    flushed = clock.now()
    await store.flush()
  }
  return messages => {
    const base = handled()
    return deliver(sandbox.world, messages, () => handled() - base, tick)
  }
}

/** Start bare Wechaty (listening to `message` only) on its own sandbox. */
export async function startBare(bot: BotModules, world: BenchWorld): Promise<Deliver> {
  const clock = new BenchClock(BENCH_START)
  const sandbox = bot.createSandbox({ now: () => clock.now() })
  populate(sandbox, world)
  const wechaty = WechatyBuilder.build({ puppet: sandbox.puppet })
  wechaty.on('error', () => {})
  let seen = 0
  wechaty.on('message', () => {
    seen++
  })
  await wechaty.start()
  sandbox.world.login(world.botId)
  await wechaty.Room.findAll()
  await quiet(wechaty)
  return messages => {
    const base = seen
    return deliver(
      sandbox.world,
      messages,
      () => seen - base,
      () => clock.advanceTo(clock.now() + 1_500),
    )
  }
}

/** Run a script's `main` and exit with 0, or 1 after printing its error (the bots' handles would keep it alive). */
export function runThenExit(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    e => {
      console.error(e)
      process.exit(1)
    },
  )
}

/** The options every turn-taking driver (pipeline-ab, ablation, plugin-cost) reads beside its own. */
const TURN_OPTIONS = {
  rounds: { type: 'string' },
  messages: { type: 'string' },
  chunk: { type: 'string' },
  groups: { type: 'string' },
} as const

/**
 * A turn-taking driver's command line and workload: `--rounds` (default `defaultRounds`), `--messages` (4,000 a
 * round), `--chunk` (200 a turn), `--groups` of 100 members (10), and its `own` options; source maps off (as
 * bench/pipeline.ts), the synthetic world and its message stream.
 */
export function turnSetup<O extends NonNullable<ParseArgsConfig['options']>>(own: O, defaultRounds: number) {
  const { values, positionals } = parseArgs<{ allowPositionals: true; options: typeof TURN_OPTIONS & O }>({
    allowPositionals: true,
    options: { ...TURN_OPTIONS, ...own },
  })
  const turn = values as { [K in keyof typeof TURN_OPTIONS]?: string }
  const n = Number(turn.messages ?? 4_000)
  process.setSourceMapsEnabled(false)
  const world = syntheticWorld({ groups: Number(turn.groups ?? 10), membersPerGroup: 100 })
  return {
    values,
    positionals,
    rounds: Number(turn.rounds ?? defaultRounds),
    n,
    chunk: Number(turn.chunk ?? 200),
    world,
    stream: messageList(world, n),
  }
}
