/** The clause and the sentence around a hit, as the talked-about rules (talked-about.ts) read them. */

/** What ends a clause: the rules read the hit's clause, or its sentence. */
export const CLAUSE_END = new Set('，,；;。！!？?\n')
/** What ends a sentence. */
export const SENTENCE_END = new Set('。！!？?\n')

/** A set of one-unit marks as a table of UTF-16 codes (1 for a mark). */
function codesOf(marks: ReadonlySet<string>): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (const mark of marks) table[mark.charCodeAt(0)] = 1
  return table
}
const CLAUSE_CODES = codesOf(CLAUSE_END)
const SENTENCE_CODES = codesOf(SENTENCE_END)

/**
 * CLAUSE_END or SENTENCE_END as a table of codes: the edges are walked for every candidate hit that may be talked
 * about, and reading a code is cheaper than making a one-character string to look up. Undefined for another set.
 */
function codesFor(ends: ReadonlySet<string>): Uint8Array | undefined {
  return ends === CLAUSE_END ? CLAUSE_CODES : ends === SENTENCE_END ? SENTENCE_CODES : undefined
}

/** The index where the clause or sentence holding `at` starts (just after its end mark before `at`). */
export function edgeBefore(text: string, at: number, ends: ReadonlySet<string>): number {
  const codes = codesFor(ends)
  let from = at
  if (codes === undefined || at > text.length) while (from > 0 && !ends.has(text[from - 1])) from--
  else while (from > 0 && codes[text.charCodeAt(from - 1)] === 0) from--
  return from
}

/** The index of the end mark of the clause or sentence holding `at`, or the text's length. */
export function edgeAfter(text: string, at: number, ends: ReadonlySet<string>): number {
  const codes = codesFor(ends)
  let to = at
  if (codes === undefined || at < 0) while (to < text.length && !ends.has(text[to])) to++
  else while (to < text.length && codes[text.charCodeAt(to)] === 0) to++
  return to
}
