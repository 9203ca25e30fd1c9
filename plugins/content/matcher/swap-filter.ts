import { pairedAlternatives } from './expand.js'
import { SKIP, foldCodePoint, isExpansion } from './fold-table.js'
import { foldString } from './normalize.js'
import type { TermIndex } from './term-index.js'

/**
 * Which alternative each character of each swap owner may be swapped for, exactly: the alternatives the
 * index keeps per swap owner (TermIndex.swapAlternatives), each list folded once. A hit that swaps a
 * character for something no list of that term has at that place is no swap form of it: the scan drops
 * it before working out the term's forms (see maySwap). Laid out for the scan's cache misses (about one
 * in three of a 100k-term scan's cycles): per swap owner, where its key's code points start and where
 * its alternatives start, side by side (one read instead of three dependent ones), and the folded lists
 * back to back in one array (no typed array object per list).
 */
export class SwapChoices {
  /** Swap owner s: rows[2s] where its key starts in keyCodePoints (-1 when swapKey is -1), rows[2s + 1] its swapAlternativeOffsets. */
  private readonly rows: Int32Array
  /** index.alternativeLists[l] folded is codes[starts[l]..starts[l + 1]) (-1 for an alternative that folds to none or several). */
  private readonly codes: Int32Array
  private readonly starts: Int32Array

  constructor(private readonly index: TermIndex) {
    const { swapKey, keyOffsets, swapAlternativeOffsets } = index
    this.rows = new Int32Array(2 * swapKey.length + 2)
    for (let s = 0; s < swapKey.length; s++) {
      this.rows[2 * s] = swapKey[s] < 0 ? -1 : keyOffsets[swapKey[s]]
      this.rows[2 * s + 1] = swapAlternativeOffsets[s]
    }
    this.rows[2 * swapKey.length + 1] = swapAlternativeOffsets[swapKey.length]
    const lists = index.alternativeLists
    this.starts = new Int32Array(lists.length + 1)
    const codes: number[] = []
    for (let l = 0; l < lists.length; l++) {
      for (const c of lists[l]) codes.push(foldedChar(c))
      this.starts[l + 1] = codes.length
    }
    this.codes = Int32Array.from(codes)
  }

  /**
   * A quick test whether a hit's folded characters (`folded`, `length` of them; `keyStart`: where its key
   * starts in keyCodePoints if it is one, else -2) may be a swap form of swap owner s: not its own key, and
   * differing from it in at most two characters, each by an alternative the owner has at that place (one of
   * its first pairedAlternatives of one kind for both, when two differ). Always true for an owner whose
   * characters or alternatives do not fold one to one (see TermIndex.swapKey).
   */
  maySwap(s: number, keyStart: number, folded: Int32Array, length: number): boolean {
    const own = this.rows[2 * s]
    if (own < 0) return true
    if (own === keyStart) return false
    const keyCodePoints = this.index.keyCodePoints
    let first = -1
    let second = -1
    for (let i = 0; i < length; i++) {
      if (keyCodePoints[own + i] === folded[i]) continue
      if (second >= 0) return false
      if (first < 0) first = i
      else second = i
    }
    if (first < 0) return true
    if (second < 0) return this.hasOne(s, length, first, folded[first])
    return this.hasTwo(s, length, first, folded[first], second, folded[second])
  }

  /**
   * Visits every pair of folded code points (a, b) for which maySwap(s, …) may be true, when swap owner s is
   * two characters that fold one to one (a few pairs more do no harm): its own, one character swapped for any
   * alternative at its place, both swapped for one of the first pairedAlternatives of one kind. False, and
   * nothing visited, for any other swap owner.
   */
  forEachPair(s: number, visit: (a: number, b: number) => void): boolean {
    const own = this.rows[2 * s]
    const key = this.index.swapKey[s]
    if (own < 0 || this.index.keyOffsets[key + 1] - own !== 2) return false
    const { codes, starts } = this
    const ids = this.index.swapAlternatives
    const first = this.index.keyCodePoints[own]
    const second = this.index.keyCodePoints[own + 1]
    visit(first, second)
    for (let at = this.rows[2 * s + 1]; at < this.rows[2 * s + 3]; at += 2) {
      const x = ids[at]
      const y = ids[at + 1]
      for (let k = starts[x]; k < starts[x + 1]; k++) visit(codes[k], second)
      for (let k = starts[y]; k < starts[y + 1]; k++) visit(first, codes[k])
      const paired = pairedAlternatives((x !== 0 ? 1 : 0) + (y !== 0 ? 1 : 0))
      const xEnd = Math.min(starts[x + 1], starts[x] + paired)
      const yEnd = Math.min(starts[y + 1], starts[y] + paired)
      for (let i = starts[x]; i < xEnd; i++) for (let j = starts[y]; j < yEnd; j++) visit(codes[i], codes[j])
    }
    return true
  }

  /** True if swap owner s (n characters) has folded code point cp among the alternatives of its character i, of any kind. */
  private hasOne(s: number, n: number, i: number, cp: number): boolean {
    const { codes, starts } = this
    const ids = this.index.swapAlternatives
    for (let at = this.rows[2 * s + 1]; at < this.rows[2 * s + 3]; at += n) {
      const l = ids[at + i]
      for (let k = starts[l]; k < starts[l + 1]; k++) if (codes[k] === cp) return true
    }
    return false
  }

  /**
   * True if swap owner s (n characters) has, for one of its swap kinds, a at character i and b at character j
   * among the first pairedAlternatives of each (the only ones two-character swaps take).
   */
  private hasTwo(s: number, n: number, i: number, a: number, j: number, b: number): boolean {
    const ids = this.index.swapAlternatives
    for (let at = this.rows[2 * s + 1]; at < this.rows[2 * s + 3]; at += n) {
      let positions = 0
      for (let k = 0; k < n; k++) if (ids[at + k] !== 0) positions++
      const paired = pairedAlternatives(positions)
      if (this.isAmongFirst(ids[at + i], a, paired) && this.isAmongFirst(ids[at + j], b, paired)) return true
    }
    return false
  }

  /** True if cp is among the first `count` folded alternatives of list l. */
  private isAmongFirst(l: number, cp: number, count: number): boolean {
    const end = Math.min(this.starts[l + 1], this.starts[l] + count)
    for (let k = this.starts[l]; k < end; k++) if (this.codes[k] === cp) return true
    return false
  }
}

/** The folded code point of an alternative (one code point), or -1 if it folds to none or several. */
function foldedChar(c: string): number {
  const f = foldCodePoint(c.codePointAt(0)!)
  if (!isExpansion(f)) return f === SKIP ? -1 : f
  const folded = foldString(c)
  return folded.length === 1 ? folded[0] : -1
}
