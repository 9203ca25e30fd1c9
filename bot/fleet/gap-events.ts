import { createHash } from 'node:crypto'
import type { MessageEvent } from '../core/event.js'

/** The most messages kept per group (a burst in a group another account holds). */
export const GAP_EVENTS_PER_GROUP = 200

/**
 * The recent messages of groups this process is in but does not act in: what a takeover decides on afterwards,
 * the messages of the lease gap nobody acted on (docs/fleet.md, "Messages during a takeover"). In memory only,
 * bounded per group by count and by age (`keepMs` before the newest message's time): no database write per message.
 */
export class GapEvents {
  private byGroup = new Map<string, MessageEvent[]>()

  constructor(
    private keepMs: number,
    private perGroup = GAP_EVENTS_PER_GROUP,
  ) {}

  /** Keep a message of a group this process did not act in; drops what is older than `keepMs` or over the cap. */
  add(groupId: string, event: MessageEvent): void {
    let list = this.byGroup.get(groupId)
    if (!list) this.byGroup.set(groupId, (list = []))
    list.push(event)
    const from = event.at - this.keepMs
    let drop = Math.max(0, list.length - this.perGroup)
    while (drop < list.length && list[drop].at < from) drop++
    if (drop) list.splice(0, drop)
  }

  /** The group's messages kept now, oldest first (kept: `take` still gives them). */
  peek(groupId: string): readonly MessageEvent[] {
    return this.byGroup.get(groupId) ?? []
  }

  /** Take (and forget) the group's messages at or after `since`, oldest first. */
  take(groupId: string, since: number): MessageEvent[] {
    const list = this.byGroup.get(groupId) ?? []
    this.byGroup.delete(groupId)
    return list.filter(e => e.at >= since)
  }
}

/** Which copy of identical messages (same group, sender, time, kind, text) a message is, from the second on. */
const repeatOf = new WeakMap<MessageEvent, number>()

/** How long a message's number is kept (identical messages share their time, whole seconds on WeChat). */
const REPEAT_WINDOW_MS = 5_000

/**
 * Numbers identical messages in the order they arrive (three images, or one ad pasted twice, in one second), so
 * each has a cause of its own in send keys — the same number in every account that receives them.
 */
export class RepeatCounter {
  private seen = new Map<string, { n: number; at: number }>()
  private newest = 0
  private notes = 0

  /** Note a message as received (after duplicates of the same id were dropped). */
  note(e: MessageEvent): void {
    const key = identity(e)
    const prev = this.seen.get(key)
    const n = (prev?.n ?? 0) + 1
    this.seen.set(key, { n, at: e.at })
    if (n > 1) repeatOf.set(e, n)
    if (e.at > this.newest) this.newest = e.at
    if (++this.notes % 256 === 0) {
      for (const [k, v] of this.seen) if (v.at < this.newest - REPEAT_WINDOW_MS) this.seen.delete(k)
    }
  }
}

/**
 * A message as every account that received it sees it (the message id may differ between two accounts' copies).
 * Its time in whole seconds, as WeChat's server stamps it: a puppet that keeps milliseconds (or stamps its own
 * receipt) gives two accounts' copies times a few milliseconds apart.
 */
function identity(e: MessageEvent): string {
  return JSON.stringify([e.group?.id ?? '', e.sender.id, Math.floor(e.at / 1000), e.kind, e.text])
}

/**
 * A message's cause in send keys, the same in every account that received it: its group, sender, time, kind and
 * text, and which copy it is of identical ones (`RepeatCounter`). So a message the old holder answered and the
 * new holder decides on again after a takeover has the same cause in both, found in `fleet_sent`.
 */
export function messageCause(e: MessageEvent): string {
  const n = repeatOf.get(e)
  const body = n ? `${identity(e)}#${n}` : identity(e)
  return `event:message:${createHash('sha256').update(body).digest('base64url').slice(0, 22)}`
}
