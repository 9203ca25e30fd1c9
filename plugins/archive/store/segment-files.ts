import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/
/** Segment files kept open (the busiest chats of the day); the least recently used is closed past this. */
const OPEN_FILES = 128

/**
 * Append-only JSONL files with their sizes known, so each appended line's byte
 * offset can be indexed. Files stay open (least recently used closed past
 * 128), each write is one `write` call at the end of the file. The first write
 * to a file after start closes a line a crash left torn.
 */
export class LineFiles {
  private open = new Map<string, { fd: number; size: number }>()

  /** Append `line` (no newline) to `file`; returns its byte offset and length (with the newline). Throws when not written. */
  append(file: string, line: string): { offset: number; length: number } {
    const f = this.handle(file)
    const bytes = Buffer.from(`${line}\n`)
    const offset = f.size
    let done = 0
    // When this throws (a full disk), a partial line is overwritten by the next try: the size is not advanced.
    while (done < bytes.length) done += writeSync(f.fd, bytes, done, bytes.length - done, offset + done)
    f.size += bytes.length
    return { offset, length: bytes.length }
  }

  /** The `length` bytes at `offset` of `file`, as text; undefined when the file is gone or shorter. */
  read(file: string, offset: number, length: number): string | undefined {
    if (!this.open.has(file) && !existsSync(file)) return undefined
    const f = this.handle(file)
    if (offset + length > f.size) return undefined
    const b = Buffer.alloc(length)
    let got = 0
    while (got < length) {
      const n = readSync(f.fd, b, got, length - got, offset + got)
      if (!n) return undefined
      got += n
    }
    return b.toString('utf8')
  }

  /** Close a file before it is deleted. */
  forget(file: string): void {
    const f = this.open.get(file)
    if (f) closeSync(f.fd)
    this.open.delete(file)
  }

  /** Close every file. */
  closeAll(): void {
    for (const f of this.open.keys()) this.forget(f)
  }

  private handle(file: string): { fd: number; size: number } {
    let f = this.open.get(file)
    if (f) {
      this.open.delete(file) // move to the most recent end
      this.open.set(file, f)
      return f
    }
    mkdirSync(dirname(file), { recursive: true })
    const fd = openSync(file, existsSync(file) ? 'r+' : 'w+')
    f = { fd, size: fstatSync(fd).size }
    if (f.size && lastByte(fd, f.size) !== 0x0a) f.size += writeSync(fd, '\n', f.size)
    this.open.set(file, f)
    if (this.open.size > OPEN_FILES) this.forget(this.open.keys().next().value as string)
    return f
  }
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

/** Days with a `<day>.jsonl` file in `folder`, ascending. */
export function listDays(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map(f => DAY_FILE.exec(f)?.[1])
    .filter((d): d is string => !!d)
    .sort()
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
