/** Last image per (group, member), in memory only: screenshots matter for minutes, not across restarts. */
export class RecentImages {
  private at = new Map<string, number>()
  constructor(private windowMs: number) {}

  /** Remember an image; entries older than the window are dropped as the map grows. */
  add(groupId: string, memberId: string, now: number): void {
    if (this.at.size > 500) for (const [k, t] of this.at) if (now - t > this.windowMs) this.at.delete(k)
    this.at.set(`${groupId}|${memberId}`, now)
  }

  /** Time of the member's last image in the group, if any. */
  last(groupId: string, memberId: string): number | undefined {
    return this.at.get(`${groupId}|${memberId}`)
  }
}
