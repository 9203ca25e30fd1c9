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
/** Postings per pool chunk: the pools grow a chunk at a time (no doubling slack, no copy). */
const CHUNK_BITS = 16
const CHUNK = 1 << CHUNK_BITS

/**
 * The postings of the docs after the last written segment (a segment's 8,192 docs: about 700,000 postings
 * in the bench), held in typed arrays: an open-addressing table of 16-byte slots (the key, a float64 as
 * `grams.ts` makes it; its newest posting; its number: one slot, one cache line, read per add) and, per posting,
 * the key's posting before it (4 bytes) and its key's number (2 bytes until a segment has more than 65,536
 * keys, then 4 for good), in pools of fixed-size chunks. A posting's doc is not stored: docs come in ascending order,
 * so the postings of a doc are consecutive, and each doc's first posting is noted (4 bytes a doc). About 6
 * (then 8) bytes a posting and about 31 a key, with no object per key or posting and no key boxed on the way in; a
 * key's newest posting tells whether the doc has it already (it is one of the doc's: at or past the doc's first).
 */
export class LivePostings {
  private slots = 0
  /** Slot `s`: its key at `keyAt[2s]` (-1: empty)… */
  private keyAt = new Float64Array(0)
  /** …its newest posting at `intAt[4s + 2]` and its key number at `intAt[4s + 3]` (same bytes). */
  private intAt = new Int32Array(0)
  private keyCount = 0
  /** Posting `p`: the key's posting before it (-1: none) at `prev[p >> 16][p & 0xffff]`… */
  private prev: Int32Array[] = []
  /** …and its key's number (keys are numbered in the order they first came): `layout` reads the postings in order. */
  private idOf: (Uint16Array | Uint32Array)[] = []
  /** Key numbers take 4 bytes (since a segment had more than 65,536 keys), else 2. */
  private wide = false
  private used = 0
  /** Key number `i` is `keyOf[i]`. */
  private keyOf = new Float64Array(1 << 10)
  /** Doc `docNo[i]` has postings `docStart[i]` up to `docStart[i + 1]` (or `used`), `docs` of them. */
  private docNo = new Uint32Array(1 << 10)
  private docStart = new Uint32Array(1 << 10)
  private docs = 0
  /** Where `docsAt` collects a chain. */
  private scratch = new Uint32Array(1024)
  /** The key `add` was given, for `addAt`. */
  private one = new Float64Array(1)

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
    this.one[0] = key
    this.addAt(this.one, 0, doc)
  }

  /**
   * Note that `docs[i]` holds `keys[i]` for each `i` below `n` (docs ascending). The keys are read where they
   * are: a float64 passed to a call that is not inlined is boxed, and most keys (bigrams) are not small integers
   * (about 50 boxes a message when each key was passed to `add`).
   */
  addAll(keys: Float64Array, docs: Uint32Array, n: number): void {
    for (let i = 0; i < n; i++) this.addAt(keys, i, docs[i])
  }

  /** `add` of `keys[i]`. */
  private addAt(keys: Float64Array, i: number, doc: number): void {
    const key = keys[i]
    const s = this.slot(key)
    const ints = this.intAt
    // The doc's postings so far start here (all of them past it: none yet when the doc is new).
    const docFirst = this.docs && this.docNo[this.docs - 1] === doc ? this.docStart[this.docs - 1] : this.used
    if (this.keyAt[2 * s] === EMPTY) {
      if ((this.keyCount + 1) / this.slots > LOAD) return this.rehash(key, doc)
      this.keyAt[2 * s] = key
      ints[4 * s + 2] = EMPTY
      if (this.keyCount === this.keyOf.length) this.keyOf = grown(this.keyOf, new Float64Array(this.keyCount * 2))
      if (this.keyCount === 65_536 && !this.wide) this.widen()
      this.keyOf[this.keyCount] = key
      ints[4 * s + 3] = this.keyCount++
    } else if (ints[4 * s + 2] >= docFirst) return
    const p = this.used++
    const c = p >>> CHUNK_BITS
    if (c === this.prev.length) {
      this.prev.push(new Int32Array(CHUNK))
      this.idOf.push(this.wide ? new Uint32Array(CHUNK) : new Uint16Array(CHUNK))
    }
    if (docFirst === p) this.startDoc(doc, p)
    this.idOf[c][p & (CHUNK - 1)] = ints[4 * s + 3]
    this.prev[c][p & (CHUNK - 1)] = ints[4 * s + 2]
    ints[4 * s + 2] = p
  }

  /** The docs holding `key`, ascending (empty when none). */
  get(key: number): Uint32Array {
    const s = this.slot(key)
    return this.keyAt[2 * s] === EMPTY ? new Uint32Array(0) : this.docsAt(s)
  }

  /**
   * Forget every posting, keeping the table and the pool chunks: the postings of the next segment reuse
   * them (new ones would be megabytes of fresh memory allocated and collected every segment).
   */
  clear(): void {
    for (let s = 0; s < this.slots; s++) this.keyAt[2 * s] = EMPTY
    this.keyCount = 0
    this.used = 0
    this.docs = 0
  }

  /** The postings of a layout, held again (a segment that could not be written goes back to memory). */
  static fromLayout({ keys, offsets, docs }: PostingLayout): LivePostings {
    const live = new LivePostings()
    if (!docs.length) return live
    // Added in doc order (as they first came): each key's docs are ascending, so repeatedly take the lowest.
    let lo = docs[0]
    let hi = docs[0]
    for (const d of docs) {
      lo = Math.min(lo, d)
      hi = Math.max(hi, d)
    }
    const start = new Uint32Array(hi - lo + 2)
    for (const d of docs) start[d - lo + 1]++
    for (let i = 1; i < start.length; i++) start[i] += start[i - 1]
    const keyOf = new Float64Array(docs.length)
    for (let i = 0; i < keys.length; i++)
      for (let p = offsets[i]; p < offsets[i + 1]; p++) keyOf[start[docs[p] - lo]++] = keys[i]
    for (let d = 0; d <= hi - lo; d++) for (let q = d ? start[d - 1] : 0; q < start[d]; q++) live.add(keyOf[q], d + lo)
    return live
  }

  /** Add every posting of `newer` (whose docs all follow this one's), keeping each key's docs ascending. */
  append(newer: LivePostings): void {
    for (let i = 0; i < newer.docs; i++) {
      const end = i + 1 < newer.docs ? newer.docStart[i + 1] : newer.used
      for (let p = newer.docStart[i]; p < end; p++)
        this.add(newer.keyOf[newer.idOf[p >>> CHUNK_BITS][p & (CHUNK - 1)]], newer.docNo[i])
    }
  }

  /**
   * The postings as a segment file lays them out: counted per key, then placed in the order they came (docs
   * come ascending, so each key's docs are ascending too). Each sorted key's number is found through the table
   * (a probe or two, not a binary search of the sorted keys per key: 170,000 keys took 70–130 ms that way).
   */
  layout(): PostingLayout {
    const n = this.keyCount
    const keys = this.keyOf.slice(0, n).sort()
    // Per key number: its postings, then where its next doc goes.
    const at = new Uint32Array(n)
    for (let c = 0; c * CHUNK < this.used; c++) {
      const ids = this.idOf[c]
      for (let i = 0, end = Math.min(CHUNK, this.used - c * CHUNK); i < end; i++) at[ids[i]]++
    }
    const offsets = new Uint32Array(n + 1)
    for (let i = 0; i < n; i++) {
      const id = this.intAt[4 * this.slot(keys[i]) + 3]
      offsets[i + 1] = offsets[i] + at[id]
      at[id] = offsets[i]
    }
    const docs = new Uint32Array(this.used)
    for (let i = 0; i < this.docs; i++) {
      const doc = this.docNo[i]
      const end = i + 1 < this.docs ? this.docStart[i + 1] : this.used
      for (let p = this.docStart[i]; p < end; p++) docs[at[this.idOf[p >>> CHUNK_BITS][p & (CHUNK - 1)]]++] = doc
    }
    return { keys, offsets, docs }
  }

  /**
   * Key numbers of 4 bytes from here on: the chunks copied once, kept so through `clear` (a segment of more than
   * 65,536 keys is followed by others like it: no chunks copied and made again per segment, and the loops over
   * them see one kind of array).
   */
  private widen(): void {
    this.wide = true
    this.idOf = this.idOf.map(c => Uint32Array.from(c))
  }

  /** Note that doc `doc`'s postings start at `p`. */
  private startDoc(doc: number, p: number): void {
    if (this.docs === this.docNo.length) {
      this.docNo = grown(this.docNo, new Uint32Array(this.docs * 2))
      this.docStart = grown(this.docStart, new Uint32Array(this.docs * 2))
    }
    this.docNo[this.docs] = doc
    this.docStart[this.docs++] = p
  }

  /**
   * The docs of the key in slot `s`, ascending (its chain runs newest first: walked once, into `scratch`, each
   * posting's doc found by galloping back through the docs alongside).
   */
  private docsAt(s: number): Uint32Array {
    let n = 0
    let i = this.docs - 1
    for (let p = this.intAt[4 * s + 2]; p !== EMPTY; p = this.prev[p >>> CHUNK_BITS][p & (CHUNK - 1)]) {
      if (n === this.scratch.length) this.scratch = grown(this.scratch, new Uint32Array(n * 2))
      if (this.docStart[i] > p) i = this.docBefore(p, i)
      this.scratch[n++] = this.docNo[i]
    }
    const out = new Uint32Array(n)
    for (let j = 0; j < n; j++) out[j] = this.scratch[n - 1 - j]
    return out
  }

  /**
   * The doc holding posting `p`: the last `i` below `above` whose postings start at or before `p`, found by
   * galloping back from `above` (a key's postings are usually in nearby docs) then halving.
   */
  private docBefore(p: number, above: number): number {
    const start = this.docStart
    let hi = above
    let lo = above - 1
    for (let step = 1; lo > 0 && start[lo] > p; step *= 2) {
      hi = lo
      lo = Math.max(0, lo - step)
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (start[mid] > p) hi = mid
      else lo = mid
    }
    return lo
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

/** The docs holding `key` in a layout, ascending (empty when none): a view of its `docs`. */
export function layoutPostings({ keys, offsets, docs }: PostingLayout, key: number): Uint32Array {
  const i = lowerBound(keys, key)
  return keys[i] === key ? docs.subarray(offsets[i], offsets[i + 1]) : new Uint32Array(0)
}

/** The postings of `older` and `newer` (whose docs all follow older's) as one layout: keys merged, docs ascending. */
export function mergeLayouts(older: PostingLayout, newer: PostingLayout): PostingLayout {
  const keys = new Float64Array(older.keys.length + newer.keys.length)
  const offsets = new Uint32Array(keys.length + 1)
  const docs = new Uint32Array(older.docs.length + newer.docs.length)
  let [i, j, n, d] = [0, 0, 0, 0]
  while (i < older.keys.length || j < newer.keys.length) {
    const a = i < older.keys.length ? older.keys[i] : Number.POSITIVE_INFINITY
    const b = j < newer.keys.length ? newer.keys[j] : Number.POSITIVE_INFINITY
    const key = Math.min(a, b)
    if (a === key) {
      docs.set(older.docs.subarray(older.offsets[i], older.offsets[i + 1]), d)
      d += older.offsets[i + 1] - older.offsets[i++]
    }
    if (b === key) {
      docs.set(newer.docs.subarray(newer.offsets[j], newer.offsets[j + 1]), d)
      d += newer.offsets[j + 1] - newer.offsets[j++]
    }
    keys[n++] = key
    offsets[n] = d
  }
  return { keys: keys.slice(0, n), offsets: offsets.slice(0, n + 1), docs }
}

/** `into` (larger) with `from` copied to its start. */
function grown<T extends Uint32Array | Float64Array>(from: T, into: T): T {
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
