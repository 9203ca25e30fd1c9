import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { DIR_MODE, FILE_MODE } from './modes.js'

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/
/**
 * Segment files kept open (a file per chat and day: a company's every chat of the day); the least recently used
 * is closed past this. Node raises its open-file limit to the system's hard limit at start (usually far higher).
 */
const OPEN_FILES = 1024
/** Files remembered as checked (their last line whole) at most: a chat's day files of a few days. */
const SEEN_FILES = 10_000
/**
 * The smallest buffer a file's lines are encoded into. Below 4 KB Node hands out slices of its shared pool (no
 * memory of its own made per buffer): a turn that writes one or two lines to each of a thousand chats' files
 * takes a small slice for each.
 */
const MIN_BUFFER = 512
/** Buffers kept after their lines are written, for the next lines (of any file), and the largest kept. */
const SPARES = 64
const SPARE_BYTES = 64 * 1024

interface OpenFile {
  fd: number
  /** Bytes of the file, the buffered ones included (the next line's offset). */
  size: number
  /** Bytes on disk. */
  written: number
  /** The lines buffered, encoded once when appended (UTF-8, each with its newline): `size - written` bytes. */
  bytes?: Buffer
  /** When it was last appended to or read (a count of uses): the least recently used is closed first. */
  used: number
}

/**
 * Append-only JSONL files with their sizes known, so each appended line's byte
 * offset can be indexed. An appended line is encoded into its file's buffer; `flush()` writes each
 * file's buffered lines in one `write` at its end, and the buffer serves the next lines (the archive flushes once per
 * event-loop turn, before a read and at stop). Files stay open (least recently
 * used closed past OPEN_FILES, after writing what it buffered). The first write to a
 * file after start closes a line a crash left torn.
 */
export class LineFiles {
  private open = new Map<string, OpenFile>()
  private dirty = new Set<string>()
  /** Files opened since start (their last line checked): reopening one after an eviction costs two calls. */
  private seen = new Set<string>()
  /** Uses so far (each append or read of a file), to tell the least recently used. */
  private uses = 0
  /** Buffers whose lines were written, for the next file that buffers lines (no buffer made per flush). */
  private spares: Buffer[] = []

  /** Buffer `line` (no newline) for `file`; returns its byte offset and length (with the newline). */
  append(file: string, line: string): { offset: number; length: number } {
    const f = this.handle(file)
    const at = f.size - f.written
    const need = at + line.length * 3 + 1 // a UTF-16 code unit is at most 3 bytes of UTF-8
    if (!f.bytes || f.bytes.length < need) f.bytes = this.room(f.bytes, at, need)
    const length = f.bytes.write(line, at) + 1
    f.bytes[at + length - 1] = 0x0a
    const offset = f.size
    f.size += length
    this.dirty.add(file)
    return { offset, length }
  }

  /**
   * Buffer the line `encode` writes of `value` (at most `most` bytes, no newline) for `file`; returns its byte offset
   * and length (with the newline), or undefined when `encode` returns -1 (nothing buffered: append its text instead).
   * `encode` writes into the file's buffer from `at` and returns where the line ends.
   */
  appendEncoded<T>(
    file: string,
    most: number,
    encode: (value: T, into: Buffer, at: number) => number,
    value: T,
  ): { offset: number; length: number } | undefined {
    const f = this.handle(file)
    const at = f.size - f.written
    const need = at + most + 1
    if (!f.bytes || f.bytes.length < need) f.bytes = this.room(f.bytes, at, need)
    const end = encode(value, f.bytes, at)
    if (end < 0) return undefined
    f.bytes[end] = 0x0a
    const length = end + 1 - at
    const offset = f.size
    f.size += length
    this.dirty.add(file)
    return { offset, length }
  }

  /**
   * The bytes of the line `append` or `appendEncoded` just buffered for `file` (`at` as it returned; without the
   * newline): a view of the file's buffer, valid until the next append or write.
   */
  lineJustBuffered(file: string, at: { offset: number; length: number }): Buffer {
    const f = this.handle(file)
    const from = at.offset - f.written
    return (f.bytes as Buffer).subarray(from, from + at.length - 1)
  }

