import { chatKey, type OutboundMessage } from '../ports/outbound-message.js'
import { OUTBOX_JOURNAL, type Queued, takeQueued } from '../runtime/delivery/outbox.js'
import type { ForeignRecords } from './gate.js'

/** The name of the outbox journal (its rows in the store). */
export const OUTBOX_NAME = 'outbox'

/** What a takeover did with a down account's queued messages of one group. */
export interface OutboxMove {
  /** Taken out of that account's outbox, in queue order. */
  moved: Queued[]
  /** Left there, by why: a secret (its text was never stored), a chat this account cannot reach, claimed in `fleet_sent`. */
  secret: number
  unreachable: string[]
  claimed: number
  /**
   * Left there too: messages the group caused into another group this account is not in (the admin group, as that
   * account addressed it); they move with that group when an account in it takes it over.
   */
  elsewhere: string[]
}

/** What a takeover of several groups did with a down account's queued messages. */
export interface OutboxMoves {
  /** Every group's moved messages, in queue order, to be queued here (`Outbox.adopt`). */
  moved: Queued[]
  /** By group taken over (each one of them, also when nothing of it was queued). */
  groups: Map<string, OutboxMove>
}

/** What the move needs of this process: its admin group, and whether it can send to a chat (undefined: not known). */
export interface OutboxMoveDeps {
  /** The admin group's room, when this account is in it (undefined otherwise: it cannot send there). */
  adminRoom?: string
  reaches: (chat: OutboundMessage['chat']) => boolean | undefined | Promise<boolean | undefined>
}

/**
 * Inside a takeover's transaction: take the messages the down account `theirs` queued and did not send that go
 * with the groups taken over, in one pass over its outbox and one read of `fleet_sent` however many groups there
 * are: those into one of the groups, and those to a person or to this account's admin group that a group's events
 * or timers caused (`origin`). Left with that account (and counted for the log): secrets, whose text only its
 * process had; messages to a contact this account cannot reach; messages whose send key some account already
 * claimed in `fleet_sent` (a send of it failed there and waits for its retry); messages a group caused into another
 * group this account is not in (the admin group: this account could only fail to send them).
 */
export async function moveOutbox(
  theirs: ForeignRecords,
  groups: readonly string[],
  d: OutboxMoveDeps,
): Promise<OutboxMoves> {
  const outbox = theirs.journal(OUTBOX_NAME, OUTBOX_JOURNAL)
  const taken = new Set(groups)
  const result = new Map<string, OutboxMove>(
    groups.map(g => [g, { moved: [], secret: 0, unreachable: [], claimed: 0, elsewhere: [] }]),
  )
  const intoGroup = (q: Queued) => 'room' in q.chat && taken.has(q.chat.room)
  // The taken group a message goes with: the one it is sent into, else the one that caused it.
  const groupOf = (q: Queued) => ('room' in q.chat && taken.has(q.chat.room) ? q.chat.room : (q.origin as string))
  const mine = outbox.state.queue.filter(q => intoGroup(q) || (!!q.origin && taken.has(q.origin)))
  if (!mine.length) return { moved: [], groups: result }
  // Each other chat asked once (the admins, a few staff), before anything is taken.
  const reach = new Map<string, boolean | undefined>()
  const other = (q: Queued) => !intoGroup(q) && !q.sensitive && ('contact' in q.chat || q.chat.room === d.adminRoom)
  for (const q of mine) if (other(q) && !reach.has(chatKey(q))) reach.set(chatKey(q), await d.reaches(q.chat))
  const going: Queued[] = []
  for (const q of mine) {
    const r = result.get(groupOf(q)) as OutboxMove
    if (q.sensitive) r.secret++
    else if (!intoGroup(q) && 'room' in q.chat && q.chat.room !== d.adminRoom) r.elsewhere.push(q.chat.room)
    else if (!intoGroup(q) && reach.get(chatKey(q)) === false)
      r.unreachable.push('room' in q.chat ? q.chat.room : q.chat.contact)
    else going.push(q)
  }
  const keyOf = (q: Queued) => q.key ?? `outbox:${theirs.account}:${q.seq}`
  const claimed = await theirs.claimed(going.map(keyOf))
  for (const q of going) if (claimed.has(keyOf(q))) (result.get(groupOf(q)) as OutboxMove).claimed++
  const moving = new Set(going.filter(q => !claimed.has(keyOf(q))))
  const moved = takeQueued(outbox.state, q => moving.has(q))
  for (const q of moved) (result.get(groupOf(q)) as OutboxMove).moved.push(q)
  if (moved.length) outbox.changed()
  return { moved, groups: result }
}

/** The causes (the send key's part before the first `|`) of moved messages: the lease gap's messages they answer were acted on. */
export function movedCauses(moved: Queued[]): Set<string> {
  return new Set(moved.flatMap(q => (q.key ? [q.key.split('|')[0]] : [])))
}
