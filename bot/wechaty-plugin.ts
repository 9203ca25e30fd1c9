import type { Wechaty, WechatyPlugin } from 'wechaty'
import { createApp, type App } from './app.js'
import type { PluginDefinition } from './core/plugin.js'
import { createLogger, type Logger, type LogLevel, logLevelFromEnv } from './process/logger.js'

/** Options of the `GroupGuard` Wechaty plugin. */
export interface GroupGuardOptions {
  /** The config file (validated at once: a bad file throws a `ConfigError` listing every problem). */
  configFile: string
  /** Where the bot keeps its state (one bot per folder). */
  dataDir: string
  /** A logger with the project's interface; default: `LOG_LEVEL` from the environment, text format. */
  log?: Logger
  /** Rule plugins (default: every shipped plugin). */
  plugins?: PluginDefinition[]
  /** Called with the app once it is wired (for `idle()`, `ready`, the runtime). */
  onApp?: (app: App) => void
}

/**
 * Group Guard as a Wechaty plugin, for an existing bot:
 *
 * ```ts
 * import { GroupGuard } from 'wechat-group-guard'
 * bot.use(GroupGuard({ configFile: 'bot.config.yaml', dataDir: 'data/state' }))
 * ```
 *
 * The rules start at the bot's next login (or at once when it is logged in already) and flush
 * their state when the plugin is uninstalled or the bot stops; the bot itself stays the owner's
 * to start and stop.
 */
export function GroupGuard(options: GroupGuardOptions): WechatyPlugin {
  return (bot: Wechaty) => {
    const log = options.log ?? createLogger(hostLogLevel(), 'group-guard')
    const app = createApp({ ...options, log, bot, printQr: false })
    options.onApp?.(app)
    let stopped = false
    const stop = () => {
      if (stopped) return
      stopped = true
      void app.stop().catch(e => log.error('group guard stop failed', e))
    }
    bot.once('stop', stop)
    return stop
  }
}

/** `LOG_LEVEL` for the default logger: the host app owns its environment, so a value the bot does not know means `info`. */
function hostLogLevel(): LogLevel {
  try {
    return logLevelFromEnv(process.env.LOG_LEVEL)
  } catch {
    return 'info'
  }
}
