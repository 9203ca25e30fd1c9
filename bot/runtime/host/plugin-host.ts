import type { Action } from '../../core/actions.js'
import type { BotEvent, GroupRef, Member, Role } from '../../core/event.js'
import { peerResolver, roleResolver, withoutPeerMembers, withoutPeers } from './identity.js'
import type { PluginContext, PluginDefinition, PluginInstance } from '../../core/plugin.js'
import type { LoadedConfig } from '../../config/load-config.js'
import type { Clock } from '../../ports/clock.js'
import type { Store } from '../../ports/store/store.js'
import type { Directory } from '../../ports/directory.js'
import type { AuditLog } from '../records/audit.js'
import type { Ledger } from '../records/ledger.js'
import type { Logger } from '../../process/logger.js'
import type { WorkCalendar } from '../../time/workdays.js'
import { type FleetGate, SOLO } from '../../fleet/gate.js'

/** A plugin instance with its name. */
export interface HostedPlugin {
  name: string
  def: PluginDefinition
  instance: PluginInstance
}

/**
 * The reason of an audit entry as people read it: its plugin's `auditReason` (labels for category keys), else the
 * reason as written (also when that plugin is not loaded now, or its reading throws).
 */
export function readableAuditReason(
  plugins: readonly HostedPlugin[],
  e: { plugin: string; rule: string; reason?: string },
): string | undefined {
  const read = plugins.find(p => p.name === e.plugin)?.instance.auditReason
  if (!read) return e.reason
  try {
    return read(e) ?? e.reason
  } catch {
    return e.reason
  }
}

/** Shared services every plugin context is built from. */
export interface HostServices {
  clock: Clock
  store: Store
  directory: Directory
  audit: AuditLog
  ledger: Ledger
  /** The app's working-day calendar (`PluginContext.calendar`). */
  calendar: WorkCalendar
  log: Logger
  outputDir: string
  /** A simulated WeChat (`PluginContext.sandboxed`). */
  sandboxed?: boolean
  /** The fleet (bot/fleet): plugins follow the other accounts' copies of their records through it. */
  fleet: FleetGate
  /** The effective observe mode of a plugin in a group (`observe-mode.ts`). */
  observing(plugin: string, group?: GroupRef): boolean
  /** Whether a text names a command the router knows (`PluginContext.isCommand`). */
  isCommand(text: string): boolean
}

/**
 * Create every enabled plugin with its context. A plugin whose `create()` throws is not created: its
 * problem goes to `problems` (the caller refuses to start, listing every problem).
 */
export async function createPlugins(
  defs: PluginDefinition[],
  loaded: LoadedConfig,
  s: HostServices,
  problems: string[],
): Promise<HostedPlugin[]> {
  const rolesOf = roleResolver(loaded)
  const configPeer = peerResolver(loaded)
  const isPeer = (id: string) => configPeer(id) || s.fleet.isPeer(id)
  const directory = withoutPeerMembers(s.directory, isPeer)
  const { config } = loaded
  const responsible = new Map(config.groups.map(g => [g.name, g.responsible]))
  const out: HostedPlugin[] = []
  for (const def of defs) {
    const section = config.plugins[def.name] as { enabled: boolean }
    if (!section?.enabled) continue
    const ctx: PluginContext<any> = {
      name: def.name,
      clock: s.clock,
      timezone: config.timezone,
      company: config.company,
      commandPrefix: config.commandPrefix,
      isCommand: s.isCommand,
      store: s.store,
      directory,
      get roster() {
        return loaded.roster
      },
      ledger: s.ledger,
      calendar: s.calendar,
      audit: s.audit,
      log: s.log.child(def.name),
      outputDir: s.outputDir,
      sandboxed: s.sandboxed,
      rolesOf,
      isPeer,
      configFor: (group?: GroupRef) => (group && loaded.groupSections.get(group.configName)?.[def.name]) ?? section,
      responsibleFor: (group: GroupRef) => responsible.get(group.configName) ?? [],
      membersWithRole: (role: Role) => config.roles[role as keyof typeof config.roles] ?? [],
      displayName: (m: Member) => loaded.roster.byContact(m.id)?.name ?? m.groupAlias ?? m.name,
      observing: (group?: GroupRef) => s.observing(def.name, group),
      fleet: {
        follow: (doc, fn) => s.fleet.follow(doc, fn, `plugin:${def.name}:${doc}`),
        readLog: s.fleet === SOLO ? undefined : s.store.readFleetLog?.bind(s.store),
        readDocs: s.fleet === SOLO ? undefined : s.store.readFleetDocs?.bind(s.store),
        holds: s.fleet === SOLO ? undefined : groupId => s.fleet.holds(groupId),
        account: s.fleet === SOLO ? undefined : () => (s.fleet.several() ? s.fleet.account : undefined),
        accountName: s.fleet.accountName?.bind(s.fleet),
        accounts: s.fleet.accounts?.bind(s.fleet),
      },
    }
    try {
      out.push({ name: def.name, def, instance: await def.create(ctx) })
    } catch (e) {
      problems.push(`plugins.${def.name}: 插件无法启动 cannot start: ${(e as Error)?.message ?? String(e)}`)
    }
  }
  return out
}

