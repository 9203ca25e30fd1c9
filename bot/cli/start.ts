import { readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type App, createApp, loadConsole } from '../app.js'
import { type BotEnv, puppetSettingsProblem, readEnv, sandboxInputProblem, unusedLocalConfig } from '../env.js'
import { EXIT_TEMPFAIL, NEVER_CONNECTED, TOKEN_REFUSED } from '../process/connection-supervisor.js'
import { acquireDataLock, DataLockError, LOCK_FILE, securePuppetCache } from '../process/data-lock.js'
import type { ExitReason } from '../runtime/host/lifecycle.js'
import { PLUGINS } from '../../plugins/index.js'
import { ConfigError, type LoadedConfig, loadConfig } from '../config/load-config.js'
import { StateDamageError, type Store, StoreWriteError } from '../ports/store/store.js'
import { FileStore } from '../ports/store/file-store.js'
import type { FleetGate } from '../fleet/gate.js'
import { shipped } from '../package-root.js'
import type { ConsoleSettings } from '../console/index.js'
import { createLogger, type Logger } from '../process/logger.js'
import { keepHeapTight } from '../process/heap.js'
import { keepHealthFile, SANDBOX_FOLDER } from '../process/health-file.js'
import { isConnectionLoss, isDiscoveryFailure, isTokenRejected, superviseConnection } from '../wechaty/supervise.js'
import { routeConsole, routeWechatyLogs } from '../wechaty/wechaty-logs.js'
import { sandboxLogLine } from '../sandbox/refusal.js'
import { sandboxIgnores } from './settings-check.js'
import { worldBannerLines } from './sandbox-banner.js'
import { roleIdWarnings } from '../config/role-ids.js'
import { startConsole } from './console.js'
import { defineCli, UsageError } from './args.js'

const CLI = defineCli({
  usage:
    'usage: start [--world WORLD.yaml] [--accept-state-loss]   (WORLD.yaml: the sandbox world, when no puppet is configured; also without --world)',
  options: { world: { type: 'string' }, 'accept-state-loss': { type: 'boolean', default: false } },
  positionals: { max: 1 },
})

/** Exit code after an uncaught exception (EX_SOFTWARE). */
export const EXIT_FATAL = 70

/** Exit code when the puppet connection is lost or never made (EX_TEMPFAIL): the supervisor restarts the bot. */
export const EXIT_CONNECTION_LOST = EXIT_TEMPFAIL

/** Longest time flushing state and stopping Wechaty may take before the process exits anyway. */
export const STOP_GRACE_MS = 15_000

/** `start`: run the bot on the configured puppet, or on the sandbox with a console when none is configured. */
export async function startCommand(argv: string[]): Promise<number> {
  const args = CLI.parse(argv)
  if (args instanceof UsageError) return args.report(process.stderr)
  // `--world F` as in `replay`; the bare file argument still works.
  if (args.values.world && args.positionals[0]) return CLI.error('give the world file once').report(process.stderr)
  const world = args.values.world ?? args.positionals[0]
  const env = readEnv()
  // Like the unit's UMask=0077: state, caches and charts this process creates are private to its user.
  process.umask(0o077)
  const verboseWechaty = /^(verbose|silly)$/i.test(process.env.WECHATY_LOG?.trim() ?? '')
  const level = verboseWechaty ? 'debug' : env.logLevel
  const toStderr = (line: string) => process.stderr.write(`${line}\n`)
  const log = createLogger(level, 'bot', env.puppet ? toStderr : sandboxLogLine(level, toStderr, { whole: true }), {
    format: env.logFormat,
    secrets: env.secrets,
  })
  routeWechatyLogs(log)
  if (args.values['accept-state-loss']) process.env.BOT_ACCEPT_STATE_LOSS = '1' // read by the FileStore
  // Every config problem before anything else, every plugin problem before connecting (`prepared`):
  // ConfigError → exit 1 with the list (never half-configured).
  const loaded = loadConfig(env.configFile, PLUGINS, env.configOrigin)
  const missing = env.puppet ? puppetSettingsProblem(env) : sandboxInputProblem()
  if (missing) {
    log.error(`❌ ${missing}`)
    return 1
  }
  const dataDir = env.puppet ? env.dataDir : join(env.dataDir, SANDBOX_FOLDER)
  try {
    acquireDataLock(dataDir)
  } catch (e) {
    if (!(e instanceof DataLockError)) throw e
    log.error(`❌ ${e.message}`)
    return EXIT_TEMPFAIL
  }
  return env.puppet ? startPuppet(env, loaded, log) : startSandbox(env, loaded, dataDir, log, world)
}

