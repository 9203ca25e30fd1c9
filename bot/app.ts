import { readBackupMarker, removeBackupMarker } from './process/backup-marker.js'
import { nearDateTime } from './time/zoned.js'
import { join } from 'node:path'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import type * as PUPPET from 'wechaty-puppet'
import { PLUGINS } from '../plugins/index.js'
import type { PluginDefinition } from './core/plugin.js'
import { loadConfig, type LoadedConfig } from './config/load-config.js'
import { SystemClock, type Clock } from './ports/clock.js'
import { FileStore } from './ports/store/file-store.js'
import type { Store } from './ports/store/store.js'
import type * as ConsoleModule from './console/index.js'
import type { ConsoleSettings, WebConsole } from './console/index.js'
import { BotRuntime } from './runtime/host/runtime.js'
import type { RuntimeDeps } from './runtime/host/runtime-deps.js'
import { ensurePrivateDir } from './process/data-lock.js'
import { Lifecycle, type ExitReason } from './runtime/host/lifecycle.js'
import { GroupBindings } from './runtime/groups/group-bindings.js'
import { GroupMatcher } from './runtime/groups/group-matcher.js'
import { receivedMediaDir } from './ports/media.js'
import type { Logger } from './process/logger.js'
import { WechatyPorts } from './wechaty/wechaty-ports.js'
import { wireWechaty } from './wechaty/wire.js'
import { fixRoomMemberCache } from './wechaty/room-member-cache.js'
import { consoleOffCommand } from './commands/builtin/console-off-command.js'
import type { FleetGate } from './fleet/gate.js'

/** How to build the bot: config, where state lives, and optionally a puppet instance (sandbox) and clock. */
export interface AppOptions {
  configFile: string
  /** `configFile` already loaded and validated (the CLI's start): not read a second time. */
  loaded?: LoadedConfig
  dataDir: string
  log: Logger
  /** A puppet instance (the sandbox); otherwise `WECHATY_PUPPET` from the environment. */
  puppet?: PUPPET.impls.PuppetInterface
  /** An existing Wechaty to run on (the `GroupGuard` plugin); its owner starts and stops it. */
  bot?: Wechaty
  clock?: Clock
  store?: Store
  /** Dry-run everything (replay). */
  dryRun?: boolean
  /** A simulated WeChat (sandbox, replay): plugins keep their files under `dataDir` (`PluginContext.sandboxed`). */
  sandboxed?: boolean
  flushIntervalMs?: number
  printQr?: boolean
  /** Plugin set (default: every shipped plugin). */
  plugins?: PluginDefinition[]
  /**
   * Serve the admin web console (`readConsoleSettings()`; `await loadConsole()` before `createApp`); call
   * `app.web.listen()` after creating.
   */
  console?: ConsoleSettings
  /** The fleet this process belongs to (bot/fleet); default: one process acting everywhere. */
  fleet?: FleetGate
}

/** A built bot: Wechaty, the runtime and a stop function that flushes state. */
export interface App {
  bot: Wechaty
  runtime: BotRuntime
  ports: WechatyPorts
  /** The web console, when configured. */
  web?: WebConsole
  /** Resolves when every event the puppet delivered so far has been handled. */
  idle(): Promise<void>
  /** Resolves once the first login has started the runtime. */
  ready: Promise<void>
  /**
   * Resolves once the first login's background read of every managed group's members has ended (the directory
   * then answers from its cache; events are handled before that, each waiting only for its own group).
   */
  membersLoaded: Promise<void>
  /** Flush state, record why the bot stops (so the next start can tell the admins) and stop Wechaty. */
  stop(reason?: Exclude<ExitReason, 'running'>): Promise<void>
}

/** Longest wait at stop for the event being handled before state is flushed anyway. */
const IDLE_ON_STOP_MS = 5000
/** Longest wait for Wechaty to stop, after state was flushed. */
const WECHATY_STOP_MS = 3000

let consoleModule: typeof ConsoleModule | undefined

