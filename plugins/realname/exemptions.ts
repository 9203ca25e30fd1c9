import type { FleetRecords } from '../../bot/fleet/gate.js'
import type { Roster } from '../../bot/roster/roster.js'
import { STATE_DOC, type Exemption, type GroupMembers, type MemberRecord, type RealnameState } from './state.js'

/**
 * Who is exempt from the real-name nickname (`#实名豁免`), fleet-wide: this account's exemptions (its
 * `realname-state` document) and the other accounts' (their copies, followed). Each account writes only its
 * own, so for one member the latest record of any account decides: an exemption, or its lifting (a record
 * marked `undone`, written only when another account holds an exemption that a delete here would not lift).
 * One process: its own exemptions, deleted when lifted, as always.
 */
export class Exemptions {
  private foreign = new Map<string, Record<string, Exemption>>()

  constructor(
    fleet: FleetRecords,
    private own: () => RealnameState,
  ) {
    fleet.follow('realname-state', (account, data) => {
      const parsed = STATE_DOC.schema.safeParse(data)
      if (parsed.success) this.foreign.set(account, (parsed.data as RealnameState).exempt)
    })
  }

  /** Whether a contact id is exempt now (its latest record, of any account, is not a lifting). */
  has(id: string): boolean {
    const latest = this.latest(id)
    return !!latest && !latest.undone
  }

  /** Every exempt contact id. */
  ids(): string[] {
    const all = new Set([...Object.keys(this.own().exempt), ...[...this.foreign.values()].flatMap(Object.keys)])
    return [...all].filter(id => this.has(id))
  }

  /** Exempt a member (recorded in this account's document; the caller marks it changed). */
  add(id: string, by: string, at: number): void {
    this.own().exempt[id] = { by, at }
  }

  /** Lift a member's exemption: deleted here, and a lifting recorded when another account's record would still count. */
  lift(id: string, by: string, at: number): void {
    const exempt = this.own().exempt
    delete exempt[id]
    if ([...this.foreign.values()].some(e => e[id] && !e[id].undone)) exempt[id] = { by, at, undone: true }
  }

  private latest(id: string): Exemption | undefined {
    let latest = this.own().exempt[id]
    if (!this.foreign.size) return latest // one process (asked at every message): no other account to ask
    for (const e of this.foreign.values()) if (e[id] && (!latest || e[id].at > latest.at)) latest = e[id]
    return latest
  }
}

/**
 * Exemptions stored under a name instead of a contact id (`#实名豁免 王五` typed privately before names were
 * resolved) are moved to the one contact that name means (a bound roster entry, or a member the plugin has
 * seen under that name), or dropped when it means nobody or several (they never exempted anyone: the check
 * asks by contact id). Keys that may be contact ids (ASCII, not a roster name) stay. Returns whether anything changed.
 * The members seen are read (every shard of `members` opened) only for a key the roster does not bind: with
 * no such exemption, the start opens none.
 */
export function cleanNamedExemptions(
  exempt: Record<string, Exemption>,
  roster: Roster,
  members: { groups: Record<string, GroupMembers> },
): boolean {
  let seen: [string, MemberRecord][] | undefined
  let seenIds: Set<string> | undefined
  let changed = false
  for (const key of Object.keys(exempt)) {
    if (roster.byContact(key)) continue
    seen ??= Object.values(members.groups).flatMap(g => Object.entries(g.members))
    seenIds ??= new Set(seen.map(([id]) => id))
    if (seenIds.has(key)) continue
    const ids = new Set([
      ...roster.named(key).flatMap(e => (e.contactId ? [e.contactId] : [])),
      ...seen.filter(([, r]) => r.name === key || r.label === key).map(([id]) => id),
    ])
    // WeChat ids are ASCII: a key with Chinese in it is a name even when nobody bears it now.
    const isName = ids.size > 0 || roster.named(key).length > 0 || /[\u4e00-\u9fff]/.test(key)
    if (!isName) continue
    const record = exempt[key]
    delete exempt[key]
    if (ids.size === 1) {
      const [id] = ids
      exempt[id] ??= record
    }
    changed = true
  }
  return changed
}
