/**
 * Tracks free cells of a growing double array. `findFree(p)` returns the first free cell >= p in
 * near-constant time (a union-find "next free" forest with path compression).
 */
export class CellAllocator {
  /**
   * For cell p, how far its "next free" link reaches: p + skip[p], 0 for a free cell (its own root).
   * Stored as a distance so that a new array, zeros already, needs no fill (filling would touch every
   * page of it, a page fault each the first time).
   */
  private skip: Int32Array

  constructor(initialCapacity: number) {
    this.skip = new Int32Array(Math.max(16, initialCapacity))
  }

  /** Current capacity; every cell at or beyond it is free. */
  get capacity(): number {
    return this.skip.length
  }

  /** True if the cell is not taken. */
  isFree(cell: number): boolean {
    return cell >= this.skip.length || this.skip[cell] === 0
  }

  /** The first free cell at or after `from`. */
  findFree(from: number): number {
    this.ensure(from + 1)
    let root = from
    while (this.skip[root] !== 0) {
      root += this.skip[root]
      this.ensure(root + 1)
    }
    for (let p = from; p !== root; ) {
      const following = p + this.skip[p]
      this.skip[p] = root - p
      p = following
    }
    return root
  }

  /** Marks a cell as taken. */
  take(cell: number): void {
    this.ensure(cell + 2)
    this.skip[cell] = 1
  }

  private ensure(size: number): void {
    if (size <= this.skip.length) return
    let capacity = this.skip.length * 2
    while (capacity < size) capacity *= 2
    const grown = new Int32Array(capacity)
    grown.set(this.skip)
    this.skip = grown
  }
}