/**
 * Load the web console's module (hono, the HTTP server): call it before `createApp` with `console` settings.
 * A bot without a console never loads it.
 */
export async function loadConsole(): Promise<typeof ConsoleModule> {
  consoleModule ??= await import('./console/index.js')
  return consoleModule
}

/** The web console for `settings`, its module loaded by `loadConsole()` first. */
function webConsole(settings: ConsoleSettings, log: Logger, now: () => number): WebConsole {
  if (!consoleModule) throw new Error('createApp with console settings: await loadConsole() first')
  return new consoleModule.WebConsole(settings, log, now)
}

/** Load config (throws ConfigError), open the store and wire the runtime onto Wechaty. Call `bot.start()` next. */
export function createApp(opts: AppOptions): App {
  const plugins = opts.plugins ?? PLUGINS
  const load = configLoader(opts.configFile, plugins, opts.dryRun)
  const loaded = opts.loaded ?? load()
  let matcher = new GroupMatcher(loaded.config.groups)
  ensurePrivateDir(opts.dataDir)
  // On the real clock writes run off the event loop; on a simulated one (replay) they finish before time moves on.
  const store =
    opts.store ?? new FileStore(opts.dataDir, { background: !opts.clock, onWarning: warning => opts.log.warn(warning) })
  const bot = wechatyFor(opts)
  const outputDir = join(opts.dataDir, 'output')
  ensurePrivateDir(outputDir)
  const clock = opts.clock ?? new SystemClock()
  const web = opts.console ? webConsole(opts.console, opts.log.child('console'), () => clock.now()) : undefined
  // The admin channel follows #重载配置 (runtime.loaded); it is only read once the runtime exists.
  const adminGroup = (): string | undefined => {
    const channel: LoadedConfig['config']['adminChannel'] = runtime.loaded.config.adminChannel
    return channel.mode === 'group' ? channel.group : undefined
  }
  const ports = new WechatyPorts(bot, () => matcher, {
    bindings: new GroupBindings(store, adminGroup),
    mediaDir: receivedMediaDir(outputDir),
    // Group images are kept only where the content plugin's QR check reads them (qrCodes: true).
    savesGroupImages: group => runtime.loaded.groupSections.get(group.configName)?.content?.qrCodes === true,
  })
  const reloadConfig = () => {
    const next = load()
    matcher = new GroupMatcher(next.config.groups)
    void ports.refresh()
    return next
  }
  const runtime = runtimeFor(opts, { loaded, plugins, clock, store, ports, outputDir, web, reloadConfig })
  ports.onRefused = text => runtime.executor.notifyAdmins(text)
  if (web) web.attach(consoleModule!.runtimeSource(runtime))
  const lifecycle = new Lifecycle(store)
  const wiring = wireWechaty(bot, ports, runtime, opts.log, {
    printQr: opts.printQr,
    onFirstLogin: async () => {
      // A folder restored from a backup taken while the bot ran: its copied `running` is no crash (the marker says).
      const marker = readBackupMarker(opts.dataDir)
      const tz = runtime.loaded.config.timezone
      const restoredAt = marker?.running ? nearDateTime(marker.takenAt, runtime.deps.clock.now(), tz) : undefined
      const note = await lifecycle.begin(runtime.deps.clock.now(), restoredAt)
      if (marker) removeBackupMarker(opts.dataDir)
      if (note) runtime.executor.notifyAdmins(note)
    },
  })
  const flush = setInterval(
    () => void store.flush().catch(e => opts.log.error('store flush failed', e)),
    opts.flushIntervalMs ?? loaded.config.runtime.flushInterval,
  )
  flush.unref()
  return {
    bot,
    runtime,
    ports,
    web,
    idle: () => wiring.idle(),
    ready: wiring.ready,
    membersLoaded: wiring.membersLoaded,
    stop: async (reason = 'stopped') => {
      clearInterval(flush)
      await web?.close()
      await stopApp({ wiring, runtime, lifecycle, reason, bot: opts.bot ? undefined : bot, log: opts.log })
    },
  }
}

