import type { Alphabet } from './alphabet.js'
import { SKIP, expansionOf, foldCodePoint, isExpansion } from './fold-table.js'
import type { HitList } from './hit-list.js'
import { keyEndingIn, type KeyEnds } from './key-ends.js'
import { CELLS_SLOT, UNIT_SKIP, UNIT_SLOW } from './scan-table.js'
import { isSkippedPair } from './start-scan.js'

/** The folded letters of the last scan's text: code (0 for none of the keys' letters), end offset, tail. */
let letters = new Int32Array(3 * 256)

/**
 * The scan of the texts the start scan leaves (scanKeyStarts returns false: a lone surrogate, a plane-1
 * character that is not skipped, a character folding to several letters), which are rare: folds the
 * whole text exactly, then walks the trie forward from every letter. Puts the raw hits into `hits` as
 * flat triples [key index, end offset (exclusive), tail], where tail counts the folded code points of the
 * last character that lie after the key (non-zero only inside expansions), ordered by end, then longest
 * first (the order an Aho–Corasick scan reports them in).
 */
export function scanKeys(text: string, arena: Int32Array, ends: KeyEnds, alphabet: Alphabet, hits: HitList): void {
  hits.length = 0
  const n = foldLetters(text, arena, alphabet)
  const cells = arena[CELLS_SLOT]
  const found: number[] = []
  for (let p = 0; p < n; p++) {
    let s = 0
    for (let q = p; q < n; q++) {
      const a = letters[3 * q]
      if (a === 0) break
      const t = (arena[cells + (s << 1)] >> 1) + a
      if (arena[cells + (t << 1) + 1] !== s) break
      s = t
      if ((arena[cells + (s << 1)] & 1) !== 0) found.push(q, p, keyEndingIn(ends, s))
    }
  }
  const order = Array.from({ length: found.length / 3 }, (_, i) => 3 * i)
  order.sort((x, y) => found[x] - found[y] || found[x + 1] - found[y + 1])
  for (const at of order) {
    const q = found[at]
    hits.push(found[at + 2], letters[3 * q + 1], letters[3 * q + 2])
  }
}

/**
 * Folds the text into `letters` as the start scan reads it (the arena's unit values; skipped units and
 * skipped emoji left out), the other characters exactly (a surrogate pair as one code point, a
 * character folding to several letters as each of them); returns how many letters.
 */
function foldLetters(text: string, arena: Int32Array, alphabet: Alphabet): number {
  let n = 0
  const push = (code: number, end: number, tail: number): void => {
    if (3 * n + 3 > letters.length) {
      const grown = new Int32Array(letters.length * 2)
      grown.set(letters)
      letters = grown
    }
    letters[3 * n] = code
    letters[3 * n + 1] = end
    letters[3 * n + 2] = tail
    n++
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const v = arena[unit]
    if (v === UNIT_SKIP) continue
    if (v !== UNIT_SLOW) {
      push(v >> 1, i + 1, 0)
      continue
    }
    if (isSkippedPair(text, i, arena)) {
      i++
      continue
    }
    const cp = text.codePointAt(i)!
    const end = cp > 0xffff ? i + 2 : i + 1
    const folded = foldCodePoint(cp)
    if (folded !== SKIP) {
      const sequence = isExpansion(folded) ? expansionOf(folded) : [folded]
      for (let k = 0; k < sequence.length; k++) push(alphabet.codeOf(sequence[k]), end, sequence.length - 1 - k)
    }
    i = end - 1
  }
  return n
}
