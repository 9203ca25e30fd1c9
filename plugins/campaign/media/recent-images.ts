/** Entries before the first drop of old ones. */
const PRUNE_FROM = 500

/** Last image per (group, member), in memory only: screenshots matter for minutes, not across restarts. */
export class RecentImages {
  private at = new Map<string, number>()
  /** The size at which entries older than the window are dropped next. */
  private pruneAt = PRUNE_FROM
  constructor(private windowMs: number) {}

  /**
   * Remember an image; entries older than the window are dropped as the map grows: when it reaches twice
   * the size it had after the last drop (at least 500), so a map of recent entries is not walked at every image.
   */
  add(groupId: string, memberId: string, now: number): void {
    if (this.at.size >= this.pruneAt) {
      for (const [k, t] of this.at) if (now - t > this.windowMs) this.at.delete(k)
      this.pruneAt = Math.max(PRUNE_FROM, 2 * this.at.size)
    }
    this.at.set(`${groupId}|${memberId}`, now)
  }

  /** Time of the member's last image in the group, if any. */
  last(groupId: string, memberId: string): number | undefined {
    return this.at.get(`${groupId}|${memberId}`)
  }
}
