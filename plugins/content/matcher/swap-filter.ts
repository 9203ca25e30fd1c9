import { pairedAlternatives } from './expand.js'
import { SKIP, foldCodePoint, isExpansion } from './fold-table.js'
import { foldString } from './normalize.js'
import type { TermIndex } from './term-index.js'

/** Filter bits per entry (two of them set per entry, in one word: about 5% false passes). */
const BITS_PER_ENTRY = 8

/**
 * Which alternative each character of each swap owner may be swapped for: a blocked Bloom filter of
 * (swap owner, position, folded alternative, tag), tag 2t for any alternative of the owner's t-th
 * swap kind (swapAlternatives order) and 2t + 1 for one of its first pairedAlternatives (the only ones
 * two-character swaps take). A hit that the global swap pairs let through but that swaps a character for
 * something no list of that term has at that place is no swap form of it: the scan drops it before
 * working out the term's forms (at 100k terms about half of such checks found no form). Only swap owners
 * whose characters and alternatives all fold to one code point have entries (`swapKey` >= 0).
 * `alternatives[s]`: swapAlternatives of swap owner s.
 */
export function swapFilterOf(index: TermIndex, alternatives: string[][][][]): Int32Array {
  let count = 0
  forEachEntry(index, alternatives, () => {
    count++
  })
  if (count === 0) return new Int32Array(0)
  const filter = new Int32Array(Math.ceil((count * BITS_PER_ENTRY) / 32))
  forEachEntry(index, alternatives, (s, i, b, tag) => {
    const h = entryHash(s, i, b, tag)
    filter[wordOf(h, filter.length)] |= (1 << (h & 31)) | (1 << ((h >>> 5) & 31))
  })
  return filter
}

/** Calls `visit` on every entry of the swap filter (see swapFilterOf). */
function forEachEntry(
  index: TermIndex,
  alternatives: string[][][][],
  visit: (s: number, position: number, folded: number, tag: number) => void,
): void {
  for (let s = 0; s < alternatives.length; s++) {
    if (index.swapKey[s] < 0) continue
    const lists = alternatives[s]
    for (let t = 0; t < lists.length; t++) {
      const list = lists[t]
      let positions = 0
      for (const choices of list) if (choices.length > 0) positions++
      const paired = pairedAlternatives(positions)
      for (let i = 0; i < list.length; i++) {
        const choices = list[i]
        for (let j = 0; j < choices.length; j++) {
          const b = foldedChar(choices[j])
          visit(s, i, b, 2 * t)
          if (j < paired) visit(s, i, b, 2 * t + 1)
        }
      }
    }
  }
}

/** True unless the filter shows that swap owner s has no such alternative at that position (see swapFilterOf). */
export function mayHave(filter: Int32Array, s: number, position: number, folded: number, tag: number): boolean {
  if (filter.length === 0) return true
  const h = entryHash(s, position, folded, tag)
  const mask = (1 << (h & 31)) | (1 << ((h >>> 5) & 31))
  return (filter[wordOf(h, filter.length)] & mask) === mask
}

/** The word of a filter of `words` words that hash h sets bits in (its high bits scaled, any filter size). */
function wordOf(h: number, words: number): number {
  return Math.floor(((h >>> 0) * words) / 0x100000000)
}

/** A 32-bit hash of a filter entry. */
function entryHash(s: number, position: number, folded: number, tag: number): number {
  let h = Math.imul(s, 0x9e3779b1) ^ Math.imul(position * 8 + tag + 1, 0x85ebca6b) ^ Math.imul(folded, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return h ^ (h >>> 16)
}

/** The folded code point of a character that folds to exactly one (swap owners with entries have only those). */
function foldedChar(c: string): number {
  if (c.length === 1) {
    const f = foldCodePoint(c.charCodeAt(0))
    if (!isExpansion(f) && f !== SKIP) return f
  }
  return foldString(c)[0]
}
