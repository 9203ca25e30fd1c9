import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'

const ENTRY = 16
const DAY0 = Date.UTC(2000, 0, 1)
/** Docs per block of the running day maximum. */
const BLOCK = 64

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

/**
 * The index's doc table: doc number → chat, day, type and where its line is
 * (`docs.bin`, 16 bytes per message, written in place at `doc × 16`, so a
 * torn last entry is simply overwritten). Chat, day and type are also held in
 * memory (5 bytes a message while chat numbers fit 16 bits) so date, group and type filters need no read;
 * the location is read when a record is. Entries are buffered and written by
 * `flush()` (the archive's, once per event-loop turn, after the lines they point
 * to); a write the disk refuses is kept and written with the next.
 */
export class DocTable {
  count = 0
  /** 16 bits a doc until a chat number needs more. */
  chat: Uint16Array | Uint32Array = new Uint16Array(1024)
  day = new Uint16Array(1024)
  /** Running maximum of `day` at the end of each block of docs: docs before the first one ≥ a day all lie before it. */
  private blockMax = new Uint16Array(1024 / BLOCK)
  type = new Uint8Array(1024)
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
    let lo = 0
    let hi = Math.ceil(this.count / BLOCK)
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.blockMax[mid] < day) lo = mid + 1
      else hi = mid
    }
    let max = lo ? this.blockMax[lo - 1] : 0
    for (let d = lo * BLOCK; d < this.count; d++) {
      max = Math.max(max, this.day[d])
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
    if (this.count === this.chat.length) this.grow()
    if (chat > 0xffff && this.chat instanceof Uint16Array) this.chat = Uint32Array.from(this.chat)
    const n = this.count++
    this.chat[n] = chat
    this.day[n] = day
    this.type[n] = type
    const block = Math.floor(n / BLOCK)
    // A block starts from the maximum of the blocks before it.
    const floor = n % BLOCK ? this.blockMax[block] : block ? this.blockMax[block - 1] : 0
    this.blockMax[block] = Math.max(floor, day)
    return n
  }

  private grow(): void {
    const size = this.chat.length * 2
    const grown = <T extends Uint32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size)
      b.set(a)
      return b
    }
    this.chat =
      this.chat instanceof Uint16Array
        ? grown(this.chat, n => new Uint16Array(n))
        : grown(this.chat, n => new Uint32Array(n))
    this.day = grown(this.day, n => new Uint16Array(n))
    const blocks = new Uint16Array(size / BLOCK)
    blocks.set(this.blockMax)
    this.blockMax = blocks
    this.type = grown(this.type, n => new Uint8Array(n))
  }
}