/** The runtime on the app's ports: Wechaty (directory, room admin, sender), the store, the console's commands. */
function runtimeFor(
  opts: AppOptions,
  p: Pick<RuntimeDeps, 'loaded' | 'plugins' | 'clock' | 'store' | 'outputDir' | 'reloadConfig'> & {
    ports: WechatyPorts
    web?: WebConsole
  },
): BotRuntime {
  const { ports, web, ...deps } = p
  return new BotRuntime({
    ...deps,
    embedded: !!opts.bot,
    sandboxed: opts.sandboxed,
    // Embedded in a host bot there is no console to turn on, and `#后台` may be the host's own command.
    commands: web?.commands ?? (opts.bot ? [] : [consoleOffCommand()]),
    directory: ports,
    roomAdmin: ports,
    sender: ports,
    log: opts.log,
    onFatal: crash,
    fleet: opts.fleet,
    // On the real clock a job's parts give way to the event loop between them.
    yieldTurn: opts.clock ? undefined : () => new Promise(resolve => setImmediate(resolve)),
  })
}

/** Reads and validates the config file (throws ConfigError); `dryRun` makes every plugin observe (replay). */
function configLoader(file: string, plugins: PluginDefinition[], dryRun?: boolean): () => LoadedConfig {
  return () => {
    const loaded = loadConfig(file, plugins)
    // `replay` without `--live`: every plugin observes whatever the file says (only a `#观察` switch at run
    // time overrides it).
    if (dryRun) {
      loaded.config.dryRun = true
      loaded.dryRunSettings = undefined
    }
    return loaded
  }
}

/** The Wechaty to run on (the host's, or a new one on the given or configured puppet), its member cache mended. */
function wechatyFor(opts: AppOptions): Wechaty {
  const bot = opts.bot ?? WechatyBuilder.build(opts.puppet ? { puppet: opts.puppet } : {})
  bot.on('puppet', puppet => void fixRoomMemberCache(puppet))
  if (opts.bot) fixRoomMemberCache(currentPuppet(opts.bot)) // already started: no 'puppet' event will come
  return bot
}

/**
 * Damaged state, a plugin that cannot start, a disk that cannot keep records: an uncaught exception, which the
 * CLI turns into a flushed stop with the right exit code.
 */
function crash(e: Error): void {
  setImmediate(() => {
    throw e
  })
}

/** Wait (bounded) for the event in hand, flush state, record why the bot stops, then stop Wechaty (`bot`: ours only). */
async function stopApp(s: {
  wiring: ReturnType<typeof wireWechaty>
  runtime: BotRuntime
  lifecycle: Lifecycle
  reason: Exclude<ExitReason, 'running'>
  bot?: Wechaty
  log: Logger
}): Promise<void> {
  s.wiring.stop()
  // An event stuck on a hung puppet call must not keep the state from being flushed.
  await Promise.race([s.wiring.idle(), new Promise(r => setTimeout(r, IDLE_ON_STOP_MS).unref())])
  await s.runtime.stop()
  await s.lifecycle.end(s.reason, s.runtime.deps.clock.now())
  if (!s.bot) return // the embedding bot's owner stops its Wechaty
  // State is safe by now. A Wechaty still starting (never connected) would first wait up to 5 s for its start to
  // settle, with nothing to save: not waited for. A puppet that cannot stop (hung service) is not waited for long.
  if (s.bot.state.active() === 'pending') return
  const stopped = s.bot.stop().catch(e => s.log.warn('wechaty stop failed', e))
  await Promise.race([stopped, new Promise(r => setTimeout(r, WECHATY_STOP_MS).unref())])
}

/** The puppet of a Wechaty that may not have one yet (Wechaty's getter throws before start). */
function currentPuppet(bot: Wechaty): unknown {
  try {
    return bot.puppet
  } catch {
    return undefined
  }
}
