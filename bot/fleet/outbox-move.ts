import { chatKey, type OutboundMessage } from '../ports/outbound-message.js'
import { OUTBOX_JOURNAL, type Queued, takeQueued } from '../runtime/delivery/outbox.js'
import type { ForeignRecords } from './gate.js'

/** The name of the outbox journal (its rows in the store). */
export const OUTBOX_NAME = 'outbox'

/** What a takeover did with a down account's queued messages of one group. */
export interface OutboxMove {
  /** Taken out of that account's outbox, in queue order, to be queued here (`Outbox.adopt`). */
  moved: Queued[]
  /** Left there, by why: a secret (its text was never stored), a chat this account cannot reach, claimed in `fleet_sent`. */
  secret: number
  unreachable: string[]
  claimed: number
}

/** What the move needs of this process: the admin group, and whether it can send to a chat (undefined: not known). */
export interface OutboxMoveDeps {
  adminRoom?: string
  reaches: (chat: OutboundMessage['chat']) => boolean | undefined | Promise<boolean | undefined>
}

/**
 * Inside a takeover's transaction: take the messages the down account `theirs` queued and did not send that go
 * with `groupId`: those into the group, and those to a person or the admin group that the group's events or timers
 * caused (`origin`). Left with that account (and counted for the log): secrets, whose text only its process had;
 * messages to a contact or group this account cannot reach; messages whose send key some account already claimed
 * in `fleet_sent` (a send of it failed there and waits for its retry).
 */
export async function moveOutbox(theirs: ForeignRecords, groupId: string, d: OutboxMoveDeps): Promise<OutboxMove> {
  const outbox = theirs.journal(OUTBOX_NAME, OUTBOX_JOURNAL)
  const intoGroup = (q: Queued) => 'room' in q.chat && q.chat.room === groupId
  const causedHere = (q: Queued) =>
    q.origin === groupId && ('contact' in q.chat || (!!d.adminRoom && q.chat.room === d.adminRoom))
  const mine = outbox.state.queue.filter(q => intoGroup(q) || causedHere(q))
  const result: OutboxMove = { moved: [], secret: 0, unreachable: [], claimed: 0 }
  if (!mine.length) return result
  // Each other chat asked once (the admins, a few staff), before anything is taken.
  const reach = new Map<string, boolean | undefined>()
  for (const q of mine)
    if (!intoGroup(q) && !q.sensitive && !reach.has(chatKey(q))) reach.set(chatKey(q), await d.reaches(q.chat))
  const going: Queued[] = []
  for (const q of mine) {
    if (q.sensitive) result.secret++
    else if (!intoGroup(q) && reach.get(chatKey(q)) === false)
      result.unreachable.push('room' in q.chat ? q.chat.room : q.chat.contact)
    else going.push(q)
  }
  const keyOf = (q: Queued) => q.key ?? `outbox:${theirs.account}:${q.seq}`
  const claimed = await theirs.claimed(going.map(keyOf))
  result.claimed = going.filter(q => claimed.has(keyOf(q))).length
  const moving = new Set(going.filter(q => !claimed.has(keyOf(q))))
  result.moved = takeQueued(outbox.state, q => moving.has(q))
  if (result.moved.length) outbox.changed()
  return result
}

/** The causes (the send key's part before the first `|`) of moved messages: the lease gap's messages they answer were acted on. */
export function movedCauses(moved: Queued[]): Set<string> {
  return new Set(moved.flatMap(q => (q.key ? [q.key.split('|')[0]] : [])))
}
