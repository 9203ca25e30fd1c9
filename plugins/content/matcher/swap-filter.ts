import { pairedAlternatives } from './expand.js'
import { SKIP, foldCodePoint, isExpansion } from './fold-table.js'
import { foldString } from './normalize.js'
import type { TermIndex } from './term-index.js'

/**
 * Which alternative each character of each swap owner may be swapped for, exactly: the alternatives the
 * index keeps per swap owner (TermIndex.swapAlternatives), each list folded once. A hit that swaps a
 * character for something no list of that term has at that place is no swap form of it: the scan drops
 * it before working out the term's forms. Only for swap
 * owners whose characters and alternatives all fold to one code point (`swapKey` >= 0): `n`, the
 * owner's number of characters, is then its key's length.
 */
export class SwapChoices {
  /** Each of index.alternativeLists as folded code points (-1 for an alternative that folds to none or several). */
  private readonly folded: Int32Array[]

  constructor(private readonly index: TermIndex) {
    this.folded = index.alternativeLists.map(list => Int32Array.from(list, foldedChar))
  }

  /** True if swap owner s (n characters) has folded code point cp among the alternatives of its character i, of any kind. */
  hasOne(s: number, n: number, i: number, cp: number): boolean {
    const { swapAlternativeOffsets: offsets, swapAlternatives: ids } = this.index
    for (let at = offsets[s]; at < offsets[s + 1]; at += n) if (this.folded[ids[at + i]].includes(cp)) return true
    return false
  }

  /**
   * True if swap owner s (n characters) has, for one of its swap kinds, a at character i and b at character j
   * among the first pairedAlternatives of each (the only ones two-character swaps take).
   */
  hasTwo(s: number, n: number, i: number, a: number, j: number, b: number): boolean {
    const { swapAlternativeOffsets: offsets, swapAlternatives: ids } = this.index
    for (let at = offsets[s]; at < offsets[s + 1]; at += n) {
      let positions = 0
      for (let k = 0; k < n; k++) if (ids[at + k] !== 0) positions++
      const paired = pairedAlternatives(positions)
      if (isAmongFirst(this.folded[ids[at + i]], a, paired) && isAmongFirst(this.folded[ids[at + j]], b, paired))
        return true
    }
    return false
  }
}

/** True if cp is among the first `count` entries of the list. */
function isAmongFirst(list: Int32Array, cp: number, count: number): boolean {
  for (let k = 0; k < list.length && k < count; k++) if (list[k] === cp) return true
  return false
}

/** The folded code point of an alternative (one code point), or -1 if it folds to none or several. */
function foldedChar(c: string): number {
  const f = foldCodePoint(c.codePointAt(0)!)
  if (!isExpansion(f)) return f === SKIP ? -1 : f
  const folded = foldString(c)
  return folded.length === 1 ? folded[0] : -1
}
