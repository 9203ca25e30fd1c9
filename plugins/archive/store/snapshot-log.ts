import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { FILE_MODE } from './modes.js'

/** The log's line format (`{"v":1,"n":<seq>,"e":<entry>}`). */
const LOG_VERSION = 1
/** A log smaller than this is not compacted for its size (at least this many bytes of changes per rewrite). */
const MIN_COMPACT_BYTES = 64 * 1024

/** A snapshot file's JSON (`seq`: the last log entry it includes; absent in files written before the log). */
export interface Snapshot {
  seq?: number
}

/**
 * What `readSnapshotLog` found: the snapshot (undefined when there is none), the log's entries after it in order,
 * the largest entry number seen (the next change takes the one after it) and the snapshot's size in bytes.
 */
export interface SnapshotRead<S, E> {
  snapshot?: S
  entries: E[]
  seq: number
  bytes: number
}

/**
 * Read a document kept as `snapshotFile` (whole JSON, replaced atomically) plus `logFile` (its changes since, a JSON
 * line each). A line that does not parse (the last one torn by a crash, or a backup's zeros) is skipped, and so is
 * an entry the snapshot already includes (a crash between a compaction's two renames, a backup copying the log
 * before a compaction and the snapshot after it).
 */
export function readSnapshotLog<S extends Snapshot, E>(snapshotFile: string, logFile: string): SnapshotRead<S, E> {
  // The log first: a compaction between the two reads then leaves entries the new snapshot also holds (skipped by
  // their numbers), never an old snapshot with the emptied log (a reader beside the bot: the CLI export).
  const logText = existsSync(logFile) ? readFileSync(logFile, 'utf8') : undefined
  const text = existsSync(snapshotFile) ? readFileSync(snapshotFile, 'utf8') : undefined
  const snapshot = text === undefined ? undefined : (JSON.parse(text) as S)
  const after = snapshot?.seq ?? 0
  const out: SnapshotRead<S, E> = { snapshot, entries: [], seq: after, bytes: Buffer.byteLength(text ?? '') }
  if (logText === undefined) return out
  for (const line of logText.split('\n')) {
    if (!line.trim()) continue
    try {
      const l = JSON.parse(line)
      if (l?.v !== LOG_VERSION || typeof l.n !== 'number') continue
      out.seq = Math.max(out.seq, l.n)
      if (l.n > after) out.entries.push(l.e as E)
    } catch {} // torn
  }
  return out
}

/**
 * Appends a document's changes to its log (one `writeSync` of one line each) instead of rewriting the document at
 * every change, and rewrites it whole now and then: at the first change after open when the log held entries (not
 * at open: a reader in another process, such as the command line's export, must not replace the log the bot
 * appends to) and once the log outgrows the last snapshot (at least 64 KB), so the writes stay linear in the
 * changes however large the document grows.
 * A compaction writes the snapshot (temporary file, rename), then starts an empty log (the same way: a copy being
 * read of the old one reads it whole). A change the disk refused is written with the next compaction, which the
 * next change then does.
 */
export class SnapshotLog<E> {
  private fd?: number
  private size = 0
  /** The log's last line is torn (a crash mid-append, or a write that failed): the next line starts on a new one. */
  private torn = false
  private due = false
  private snapshotBytes = 0
  private seq: number

  constructor(
    private snapshotFile: string,
    private logFile: string,
    /** The whole document now (written as the snapshot, with `seq`). */
    private whole: () => object,
    read: SnapshotRead<Snapshot, E>,
  ) {
    this.seq = read.seq
    this.snapshotBytes = read.bytes
    this.due = read.entries.length > 0
  }

  /** The last error writing (the change stays in memory and is written by the next compaction). */
  failing?: string

  /** Log one change (already made to the document in memory). */
  append(entry: E): void {
    this.seq++
    if (this.due || this.size > Math.max(MIN_COMPACT_BYTES, this.snapshotBytes)) {
      this.compact()
      return
    }
    try {
      const fd = this.fd ?? this.openLog()
      const bytes = Buffer.from(
        `${this.torn ? '\n' : ''}${JSON.stringify({ v: LOG_VERSION, n: this.seq, e: entry })}\n`,
      )
      let done = 0
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, this.size + done)
      this.size += bytes.length
      this.torn = false
    } catch (e) {
      this.refused(e)
    }
  }

  /** Write the whole document as the snapshot and start an empty log. */
  private compact(): void {
    try {
      const text = `${JSON.stringify({ ...this.whole(), seq: this.seq })}\n`
      writeFileSync(`${this.snapshotFile}.tmp`, text, { mode: FILE_MODE })
      renameSync(`${this.snapshotFile}.tmp`, this.snapshotFile)
      this.snapshotBytes = Buffer.byteLength(text)
      if (this.fd !== undefined || existsSync(this.logFile)) {
        writeFileSync(`${this.logFile}.tmp`, '', { mode: FILE_MODE })
        renameSync(`${this.logFile}.tmp`, this.logFile)
        this.closeFile()
      }
      this.size = 0
      this.torn = false
      this.due = false
      this.failing = undefined
    } catch (e) {
      this.refused(e)
    }
  }

  /** Open the log at the first change (a reader never opens it for writing), noting a torn last line. */
  private openLog(): number {
    const fd = openSync(this.logFile, existsSync(this.logFile) ? 'r+' : 'w+', FILE_MODE)
    this.fd = fd
    this.size = fstatSync(fd).size
    this.torn ||= this.size > 0 && lastByte(fd, this.size) !== 0x0a
    return fd
  }

  /** Write a change the disk refused (a compaction), and release the log file. */
  close(): void {
    if (this.failing !== undefined) this.compact()
    this.closeFile()
  }

  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  private refused(e: unknown): void {
    this.failing = (e as Error).message
    this.torn = true // a part of the line may be in the file
    this.due = true
  }
}

function lastByte(fd: number, size: number): number {
  const b = Buffer.alloc(1)
  readSync(fd, b, 0, 1, size - 1)
  return b[0]
}
