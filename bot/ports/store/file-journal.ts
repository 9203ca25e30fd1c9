import { DocDamage, VERSION_KEY, decodeDoc, encodeDoc } from './doc-codec.js'
import type { OrderedWrites } from './ordered-writes.js'
import type { Journal, JournalSpec } from './store.js'

/** A journal file once read: its state, the records after its snapshot, the bytes of its whole lines. */
export interface ReadJournal<S> {
  state: S
  records: number
  size: number
  /** The last line was cut off by a crash (its write never completed, so nothing relied on it). */
  torn: boolean
  /** The snapshot was written by an older version (migrated as it was read): rewritten at the next flush. */
  outdated?: boolean
  /** The snapshot's stored version (0: written before versions). */
  version?: number
}

/**
 * Read a journal file: the first line is the snapshot (a versioned document), every other line one
 * record, applied in order. A torn last line is left out; any other bad line throws `DocDamage`.
 */
export function readJournal<S, R>(bytes: Buffer, spec: JournalSpec<S, R>): ReadJournal<S> {
  const size = bytes.lastIndexOf(0x0a) + 1
  const lines = bytes.subarray(0, size).toString('utf8').split('\n')
  lines.pop()
  if (!lines.length) throw new DocDamage('corrupt: no snapshot line')
  const raw = parse(lines[0], 'the snapshot line')
  const state = decodeDoc(raw, spec)
  const version = (raw as Record<string, unknown>)[VERSION_KEY] as number | undefined
  for (let i = 1; i < lines.length; i++) {
    let record = parse(lines[i], `line ${i + 1}`)
    for (let v = version ?? 0; v < spec.version; v++) record = spec.recordMigrations?.[v]?.(record) ?? record
    const checked = spec.record.safeParse(record)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      throw new DocDamage(`wrong shape: line ${i + 1}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    }
    spec.apply(state, record as R)
  }
  return {
    state,
    records: lines.length - 1,
    size,
    torn: size < bytes.length,
    outdated: (version ?? 0) < spec.version,
    version: version ?? 0,
  }
}

/** The first line of a journal file holding `state` (a new journal, or a compaction). */
export function snapshotLine<S>(state: S, spec: JournalSpec<S, unknown>): string {
  return `${encodeDoc(state, spec)}\n`
}

/** What a file journal needs of its store. */
export interface JournalFiles {
  /** The store's ordered writes (the running bot), or undefined: write on the spot (tests, replays). */
  ordered?: OrderedWrites
  /** Append `text` and fsync it (on the spot, or off the event loop when ordered). */
  append(file: string, text: string): void | Promise<void>
  /** Replace `file` by `text` atomically and durably. */
  replace(file: string, text: string): void | Promise<void>
  /** Cut `file` back to `size` bytes (after an append that failed part way). */
  truncate(file: string, size: number): void
}

interface PendingWrite {
  lines: string[]
  /** The number of the last record it holds. */
  upTo: number
}

/**
 * A journal in `state/<name>.jsonl` (see `readJournal`). An append applies the record and writes
 * one line; the running bot's appends of one event-loop turn go out in one write and one fsync, in
 * order with the store's other ordered writes. A periodic flush rewrites the file as one snapshot
 * once it holds `compactAfter` records, atomically, queued after the writes before it.
 */
export class FileJournal<S, R> implements Journal<S, R> {
  private appended = 0
  private committed = 0
  /** Records in the file after its snapshot (written or queued). */
  private records: number
  /** Bytes of the file known durable. */
  private size: number
  private open?: PendingWrite
  /** Lines appended and not queued yet (`atFlush`: queued by the next `commit()`). */
  private held: string[] = []
  /** Lines of a write that failed: written before the next ones. */
  private retry: string[] = []
  /** The snapshot is of an older version: the next flush rewrites it (the next start reads it without migrating). */
  private outdated: boolean
  private waiting: { upTo: number; done: () => void; failed: (e: unknown) => void }[] = []

  constructor(
    private files: JournalFiles,
    readonly file: string,
    private spec: JournalSpec<S, R>,
    readonly state: S,
    read: { records: number; size: number; outdated?: boolean },
  ) {
    this.records = read.records
    this.size = read.size
    this.outdated = read.outdated ?? false
  }

  append(record: R): void {
    this.spec.apply(this.state, record)
    const line = JSON.stringify(record)
    const n = ++this.appended
    this.records++
    const ordered = this.files.ordered
    if (!ordered) {
      this.writeLines([line], n)
      return
    }
    if (this.spec.atFlush) this.held.push(line)
    else this.add([line], n)
  }

  /** Queue `lines` (up to record `upTo`): joined to the write still open, or in a new one. */
  private add(lines: string[], upTo: number): void {
    const ordered = this.files.ordered
    if (this.open && ordered?.isOpen(this.open)) {
      this.open.lines.push(...lines)
      this.open.upTo = upTo
      return
    }
    this.queue({ lines, upTo })
  }

  commit(): Promise<void> {
    const upTo = this.appended
    if (this.committed >= upTo) return Promise.resolve()
    if (this.held.length) this.add(this.held.splice(0), upTo)
    // A write that failed left its lines for the next one: queue one if nothing else will.
    else if (this.files.ordered && !this.files.ordered.isOpen(this.open)) this.queue({ lines: [], upTo })
    else if (!this.files.ordered) return Promise.resolve(this.writeLines([], upTo))
    return new Promise((done, failed) => this.waiting.push({ upTo, done, failed }))
  }

  /** Rewrite the file as one snapshot of the state when it holds `compactAfter` records (or `force`), or its snapshot is of an older version. */
  compact(force = false): Promise<void> {
    const due = this.records > 0 && (force || this.records >= (this.spec.compactAfter ?? 1000))
    if (!due && !this.outdated) return this.commit()
    const text = snapshotLine(this.state, this.spec as JournalSpec<S, unknown>)
    const upTo = this.appended
    this.records = 0
    this.outdated = false
    this.held = [] // in the snapshot
    const done = () => {
      this.size = Buffer.byteLength(text)
      this.retry = [] // those lines are in the snapshot
      this.settle(upTo)
    }
    const ordered = this.files.ordered
    if (!ordered) {
      this.files.replace(this.file, text)
      done()
      return Promise.resolve()
    }
    const token = {}
    this.open = undefined // later records go after the new snapshot
    return ordered.push(token, async () => {
      await this.files.replace(this.file, text)
      done()
    })
  }

  private queue(write: PendingWrite): void {
    this.open = write
    this.files.ordered?.push(write, async () => this.writeLines(write.lines, write.upTo)).catch(() => {}) // waiters are told; the store's failure listeners stop the bot
  }

  /** Write the lines (after any a failed write left) and fsync; settles the commits they complete. */
  private writeLines(lines: string[], upTo: number): void | Promise<void> {
    const all = [...this.retry, ...lines]
    if (!all.length) return this.settle(upTo)
    const text = `${all.join('\n')}\n`
    const failed = (e: unknown) => {
      this.retry = all
      try {
        this.files.truncate(this.file, this.size)
      } catch {} // the next start cuts a torn line anyway
      for (const w of this.waiting.filter(w => w.upTo <= upTo)) w.failed(e)
      this.waiting = this.waiting.filter(w => w.upTo > upTo)
      throw e
    }
    const written = () => {
      this.retry = []
      this.size += Buffer.byteLength(text)
      this.settle(upTo)
    }
    let pending: void | Promise<void>
    try {
      pending = this.files.append(this.file, text)
    } catch (e) {
      return failed(e)
    }
    if (pending) return pending.then(written, failed)
    written()
  }

  private settle(upTo: number): void {
    this.committed = Math.max(this.committed, upTo)
    const done = this.waiting.filter(w => w.upTo <= this.committed)
    this.waiting = this.waiting.filter(w => w.upTo > this.committed)
    for (const w of done) w.done()
  }
}

function parse(line: string, what: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    throw new DocDamage(`corrupt: ${what} is not valid JSON`)
  }
}
