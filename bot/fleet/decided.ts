import { z } from 'zod'
import { docSpec } from '../ports/store/store.js'

/** The newest message an account decided on in a group: its second, and how many messages of that second it decided. */
export interface DecidedMark {
  at: number
  n: number
}

/** The `fleet-decided` document: each group's mark, as this account acts in it (fleet mode only). */
export interface Decided {
  groups: Record<string, DecidedMark>
}

export const DECIDED_NAME = 'fleet-decided'

/**
 * Volatile, like the counters it vouches for: written only by the periodic flush, in the same transaction as the
 * plugins' volatile documents (activity's open days), so a killed account's last flush holds the marks and the
 * counts of the same messages. A taker reads the mark of a group it takes over (`undecided`).
 */
export const DECIDED_DOC = docSpec<Decided>({
  version: 1,
  schema: z.object({ groups: z.record(z.string(), z.object({ at: z.number(), n: z.number() })) }),
  defaults: () => ({ groups: {} }),
  volatile: true,
})

/**
 * Note a message of `groupId` at `at` as decided on here. Whether the mark moved. Marks are whole seconds, as a
 * message's identity is (`gap-events.ts`): two accounts may stamp the same message a few milliseconds apart.
 */
export function noteDecided(d: Decided, groupId: string, at: number): boolean {
  const mark = d.groups[groupId]
  const second = wholeSecond(at)
  if (!mark || second > wholeSecond(mark.at)) d.groups[groupId] = { at: second, n: 1 }
  else if (second === wholeSecond(mark.at)) mark.n++
  else return false
  return true
}

/**
 * The messages of a lease gap (oldest first, as received) the old holder had not decided on as of its mark: those
 * after the mark's second, and of the mark's second those past the `n` it decided. Without a mark (the old holder
 * never acted there, or its documents could not be read), all of them.
 */
export function undecided<E extends { at: number }>(events: E[], mark: DecidedMark | undefined): E[] {
  if (!mark) return events
  // A mark in milliseconds, noted by an earlier release before its next flush: compared as it was written.
  if (mark.at % 1000) {
    let same = 0
    return events.filter(e => e.at > mark.at || (e.at === mark.at && ++same > mark.n))
  }
  const markSecond = wholeSecond(mark.at)
  let sameTime = 0
  return events.filter(e => {
    const second = wholeSecond(e.at)
    return second > markSecond || (second === markSecond && ++sameTime > mark.n)
  })
}

/** The start of the second `at` falls in (a mark written in milliseconds by an earlier release reads the same). */
function wholeSecond(at: number): number {
  return at - (at % 1000)
}
