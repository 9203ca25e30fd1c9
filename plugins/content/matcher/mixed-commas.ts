/**
 * A half-width comma slipped into a term written with full-width marks (issue #22, f45): `保费转,到我账户上就行，我帮您交`.
 * The writer's own clauses end with full-width marks, so a lone `,` between two ideographs cuts a term, not a clause.
 */

import { isWordOf } from './expansion-data.js'

/** Full-width marks that end a clause or a sentence: the writer's own punctuation. */
const FULL_WIDTH_MARKS = /[，。！？；]/u
/** An ideograph of the basic block. */
const IDEOGRAPH = /\p{Script=Han}/u

/**
 * True for a hit whose first character, an ideograph, has a half-width comma right after it in a text that ends its
 * clauses with full-width marks (FULL_WIDTH_MARKS), with an ideograph before it that makes no word with it: the comma
 * is slipped into the term (`保费转,到我账户`). A word before the comma (`楼下,注意`) and a text with no full-width
 * marks (`好的,到时候再说`, half-width throughout) stay apart.
 */
export function halfCommaSlipped(text: string, start: number): boolean {
  if (text[start + 1] !== ',' || start === 0 || !IDEOGRAPH.test(text[start - 1]) || !IDEOGRAPH.test(text[start]))
    return false
  if (!FULL_WIDTH_MARKS.test(text)) return false
  return !isWordOf(text.charCodeAt(start - 1), text.charCodeAt(start))
}
