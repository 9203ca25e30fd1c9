/** The clause before a hit, as the form readings (form-work.ts, form-money.ts, form-waste-counts.ts) read it. */

/** What ends a clause: clauseBefore looks no further back than the hit's clause. */
const CLAUSE_ENDS = /[，,；;。！!？?\n]/u

/** The hit's clause up to `start` (at most 12 characters). */
export function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 12), start)
  let from = before.length
  while (from > 0 && !CLAUSE_ENDS.test(before[from - 1])) from--
  return before.slice(from)
}
