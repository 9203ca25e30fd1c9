import { dayPart, memberPart, waitingPart } from './state.js'

/** One group's part names: its open day's, that day's members', its waiting list's. */
interface GroupParts {
  day: string
  dayPart: string
  members: Map<string, string>
  waiting: string
}

/**
 * The names of the open-day document's parts an event changes (`dayPart`, `memberPart`, `waitingPart`), made once
 * per group, group-day and member and then handed out as the same strings: a message names two or three parts,
 * and each name made anew was a joined string built, flattened and hashed again by the document's set of parts.
 * A group's member names live until its next day (those of the day before are dropped then).
 */
export class PartNames {
  private groups = new Map<string, GroupParts>()

  /** The part of `groupId`'s counters of `day` (other than its members'). */
  day(day: string, groupId: string): string {
    return this.group(day, groupId).dayPart
  }

  /** The part of one member's counters of `groupId`'s `day`. */
  member(day: string, groupId: string, memberId: string): string {
    const members = this.group(day, groupId).members
    let name = members.get(memberId)
    if (name === undefined) {
      name = memberPart(day, groupId, memberId)
      members.set(memberId, name)
    }
    return name
  }

  /** The part of `groupId`'s waiting customers. */
  waiting(groupId: string): string {
    return this.groups.get(groupId)?.waiting ?? waitingPart(groupId)
  }

  private group(day: string, groupId: string): GroupParts {
    let g = this.groups.get(groupId)
    if (!g) {
      g = { day, dayPart: dayPart(day, groupId), members: new Map(), waiting: waitingPart(groupId) }
      this.groups.set(groupId, g)
    } else if (g.day !== day) {
      g.day = day
      g.dayPart = dayPart(day, groupId)
      g.members.clear()
    }
    return g
  }
}
