import type { PluginContext } from '../../../bot/core/plugin.js'
import { addDays, dayKey, zonedInstant } from '../../../bot/time/zoned.js'
import { enabledIn, type ActivityConfig } from '../config.js'
import {
  closeDays,
  DAYS_LOG,
  dayPart,
  type GroupDay,
  groupDay,
  raiseLastSeen,
  seenGroup,
  type ActivityDocs,
} from '../state.js'

/** A day closes this long after its midnight, so late-delivered messages still land in it. */
export const CLOSE_GRACE_MS = 10 * 60_000

/**
 * Closing days: an open day that ended more than the grace period ago is written once to the
 * `activity-days` log and leaves the current document; the nightly job first records each group's size.
 */
export class DayCloser {
  /** Nothing can need closing before this instant (saves a timezone lookup per message). */
  private nextCloseCheck = 0

  constructor(
    private ctx: PluginContext<ActivityConfig>,
    private docs: ActivityDocs,
  ) {}

  /**
   * Raise the last-seen times from the records of the days the last close wrote to the log (at start): a kill in
   * the middle of the flush after a close can have written the open-day document without those days, but not yet
   * the last-seen shards the close raised. Raising is idempotent: only a time the shards lack marks one, and a
   * maximum, so it can wait: it reads those days' log now, and each group's times are raised when its last-seen
   * shard is first read (its first message, a report), not at start; the next close reads the shards still waiting
   * first, before it names other days as the last close's.
   */
  refoldLastClosed(): void {
    const { closedFrom, closedThrough } = this.docs.current.data
    if (!closedThrough) return
    const seen = this.docs.seen
    for (const g of this.ctx.store.readLog<GroupDay>(DAYS_LOG, closedFrom ?? closedThrough, closedThrough))
      if (g && typeof g === 'object' && 'groupId' in g && 'members' in g)
        seen.whenRead(g.groupId, () => {
          if (raiseLastSeen(seen.data, g)) seen.changed(g.groupId)
        })
  }

  /** Close (write to the log once) every open day that ended more than the grace period ago. */
  closeDue(now: number): number {
    if (now < this.nextCloseCheck) return 0
    const tz = this.ctx.timezone
    const before = dayKey(now - CLOSE_GRACE_MS, tz)
    this.nextCloseCheck = zonedInstant(addDays(before, 1), '00:00', tz) + CLOSE_GRACE_MS
    const doc = this.docs.current.data
    if (!Object.keys(doc.days).some(d => d < before)) return 0
    // The last close's raises still waiting are made before this close becomes the last (`refoldLastClosed`).
    this.docs.seen.readWaiting()
    const closed = closeDays(doc, before)
    for (const g of closed) {
      this.ctx.store.append(DAYS_LOG, g.day, g)
      if (raiseLastSeen(this.docs.seen.data, g)) this.docs.seen.changed(g.groupId)
    }
    this.docs.current.changed()
    return closed.length
  }

  /** Give every managed group a record for `day` with its current size (quiet groups show as 0). */
  async refreshGroups(day: string): Promise<void> {
    const { ctx, docs } = this
    const doc = docs.current.data
    if (doc.closedThrough && day <= doc.closedThrough) return
    for (const group of ctx.directory.groups()) {
      if (!enabledIn(ctx.configFor(group))) continue
      const members = await ctx.directory.members(group.id).catch(() => undefined)
      const g = groupDay(doc, { day, groupId: group.id, topic: group.topic, kind: group.kind })
      if (members) g.size = members.filter(m => m.id !== ctx.directory.selfId()).length
      docs.current.changed(dayPart(day, group.id)) // its size is in the group-day's record
      seenGroup(docs.seen.data, group.id, group.topic, group.kind, ctx.clock.now())
      docs.seen.changed(group.id)
    }
  }

  /** The nightly job: record yesterday's sizes, then close it. */
  async closeYesterday(now: number): Promise<void> {
    await this.refreshGroups(addDays(dayKey(now, this.ctx.timezone), -1))
    this.closeDue(now)
  }
}
