/**
 * A hit as the talked-about rules (talked-about.ts and its talked-about-*.ts modules) read it: the term's place in its
 * message with the parts of its clause and sentence around it, and the guard every rule ends with (no offer to the
 * reader outside what the rule reads).
 */

import { CLAUSE_END, SENTENCE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'
import { pitchesAround, pitchesBeside } from './pitch-guard.js'
import { offers } from './talked-about-offers.js'

/** A term text[start, end) in its message, with the parts of its clause and sentence the rules read. */
export interface TermAt {
  /** The message, its traditional characters simplified and its 别 inside words masked (see talkedAbout). */
  readonly text: string
  readonly start: number
  readonly end: number
  /** Where the term's clause starts. */
  readonly clauseFrom: number
  /** The term's clause before it. */
  readonly before: string
  /** The term's clause after it. */
  readonly after: string
  /** The term's sentence before it. */
  readonly sentenceBefore: string
  /** The term's sentence after it. */
  readonly sentenceAfter: string
  /** The hosts whose links are the company's own, no one's contact (see offers). */
  readonly allowDomains: readonly string[]
}

/** The term text[start, end) with its clause and sentence read around it. */
export function termAt(text: string, start: number, end: number, allowDomains: readonly string[]): TermAt {
  const clauseFrom = edgeBefore(text, start, CLAUSE_END)
  return {
    text,
    start,
    end,
    clauseFrom,
    before: text.slice(clauseFrom, start),
    after: text.slice(end, edgeAfter(text, end, CLAUSE_END)),
    sentenceBefore: text.slice(edgeBefore(text, start, SENTENCE_END), start),
    sentenceAfter: text.slice(end, edgeAfter(text, end, SENTENCE_END)),
    allowDomains,
  }
}

/**
 * True if nothing in the message outside text[from, to) (the term itself unless a rule reads more: who reported it,
 * its list) offers the reader something or carries contact details (see offers), nor pitches by the pitch guard's
 * words in another clause or sentence (see pitchesAround: `有人发网赌链接，已经让他删除了，正规的在我这，稳定出款`):
 * the guard that ends every rule that clears a term.
 */
export function unoffered(term: TermAt, from = term.start, to = term.end): boolean {
  return (
    !offers(term.text, from, to, term.allowDomains) &&
    !pitchesAround(term.text, from, to) &&
    !pitchesBeside(term.text, term.start, term.end)
  )
}
