/** A segment's postings laid out as `IndexFile` writes them: keys ascending, each key's docs at `offsets[i]…`. */
export interface PostingLayout {
  keys: Float64Array
  /** `keys.length + 1` entries: key `i`'s docs are `docs[offsets[i]]` up to `docs[offsets[i + 1]]`. */
  offsets: Uint32Array
  docs: Uint32Array
}

const EMPTY = -1
/** The table grows past this share of its slots in use (linear probing stays short below it). */
const LOAD = 0.7

/**
 * The postings of the docs after the last written segment (at most a few thousand docs), held in
 * typed arrays: an open-addressing table of 16-byte slots (the key, a float64 as `grams.ts` makes
 * it; its newest posting; its newest doc: one cache line read per add) and each posting (doc, the
 * key's posting before it, its key's number) in growable pools. About 12 bytes a posting and 37 a key, with no
 * object per key or posting and no key boxed on the way in. Docs come in ascending order, so a
 * key's newest doc tells whether the doc has it already.
 */
export class LivePostings {
  private slots = 0
  /** Slot `s`: its key at `keyAt[2s]` (-1: empty)… */
  private keyAt = new Float64Array(0)
  /** …its newest posting at `intAt[4s + 2]` and newest doc at `intAt[4s + 3]` (same bytes). */
  private intAt = new Int32Array(0)
  private keyCount = 0
  /** Posting `p`: its doc at `pool[2p]`, the key's posting before it at `pool[2p + 1]` (-1: none). */
  private pool = new Int32Array(1 << 14)
  private used = 0
  /**
   * Each key is numbered in the order it first came (slot `s`'s at `idAt[s]`, key of number `i` at `keyOf[i]`),
   * and each posting records its key's number (`idOf[p]`): `layout` then reads the postings in the order they
   * came instead of walking each key's chain across the pool (a cache miss a posting).
   */
  private idAt = new Int32Array(0)
  private keyOf = new Float64Array(1 << 10)
  private idOf = new Int32Array(1 << 13)
  /** Where `docsAt` collects a chain. */
  private scratch = new Uint32Array(1024)

  constructor() {
    this.allocate(1 << 12)
  }

  /** Distinct keys held. */
  get keys(): number {
    return this.keyCount
  }

  /** Postings held (one per distinct key of each doc). */
  get postings(): number {
    return this.used
  }

  /** Note that `doc` holds `key` (docs come in ascending order; a repeat for the same doc is ignored). */
  add(key: number, doc: number): void {
    const s = this.slot(key)
    const ints = this.intAt
    if (this.keyAt[2 * s] === EMPTY) {
      if ((this.keyCount + 1) / this.slots > LOAD) return this.rehash(key, doc)
      this.keyAt[2 * s] = key
      ints[4 * s + 2] = EMPTY
      if (this.keyCount === this.keyOf.length) this.keyOf = grown(this.keyOf, new Float64Array(this.keyCount * 2))
      this.keyOf[this.keyCount] = key
      this.idAt[s] = this.keyCount++
    } else if (ints[4 * s + 3] === doc) return
    if (this.used * 2 === this.pool.length) {
      this.pool = grown(this.pool, new Int32Array(this.pool.length * 2))
      this.idOf = grown(this.idOf, new Int32Array(this.used * 2))
    }
    const p = this.used++
    this.idOf[p] = this.idAt[s]
    this.pool[2 * p] = doc
    this.pool[2 * p + 1] = ints[4 * s + 2]
    ints[4 * s + 2] = p
    ints[4 * s + 3] = doc
  }

  /** The docs holding `key`, ascending (empty when none). */
  get(key: number): Uint32Array {
    const s = this.slot(key)
    return this.keyAt[2 * s] === EMPTY ? new Uint32Array(0) : this.docsAt(s)
  }

  /**
   * Forget every posting, keeping the arrays at the size they grew to: the postings of the next segment reuse
   * them (new ones would be megabytes of fresh memory allocated and collected every segment).
   */
  clear(): void {
    for (let s = 0; s < this.slots; s++) this.keyAt[2 * s] = EMPTY
    this.keyCount = 0
    this.used = 0
  }