/**
 * Run one plugin hook inside an error boundary: a failing rule logs and yields no actions. A hook that
 * answers synchronously is answered synchronously (no promise per plugin per event).
 */
export function guarded(
  plugin: string,
  what: string,
  fn: () => Action[] | Promise<Action[]> | undefined,
  onError: (msg: string, e: unknown) => void,
): Action[] | Promise<Action[]> {
  const failed = (e: unknown): Action[] => {
    onError(`${plugin}.${what}: ${(e as Error)?.message ?? String(e)}`, e)
    return []
  }
  try {
    const out = fn()
    if (out instanceof Promise) return out.then(a => a ?? [], failed)
    return out ?? []
  } catch (e) {
    return failed(e)
  }
}

/**
 * The plugins an event reaches, in order: those with an `onEvent` not switched off in the event's group (its
 * config `sections`, by plugin); where this process does not act (fleet), only those that see every event
 * (`seesPeers`, the archive). Made once per group's sections, not per event.
 */
export function pluginsReached(
  plugins: readonly HostedPlugin[],
  acting: boolean,
  sections: Record<string, unknown> | undefined,
): HostedPlugin[] {
  return plugins.filter(
    p =>
      (acting || p.def.seesPeers) &&
      (sections?.[p.name] as { enabled?: boolean } | undefined)?.enabled !== false &&
      !!p.instance.onEvent,
  )
}

/**
 * Let every plugin the event reaches (`pluginsReached`) decide on it, in order, each inside its error boundary,
 * and hand each plugin's actions to `act` before the next plugin decides (decide, then act: the host never
 * acts). A fleet peer's message reaches only plugins that see peers. Plugins that decide synchronously cost no
 * promise, nor do actions performed synchronously (timers, strikes, records: see `Executor.run`): when no
 * plugin answers with a promise and no action has to wait, nothing is returned (no promise for the event either).
 */
export function decide(
  reached: readonly HostedPlugin[],
  event: BotEvent,
  onError: (msg: string, e: unknown) => void,
  act: Act,
): Promise<void> | undefined {
  return decideFrom(0, reached, event, withoutPeers(event), onError, act)
}

/** `decide` from the plugin at `start` on: synchronous until a plugin answers with a promise or actions. */
function decideFrom(
  start: number,
  plugins: readonly HostedPlugin[],
  event: BotEvent,
  visible: BotEvent | undefined,
  onError: (msg: string, e: unknown) => void,
  act: Act,
): Promise<void> | undefined {
  for (let i = start; i < plugins.length; i++) {
    const plugin = plugins[i]
    const seen = plugin.def.seesPeers ? event : visible
    if (!seen) continue
    const decided = decideOne(plugin, seen, onError)
    if (!Array.isArray(decided)) return actThenDecide(decided, i, plugins, event, visible, onError, act)
    if (!decided.length) continue
    // Actions that need no waiting (timers, strikes, records) are performed synchronously too.
    const acted = act(plugin, decided)
    // Its actions are under way: once done (nothing more to act on), the plugins after it decide.
    if (acted) return actThenDecide(acted.then(noActions), i, plugins, event, visible, onError, act)
  }
  return undefined
}

/** What a plugin's finished actions leave to act on. */
function noActions(): Action[] {
  return []
}

/** Performs one plugin's actions: synchronously (nothing returned) unless one has to wait. */
type Act = (plugin: HostedPlugin, actions: Action[]) => Promise<void> | undefined

/**
 * The plugin at `i` answered with a promise (or is still acting): act on its actions, then let the plugins after it decide.
 * A function of its own, not a closure in `decideFrom`'s loop (that would cost a context per plugin and event).
 */
async function actThenDecide(
  decided: Promise<Action[]>,
  i: number,
  plugins: readonly HostedPlugin[],
  event: BotEvent,
  visible: BotEvent | undefined,
  onError: (msg: string, e: unknown) => void,
  act: Act,
): Promise<void> {
  const actions = await decided
  if (actions.length) await act(plugins[i], actions)
  await decideFrom(i + 1, plugins, event, visible, onError, act)
}

/** One plugin's `onEvent` inside its error boundary, like `guarded` but without a closure per plugin and event. */
function decideOne(
  plugin: HostedPlugin,
  event: BotEvent,
  onError: (msg: string, e: unknown) => void,
): Action[] | Promise<Action[]> {
  try {
    const out = plugin.instance.onEvent?.(event)
    if (out instanceof Promise) return guarded(plugin.name, event.type, () => out, onError)
    return out ?? []
  } catch (e) {
    return guarded(
      plugin.name,
      event.type,
      () => {
        throw e
      },
      onError,
    )
  }
}
