import { KeyListBuilder } from './key-list.js'

/** Room for this many codes an image (3.5 at 100k bench terms) is made before the first images come (see Int32Buffer). */
const CODES_PER_IMAGE = 4

/**
 * Distinct class images (sequences of class code points, see substitution-classes.ts) numbered in the order
 * first seen, in an open-addressing hash table over a KeyList (no string or object per image): the keys'
 * images first, then each swap image as swapImages makes it (it is hashed once, never stored twice), then
 * the anchors'.
 */
export class DistinctImages {
  readonly images: KeyListBuilder
  /**
   * Slot i is the pair table[2i] (an image's number, -1 for none) and table[2i + 1] (its hash): a probe
   * compares hashes in the slot's own cache line, and reads an image's codes only when they agree, so the
   * table may be up to three quarters full (at 100k terms 16 MB: every new page of it costs a page fault).
   */
  private table: Int32Array
  private mask: number

  /** A table for about `expected` images (it grows when more come). */
  constructor(expected: number) {
    this.images = new KeyListBuilder(expected, CODES_PER_IMAGE * expected)
    let size = 1024
    while (3 * size < expected * 4) size *= 2
    this.table = new Int32Array(2 * size).fill(-1)
    this.mask = size - 1
  }

  /** How many distinct images there are. */
  get count(): number {
    return this.images.count
  }

  /** The number of the image source[from..to), added if new. */
  idOf(source: Int32Array, from: number, to: number): number {
    let h = 0x811c9dc5
    for (let i = from; i < to; i++) h = Math.imul(h ^ source[i], 0x01000193)
    h ^= h >>> 15
    const { table, mask } = this
    const stored = this.images.codes
    const ends = this.images.ends
    let slot = h & mask
    for (; ; slot = (slot + 1) & mask) {
      const id = table[2 * slot]
      if (id < 0) break
      if (table[2 * slot + 1] !== h) continue
      const at = id === 0 ? 0 : ends.data[id - 1]
      if (ends.data[id] - at !== to - from) continue
      let same = true
      for (let i = 0; i < to - from && same; i++) same = stored.data[at + i] === source[from + i]
      if (same) return id
    }
    const id = this.images.count
    for (let i = from; i < to; i++) stored.push(source[i])
    this.images.end()
    table[2 * slot] = id
    table[2 * slot + 1] = h
    if (4 * (id + 1) > 3 * (mask + 1)) this.grow()
    return id
  }

  /** Doubles the table and puts every image back by its hash. */
  private grow(): void {
    const old = this.table
    this.table = new Int32Array(2 * old.length).fill(-1)
    this.mask = old.length - 1
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] < 0) continue
      let slot = old[i + 1] & this.mask
      while (this.table[2 * slot] >= 0) slot = (slot + 1) & this.mask
      this.table[2 * slot] = old[i]
      this.table[2 * slot + 1] = old[i + 1]
    }
  }
}
