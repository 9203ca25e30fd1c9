import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { pitchesOrAims } from './pitch-guard.js'

/** A code of two letters or digits or more just before the hit: a part's, a model's or a grade's (ABS, PP, A3, 304). */
const CODE_BEFORE = /(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]{2,}$/u
/** Classifiers that count parts or goods after their code: 件, 个, 台, 套, 只, 条, 根, 块, 支, 片, 张 (`ABS件`, `A3件`). */
const PART_CLASSIFIERS = new Set('件个台套只条根块支片张')

/**
 * True for a swap form whose swapped first character is a classifier of parts (see PART_CLASSIFIERS) right after a
 * code of two letters or digits or more (see CODE_BEFORE): the code counts or names parts (`A3件和B3件`, `ABS件和PP件`),
 * and the classifier is no start of the term (贱货 → 件和); one letter is no code (`看x堵博`). A message that still
 * pitches or aims at someone (see pitchesOrAims: `@李四 PP件货`) keeps the hit.
 */
export function countsAfterCode(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || c.start === 0) return false
  const first = c.form[0]
  if (first === c.term[0] || text[c.start] !== first || !PART_CLASSIFIERS.has(first)) return false
  return CODE_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start)) && !pitchesOrAims(text, c, allowDomains)
}
