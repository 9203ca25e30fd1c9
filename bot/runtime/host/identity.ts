import type { BotEvent, Member, Role } from '../../core/event.js'
import type { LoadedConfig } from '../../config/load-config.js'
import type { Directory } from '../../ports/directory.js'

// Who is who: roles and staff by contact id (config and roster), and the fleet's other bot accounts.

/**
 * Role lookups from config (roles; whoever a group names as responsible is staff), by contact id only (never by a display name anyone can copy). The lists are
 * shared (callers must not change them): a roster member's list with `staff` added is built once per
 * contact and roster, and built again after the roster is replaced.
 */
export function roleResolver(loaded: LoadedConfig): (contactId: string) => Role[] {
  const byId = new Map<string, Role[]>()
  for (const [role, ids] of Object.entries(loaded.config.roles) as [Role, string[]][]) {
    for (const id of ids) byId.set(id, [...(byId.get(id) ?? []), role])
  }
  const none: Role[] = []
  const staffOnly: Role[] = ['staff']
  // Whoever a group names as responsible is staff, on the roster or not: what is sent to them about a customer
  // group is staff's (a complaint, a waiting customer), never treated as a text to a customer.
  for (const id of responsibleIds(loaded)) if (!byId.has(id)) byId.set(id, staffOnly)
  let roster = loaded.roster
  const withStaff = new Map<string, Role[]>()
  return id => {
    if (loaded.roster !== roster) {
      roster = loaded.roster
      withStaff.clear()
    }
    const roles = byId.get(id) ?? none
    if (!roster.byContact(id) || roles.includes('staff')) return roles
    // Most staff have no configured role: they share one list; the others get theirs once.
    if (roles === none) return staffOnly
    let staff = withStaff.get(id)
    if (!staff) withStaff.set(id, (staff = [...roles, 'staff']))
    return staff
  }
}

/** The contact ids a config names as responsible for a group (`groups[].responsible`, activity's and service's). */
function responsibleIds(loaded: LoadedConfig): Set<string> {
  const ids = new Set(loaded.config.groups.flatMap(g => g.responsible))
  for (const name of ['activity', 'service']) {
    const section = loaded.config.plugins[name] as { responsible?: Record<string, string[]> } | undefined
    for (const list of Object.values(section?.responsible ?? {})) for (const id of list) ids.add(id)
  }
  return ids
}

/** Whether a contact id is another bot account of the fleet (`fleet.peers`), by contact id only. */
export function peerResolver(loaded: LoadedConfig): (contactId: string) => boolean {
  return id => isConfigPeer(loaded, id)
}

/** Whether `fleet.peers` of this config lists the contact id (no function built per call). */
export function isConfigPeer(loaded: LoadedConfig, contactId: string): boolean {
  let peers = peerSets.get(loaded)
  if (!peers) peerSets.set(loaded, (peers = new Set(loaded.config.fleet.peers)))
  return peers.has(contactId)
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
    mayRemove: groupId => directory.mayRemove?.(groupId),
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

/** Fill in roles, staff and fleet-peer flags for every member an event carries. */
export function enrichEvent(
  event: BotEvent,
  rolesOf: (id: string) => Role[],
  isPeer: (id: string) => boolean = () => false,
): void {
  if (event.type === 'message') fill(event.sender, rolesOf, isPeer)
  if (event.type === 'join' || event.type === 'leave') for (const m of event.members) fill(m, rolesOf, isPeer)
  if (event.type === 'join' && event.inviter) fill(event.inviter, rolesOf, isPeer)
  if (event.type === 'leave' && event.remover) fill(event.remover, rolesOf, isPeer)
}

function fill(m: Member, rolesOf: (id: string) => Role[], isPeer: (id: string) => boolean): void {
  m.roles = rolesOf(m.id)
  m.isStaff = m.roles.length > 0
  if (isPeer(m.id)) m.isPeer = true
  else delete m.isPeer
}