  /**
   * The last line of `file` (without its newline; what this process buffered for it written first) and the file's
   * size; undefined when it holds no line. Opened as for an append (created when missing), so a line a crash left
   * torn is closed first, as before any append.
   */
  lastLine(file: string): { line: Buffer; size: number } | undefined {
    const f = this.handle(file)
    this.writeOut(f)
    const line = lastLineOf(f.fd, f.size)
    return line && { line, size: f.size }
  }

  /** Lines buffered and not written yet. */
  get buffered(): boolean {
    return this.dirty.size > 0
  }

  /** Write every buffered line. Throws when the disk refuses; what was not written stays buffered. */
  flush(): void {
    for (const file of this.dirty) {
      const f = this.open.get(file)
      if (f) this.writeOut(f)
      this.dirty.delete(file)
    }
  }

  /** The `length` bytes at `offset` of `file` (one read); undefined when the file is gone or shorter. */
  read(file: string, offset: number, length: number): Buffer | undefined {
    if (!this.open.has(file) && !existsSync(file)) return undefined
    const f = this.handle(file)
    if (offset + length > f.size) return undefined
    if (offset + length > f.written) this.writeOut(f)
    const b = Buffer.alloc(length)
    let got = 0
    while (got < length) {
      const n = readSync(f.fd, b, got, length - got, offset + got)
      if (!n) return undefined
      got += n
    }
    return b
  }

  /** Close a file before it is deleted (what it buffered is dropped with it). */
  forget(file: string): void {
    this.close(file)
    this.seen.delete(file)
  }

  /** Write what is buffered and close every file. */
  closeAll(): void {
    this.flush()
    for (const f of this.open.keys()) this.forget(f)
  }

  /** Write `f`'s buffered lines at its end; when this throws (a full disk), a partial write is overwritten by the next try. */
  private writeOut(f: OpenFile): void {
    const n = f.size - f.written
    if (!n || !f.bytes) return
    let done = 0
    while (done < n) done += writeSync(f.fd, f.bytes, done, n - done, f.written + done)
    f.written = f.size
    this.release(f)
  }

  /** A buffer of at least `need` bytes holding the first `keep` bytes of `old` (a spare when one is large enough). */
  private room(old: Buffer | undefined, keep: number, need: number): Buffer {
    const i = this.spares.findIndex(b => b.length >= need)
    const into =
      i >= 0 ? this.spares.splice(i, 1)[0] : Buffer.allocUnsafe(Math.max(MIN_BUFFER, 2 ** Math.ceil(Math.log2(need))))
    if (old) {
      old.copy(into, 0, 0, keep)
      this.spare(old)
    }
    return into
  }

  /** Take `f`'s buffer back (its lines are written or dropped) for the next lines. */
  private release(f: OpenFile): void {
    if (f.bytes) this.spare(f.bytes)
    f.bytes = undefined
  }

  /** Keep `b` for the next lines, unless enough are kept or it is larger than kept ones may be. */
  private spare(b: Buffer): void {
    if (this.spares.length < SPARES && b.length <= SPARE_BYTES) this.spares.push(b)
  }

  private handle(file: string): OpenFile {
    let f = this.open.get(file)
    if (f) {
      f.used = ++this.uses // no reordering of the map at every line: the oldest is searched for when one must close
      return f
    }
    const fd = openOrCreate(file)
    const size = fstatSync(fd).size
    f = { fd, size, written: size, used: ++this.uses }
    // A file this process wrote ends with a whole line; only one it has not opened yet may end torn.
    if (f.size && !this.seen.has(file) && lastByte(fd, f.size) !== 0x0a)
      f.size = f.written += writeSync(fd, '\n', f.size)
    if (this.seen.size >= SEEN_FILES) this.seen.clear() // checking again is only slower
    this.seen.add(file)
    this.open.set(file, f)
    if (this.open.size > OPEN_FILES) this.evict(this.leastRecent())
    return f
  }

  /** The open file used longest ago. */
  private leastRecent(): string {
    let oldest = ''
    let at = Number.POSITIVE_INFINITY
    for (const [file, f] of this.open) {
      if (f.used >= at) continue
      at = f.used
      oldest = file
    }
    return oldest
  }

  /** Close the least recently used file, after writing what it buffered. */
  private evict(file: string): void {
    const f = this.open.get(file)
    if (f) this.writeOut(f)
    this.close(file)
  }

