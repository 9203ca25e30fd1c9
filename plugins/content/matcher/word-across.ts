/**
 * A two-character term the word segmenter reads across two words: its first character ends a word that starts
 * before it, its last starts one that ends after it (文博|彩陶 in `文博彩陶展`). It runs on the candidates of a scan
 * only.
 */

import type { Candidate } from './allow-filter.js'
import type { MatchKind } from './types.js'
import { isSegmenterWord, segmentsOf } from './word-segments.js'

/** Kinds that write the term's characters (or swaps of them) side by side, which words around may take. */
const ACROSS_KINDS = new Set<MatchKind>(['exact', 'normalised', 'homophone', 'toneless', 'lookalike'])
/** An ideograph. */
const IDEOGRAPH = /^\p{Script=Han}$/u

/**
 * True for a hit of two ideographs between ideographs that the segmenter reads as the end of one word of two
 * characters and the start of another of two: `文博|彩陶` (a museum's pottery), `天下|注定`, `赌博|彩票`. The cut rule
 * (see cutsWords in word-context.ts) needs one edge to make a word of CC-CEDICT; two words cut on both sides are no
 * chance of one. `网上|下|注` (注 alone), `这是|博|彩|网` and `博|彩陶` (博 alone) stay hits.
 */
export function readsAcrossWords(text: string, c: Candidate): boolean {
  if (!ACROSS_KINDS.has(c.kind) || c.end - c.start !== 2 || c.start === 0 || c.end >= text.length) return false
  if (!IDEOGRAPH.test(text[c.start - 1]) || !IDEOGRAPH.test(text[c.end])) return false
  if (!IDEOGRAPH.test(text[c.start]) || !IDEOGRAPH.test(text[c.start + 1])) return false
  // Both edge pairs must be words of the segmenter alone (remembered per pair) before the text around is segmented.
  if (!isSegmenterWord(text.charCodeAt(c.start - 1), text.charCodeAt(c.start))) return false
  if (!isSegmenterWord(text.charCodeAt(c.end - 1), text.charCodeAt(c.end))) return false
  const segments = segmentsOf(text, Math.max(0, c.start - 8), Math.min(text.length, c.end + 8))
  const endsFirst = segments.some(s => s.wordLike && s.start === c.start - 1 && s.end === c.start + 1)
  const startsLast = segments.some(s => s.wordLike && s.start === c.end - 1 && s.end === c.end + 1)
  return endsFirst && startsLast
}
