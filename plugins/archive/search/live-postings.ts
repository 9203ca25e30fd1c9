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
 * key's posting before it) in one growable pool. About 8 bytes a posting and 23 a key, with no
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
      this.keyCount++
    } else if (ints[4 * s + 3] === doc) return
    if (this.used * 2 === this.pool.length) {
      const pool = new Int32Array(this.pool.length * 2)
      pool.set(this.pool)
      this.pool = pool
    }
    const p = this.used++
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

  /** Add every posting of `newer` (whose docs all follow this one's), keeping each key's docs ascending. */
  append(newer: LivePostings): void {
    for (let s = 0; s < newer.slots; s++) {
      const key = newer.keyAt[2 * s]
      if (key !== EMPTY) for (const doc of newer.docsAt(s)) this.add(key, doc)
    }
  }

  /** The postings as a segment file lays them out. */
  layout(): PostingLayout {
    const keys = new Float64Array(this.keyCount)
    for (let s = 0, i = 0; s < this.slots; s++) if (this.keyAt[2 * s] !== EMPTY) keys[i++] = this.keyAt[2 * s]
    keys.sort()
    const offsets = new Uint32Array(keys.length + 1)
    const docs = new Uint32Array(this.used)
    let n = 0
    keys.forEach((key, i) => {
      offsets[i] = n
      const list = this.docsAt(this.slot(key))
      docs.set(list, n)
      n += list.length
    })
    offsets[keys.length] = n
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
    for (let s = 0; s < slots; s++) this.keyAt[2 * s] = EMPTY
  }

  /** Twice the slots, then add `key` to `doc`. */
  private rehash(key: number, doc: number): void {
    const { slots, keyAt, intAt } = this
    this.allocate(slots * 2)
    for (let s = 0; s < slots; s++) {
      if (keyAt[2 * s] === EMPTY) continue
      const t = this.slot(keyAt[2 * s])
      this.keyAt[2 * t] = keyAt[2 * s]
      this.intAt[4 * t + 2] = intAt[4 * s + 2]
      this.intAt[4 * t + 3] = intAt[4 * s + 3]
    }
    this.add(key, doc)
  }
}

/** Mixes both 32-bit halves of a key (an integer below 2^53; murmur3's finalizer). */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x27d4eb2f)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}
