import type { CompiledTables } from './compiled-tables.js'
import { LONG } from './image-info.js'
import { NO_MEMBERS } from './image-members.js'
import { keyEndingIn } from './key-ends.js'
import { RankedBits } from './ranked-bits.js'
import { CELLS_SLOT } from './scan-table.js'
import type { SwapChoices } from './swap-filter.js'

/**
 * Which folded pairs a hit of a two-code-point class image may be, for a hit to be checked at all. A class image
 * stands for every pair of its classes' code points, but its keys and swap owners take few of them: at 100k terms
 * about half the raw hits of chat text are two-code-point images that no key is and no swap owner passes
 * SwapChoices.maySwap for. Per image one Int32, bit pairBit(a, b) set for each pair (a, b) that is one of its
 * keys or that maySwap may pass for one of its swap owners (see SwapChoices.forEachPair); all bits for an image
 * with a swap owner whose characters do not fold one to one. A hit whose bit is clear is no candidate: it is
 * dropped before the key search and the owners' checks, each a few reads at random places. Derived when a matcher
 * is made (never stored). Only the two-code-point images (about one in six at 100k terms) have a mask: image c's
 * is masks[rank], by its rank among them (see RankedBits), not one Int32 for every image.
 */
export class PairFilter {
  /** The bits (see pairBit) of each two-code-point image, by its rank among them. */
  private readonly masks: Int32Array
  /** The two-code-point images. */
  private readonly pairImages: RankedBits
  /** Per BMP code point, its rank among the code points of its class (see Alphabet), modulo 8. */
  private readonly ranks = new Uint8Array(0x10000)

  constructor(tables: CompiledTables, choices: SwapChoices) {
    const { index, alphabet, arena, links, images, members } = tables
    const counts = new Int32Array(alphabet.size + 1)
    // The code of each BMP code point, looked up for every pair (alphabet.codeOf is a binary search).
    const codes = new Int32Array(0x10000)
    for (let i = 0; i < alphabet.codePoints.length; i++) {
      const cp = alphabet.codePoints[i]
      const rank = counts[alphabet.codes[i]]++
      if (cp >= 0x10000) continue
      this.ranks[cp] = rank & 7
      codes[cp] = alphabet.codes[i]
    }
    const codeOf = (cp: number): number => (cp < 0 ? 0 : cp < 0x10000 ? codes[cp] : alphabet.codeOf(cp))
    this.pairImages = new RankedBits(images.bytes.length, c => (images.bytes[c] & LONG) === 2)
    const masks = new Int32Array(this.pairImages.count)
    this.masks = masks
    const { slots, classOffsets, classMembers, swapOffsets, swapMembers } = members
    const { keyOffsets, keyCodePoints, swapKey } = index
    for (let c = 0; c < images.bytes.length; c++) {
      const slot = slots[c]
      if ((images.bytes[c] & LONG) !== 2 || slot === NO_MEMBERS) continue
      const r = this.pairImages.rankOf(c)
      if (slot >= 0) {
        if (swapKey[slot] < 0) masks[r] = -1
        continue
      }
      const g = -2 - slot
      for (let m = classOffsets[g]; m < classOffsets[g + 1]; m++) {
        const at = keyOffsets[classMembers[m]]
        masks[r] |= 1 << this.pairBit(keyCodePoints[at], keyCodePoints[at + 1])
      }
      for (let m = swapOffsets[g]; m < swapOffsets[g + 1]; m++) if (swapKey[swapMembers[m]] < 0) masks[r] = -1
    }
    const cells = arena[CELLS_SLOT]
    const visit = (a: number, b: number): void => {
      // The image the pair reads as: the trie's state after the codes of a and b (see walkFrom in start-scan.ts).
      const first = codeOf(a)
      const second = codeOf(b)
      if (first === 0 || second === 0) return
      const t = (arena[cells + (first << 1)] >> 1) + second
      if (arena[cells + (t << 1) + 1] !== first) return
      const c = keyEndingIn(links, t)
      if (c >= 0 && (images.bytes[c] & LONG) === 2) masks[this.pairImages.rankOf(c)] |= 1 << this.pairBit(a, b)
    }
    for (let s = 0; s < swapKey.length; s++) choices.forEachPair(s, visit)
  }

  /** False when a hit of image c (two code points) that folds to a, b is no key of it and no swap form of its swap owners'. */
  mayBe(c: number, a: number, b: number): boolean {
    return (this.masks[this.pairImages.rankOf(c)] & (1 << this.pairBit(a, b))) !== 0
  }

  /** The bit of a folded pair: the ranks of its code points in their classes, the first's modulo 4. */
  private pairBit(a: number, b: number): number {
    const ra = a < 0x10000 ? this.ranks[a] : 0
    const rb = b < 0x10000 ? this.ranks[b] : 0
    return ((ra & 3) << 3) | rb
  }
}
