import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { wordTables } from './expansion-data.js'
import { pitchesOrAims } from './pitch-guard.js'

/** A Latin letter or a digit: the end of a part's, a model's or a grade's code (OEM, AM, A3, 304). */
const CODE_END = /^[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]$/u

/**
 * True for a swap form whose swapped first character is a classifier (件, 个, 台…) right after a code of letters or
 * digits: the code counts or names parts (`OEM件和AM件`, `A3件和B3件`), and the classifier is no start of the term
 * (贱货 → 件和). A message that still pitches or aims at someone (see pitchesOrAims: `@李四 AM件货`) keeps the hit.
 */
export function countsAfterCode(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || c.start === 0) return false
  const first = c.form[0]
  if (first === c.term[0] || text[c.start] !== first || !wordTables().classifiers.has(first)) return false
  return CODE_END.test(text[c.start - 1]) && !pitchesOrAims(text, c, allowDomains)
}
