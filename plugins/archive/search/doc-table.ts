import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'

const ENTRY = 16
const DAY0 = Date.UTC(2000, 0, 1)
/** Docs per block of the running day maximum (`1 << BLOCK_BITS`). */
const BLOCK_BITS = 6
const BLOCK = 1 << BLOCK_BITS

/** Where one archived message is: its chat (number), day, type (number) and bytes in the day segment. */
export interface DocEntry {
  chat: number
  day: number
  type: number
  offset: number
  length: number
}

let lastDay = { day: '', n: 0 }

/** `YYYY-MM-DD` as days since 2000-01-01 (fits 16 bits until 2179). */
export function dayNumber(day: string): number {
  if (day === lastDay.day) return lastDay.n // every message of a day asks for the same one
  const [y, m, d] = day.split('-').map(Number)
  const n = Math.max(0, Math.min(0xffff, Math.round((Date.UTC(y, m - 1, d) - DAY0) / 86_400_000)))
  lastDay = { day, n }
  return n
}

/** The inverse of {@link dayNumber}. */
export function dayString(n: number): string {
  return new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10)
}

/** Docs per chunk of the in-memory columns (a power of two). */
const CHUNK_BITS = 16
const CHUNK = 1 << CHUNK_BITS
/** A chunk's days are held in a byte from its base while they stay in [base, base + 255]; the base is its first day minus this. */
const DAY_SLACK = 16

/** One chunk of docs' chat, day and type, each column as narrow as its values allow. */
interface Chunk {
  chat: Uint8Array | Uint16Array | Uint32Array
  /** `day[i] + dayBase` is the day (a byte per doc from `dayBase`, or 16 bits with `dayBase` 0). */
  day: Uint8Array | Uint16Array
  dayBase: number
  type: Uint8Array
  /** Running maximum of the day at the end of each block of docs (over every doc before it, across chunks). */
  blockMax: Uint16Array
}

/**
 * The index's doc table: doc number → chat, day, type and where its line is
 * (`docs.bin`, 16 bytes per message, written in place at `doc × 16`, so a
 * torn last entry is simply overwritten). Chat, day and type are also held in
 * memory so date, group and type filters need no read: in chunks of 65,536 docs (no doubling slack, no copy as
 * the table grows), each column as narrow as its chunk's values allow: 3 bytes a doc while the chunk's chat
 * numbers fit a byte and its days lie within 255 of each other (a chunk spans days to weeks), up to 7.
 * The location is read when a record is. Entries are buffered and written by
 * `flush()` (the archive's, once per event-loop turn, after the lines they point
 * to); a write the disk refuses is kept and written with the next.
 */
export class DocTable {
  count = 0
  private chunks: Chunk[] = []
  /** The latest day of every doc so far: what a block's `blockMax` holds once its last doc is in. */
  private maxDay = 0
  private fd: number
  /** Docs on disk; the entries of docs [written, count) wait in `pending`, in doc order. */
  private written = 0
  private pending = Buffer.alloc(64 * ENTRY)

  constructor(file: string) {
    const exists = existsSync(file)
    this.fd = openSync(file, exists ? 'r+' : 'w+')
    const n = Math.floor(fstatSync(this.fd).size / ENTRY)
    const chunk = Buffer.alloc(Math.min(n, 65_536) * ENTRY) // read in 1 MB pieces: no buffer the size of the table
    for (let from = 0; from < n; from += 65_536) {
      const bytes = Math.min(n - from, 65_536) * ENTRY
      readSync(this.fd, chunk, 0, bytes, from * ENTRY)
      for (let o = 0; o < bytes; o += ENTRY)
        this.push(chunk.readUInt32LE(o), chunk.readUInt16LE(o + 4), chunk.readUInt8(o + 6))
    }
    this.written = n
  }

  /** Doc `n`'s chat number. */
  chatOf(n: number): number {
    return this.chunks[n >>> CHUNK_BITS].chat[n & (CHUNK - 1)]
  }

  /** Doc `n`'s day (`dayNumber`). */
  dayOf(n: number): number {
    const c = this.chunks[n >>> CHUNK_BITS]
    return c.day[n & (CHUNK - 1)] + c.dayBase
  }

