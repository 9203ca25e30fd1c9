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
  private byName = new Map<string, RosterEntry[]>()

  constructor(
    readonly entries: RosterEntry[] = [],
    readonly source?: string,
  ) {
    for (const e of entries) {
      // Someone marked 离职 is no longer staff: their contact id no longer finds them (their name still does).
      if (e.contactId && !hasLeft(e, '')) this.byId.set(e.contactId, e)
      this.byName.set(e.name, [...(this.byName.get(e.name) ?? []), e])
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
    return this.byName.get(name) ?? []
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
