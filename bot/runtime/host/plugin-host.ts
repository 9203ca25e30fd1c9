import type { Action } from '../../core/actions.js'
import type { BotEvent, GroupRef, Member, Role } from '../../core/event.js'
import type { PluginContext, PluginDefinition, PluginInstance } from '../../core/plugin.js'
import type { LoadedConfig } from '../../config/load-config.js'
import type { Clock } from '../../ports/clock.js'
import type { Store } from '../../ports/store.js'
import type { Directory } from '../../ports/directory.js'
import type { AuditLog } from '../records/audit.js'
import type { Ledger } from '../records/ledger.js'
import type { Logger } from '../../process/logger.js'

/** A plugin instance with its name. */
export interface HostedPlugin {
  name: string
  def: PluginDefinition
  instance: PluginInstance
}

/** Shared services every plugin context is built from. */
export interface HostServices {
  clock: Clock
  store: Store
  directory: Directory
  audit: AuditLog
  ledger: Ledger
  log: Logger
  outputDir: string
  /** The effective observe mode of a plugin in a group (`observe-mode.ts`). */
  observing(plugin: string, group?: GroupRef): boolean
}

/** Role lookups from config, by contact id only (never by a display name anyone can copy). */
export function roleResolver(loaded: LoadedConfig): (contactId: string) => Role[] {
  const byId = new Map<string, Role[]>()
  for (const [role, ids] of Object.entries(loaded.config.roles) as [Role, string[]][]) {
    for (const id of ids) byId.set(id, [...(byId.get(id) ?? []), role])
  }
  return id => {
    const roles = byId.get(id) ?? []
    return loaded.roster.byContact(id) && !roles.includes('staff') ? [...roles, 'staff'] : roles
  }
}

/** Whether a contact id is another bot account of the fleet (`fleet.peers`), by contact id only. */
export function peerResolver(loaded: LoadedConfig): (contactId: string) => boolean {
  let peers = peerSets.get(loaded)
  if (!peers) peerSets.set(loaded, (peers = new Set(loaded.config.fleet.peers)))
  return id => peers.has(id)
}

/** One set of peer ids per loaded config (the runtime asks for every event). */
const peerSets = new WeakMap<LoadedConfig, Set<string>>()

/** The directory as plugins see it: member lists leave out fleet peers (never silent, audience or participants). */
export function withoutPeerMembers(directory: Directory, isPeer: (id: string) => boolean): Directory {
  return {
    selfId: () => directory.selfId(),
    groups: () => directory.groups(),
    group: id => directory.group(id),
    members: async groupId => (await directory.members(groupId)).filter(m => !isPeer(m.id)),
  }
}

/**
 * The event as a plugin that does not see peers receives it: a fleet peer's message is withheld (never moderated,
 * counted or waited on) and peers are left out of joins and leaves; undefined when nothing is left.
 */
export function withoutPeers(event: BotEvent): BotEvent | undefined {
  if (event.type === 'message') return event.sender.isPeer ? undefined : event
  if (event.type !== 'join' && event.type !== 'leave') return event
  const members = event.members.filter(m => !m.isPeer)
  if (!members.length) return undefined
  return members.length === event.members.length ? event : { ...event, members }
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
  const isPeer = peerResolver(loaded)
  const directory = withoutPeerMembers(s.directory, isPeer)
  const { config } = loaded
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
      store: s.store,
      directory,
      get roster() {
        return loaded.roster
      },
      ledger: s.ledger,
      audit: s.audit,
      log: s.log.child(def.name),
      outputDir: s.outputDir,
      rolesOf,
      isPeer,
      configFor: (group?: GroupRef) => (group && loaded.groupSections.get(group.configName)?.[def.name]) ?? section,
      membersWithRole: (role: Role) => config.roles[role as keyof typeof config.roles] ?? [],
      displayName: (m: Member) => loaded.roster.byContact(m.id)?.name ?? m.groupAlias ?? m.name,
      observing: (group?: GroupRef) => s.observing(def.name, group),
    }
    try {
      out.push({ name: def.name, def, instance: await def.create(ctx) })
    } catch (e) {
      problems.push(`plugins.${def.name}: 插件无法启动 cannot start: ${(e as Error)?.message ?? String(e)}`)
    }
  }
  return out
}

/** Run one plugin hook inside an error boundary: a failing rule logs and yields no actions. */
export async function guarded(
  plugin: string,
  what: string,
  fn: () => Action[] | Promise<Action[]> | undefined,
  onError: (msg: string, e: unknown) => void,
): Promise<Action[]> {
  try {
    return (await fn()) ?? []
  } catch (e) {
    onError(`${plugin}.${what}: ${(e as Error)?.message ?? String(e)}`, e)
    return []
  }
}

/** Fill in roles, staff and fleet-peer flags for every member an event carries. */
export function enrichEvent(
  event: BotEvent,
  rolesOf: (id: string) => Role[],
  isPeer: (id: string) => boolean = () => false,
): void {
  const fill = (m: Member) => {
    m.roles = rolesOf(m.id)
    m.isStaff = m.roles.length > 0
    if (isPeer(m.id)) m.isPeer = true
    else delete m.isPeer
  }
  if (event.type === 'message') fill(event.sender)
  if (event.type === 'join' || event.type === 'leave') event.members.forEach(fill)
  if (event.type === 'join' && event.inviter) fill(event.inviter)
  if (event.type === 'leave' && event.remover) fill(event.remover)
}
