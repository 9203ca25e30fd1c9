import { dayPart, membersPart, waitingPart } from './state.js'

/** One group's part names: its open day's, its members' and its waiting list's. */
interface GroupParts {
  day: string
  dayPart: string
  membersPart: string
  waiting: string
}

/**
 * The names of the open-day document's parts an event changes (`dayPart`, `membersPart`, `waitingPart`), made once
 * per group and group-day and then handed out as the same strings: each name made anew was a joined string built,
 * flattened and hashed again by the document's set of parts. A member's part is named as its group-day's
 * `membersPart` with the member's id as the item (`changed(part, item)`): no string a message, none held a member.
 */
export class PartNames {
  private groups = new Map<string, GroupParts>()

  /** The part of `groupId`'s counters of `day` (other than its members'). */
  day(day: string, groupId: string): string {
    return this.of(day, groupId).dayPart
  }

  /** What the parts of `groupId`'s members of `day` start with: a member's is this and its id (`memberPart`). */
  members(day: string, groupId: string): string {
    return this.of(day, groupId).membersPart
  }

  /** The part of `groupId`'s waiting customers. */
  waiting(groupId: string): string {
    return this.groups.get(groupId)?.waiting ?? waitingPart(groupId)
  }

  private of(day: string, groupId: string): GroupParts {
    let g = this.groups.get(groupId)
    if (!g) {
      g = { day, dayPart: dayPart(day, groupId), membersPart: membersPart(day, groupId), waiting: waitingPart(groupId) }
      this.groups.set(groupId, g)
    } else if (g.day !== day) {
      g.day = day
      g.dayPart = dayPart(day, groupId)
      g.membersPart = membersPart(day, groupId)
    }
    return g
  }
}
