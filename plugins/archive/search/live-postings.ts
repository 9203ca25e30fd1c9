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
 * typed arrays: an open-addressing table of keys (float64, see `grams.ts`), and per slot the newest
 * posting of its key, each posting (doc, older posting) in one growable pool: 8 bytes a posting and
 * about 20 a key, with no object per key or posting and no key boxed on the way in. Docs come in
 * ascending order, so a key's newest posting tells whether the doc has it already.
 */
export class LivePostings {
  private table = new Float64Array(1 << 12).fill(EMPTY)
  /** The newest posting of the key in the same slot of `table`. */
  private newest = new Int32Array(1 << 12)
  private keyCount = 0
  /** Posting `p`: its doc at `pool[2p]`, the key's posting before it at `pool[2p + 1]` (-1: none). */
  private pool = new Int32Array(1 << 14)
  private used = 0

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
    let s = this.slot(key)
    if (this.table[s] === EMPTY) {
      if ((this.keyCount + 1) / this.table.length > LOAD) {
        this.rehash()
        s = this.slot(key)
      }
      this.table[s] = key
      this.newest[s] = EMPTY
      this.keyCount++
    } else if (this.pool[2 * this.newest[s]] === doc) return
    if (this.used * 2 === this.pool.length) {
      const pool = new Int32Array(this.pool.length * 2)
      pool.set(this.pool)
      this.pool = pool
    }
    const p = this.used++
    this.pool[2 * p] = doc
    this.pool[2 * p + 1] = this.newest[s]
    this.newest[s] = p
  }

  /** The docs holding `key`, ascending (empty when none). */
  get(key: number): Uint32Array {
    const s = this.slot(key)
    return this.table[s] === EMPTY ? new Uint32Array(0) : this.docsAt(s)
  }

  /** Add every posting of `newer` (whose docs all follow this one's), keeping each key's docs ascending. */
  append(newer: LivePostings): void {
    for (let s = 0; s < newer.table.length; s++) {
      if (newer.table[s] === EMPTY) continue
      for (const doc of newer.docsAt(s)) this.add(newer.table[s], doc)
    }
  }

  /** The postings as a segment file lays them out. */
  layout(): PostingLayout {
    const slots: number[] = []
    for (let s = 0; s < this.table.length; s++) if (this.table[s] !== EMPTY) slots.push(s)
    slots.sort((a, b) => this.table[a] - this.table[b])
    const keys = new Float64Array(slots.length)
    const offsets = new Uint32Array(slots.length + 1)
    const docs = new Uint32Array(this.used)
    let n = 0
    slots.forEach((s, i) => {
      keys[i] = this.table[s]
      offsets[i] = n
      const list = this.docsAt(s)
      docs.set(list, n)
      n += list.length
    })
    offsets[slots.length] = n
    return { keys, offsets, docs }
  }

  /** The docs of the key in slot `s`, ascending (its chain runs newest first). */
  private docsAt(s: number): Uint32Array {
    let n = 0
    for (let p = this.newest[s]; p !== EMPTY; p = this.pool[2 * p + 1]) n++
    const out = new Uint32Array(n)
    for (let p = this.newest[s]; p !== EMPTY; p = this.pool[2 * p + 1]) out[--n] = this.pool[2 * p]
    return out
  }

  /** The slot holding `key`, else the empty slot where it goes (linear probing). */
  private slot(key: number): number {
    const mask = this.table.length - 1
    let s = hash(key) & mask
    while (this.table[s] !== key && this.table[s] !== EMPTY) s = (s + 1) & mask
    return s
  }

  private rehash(): void {
    const { table, newest } = this
    this.table = new Float64Array(table.length * 2).fill(EMPTY)
    this.newest = new Int32Array(table.length * 2)
    for (let s = 0; s < table.length; s++) {
      if (table[s] === EMPTY) continue
      const t = this.slot(table[s])
      this.table[t] = table[s]
      this.newest[t] = newest[s]
    }
  }
}

/** Mixes both 32-bit halves of a key (an integer below 2^53; murmur3's finalizer). */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x27d4eb2f)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}
