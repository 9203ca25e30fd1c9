import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'

const ENTRY = 16
const DAY0 = Date.UTC(2000, 0, 1)

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
 * memory (7 bytes a message) so date, group and type filters need no read;
 * the location is read when a record is. Entries are buffered and written by
 * `flush()` (the archive's, once per event-loop turn, after the lines they point
 * to); a write the disk refuses is kept and written with the next.
 */
export class DocTable {
  count = 0
  chat = new Uint32Array(1024)
  day = new Uint16Array(1024)
  /** Running maximum of `day`: docs before the first one ≥ a day all lie before it. */
  maxDay = new Uint16Array(1024)
  type = new Uint8Array(1024)
  private fd: number
  /** Docs on disk; the entries of docs [written, count) wait in `pending`, in doc order. */
  private written = 0
  private pending = Buffer.alloc(64 * ENTRY)

  constructor(file: string) {
    const exists = existsSync(file)
    this.fd = openSync(file, exists ? 'r+' : 'w+')
    const n = Math.floor(fstatSync(this.fd).size / ENTRY)
    const all = Buffer.alloc(n * ENTRY)
    if (n) readSync(this.fd, all, 0, all.length, 0)
    for (let i = 0; i < n; i++) {
      const o = i * ENTRY
      this.push(all.readUInt32LE(o), all.readUInt16LE(o + 4), all.readUInt8(o + 6))
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
    let hi = this.count
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.maxDay[mid] < day) lo = mid + 1
      else hi = mid
    }
    return lo
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
    const n = this.count++
    this.chat[n] = chat
    this.day[n] = day
    this.type[n] = type
    this.maxDay[n] = n ? Math.max(this.maxDay[n - 1], day) : day
    return n
  }

  private grow(): void {
    const size = this.chat.length * 2
    const grown = <T extends Uint32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size)
      b.set(a)
      return b
    }
    this.chat = grown(this.chat, n => new Uint32Array(n))
    this.day = grown(this.day, n => new Uint16Array(n))
    this.maxDay = grown(this.maxDay, n => new Uint16Array(n))
    this.type = grown(this.type, n => new Uint8Array(n))
  }
}
