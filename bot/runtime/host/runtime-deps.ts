import type { CommandSpec, PluginDefinition } from '../../core/plugin.js'
import type { LoadedConfig } from '../../config/load-config.js'
import type { Clock } from '../../ports/clock.js'
import type { Store } from '../../ports/store/store.js'
import type { Directory } from '../../ports/directory.js'
import type { RoomAdmin } from '../../ports/room-admin.js'
import type { Sender } from '../../ports/sender.js'
import type { WorkCalendar } from '../../time/workdays.js'
import type { Logger } from '../../process/logger.js'
import type { FleetGate } from '../../fleet/gate.js'

/** Everything the runtime is built from: config, plugin definitions and ports. */
export interface RuntimeDeps {
  loaded: LoadedConfig
  /** Running inside a host bot (the `GroupGuard` plugin): commands it does not know are the host's, not answered. */
  embedded?: boolean
  plugins: PluginDefinition[]
  clock: Clock
  store: Store
  directory: Directory
  roomAdmin: RoomAdmin
  sender: Sender
  log: Logger
  outputDir: string
  /** A simulated WeChat: plugins keep their files under the run's data folder (`PluginContext.sandboxed`). */
  sandboxed?: boolean
  calendar?: WorkCalendar
  random?: () => number
  /**
   * The bot cannot go on (state cannot be written): the app flushes what it can and exits non-zero.
   * Default: rethrow as an uncaught exception, which the CLI turns into a fatal exit.
   */
  onFatal?: (e: Error) => void
  /** Re-read and validate the config file (for `#重载配置`); throws ConfigError. */
  reloadConfig?: () => LoadedConfig
  /**
   * Give way to the event loop between the parts of a job (the app passes a turn of the event loop on the
   * real clock, so events the connection received meanwhile are queued before the next part). Without it,
   * as on a simulated clock, the parts follow each other at once (still behind events already queued).
   */
  yieldTurn?: () => Promise<void>
  /** Extra runtime commands registered next to the built-in ones (e.g. the web console's `#控制台`). */
  commands?: CommandSpec[]
  /** The fleet (several accounts on one database, bot/fleet); default: one process that acts everywhere. */
  fleet?: FleetGate
}
