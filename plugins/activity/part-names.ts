import { dayPart, memberPart, waitingPart } from './state.js'

/** One group's part names: its open day's and its waiting list's. */
interface GroupParts {
  day: string
  dayPart: string
  waiting: string
}

/**
 * The names of the open-day document's parts an event changes (`dayPart`, `waitingPart`), made once per group and
 * group-day and then handed out as the same strings: each name made anew was a joined string built, flattened and
 * hashed again by the document's set of parts. A member's part (`memberPart`) is still made per message: kept,
 * it would be a string a member and day held in memory (at 1,000 groups most messages are a member's first of the
 * day, named once anyway).
 */
export class PartNames {
  private groups = new Map<string, GroupParts>()

  /** The part of `groupId`'s counters of `day` (other than its members'). */
  day(day: string, groupId: string): string {
    let g = this.groups.get(groupId)
    if (!g) {
      g = { day, dayPart: dayPart(day, groupId), waiting: waitingPart(groupId) }
      this.groups.set(groupId, g)
    } else if (g.day !== day) {
      g.day = day
      g.dayPart = dayPart(day, groupId)
    }
    return g.dayPart
  }

  /** The part of one member's counters of `groupId`'s `day`. */
  member(day: string, groupId: string, memberId: string): string {
    return memberPart(day, groupId, memberId)
  }

  /** The part of `groupId`'s waiting customers. */
  waiting(groupId: string): string {
    return this.groups.get(groupId)?.waiting ?? waitingPart(groupId)
  }
}
