import { join } from 'node:path'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import type * as PUPPET from 'wechaty-puppet'
import { PLUGINS } from '../plugins/index.js'
import type { PluginDefinition } from './core/plugin.js'
import { loadConfig, type LoadedConfig } from './config/load-config.js'
import { SystemClock, type Clock } from './ports/clock.js'
import { FileStore } from './ports/file-store.js'
import type { Store } from './ports/store.js'
import { WebConsole, runtimeSource, type ConsoleSettings } from './console/index.js'
import { BotRuntime } from './runtime/host/runtime.js'
import { ensurePrivateDir } from './process/data-lock.js'
import { Lifecycle, type ExitReason } from './runtime/host/lifecycle.js'
import { GroupBindings } from './runtime/host/group-bindings.js'
import { GroupMatcher } from './runtime/host/group-matcher.js'
import { receivedMediaDir } from './ports/media.js'
import type { Logger } from './process/logger.js'
import { WechatyPorts } from './wechaty/wechaty-ports.js'
import { wireWechaty } from './wechaty/wire.js'
import { fixRoomMemberCache } from './wechaty/room-member-cache.js'

/** How to build the bot: config, where state lives, and optionally a puppet instance (sandbox) and clock. */
export interface AppOptions {
  configFile: string
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
  flushIntervalMs?: number
  printQr?: boolean
  /** Plugin set (default: every shipped plugin). */
  plugins?: PluginDefinition[]
  /** Serve the admin web console (`readConsoleSettings()`); call `app.web.listen()` after creating. */
  console?: ConsoleSettings
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
  /** Flush state, record why the bot stops (so the next start can tell the admins) and stop Wechaty. */
  stop(reason?: Exclude<ExitReason, 'running'>): Promise<void>
}

/** Longest wait at stop for the event being handled before state is flushed anyway. */
const IDLE_ON_STOP_MS = 5000
/** Longest wait for Wechaty to stop, after state was flushed. */
const WECHATY_STOP_MS = 3000

/** Load config (throws ConfigError), open the store and wire the runtime onto Wechaty. Call `bot.start()` next. */
export function createApp(opts: AppOptions): App {
  const plugins = opts.plugins ?? PLUGINS
  const load = (): LoadedConfig => {
    const loaded = loadConfig(opts.configFile, plugins)
    // --dry-run: every plugin observes whatever the file says (only a `#观察` switch at run time overrides it).
    if (opts.dryRun) {
      loaded.config.dryRun = true
      loaded.dryRunSettings = undefined
    }
    return loaded
  }
  const loaded = load()
  let matcher = new GroupMatcher(loaded.config.groups)
  ensurePrivateDir(opts.dataDir)
  // On the real clock writes run off the event loop; on a simulated one (replay) they finish before time moves on.
  const store = opts.store ?? new FileStore(opts.dataDir, { background: !opts.clock })
  const bot = opts.bot ?? WechatyBuilder.build(opts.puppet ? { puppet: opts.puppet } : {})
  bot.on('puppet', puppet => void fixRoomMemberCache(puppet))
  if (opts.bot) fixRoomMemberCache(currentPuppet(opts.bot)) // already started: no 'puppet' event will come
  const outputDir = join(opts.dataDir, 'output')
  ensurePrivateDir(outputDir)
  const clock = opts.clock ?? new SystemClock()
  const web = opts.console ? new WebConsole(opts.console, opts.log.child('console'), () => clock.now()) : undefined
  // The admin channel follows #重载配置 (runtime.loaded); it is only read once the runtime exists.
  const adminGroup = (): string | undefined => {
    const channel: LoadedConfig['config']['adminChannel'] = runtime.loaded.config.adminChannel
    return channel.mode === 'group' ? channel.group : undefined
  }
  const ports = new WechatyPorts(bot, () => matcher, {
    bindings: new GroupBindings(store, adminGroup),
    mediaDir: receivedMediaDir(outputDir),
  })
  const runtime = new BotRuntime({
    loaded,
    embedded: !!opts.bot,
    plugins,
    clock,
    commands: web?.commands,
    store,
    directory: ports,
    roomAdmin: ports,
    sender: ports,
    log: opts.log,
    outputDir,
    yieldTurn: opts.clock ? undefined : () => new Promise(resolve => setImmediate(resolve)),
    // Damaged state, a plugin that cannot start, a disk that cannot keep records: an uncaught
    // exception, which the CLI turns into a flushed stop with the right exit code.
    onFatal: e =>
      setImmediate(() => {
        throw e
      }),
    reloadConfig: () => {
      const next = load()
      matcher = new GroupMatcher(next.config.groups)
      void ports.refresh()
      return next
    },
  })
  ports.onRefused = text => runtime.executor.notifyAdmins(text)
  web?.attach(runtimeSource(runtime))
  const lifecycle = new Lifecycle(store)
  const wiring = wireWechaty(bot, ports, runtime, opts.log, {
    printQr: opts.printQr,
    onFirstLogin: async () => {
      const note = await lifecycle.begin(runtime.deps.clock.now())
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
    stop: async (reason = 'stopped') => {
      clearInterval(flush)
      await web?.close()
      wiring.stop()
      // An event stuck on a hung puppet call must not keep the state from being flushed.
      await Promise.race([wiring.idle(), new Promise(r => setTimeout(r, IDLE_ON_STOP_MS).unref())])
      await runtime.stop()
      await lifecycle.end(reason, runtime.deps.clock.now())
      if (opts.bot) return // the embedding bot's owner stops its Wechaty
      // State is safe by now; a puppet that cannot stop (never connected, hung service) is not waited for long.
      const stopped = bot.stop().catch(e => opts.log.warn('wechaty stop failed', e))
      await Promise.race([stopped, new Promise(r => setTimeout(r, WECHATY_STOP_MS).unref())])
    },
  }
}

/** The puppet of a Wechaty that may not have one yet (Wechaty's getter throws before start). */
function currentPuppet(bot: Wechaty): unknown {
  try {
    return bot.puppet
  } catch {
    return undefined
  }
}
