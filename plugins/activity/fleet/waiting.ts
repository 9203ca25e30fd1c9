import type { AdoptSource, FleetRecords } from '../../../bot/fleet/gate.js'
import { MAX_WAITING } from '../decide-waiting.js'
import {
  CURRENT_DOC,
  CURRENT_SPEC,
  type CurrentDoc,
  type GroupWaiting,
  messageKey,
  type PendingMessage,
  waitingPart,
} from '../state.js'

/**
 * Fleet takeover: the customers waiting in `groupId` at the account `from` (down) move to `mine`, with the
 * reminder timer armed for them (`wait:<group>`), so the taker reminds and reports them and `from`, back, does
 * not. Messages this account already waits on there (the takeover gap) are kept once; the earlier reminder wins
 * (a later one left with `from` finds no list when it fires). Returns how many messages moved.
 */
export function adoptWaiting(
  from: AdoptSource,
  mine: { data: CurrentDoc; changed(part?: string): void },
  groupId: string,
): number {
  const theirs = from.doc(CURRENT_DOC, CURRENT_SPEC)
  const w = theirs.data.waiting[groupId]
  if (!w) return 0
  delete theirs.data.waiting[groupId]
  theirs.changed()
  const own = mine.data.waiting[groupId]
  const moveTimer = w.timerAt !== undefined && (own?.timerAt === undefined || w.timerAt < own.timerAt)
  if (moveTimer) from.timer(`wait:${groupId}`)
  // Messages held for the admins there move too: released, they wait here.
  const held = [...(own?.held ?? []), ...(w.held ?? [])]
  mine.data.waiting[groupId] = {
    group: own?.group ?? w.group,
    msgs: own ? mergeMessages([own, w]) : w.msgs,
    timerAt: moveTimer ? w.timerAt : own?.timerAt,
    ...(held.length ? { held } : {}),
  }
  mine.changed(waitingPart(groupId))
  return w.msgs.length
}

/**
 * The messages of several lists of one group, each once (by `messageKey`: two accounts' copies of one message may
 * carry different ids; reminded when any list reminded it), oldest first, at most `MAX_WAITING`.
 */
function mergeMessages(lists: GroupWaiting[]): GroupWaiting['msgs'] {
  const byKey = new Map<string, PendingMessage>()
  for (const m of lists.flatMap(l => l.msgs)) {
    const key = messageKey(m)
    const seen = byKey.get(key)
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            reminded: seen.reminded || m.reminded,
            rehearsed: seen.rehearsed || m.rehearsed,
            escalated: seen.escalated || m.escalated,
            escalationRehearsed: seen.escalationRehearsed || m.escalationRehearsed,
          }
        : m,
    )
  }
  return [...byKey.values()].sort((a, b) => a.at - b.at).slice(0, MAX_WAITING)
}

/**
 * The customers waiting fleet-wide, one list per group and each message once: this account's lists of the groups
 * it acts in (`holds`; a list left in a group it no longer holds is not its to report), and the other accounts'
 * lists (their `activity-current` as last flushed) of the groups it does not. One process: its own lists.
 */
export async function fleetWaiting(
  own: CurrentDoc,
  fleet: Pick<FleetRecords, 'readDocs' | 'holds'>,
): Promise<GroupWaiting[]> {
  const holds = fleet.holds ?? (() => true)
  const byGroup = new Map<string, GroupWaiting[]>()
  const add = (groupId: string, w: GroupWaiting) => {
    if (w.msgs.length) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), w])
  }
  for (const [groupId, w] of Object.entries(own.waiting)) if (holds(groupId)) add(groupId, w)
  for (const { data } of (await fleet.readDocs?.(CURRENT_DOC)) ?? []) {
    const parsed = CURRENT_SPEC.schema.safeParse(data)
    if (!parsed.success) continue // a damaged copy is left out
    for (const [groupId, w] of Object.entries((parsed.data as CurrentDoc).waiting))
      if (!holds(groupId)) add(groupId, w as GroupWaiting)
  }
  return [...byGroup.values()].map(lists =>
    lists.length === 1 ? lists[0] : { group: lists[0].group, msgs: mergeMessages(lists) },
  )
}
