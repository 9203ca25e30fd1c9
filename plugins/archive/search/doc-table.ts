import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'
import { FILE_MODE } from '../store/modes.js'

const ENTRY = 16
const DAY0 = Date.UTC(2000, 0, 1)
/** Docs per block of the running day maximum (`1 << BLOCK_BITS`). */
const BLOCK_BITS = 6
const BLOCK = 1 << BLOCK_BITS
/** Entries per page read from `docs.bin` (64 KB). */
const PAGE_BITS = 12
const PAGE = 1 << PAGE_BITS
/** Pages kept after they are read: a search walks its candidates, a hit's neighbours and its recall in turn. */
const PAGES_KEPT = 4

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

/** A page of `docs.bin` as read: `valid` entries from doc `page × PAGE`. */
interface Page {
  no: number
  bytes: Buffer
  valid: number
}

/** Receives each entry of an existing table as it is opened (chat, day and type as `chatOf`… give them). */
export type DocVisitor = (doc: number, chat: number, day: number, type: number) => void

/**
 * The index's doc table: doc number → chat, day, type and where its line is
 * (`docs.bin`, 16 bytes per message, written in place at `doc × 16`, so a
 * torn last entry is simply overwritten). Only the running maximum of the day per block of 64 docs is held in
 * memory (2 bytes a block, what `firstOnOrAfter` needs), so the table does not grow in memory with the history:
 * chat, day, type and location are read from the file when a search asks for them, a page of 4,096 entries at a
 * time, the last few pages kept (a search's candidates, a hit's neighbours). Entries are buffered and written by
 * `flush()` (the index's, after the lines they point to, a few hundred at a time: `NgramIndex.flushDocs`); a write
 * the disk refuses is kept and written with the next; until then they are read from the buffer.
 */
export class DocTable {
  count = 0
  /** Running maximum of the day at the end of each block of docs (over every doc before it). */
  private blockMax = new Uint16Array(1024)
  /** The latest day of every doc so far: what a block's `blockMax` holds once its last doc is in. */
  private maxDay = 0
  private fd: number
  /** Docs on disk; the entries of docs [written, count) wait in `pending`, in doc order. */
  private written = 0
  private pending = Buffer.alloc(64 * ENTRY)
  /** Pages read, the most recently used last. */
  private pages: Page[] = []
  /** Where `seek` found the entry: `bytes` and the entry's first byte in it. */
  private bytes: Buffer = this.pending
  private at = 0

  /** Open (or create) `file`; `visit` receives each entry already in it, in doc order. */
  constructor(file: string, visit?: DocVisitor) {
    const exists = existsSync(file)
    this.fd = openSync(file, exists ? 'r+' : 'w+', FILE_MODE)
    const n = Math.floor(fstatSync(this.fd).size / ENTRY)
    // Read in 1 MB pieces (no buffer the size of the table), each entry as 4 words: chat, day | type << 16, ….
    const words = new Uint32Array(Math.min(n, 65_536) * (ENTRY / 4))
    const chunk = Buffer.from(words.buffer)
    for (let from = 0; from < n; from += 65_536) {
      const count = Math.min(n - from, 65_536)
      readFully(this.fd, chunk, count * ENTRY, from * ENTRY)
      for (let w = 0; w < count * 4; w += 4) {
        const day = words[w + 1] & 0xffff
        const doc = this.push(day)
        visit?.(doc, words[w], day, (words[w + 1] >>> 16) & 0xff)
      }
    }
    this.written = n
  }

  /** Doc `n`'s chat number. */
  chatOf(n: number): number {
    this.seek(n)
    return this.bytes.readUInt32LE(this.at)
  }

  /** Doc `n`'s day (`dayNumber`). */
  dayOf(n: number): number {
    this.seek(n)
    return this.bytes.readUInt16LE(this.at + 4)
  }

  /** Doc `n`'s type number. */
  typeOf(n: number): number {
    this.seek(n)
    return this.bytes.readUInt8(this.at + 6)
  }

  /** Add a message (written at the next `flush()`); returns its doc number. */
  add(e: DocEntry): number {
    const doc = this.push(e.day)
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
    this.seek(n)
    return { offset: this.bytes.readUInt32LE(this.at + 8), length: this.bytes.readUInt32LE(this.at + 12) }
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
      max = Math.max(max, this.dayOf(d))
      if (max >= day) return d
    }
    return this.count
  }

  /** Entries added and not written yet. */
  get buffered(): number {
    return this.count - this.written
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
    this.pages = []
    closeSync(this.fd)
  }

  private push(day: number): number {
    const n = this.count++
    const block = n >> BLOCK_BITS
    if (block === this.blockMax.length) {
      const grown = new Uint16Array(block * 2)
      grown.set(this.blockMax)
      this.blockMax = grown
    }
    this.maxDay = Math.max(this.maxDay, day)
    this.blockMax[block] = this.maxDay
    return n
  }

  /** Point `bytes` and `at` at doc `n`'s entry: the write buffer's, or a page of the file's (read when not kept). */
  private seek(n: number): void {
    if (n >= this.written) {
      this.bytes = this.pending
      this.at = (n - this.written) * ENTRY
      return
    }
    const no = n >>> PAGE_BITS
    const i = n & (PAGE - 1)
    const last = this.pages[this.pages.length - 1]
    this.bytes = last && last.no === no && i < last.valid ? last.bytes : this.page(no, i).bytes
    this.at = i * ENTRY
  }

  /** Page `no` holding entry `i`, now the most recently used: kept, or read (into the oldest's buffer when full). */
  private page(no: number, i: number): Page {
    const pages = this.pages
    let k = pages.findIndex(p => p.no === no) // kept, or read before entry `i` was written
    if (k < 0 && pages.length >= PAGES_KEPT) k = 0
    let page = k >= 0 ? pages.splice(k, 1)[0] : undefined
    if (!page || page.no !== no || i >= page.valid) {
      const valid = Math.min(PAGE, this.written - no * PAGE)
      page = { no, bytes: page?.bytes ?? Buffer.alloc(PAGE * ENTRY), valid }
      readFully(this.fd, page.bytes, valid * ENTRY, no * PAGE * ENTRY)
    }
    pages.push(page)
    return page
  }
}

/** Read `bytes` bytes at `pos` into the start of `into` (the file holds them: they were written before). */
function readFully(fd: number, into: Buffer, bytes: number, pos: number): void {
  let got = 0
  while (got < bytes) {
    const r = readSync(fd, into, got, bytes - got, pos + got)
    if (!r) throw new Error('archive doc table is truncated')
    got += r
  }
}
