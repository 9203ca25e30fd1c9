/**
 * Which messages of the lease gap some account answered (`FleetGate.sentCauses`), read once for all the groups
 * taken over together: a renewal that takes many groups (a busy account died) queues one takeover per group, and
 * the first of them to ask reads the sends of every group still waiting, so a takeover of hundreds of groups makes
 * one query, not one per group. Sound because the dead holder sent nothing after it died, before the reads.
 */
export class SentBatch {
  /** Groups whose takeover is queued and has not asked yet. */
  private waiting = new Set<string>()
  /** The last read: the groups it covers that have not asked yet, and what it found. */
  private read?: { groups: Set<string>; sent: Promise<Set<string>> }

  constructor(
    private sentCauses: (causes: string[]) => Promise<Set<string>>,
    /** The causes of the messages kept for a group (all of them: a superset of what its takeover asks about). */
    private causesOf: (groupId: string) => string[],
  ) {}

  /** A takeover of the group is queued: its messages are read with the first read of the batch. */
  expect(groupId: string): void {
    this.waiting.add(groupId)
  }

  /** Which of the group's `causes` were sent: read now, with every group waiting, unless a read covered it. */
  async answered(groupId: string, causes: string[]): Promise<Set<string>> {
    let read = this.read
    if (!read?.groups.has(groupId)) {
      const others = [...this.waiting].filter(g => g !== groupId)
      read = { groups: new Set(others), sent: this.sentCauses([...causes, ...others.flatMap(this.causesOf)]) }
      this.read = read
      this.waiting.clear()
    }
    this.done(groupId)
    const sent = await read.sent
    return new Set(causes.filter(c => sent.has(c)))
  }

  /** The group's takeover asked, or needs nothing (nothing to decide on, a clean stop). */
  done(groupId: string): void {
    this.waiting.delete(groupId)
    this.read?.groups.delete(groupId)
    if (!this.read?.groups.size) this.read = undefined
  }
}