  private close(file: string): void {
    const f = this.open.get(file)
    if (f) {
      closeSync(f.fd)
      this.release(f)
    }
    this.open.delete(file)
    this.dirty.delete(file)
  }
}

/** Open `file` for reading and writing, creating it (and its folder) when missing: one call when it exists. */
function openOrCreate(file: string): number {
  try {
    return openSync(file, 'r+')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE })
    return openSync(file, 'w+', FILE_MODE)
  }
}

/**
 * Bytes read first when looking back for a file's last line (a record line is a few hundred bytes), doubled at
 * each further read up to `BACK_CHUNK_MOST`.
 */
const BACK_CHUNK = 4 * 1024
const BACK_CHUNK_MOST = 64 * 1024

/**
 * The last non-empty line of the first `size` bytes of `fd` (without its newline), read backwards a chunk at a time,
 * each chunk twice the one before (up to `BACK_CHUNK_MOST`).
 */
function lastLineOf(fd: number, size: number): Buffer | undefined {
  let end = size
  const parts: Buffer[] = []
  for (let pos = size, want = BACK_CHUNK; pos > 0; want = Math.min(want * 2, BACK_CHUNK_MOST)) {
    const n = Math.min(want, pos)
    pos -= n
    const chunk = readAt(fd, n, pos)
    let i = chunk.length
    // Newlines at the end of the file: skipped until the line's last byte.
    if (end === pos + n) {
      while (i > 0 && chunk[i - 1] === 0x0a) i--
      end = pos + i
    }
    const nl = chunk.lastIndexOf(0x0a, i - 1)
    if (i > 0 && nl >= 0) return Buffer.concat([chunk.subarray(nl + 1, i), ...parts])
    if (i > 0) parts.unshift(chunk.subarray(0, i))
  }
  return parts.length ? Buffer.concat(parts) : undefined
}

/** `n` bytes of `fd` from `pos` (not zero-filled first: every byte is read). */
function readAt(fd: number, n: number, pos: number): Buffer {
  const b = Buffer.allocUnsafe(n)
  for (let got = 0; got < n; ) {
    const r = readSync(fd, b, got, n - got, pos + got)
    if (!r) return b.subarray(0, got) // shorter than its size said: what is there
    got += r
  }
  return b
}

function lastByte(fd: number, size: number): number {
  const b = Buffer.alloc(1)
  readSync(fd, b, 0, 1, size - 1)
  return b[0]
}

/** A safe, readable folder name for a chat or message id (`..` and `/` cannot escape the archive). */
export function folderName(id: string): string {
  return `c_${id.replace(/[^A-Za-z0-9@_-]/g, c => `~${c.codePointAt(0)?.toString(16)}~`)}`
}

/** The id a `folderName` stands for (undefined: not one of its names). */
export function idOfFolder(folder: string): string | undefined {
  if (!folder.startsWith('c_')) return undefined
  const id = folder.slice(2).replace(/~([0-9a-f]+)~/g, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
  return folderName(id) === folder ? id : undefined
}

/** Days with a `<day>.jsonl` file in `folder`, ascending (none when the folder is missing). */
export function listDays(folder: string): string[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  return names
    .map(f => DAY_FILE.exec(f)?.[1])
    .filter((d): d is string => !!d)
    .sort()
}

/**
 * The bytes of `file` after its first `from`, in one read; empty when the file is no longer than that or gone
 * (then a stat is all it costs: the common case when an archive opens).
 */
export function readAfter(file: string, from: number): Buffer {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0
  if (size <= from) return Buffer.alloc(0)
  const fd = openSync(file, 'r')
  try {
    const out = Buffer.allocUnsafe(size - from)
    let got = 0
    while (got < out.length) {
      const n = readSync(fd, out, got, out.length - got, from + got)
      if (!n) break
      got += n
    }
    return out.subarray(0, got)
  } finally {
    closeSync(fd)
  }
}

/** JSON lines of a file's text; a torn or damaged line becomes undefined (never fatal). */
export function parseLines<T>(text: string): (T | undefined)[] {
  const out: (T | undefined)[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      out.push(JSON.parse(line))
    } catch {
      out.push(undefined)
    }
  }
  return out
}
