import type { Case } from './state.js'

/**
 * The members with an open case (any group, either mode) in one `cases` record, counted: a member without one
 * (most senders) is answered by one look-up of their contact id, not by case keys built and looked up in the
 * record (a new string each, flattened and hashed: with thousands of cases the record's look-ups were among the
 * plugin's largest costs). Cases are opened and closed only through `Realname`, which tells the index; a new record
 * (the state document read again) is counted afresh.
 */
export class CaseIndex {
  private of?: Record<string, Case>
  private open = new Map<string, number>()
  /** A case of the record names no member (data of another shape): every member may have one. */
  private unknown = false

  /** Whether `memberId` may have a case in `cases` (false: certainly none). */
  mayHave(cases: Record<string, Case>, memberId: string): boolean {
    return this.counted(cases).has(memberId) || this.unknown
  }

  /** A case of `memberId` was added to `cases` (under a key it did not hold). */
  opened(cases: Record<string, Case>, memberId: string): void {
    const open = this.counted(cases)
    open.set(memberId, (open.get(memberId) ?? 0) + 1)
  }

  /** A case of `memberId` was deleted from `cases`. */
  closed(cases: Record<string, Case>, memberId: string): void {
    const open = this.counted(cases)
    const n = (open.get(memberId) ?? 0) - 1
    if (n > 0) open.set(memberId, n)
    else open.delete(memberId)
  }

  /** The counts of `cases`, counted again when it is not the record counted last. */
  private counted(cases: Record<string, Case>): Map<string, number> {
    if (this.of !== cases) {
      this.of = cases
      this.open = new Map()
      this.unknown = false
      for (const key in cases) {
        const id = cases[key]?.memberId
        if (typeof id === 'string') this.open.set(id, (this.open.get(id) ?? 0) + 1)
        else this.unknown = true
      }
    }
    return this.open
  }
}
