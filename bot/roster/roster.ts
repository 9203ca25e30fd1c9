/** One person on the staff list. */
export interface RosterEntry {
  name: string
  dept?: string
  region?: string
  phone?: string
  /** WeChat contact id, once the person has been confirmed (binding catches renamed impostors). */
  contactId?: string
  /** `离职` (or any text containing it) marks someone who has left; `在职` or empty: working. */
  status?: string
  /** Last day is the day before this date (`YYYY-MM-DD`): from this day on the person has left. */
  leftOn?: string
  /** Name (or contact id) of the roster entry who takes over a leaver's groups and open work. */
  successor?: string
  /** Source line, for error messages. */
  line: number
}

/** The staff list, looked up by contact id or by name. */
export class Roster {
  private byId = new Map<string, RosterEntry>()
  /** One entry, or the namesakes' list (most names are one person's: no list each). */
  private byName = new Map<string, RosterEntry | RosterEntry[]>()

  constructor(
    readonly entries: RosterEntry[] = [],
    readonly source?: string,
  ) {
    for (const e of entries) {
      // Someone marked 离职 is no longer staff: their contact id no longer finds them (their name still does).
      if (e.contactId && !hasLeft(e, '')) this.byId.set(e.contactId, e)
      // A list only for namesakes (one per name took 1.7 MB for a 10,000-person roster).
      const named = this.byName.get(e.name)
      this.byName.set(e.name, named === undefined ? e : Array.isArray(named) ? [...named, e] : [named, e])
    }
  }

  /** True when a roster file is configured (an empty roster means "no roster"). */
  get enabled(): boolean {
    return this.entries.length > 0
  }

  /** Entry bound to a contact id (none for someone marked 离职). */
  byContact(contactId: string): RosterEntry | undefined {
    return this.byId.get(contactId)
  }

  /** Entries with this name (several when namesakes work in different departments). */
  named(name: string): RosterEntry[] {
    const named = this.byName.get(name)
    return named === undefined ? [] : Array.isArray(named) ? named : [named]
  }

  /** The entry a leaver's `successor` column names (by contact id or by a name only one entry has). */
  successorOf(e: RosterEntry): RosterEntry | undefined {
    if (!e.successor) return undefined
    const byName = this.named(e.successor)
    return this.byContact(e.successor) ?? (byName.length === 1 ? byName[0] : undefined)
  }
}

/** Whether a roster entry has left by `day` (`YYYY-MM-DD`): department or status 离职, or a `leftOn` date reached. */
export function hasLeft(e: RosterEntry, day: string): boolean {
  return e.dept === '离职' || !!e.status?.includes('离职') || (!!e.leftOn && e.leftOn <= day)
}
