/** Ids held before the arrays first grow (a private chat with a few messages stays small). */
const FIRST = 16

/**
 * The last `capacity` message ids of one chat, for duplicate checks, held as 64-bit hashes (8 bytes an id
 * in a ring, 2 or 4 in a table of ring positions) instead of strings in a Set and an array (about 70 bytes
 * an id). A different id is taken for a duplicate only when its 64-bit hash equals one of the ids held:
 * with ids from the chat service (not chosen to collide) that is at most `capacity` / 2^64 a message,
 * about 1 in 10^16 for 2,000 ids, so less than 1 in 10 million after a billion messages.
 */
export class RecentIds {
  /** Ring position `p` holds the hash of an id: low half `lo[p]`, high half `hi[p]`. */
  private lo = new Uint32Array(FIRST)
  private hi = new Uint32Array(FIRST)
  /** Open addressing by the low half, at most half full: ring position + 1 (0: empty). */
  private table = new Uint16Array(FIRST * 2)
  private count = 0
  /** The next position to write (once full: the oldest id's). */
  private next = 0

  constructor(readonly capacity: number) {
    // Ring positions + 1 fit the table's 16 bits, and the table (twice the ids, a power of two) 65,536 slots.
    if (capacity < 1 || capacity > 32_768) throw new Error(`RecentIds: capacity ${capacity} out of range`)
  }

  /** Remember `id`, forgetting the oldest beyond `capacity`; false when it is held already. */
  add(id: string): boolean {
    const h = hash64(id)
    const lo = h[0]
    const hi = h[1]
    const mask = this.table.length - 1
    for (let s = lo & mask; this.table[s]; s = (s + 1) & mask) {
      const p = this.table[s] - 1
      if (this.lo[p] === lo && this.hi[p] === hi) return false
    }
    if (this.count === this.lo.length && this.count < this.capacity) this.grow()
    const p = this.next
    if (this.count === this.capacity) this.forget(p)
    else this.count++
    this.lo[p] = lo
    this.hi[p] = hi
    this.place(p)
    this.next = (p + 1) % this.capacity
    return true
  }

  /** Ids held. */
  get size(): number {
    return this.count
  }

  /** Put ring position `p` into the table (at the first empty slot from its home). */
  private place(p: number): void {
    const mask = this.table.length - 1
    let s = this.lo[p] & mask
    while (this.table[s]) s = (s + 1) & mask
    this.table[s] = p + 1
  }

  /** Take ring position `p` out of the table, moving back the entries after it that its slot displaced. */
  private forget(p: number): void {
    const table = this.table
    const mask = table.length - 1
    let i = this.lo[p] & mask
    while (table[i] !== p + 1) i = (i + 1) & mask
    for (let j = (i + 1) & mask; table[j]; j = (j + 1) & mask) {
      const home = this.lo[table[j] - 1] & mask
      // Entry j may move to the hole at i unless its home lies cyclically in (i, j].
      if (i <= j ? home > i && home <= j : home > i || home <= j) continue
      table[i] = table[j]
      i = j
    }
    table[i] = 0
  }

  /** Twice the room (up to `capacity`), the table rebuilt; only before the ring is full, so it is in order. */
  private grow(): void {
    const size = Math.min(this.capacity, this.lo.length * 2)
    const lo = new Uint32Array(size)
    const hi = new Uint32Array(size)
    lo.set(this.lo)
    hi.set(this.hi)
    this.lo = lo
    this.hi = hi
    let slots = this.table.length
    while (slots < size * 2) slots *= 2
    this.table = new Uint16Array(slots)
    for (let p = 0; p < this.count; p++) this.place(p)
  }
}

/**
 * A 64-bit hash of a string as two 32-bit halves: two multiply-xor lanes over its UTF-16 code units, each
 * finished by mixing in the other (cyrb53's construction, keeping all 64 bits). Returns `[low, high]` in an
 * array the next call overwrites.
 */
export function hash64(s: string): Uint32Array {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  halves[0] = h1
  halves[1] = h2
  return halves
}

/** What `hash64` returns, overwritten by its next call (no array made per message). */
const halves = new Uint32Array(2)