async function startPuppet(env: BotEnv, loaded: LoadedConfig, log: Logger): Promise<number> {
  routeConsole(log)
  for (const warning of roleIdWarnings(loaded)) log.warn(warning)
  if (env.puppet === 'wechaty-puppet-service') securePuppetCache()
  const { store, fleet, close } = await openStoreAndFleet(env.dataDir, () => app, log)
  const app: App = createApp({
    configFile: env.configFile,
    loaded,
    dataDir: env.dataDir,
    log,
    store,
    console: await consoleSettings(),
    fleet,
  })
  await prepared(app, close)
  // A long-running process: from ready on, the heap is kept near its live data (docs/operations.md, "Memory").
  void app.ready.then(() => keepHeapTight())
  // How large the growing folders are, and what retention is set: one line at start (docs/operations.md).
  void app.ready.then(() => app.runtime.storage.measure(Date.now()).catch(e => log.warn('storage count failed', e)))
  await app.web?.listen()
  const health = keepHealthFile(app, env.dataDir)
  // From the stop on, the connection is not watched: Wechaty's stop emits a `logout` of its own ("puppet stop()").
  const stop = stopOnSignals(app, log, why => {
    supervision.stop()
    health(why)
  })
  const supervision = superviseConnection(app.bot, app.runtime, log, {
    bounds: env.bounds,
    // A refused token (exit 1) is a configuration problem, not a crash: the next start needs no note to the admins.
    onExit: (code, reason) => stop(reason, code === EXIT_TEMPFAIL ? 'connection-lost' : 'stopped', code),
  })
  process.on('unhandledRejection', e => {
    if (isDiscoveryFailure(e)) supervision.discoveryFailed('no puppet service endpoint found for the token')
    else log.error('unhandled rejection', e)
  })
  const b = env.bounds
  log.info(
    `starting with puppet ${env.puppet}, config ${env.configFile}, data ${env.dataDir}; ` +
      `bounds: login ${b.startupMs / 1000}s, re-login ${b.reloginMs / 1000}s, stall ${b.stallMs / 1000}s`,
  )
  try {
    await app.bot.start()
  } catch (e) {
    // The supervisor already decided on errors Wechaty emitted; these are the ones start() throws itself.
    if (isTokenRejected(e)) stop(`${TOKEN_REFUSED}: ${(e as Error).message}`, 'stopped', 1)
    else if (isConnectionLoss(e) || isDiscoveryFailure(e))
      stop(`${NEVER_CONNECTED} (${(e as Error).message})`, 'connection-lost')
    else throw e
  }
  return await new Promise<number>(() => {}) // runs until a signal or the supervisor stops it
}

async function startSandbox(
  env: BotEnv,
  loaded: LoadedConfig,
  dataDir: string,
  log: Logger,
  worldArg?: string,
): Promise<number> {
  const worldFile = worldArg ? resolve(worldArg) : shipped('data/demo/world.yaml')
  // The simulated WeChat loads only in sandbox mode, and the mock puppet's fake-data library only if used.
  const { deferFakerLocales } = await import('../sandbox/defer-faker.js')
  deferFakerLocales()
  const [{ createSandbox }, { populateWorld, readWorld }] = await Promise.all([
    import('../sandbox/index.js'),
    import('../sandbox/load-world.js'),
  ])
  const spec = readWorld(worldFile)
  const worldIds = [spec.bot.id, ...spec.contacts.map(c => c.id)]
  for (const warning of roleIdWarnings(loaded, worldIds)) log.warn(warning)
  const sandbox = createSandbox()
  populateWorld(sandbox.world, spec)
  // The sandbox world is rebuilt at every start, so its state starts fresh too (a playground, not production).
  for (const f of readdirSync(dataDir)) if (f !== LOCK_FILE) rmSync(join(dataDir, f), { recursive: true, force: true })
  const app = createApp({
    configFile: env.configFile,
    loaded,
    dataDir,
    log,
    puppet: sandbox.puppet,
    sandboxed: true,
    console: await consoleSettings(),
  })
  await prepared(app)
  void app.ready.then(() => keepHeapTight())
  await app.web?.listen()
  const local = unusedLocalConfig(env)
  process.stdout.write(
    `${[
      '════════════════════════════════════════════════════════════',
      ' 沙盒模式 SANDBOX MODE — 未配置 WECHATY_PUPPET，未连接真实微信',
      ' No WECHATY_PUPPET set: running on the built-in sandbox WeChat.',
      ` 配置 config: ${env.configFile}${env.usingExampleConfig ? '（示例配置 example）' : ''}`,
      ...(local
        ? [` 未使用 not used: ${local}（要在沙盒里用它，设置 BOT_CONFIG=bot.config.yaml set BOT_CONFIG）`]
        : []),
      ` 演示群 world: ${worldFile}；状态 state: ${dataDir}（每次启动清空 reset at every start）`,
      ...sandboxIgnores(process.env).map(line => ` ${line}`),
      ...worldBannerLines(spec, loaded.config.groups, worldArg !== undefined),
      '════════════════════════════════════════════════════════════',
    ].join('\n')}\n`,
  )
  const stopped = keepHealthFile(app, dataDir)
  stopOnSignals(app, log, stopped)
  process.on('unhandledRejection', e => log.error('unhandled rejection', e))
  await app.bot.start()
  sandbox.world.login(spec.bot.id)
  await app.ready
  await startConsole(sandbox.world, app, process.stdin, process.stdout)
  stopped('end of the sandbox console')
  await app.stop()
  return 0
}

