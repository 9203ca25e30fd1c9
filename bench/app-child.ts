/**
 * A fresh bot process for the start-up and memory workloads: builds the
 * sandbox world (100 groups × 500 members), starts the full app on the seeded
 * data dir and prints one JSON line per phase on stdout:
 *   {"phase":"ready", ...}    once the runtime started after login
 *   {"phase":"memory", ...}   after handling `--messages` live messages
 * With `--bare` it runs a bare Wechaty (one message listener) instead of the
 * app, for comparison. The app's modules (runtime, plugins) are imported only
 * when the app is built, so a bare child never loads them. The clock is
 * frozen at `--at`.
 *
 *   node --import tsx bench/app-child.ts --config F --data D --at MS [--messages N] [--bare]
 */
import { parseArgs } from 'node:util'
import { WechatyBuilder } from 'wechaty'
import { createSandbox, type Sandbox } from '../bot/sandbox/index.js'
import { BenchClock } from './bench-clock.js'
import { collectGarbage, rssMb } from './measure.js'
import { messageList } from './message-stream.js'
import { countHandled, deliver, populate, quiet } from './sandbox-drive.js'
import { syntheticWorld } from './synthetic-world.js'

/** Milliseconds since this process started (performance.timeOrigin). */
const sinceStart = () => performance.now()

/** Figures a child reports for one phase. */
export interface ChildReport {
  phase: 'ready' | 'memory'
  ms: Record<string, number>
  mb: Record<string, number>
}

function report(phase: ChildReport['phase'], ms: Record<string, number>, mb: Record<string, number>): void {
  process.stdout.write(`${JSON.stringify({ phase, ms, mb } satisfies ChildReport)}\n`)
}

/**
 * Import the app's modules and build it (config, roster and state loaded; not
 * started). Also returns the RSS (MB) and time since start (ms) right after the imports.
 */
async function buildApp(configFile: string, dataDir: string, sandbox: Sandbox, clock: BenchClock) {
  const [{ createApp }, { createLogger }] = await Promise.all([
    import('../bot/app.js'),
    import('../bot/process/logger.js'),
  ])
  const modules = { rss: rssMb(), ms: sinceStart() }
  return {
    app: createApp({
      configFile,
      dataDir,
      log: createLogger('silent'),
      puppet: sandbox.puppet,
      clock,
      flushIntervalMs: 3_600_000,
    }),
    modules,
  }
}

async function main(): Promise<void> {
  const importsMs = sinceStart()
  const importsRss = rssMb()
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      at: { type: 'string' },
      messages: { type: 'string', default: '0' },
      bare: { type: 'boolean', default: false },
      groups: { type: 'string', default: '100' },
      members: { type: 'string', default: '500' },
    },
  })
  const clock = new BenchClock(Number(values.at))
  const world = syntheticWorld({ groups: Number(values.groups), membersPerGroup: Number(values.members) })
  const sandbox = createSandbox({ now: () => clock.now() })
  populate(sandbox, world)
  const worldMs = sinceStart()
  const worldRss = rssMb()
  const built = values.bare ? undefined : await buildApp(values.config!, values.data!, sandbox, clock)
  const app = built?.app
  const createdMs = sinceStart()
  const bot = app?.bot ?? WechatyBuilder.build({ puppet: sandbox.puppet })
  let seen = 0
  const handled = app ? countHandled(app) : () => seen
  if (!app) {
    bot.on('error', () => {})
    bot.on('message', () => {
      seen++
    })
  }
  const loggedIn = new Promise(r => bot.once('login', r))
  await bot.start()
  const startedMs = sinceStart()
  sandbox.world.login(world.botId)
  await loggedIn
  await app?.ready
  report(
    'ready',
    {
      imports: importsMs,
      world: worldMs,
      appModules: built?.modules.ms ?? worldMs,
      created: createdMs,
      started: startedMs,
      ready: sinceStart(),
    },
    { imports: importsRss, world: worldRss, appModules: built?.modules.rss ?? worldRss, ready: rssMb() },
  )

  const n = Number(values.messages)
  if (!n) process.exit(0)
  await quiet(bot)
  const delivered = await deliver(sandbox.world, messageList(world, n, 23), handled)
  const live = rssMb()
  const heap = process.memoryUsage()
  collectGarbage()
  report(
    'memory',
    { deliver: delivered.wallMs, skipped: delivered.skipped },
    {
      imports: importsRss,
      world: worldRss,
      appModules: built?.modules.rss ?? worldRss,
      live,
      afterGc: rssMb(),
      peak: process.resourceUsage().maxRSS / 1024,
      heapUsed: heap.heapUsed / 2 ** 20,
      external: (heap.external + heap.arrayBuffers) / 2 ** 20,
    },
  )
  process.exit(0)
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
