/** One person on the staff list. */
export interface RosterEntry {
  name: string
  dept?: string
  region?: string
  phone?: string
  /** WeChat contact id, once the person has been confirmed (binding catches renamed impostors). */
  contactId?: string
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
      if (e.contactId) this.byId.set(e.contactId, e)
      this.byName.set(e.name, [...(this.byName.get(e.name) ?? []), e])
    }
  }

  /** True when a roster file is configured (an empty roster means "no roster"). */
  get enabled(): boolean {
    return this.entries.length > 0
  }

  /** Entry bound to a contact id. */
  byContact(contactId: string): RosterEntry | undefined {
    return this.byId.get(contactId)
  }

  /** Entries with this name (several when namesakes work in different departments). */
  named(name: string): RosterEntry[] {
    return this.byName.get(name) ?? []
  }
}
