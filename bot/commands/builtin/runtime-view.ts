import type { LoadedConfig } from '../../config/load-config.js'
import type { FleetGate } from '../../fleet/gate.js'
import type { Roster } from '../../roster/roster.js'
import type { CommandRouter } from '../command-router.js'
import type { AuditLog } from '../../runtime/records/audit.js'
import type { Ledger } from '../../runtime/records/ledger.js'
import type { Outbox } from '../../runtime/delivery/outbox.js'
import type { Timers } from '../../runtime/schedule/timers.js'
import type { StorageKeeper } from '../../runtime/storage/storage-keeper.js'
import type { ObserveMode } from '../../runtime/host/observe-mode.js'
import type { HostedPlugin } from '../../runtime/host/plugin-host.js'
import type { RuntimeDeps } from '../../runtime/host/runtime-deps.js'

/**
 * What the built-in commands (and the console's undo) use of the runtime. `BotRuntime` is one; the commands
 * depend on this view, not on the runtime class, so the runtime can register them without an import cycle.
 */
export interface RuntimeView {
  readonly loaded: LoadedConfig
  readonly deps: Pick<RuntimeDeps, 'clock' | 'directory' | 'store' | 'reloadConfig' | 'log'>
  readonly router: Pick<CommandRouter, 'help'>
  readonly plugins: readonly HostedPlugin[]
  readonly audit: AuditLog
  readonly ledger: Ledger
  readonly modes: ObserveMode
  readonly outbox: Outbox
  readonly timers: Timers
  /** The data folder's sizes as last counted (`#状态`, like `group-guard health`). */
  readonly storage: Pick<StorageKeeper, 'usage'>
  /** The last errors, one line each. */
  readonly errors: readonly string[]
  readonly startedAt: number
  /** The fleet this process belongs to (`#状态` lists its accounts; texts name them by their WeChat names). */
  readonly fleet: Pick<FleetGate, 'status' | 'accountName'>
  /** Swap in a new, already validated config (plugins re-created, state kept); throws when its plugins cannot start. */
  applyConfig(loaded: LoadedConfig): Promise<void>
  /** The warning for years the holiday calendar has no data for (`#状态`); undefined when it has them all. */
  calendarWarning(): string | undefined
  /** Replace the roster (already validated). */
  replaceRoster(roster: Roster): void
}