/**
 * The store, and the fleet this process joins on it. `BOT_DATABASE_URL=postgres://…` selects PostgreSQL, where
 * the process is one account of a fleet (group leases, runs once, shared records); only then are pg, kysely
 * and the fleet loaded. The file store in the data folder is the default. `close` lets a database go.
 */
async function openStoreAndFleet(
  dataDir: string,
  app: () => App | undefined,
  log: Logger,
): Promise<{ store: Store; fleet?: FleetGate; close?: () => Promise<void> }> {
  if (!process.env.BOT_DATABASE_URL?.trim())
    return {
      store: new FileStore(dataDir, {
        background: true,
        onWarning: warning => log.warn(warning),
        onUpgrade: line => log.info(line),
      }),
    }
  const [{ openStore }, { PgStore }, { joinFleet }] = await Promise.all([
    import('../ports/postgres/open-store.js'),
    import('../ports/postgres/pg-store.js'),
    import('../fleet/join.js'),
  ])
  const store = await openStore(dataDir)
  if (!(store instanceof PgStore)) return { store }
  store.onWarning = warning => log.warn(warning)
  return { store, fleet: joinFleet(store, app, log.child('fleet')), close: () => store.close() }
}

/** The web console's settings; its module (hono, the HTTP server) loads only when `BOT_CONSOLE_LISTEN` is set. */
async function consoleSettings(): Promise<ConsoleSettings | undefined> {
  if (!process.env.BOT_CONSOLE_LISTEN?.trim()) return undefined
  return (await loadConsole()).readConsoleSettings()
}

/**
 * The plugins created (their commands and jobs registered, not running yet) before connecting: a plugin that
 * cannot start with this config, or damaged state, stops the bot here (thrown to the CLI: exit 1 with the list),
 * once the store is let go (`close`). The plugins are created once: `check-config` does the same on simulated ports.
 */
async function prepared(app: App, close?: () => Promise<void>): Promise<void> {
  try {
    await app.runtime.prepare()
  } catch (e) {
    await close?.().catch(() => {})
    throw e
  }
}

type Stop = (why: string, reason?: Exclude<ExitReason, 'running'>, code?: number) => void

/**
 * A stop function (flush state, record why, exit with `code`) bound to SIGINT, SIGTERM and uncaught exceptions.
 * `stopped` hears why first (the health file's last word).
 */
function stopOnSignals(app: App, log: Logger, stopped: (why: string) => void): Stop {
  let stopping = false
  const stop: Stop = (why, reason = 'stopped', code = reason === 'connection-lost' ? EXIT_TEMPFAIL : 0) => {
    if (stopping) return
    stopping = true
    log[code ? 'error' : 'info'](`${why}: flushing state and stopping${code ? ` (exit ${code})` : ''}`)
    stopped(code ? `${why} (exit ${code})` : why)
    // A hung puppet must not keep the process alive: state is flushed before Wechaty is stopped.
    setTimeout(() => {
      log.error(`stopping took longer than ${STOP_GRACE_MS / 1000}s, exiting anyway (exit ${code})`)
      process.exit(code)
    }, STOP_GRACE_MS).unref()
    app.stop(reason).then(
      () => process.exit(code),
      e => {
        log.error('stop failed', e)
        process.exit(code || 1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.on('uncaughtException', e => {
    // Damaged state, a config a plugin cannot start with, or a disk that cannot keep records need a
    // person: exit 1 (the unit does not restart it). Anything else is a crash: 70, restarted.
    // The database went away (restart, network): like a lost puppet connection, exit 75 and be restarted.
    // By name: pg-store loads only on PostgreSQL (as the runtime tells it apart).
    if (e.name === 'DatabaseUnavailableError') {
      log.error(`❌ ${e.message}`)
      return stop(`database connection lost: ${e.message.split('\n')[0]}`, 'connection-lost', EXIT_TEMPFAIL)
    }
    const needsOperator = e instanceof StateDamageError || e instanceof ConfigError || e instanceof StoreWriteError
    if (needsOperator) log.error(`❌ ${e.message}`)
    else log.error('uncaught exception', e)
    stop(`fatal: ${e.message.split('\n')[0]}`, 'fatal', needsOperator ? 1 : EXIT_FATAL)
  })
  return stop
}
