/** The clause and the sentence around a hit, as the talked-about rules (talked-about.ts) read them. */

/** What ends a clause: the rules read the hit's clause, or its sentence. */
export const CLAUSE_END = new Set('，,；;。！!？?\n')
/** What ends a sentence. */
export const SENTENCE_END = new Set('。！!？?\n')

/** The index where the clause or sentence holding `at` starts (just after its end mark before `at`). */
export function edgeBefore(text: string, at: number, ends: ReadonlySet<string>): number {
  let from = at
  while (from > 0 && !ends.has(text[from - 1])) from--
  return from
}

/** The index of the end mark of the clause or sentence holding `at`, or the text's length. */
export function edgeAfter(text: string, at: number, ends: ReadonlySet<string>): number {
  let to = at
  while (to < text.length && !ends.has(text[to])) to++
  return to
}
