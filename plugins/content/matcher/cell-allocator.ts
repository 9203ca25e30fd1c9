/**
 * Tracks free cells of a growing double array. `findFree(p)` returns the first free cell >= p in
 * near-constant time (a union-find "next free" forest with path compression).
 */
export class CellAllocator {
  private next: Int32Array

  constructor(initialCapacity: number) {
    this.next = new Int32Array(Math.max(16, initialCapacity))
    for (let i = 0; i < this.next.length; i++) this.next[i] = i
  }

  /** Current capacity; every cell at or beyond it is free. */
  get capacity(): number {
    return this.next.length
  }

  /** True if the cell is not taken. */
  isFree(cell: number): boolean {
    return cell >= this.next.length || this.next[cell] === cell
  }

  /** The first free cell at or after `from`. */
  findFree(from: number): number {
    this.ensure(from + 1)
    let root = from
    while (this.next[root] !== root) {
      root = this.next[root]
      this.ensure(root + 1)
    }
    for (let p = from; p !== root; ) {
      const following = this.next[p]
      this.next[p] = root
      p = following
    }
    return root
  }

  /** Marks a cell as taken. */
  take(cell: number): void {
    this.ensure(cell + 2)
    this.next[cell] = cell + 1
  }

  private ensure(size: number): void {
    if (size <= this.next.length) return
    let capacity = this.next.length * 2
    while (capacity < size) capacity *= 2
    const grown = new Int32Array(capacity)
    grown.set(this.next)
    for (let i = this.next.length; i < capacity; i++) grown[i] = i
    this.next = grown
  }
}