  /** Doc `n`'s type number. */
  typeOf(n: number): number {
    return this.chunks[n >>> CHUNK_BITS].type[n & (CHUNK - 1)]
  }

  /** Add a message (written at the next `flush()`); returns its doc number. */
  add(e: DocEntry): number {
    const doc = this.push(e.chat, e.day, e.type)
    let o = (doc - this.written) * ENTRY
    if (o + ENTRY > this.pending.length) {
      const grown = Buffer.alloc(this.pending.length * 2)
      this.pending.copy(grown)
      this.pending = grown
    }
    const b = this.pending
    o = b.writeUInt32LE(e.chat, o)
    o = b.writeUInt16LE(e.day, o)
    o = b.writeUInt16LE(e.type, o) // the type's byte and a zero
    o = b.writeUInt32LE(e.offset, o)
    b.writeUInt32LE(e.length, o)
    return doc
  }

  /** Where doc `n`'s line is in its day segment. */
  location(n: number): { offset: number; length: number } {
    if (n >= this.written) {
      const o = (n - this.written) * ENTRY
      return { offset: this.pending.readUInt32LE(o + 8), length: this.pending.readUInt32LE(o + 12) }
    }
    const b = Buffer.alloc(ENTRY)
    readSync(this.fd, b, 0, ENTRY, n * ENTRY)
    return { offset: b.readUInt32LE(8), length: b.readUInt32LE(12) }
  }

  /** The first doc whose day may be ≥ `day` (every doc before it is older). */
  firstOnOrAfter(day: number): number {
    const blockMax = (b: number) => this.chunks[b >> (CHUNK_BITS - BLOCK_BITS)].blockMax[b & (CHUNK / BLOCK - 1)]
    let lo = 0
    let hi = Math.ceil(this.count / BLOCK)
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (blockMax(mid) < day) lo = mid + 1
      else hi = mid
    }
    let max = lo ? blockMax(lo - 1) : 0
    for (let d = lo * BLOCK; d < this.count; d++) {
      max = Math.max(max, this.dayOf(d))
      if (max >= day) return d
    }
    return this.count
  }

  /** Write the buffered entries in one write. Never throws: what the disk refuses waits. */
  flush(): void {
    const bytes = (this.count - this.written) * ENTRY
    try {
      let done = 0
      while (done < bytes) done += writeSync(this.fd, this.pending, done, bytes - done, this.written * ENTRY + done)
    } catch {
      return // disk full: kept in memory, written (whole) with the next flush
    }
    this.written = this.count
  }

  /** Write what is buffered and release the file. */
  close(): void {
    this.flush()
    closeSync(this.fd)
  }

  private push(chat: number, day: number, type: number): number {
    const n = this.count++
    const i = n & (CHUNK - 1)
    if (!i) this.chunks.push(newChunk(day))
    const c = this.chunks[n >>> CHUNK_BITS]
    if (chat > 0xff && c.chat instanceof Uint8Array) c.chat = Uint16Array.from(c.chat)
    if (chat > 0xffff && !(c.chat instanceof Uint32Array)) c.chat = Uint32Array.from(c.chat)
    if (c.day instanceof Uint8Array && (day < c.dayBase || day > c.dayBase + 0xff)) {
      c.day = Uint16Array.from(c.day, d => d + c.dayBase)
      c.dayBase = 0
    }
    c.chat[i] = chat
    c.day[i] = day - c.dayBase
    c.type[i] = type
    this.maxDay = Math.max(this.maxDay, day)
    c.blockMax[i >> BLOCK_BITS] = this.maxDay
    return n
  }
}

/** An empty chunk whose first doc is of `day`: byte-wide columns until a value needs more. */
function newChunk(day: number): Chunk {
  return {
    chat: new Uint8Array(CHUNK),
    day: new Uint8Array(CHUNK),
    dayBase: Math.max(0, day - DAY_SLACK),
    type: new Uint8Array(CHUNK),
    blockMax: new Uint16Array(CHUNK / BLOCK),
  }
}
