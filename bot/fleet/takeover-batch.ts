import { type Taken, type TakeoverDeps, takeOverGroups } from './takeover.js'

/**
 * The takeovers of groups from one down account, done together: a renewal that takes many groups (a busy account
 * died) queues one takeover per group, and the first of them to run moves the open work of every group still
 * waiting from the same account in one transaction (`takeOverGroups`), so that account's documents and outbox are
 * read and rewritten once, not once per group; the others find theirs done. Sound because the down account writes
 * nothing while its lock is held, and a group joins a batch only while its own takeover is queued.
 */
export class TakeoverBatch {
  /** Groups whose takeover is queued and has not run yet: group → the account it is taken from. */
  private waiting = new Map<string, string>()
  /** What a batch moved for a group whose own takeover has not run yet. */
  private taken = new Map<string, { from: string; taken: Taken }>()

  /** A takeover of the group from `from` is queued: the first takeover from that account to run takes it along. */
  expect(groupId: string, from: string): void {
    this.waiting.set(groupId, from)
  }

  /**
   * Move the open work of `from` in the group here, with that of every other group waiting for a takeover from
   * `from`, unless a batch before did (its result then). Undefined when a process of `from` holds its account.
   */
  async take(d: TakeoverDeps, groupId: string, from: string): Promise<Taken | undefined> {
    const done = this.taken.get(groupId)
    this.taken.delete(groupId)
    if (done?.from === from) return done.taken
    const others = [...this.waiting].filter(([g, f]) => f === from && g !== groupId).map(([g]) => g)
    const result = await takeOverGroups(d, [groupId, ...others], from)
    if (!result) return undefined
    // Only for groups still waiting: one whose takeover ended meanwhile (failed) is asked again by the fleet.
    for (const g of others) if (this.waiting.get(g) === from) this.taken.set(g, { from, taken: result.get(g) as Taken })
    return result.get(groupId)
  }

  /** The group's takeover ended (done, refused or failed). */
  done(groupId: string): void {
    this.waiting.delete(groupId)
    this.taken.delete(groupId)
  }
}
