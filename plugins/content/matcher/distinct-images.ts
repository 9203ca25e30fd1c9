import { Int32Buffer, KeyListBuilder } from './key-list.js'

/**
 * Distinct class images (sequences of class code points, see substitution-classes.ts) numbered in the order
 * first seen, in an open-addressing hash table over a KeyList (no string or object per image): the keys'
 * images first, then each swap image as swapImages makes it (it is hashed once, never stored twice), then
 * the anchors'.
 */
export class DistinctImages {
  readonly images = new KeyListBuilder()
  private readonly starts = new Int32Buffer()
  private table: Int32Array

  /** A table for about `expected` images (it grows when more come). */
  constructor(expected: number) {
    let size = 1024
    while (size < expected * 2) size *= 2
    this.table = new Int32Array(size).fill(-1)
  }

  /** How many distinct images there are. */
  get count(): number {
    return this.images.count
  }

  /** The number of the image source[from..to), added if new. */
  idOf(source: Int32Array, from: number, to: number): number {
    let h = 0x811c9dc5
    for (let i = from; i < to; i++) h = Math.imul(h ^ source[i], 0x01000193)
    const mask = this.table.length - 1
    const stored = this.images.codes
    const ends = this.images.ends
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]
      if (id < 0) break
      const at = this.starts.data[id]
      if (ends.data[id] - at !== to - from) continue
      let same = true
      for (let i = 0; i < to - from && same; i++) same = stored.data[at + i] === source[from + i]
      if (same) return id
    }
    const id = this.images.count
    this.starts.push(stored.length)
    for (let i = from; i < to; i++) stored.push(source[i])
    this.images.end()
    if (2 * (id + 1) > this.table.length) this.grow()
    else this.insert(id, h)
    return id
  }

  private insert(id: number, h: number): void {
    const mask = this.table.length - 1
    let slot = (h ^ (h >>> 15)) & mask
    while (this.table[slot] >= 0) slot = (slot + 1) & mask
    this.table[slot] = id
  }

  /** Doubles the table and puts every image back (their hashes again, from their stored codes). */
  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1)
    const stored = this.images.codes.data
    for (let id = 0; id < this.images.count; id++) {
      let h = 0x811c9dc5
      for (let i = this.starts.data[id]; i < this.images.ends.data[id]; i++) h = Math.imul(h ^ stored[i], 0x01000193)
      this.insert(id, h)
    }
  }
}
