import { mkdirSync } from 'node:fs'
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
import { BotRuntime } from './runtime/runtime.js'
import { Lifecycle, type ExitReason } from './runtime/lifecycle.js'
import { GroupMatcher } from './runtime/group-matcher.js'
import type { Logger } from './runtime/logger.js'
import { WechatyPorts } from './wechaty/wechaty-ports.js'
import { wireWechaty } from './wechaty/wire.js'

/** How to build the bot: config, where state lives, and optionally a puppet instance (sandbox) and clock. */
export interface AppOptions {
  configFile: string
  dataDir: string
  log: Logger
  /** A puppet instance (the sandbox); otherwise `WECHATY_PUPPET` from the environment. */
  puppet?: PUPPET.impls.PuppetInterface
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

/** Load config (throws ConfigError), open the store and wire the runtime onto Wechaty. Call `bot.start()` next. */
export function createApp(opts: AppOptions): App {
  const plugins = opts.plugins ?? PLUGINS
  const load = (): LoadedConfig => {
    const loaded = loadConfig(opts.configFile, plugins)
    if (opts.dryRun) loaded.config.dryRun = true
    return loaded
  }
  const loaded = load()
  let matcher = new GroupMatcher(loaded.config.groups)
  mkdirSync(opts.dataDir, { recursive: true })
  const store = opts.store ?? new FileStore(opts.dataDir)
  const bot = WechatyBuilder.build(opts.puppet ? { puppet: opts.puppet } : {})
  const ports = new WechatyPorts(bot, () => matcher)
  const outputDir = join(opts.dataDir, 'output')
  mkdirSync(outputDir, { recursive: true })
  const clock = opts.clock ?? new SystemClock()
  const web = opts.console ? new WebConsole(opts.console, opts.log.child('console'), () => clock.now()) : undefined
  const runtime = new BotRuntime({
    loaded,
    plugins,
    clock,
    commands: web?.commands,
    store,
    directory: ports,
    roomAdmin: ports,
    sender: ports,
    log: opts.log,
    outputDir,
    reloadConfig: () => {
      const next = load()
      matcher = new GroupMatcher(next.config.groups)
      void ports.refresh()
      return next
    },
  })
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
      await wiring.idle()
      await runtime.stop()
      await lifecycle.end(reason, runtime.deps.clock.now())
      await bot.stop().catch(e => opts.log.warn('wechaty stop failed', e))
    },
  }
}