  /** The postings of a layout, held again (a segment that could not be written goes back to memory). */
  static fromLayout({ keys, offsets, docs }: PostingLayout): LivePostings {
    const live = new LivePostings()
    for (let i = 0; i < keys.length; i++) for (let p = offsets[i]; p < offsets[i + 1]; p++) live.add(keys[i], docs[p])
    return live
  }

  /** Add every posting of `newer` (whose docs all follow this one's), keeping each key's docs ascending. */
  append(newer: LivePostings): void {
    for (let s = 0; s < newer.slots; s++) {
      const key = newer.keyAt[2 * s]
      if (key !== EMPTY) for (const doc of newer.docsAt(s)) this.add(key, doc)
    }
  }

  /**
   * The postings as a segment file lays them out: counted per key, then placed in the order they came (docs
   * come ascending, so each key's docs are ascending too).
   */
  layout(): PostingLayout {
    const n = this.keyCount
    const keys = this.keyOf.slice(0, n).sort()
    // Each key number's place among the sorted keys.
    const rank = new Uint32Array(n)
    for (let i = 0; i < n; i++) rank[i] = lowerBound(keys, this.keyOf[i])
    const offsets = new Uint32Array(n + 1)
    for (let p = 0; p < this.used; p++) offsets[rank[this.idOf[p]] + 1]++
    for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i]
    const next = offsets.slice(0, n)
    const docs = new Uint32Array(this.used)
    for (let p = 0; p < this.used; p++) docs[next[rank[this.idOf[p]]]++] = this.pool[2 * p]
    return { keys, offsets, docs }
  }

  /** The docs of the key in slot `s`, ascending (its chain runs newest first: walked once, into `scratch`). */
  private docsAt(s: number): Uint32Array {
    let n = 0
    for (let p = this.intAt[4 * s + 2]; p !== EMPTY; p = this.pool[2 * p + 1]) {
      if (n === this.scratch.length) {
        const grown = new Uint32Array(n * 2)
        grown.set(this.scratch)
        this.scratch = grown
      }
      this.scratch[n++] = this.pool[2 * p]
    }
    const out = new Uint32Array(n)
    for (let i = 0; i < n; i++) out[i] = this.scratch[n - 1 - i]
    return out
  }

  /** The slot holding `key`, else the empty slot where it goes (linear probing). */
  private slot(key: number): number {
    const mask = this.slots - 1
    let s = hash(key) & mask
    while (this.keyAt[2 * s] !== key && this.keyAt[2 * s] !== EMPTY) s = (s + 1) & mask
    return s
  }

  private allocate(slots: number): void {
    const bytes = new ArrayBuffer(slots * 16)
    this.slots = slots
    this.keyAt = new Float64Array(bytes)
    this.intAt = new Int32Array(bytes)
    this.idAt = new Int32Array(slots)
    for (let s = 0; s < slots; s++) this.keyAt[2 * s] = EMPTY
  }

  /** Twice the slots, then add `key` to `doc`. */
  private rehash(key: number, doc: number): void {
    const { slots, keyAt, intAt, idAt } = this
    this.allocate(slots * 2)
    for (let s = 0; s < slots; s++) {
      if (keyAt[2 * s] === EMPTY) continue
      const t = this.slot(keyAt[2 * s])
      this.keyAt[2 * t] = keyAt[2 * s]
      this.intAt[4 * t + 2] = intAt[4 * s + 2]
      this.intAt[4 * t + 3] = intAt[4 * s + 3]
      this.idAt[t] = idAt[s]
    }
    this.add(key, doc)
  }
}

/** The docs holding `key` in a layout, ascending (empty when none): a view of its `docs`. */
export function layoutPostings({ keys, offsets, docs }: PostingLayout, key: number): Uint32Array {
  const i = lowerBound(keys, key)
  return keys[i] === key ? docs.subarray(offsets[i], offsets[i + 1]) : new Uint32Array(0)
}

/** `into` (larger) with `from` copied to its start. */
function grown<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from)
  return into
}

/** The index of the first element of `sorted` not below `x`. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Mixes both 32-bit halves of a key (an integer below 2^53; murmur3's finalizer). */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x27d4eb2f)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}
