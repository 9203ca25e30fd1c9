/**
 * Negation characters inside words, for talkedAbout (talked-about.ts): the 别 of 识别, 区别, 特别, 分别, 千差万别 is no
 * "don't", so `识别下注` forbids nothing. ICU's word segmenter (`Intl.Segmenter("zh")`) says where 别 ends or sits
 * inside a longer word; that 别 is written as a character no rule reads as a negation, offsets kept.
 */

import { keptForLastText } from './last-text.js'
import { wordSegmenter } from './word-segments.js'

/** What a 别 inside a word is written as: an ideograph no rule reads (〇), so clauses and words stay whole. */
const MASK = '〇'
/** Words the segmenter makes of a negation: `可别` (`你可别下注`) is still "don't". */
const NEGATION_WORDS = new Set(['可别'])

/** The masked text of one holding a 别 after its first character, the last answer kept. */
const masked = keptForLastText(text => {
  let chars: string[] | null = null
  for (const s of wordSegmenter().segment(text)) {
    const word = s.segment
    if (word.length < 2 || NEGATION_WORDS.has(word)) continue
    for (let at = word.indexOf('别', 1); at > 0; at = word.indexOf('别', at + 1)) {
      chars ??= text.split('')
      chars[s.index + at] = MASK
    }
  }
  return chars === null ? text : chars.join('')
})

/**
 * The text with every 别 that ends or sits inside a longer word of the segmenter's (not one that starts it: 别人,
 * 别的 are someone else, something else) written as MASK; the same string when there is none. The last answer is
 * kept: every candidate of a message asks it.
 */
export function withoutWordNegations(text: string): string {
  return text.indexOf('别', 1) < 0 ? text : masked(text)
}
