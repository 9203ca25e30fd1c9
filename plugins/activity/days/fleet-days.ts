import type { FleetRecords } from '../../../bot/fleet/gate.js'
import {
  CURRENT_DOC,
  CURRENT_SPEC,
  type CurrentDoc,
  DAYS_LOG,
  type GroupDay,
  type MemberDay,
  openDays,
} from '../state.js'

/**
 * The group-days of the whole fleet (PostgreSQL): each account counts the messages of the groups it acts
 * in, so a group's day is this account's counters plus the other accounts' (their closed days from the
 * `activity-days` log, their open days from their `activity-current` document as last flushed). Both are
 * read when a report or command asks, not followed: an account rewrites its open days at every flush, and
 * following them made every other account read and check each copy. A group counted by two accounts on one
 * day (a takeover) is summed: every message was counted by the one account acting then. One process (no
 * fleet): its own days, unchanged, without a query.
 */
export class FleetDays {
  constructor(private fleet: Pick<FleetRecords, 'readLog' | 'readDocs'>) {}

  /** The other accounts' open days, each account's document checked (a damaged copy is left out). */
  private async openDays(): Promise<Map<string, CurrentDoc>> {
    const open = new Map<string, CurrentDoc>()
    for (const { account, data } of (await this.fleet.readDocs?.(CURRENT_DOC)) ?? []) {
      const parsed = CURRENT_SPEC.schema.safeParse(data)
      if (parsed.success) open.set(account, parsed.data as CurrentDoc)
    }
    return open
  }

  /** This account's `own` group-days of [from, to] with the other accounts' added in. */
  async with(own: GroupDay[], from: string, to: string): Promise<GroupDay[]> {
    const read = this.fleet.readLog
    if (!read) return own
    const byAccount = new Map<string, Map<string, GroupDay>>()
    const put = (account: string, g: GroupDay) => {
      const days = byAccount.get(account) ?? new Map<string, GroupDay>()
      byAccount.set(account, days)
      days.set(`${g.day} ${g.groupId}`, g) // a day closed twice keeps its last record, as for this account
    }
    for (const { account, record } of await read<GroupDay>(DAYS_LOG, from, to))
      if (record && typeof record === 'object' && 'groupId' in record && 'members' in record) put(account, record)
    for (const [account, current] of await this.openDays()) for (const g of openDays(current, from, to)) put(account, g)
    if (!byAccount.size) return own
    const merged = new Map(own.map(g => [`${g.day} ${g.groupId}`, g]))
    for (const days of byAccount.values())
      for (const [key, g] of days) {
        const mine = merged.get(key)
        merged.set(key, mine ? addDay(mine, g) : g)
      }
    return [...merged.values()].sort((a, b) => a.day.localeCompare(b.day))
  }
}

/** Two accounts' counters of one group on one day, added. */
export function addDay(a: GroupDay, b: GroupDay): GroupDay {
  const members: Record<string, MemberDay> = { ...a.members }
  for (const [id, m] of Object.entries(b.members)) {
    const x = members[id]
    members[id] = x
      ? {
          name: m.last > x.last ? m.name : x.name,
          staff: x.staff || m.staff,
          messages: x.messages + m.messages,
          chars: x.chars + m.chars,
          kinds: addCounts(x.kinds, m.kinds),
          first: Math.min(x.first, m.first),
          last: Math.max(x.last, m.last),
        }
      : m
  }
  const ids = (list: { id: string }[]) => new Set(list.map(p => p.id))
  return {
    ...a,
    members,
    hours: a.hours.map((n, i) => n + (b.hours[i] ?? 0)),
    joined: [...a.joined, ...b.joined.filter(p => !ids(a.joined).has(p.id))],
    left: [...a.left, ...b.left.filter(p => !ids(a.left).has(p.id))],
    responses: [...a.responses, ...b.responses],
    unanswered: a.unanswered + b.unanswered,
    size: Math.max(a.size ?? 0, b.size ?? 0) || undefined,
  }
}

function addCounts<K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>) {
  const out: Partial<Record<K, number>> = { ...a }
  for (const [k, n] of Object.entries(b) as [K, number][]) out[k] = (out[k] ?? 0) + n
  return out
}
