import * as nodeFs from 'node:fs'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { z } from 'zod'
import { AppendHandles } from './append-handles.js'
import { DocDamage, decodeDoc, encodeDocBytes, VERSION_KEY } from './doc-codec.js'
import { FileJournal, type JournalFiles, type ReadJournal, readJournal, snapshotLine } from './file-journal.js'
import { OrderedWrites } from './ordered-writes.js'
import {
  type Doc,
  type DocChanges,
  type DocSpec,
  HeldDoc,
  type Journal,
  type JournalSpec,
  StateDamageError,
  type Store,
  StoreWriteError,
} from './store.js'

/** The file system calls the store makes, injectable so tests can count fsyncs or fail writes. */
export type StoreFs = Pick<
  typeof nodeFs,
  | 'closeSync'
  | 'chmodSync'
  | 'existsSync'
  | 'fsyncSync'
  | 'mkdirSync'
  | 'openSync'
  | 'readdirSync'
  | 'readFileSync'
  | 'readSync'
  | 'renameSync'
  | 'statSync'
  | 'truncateSync'
  | 'unlinkSync'
  | 'writeSync'
  | 'open'
  | 'writeFile'
  | 'fsync'
  | 'close'
  | 'rename'
>

/** The store's asynchronous file calls, as promises. */
interface AsyncIo {
  open(path: string, flags: string, mode?: number): Promise<number>
  writeFile(fd: number, text: string | Uint8Array): Promise<void>
  fsync(fd: number): Promise<void>
  close(fd: number): Promise<void>
  rename(from: string, to: string): Promise<void>
}

function asyncIo(fs: StoreFs): AsyncIo {
  return {
    open: promisify(fs.open) as AsyncIo['open'],
    writeFile: promisify(fs.writeFile) as AsyncIo['writeFile'],
    fsync: promisify(fs.fsync) as AsyncIo['fsync'],
    close: promisify(fs.close) as AsyncIo['close'],
    rename: promisify(fs.rename) as AsyncIo['rename'],
  }
}

/** Options of a file store. */
export interface FileStoreOptions {
  /** Open damaged or missing durable documents empty (after moving them aside) instead of refusing. */
  acceptStateLoss?: boolean
  /** Told each problem as it is met (a damaged file moved aside, naming both paths): the bot logs it as a WARN. */
  onWarning?: (warning: string) => void
  /** Told each document an older release wrote, as it is migrated (`已升级…`): the bot logs it as an INFO line. */
  onUpgrade?: (line: string) => void
  fs?: StoreFs
  /**
   * Do the file I/O of writes (write, fsync, rename) on libuv's thread pool, off the event loop: what the
   * running bot uses, so a write blocks events only while its document is encoded. A caller still waits
   * until the write is durable (`persist()`, `flush()`, a journal's `commit()`); `persist()` writes and
   * journal appends go out one after the other, in the order they were asked for. Off by default: tests
   * and replays on a simulated clock expect every write done when the call returns.
   */
  background?: boolean
}

const DIR_MODE = 0o700
const FILE_MODE = 0o600
const MANIFEST = '_manifest.json'
const TMP = '.tmp-'
/** How a document file written by `encodeDoc` begins, and how many bytes to read to see it. */
const VERSION_HEAD = /^\{"\$version":(\d{1,6})[,}]/
const VERSION_HEAD_BYTES = 24

/**
 * JSON documents under `<dir>/state/<name>.json` (a volatile one kept as changes, `DocSpec.changes`: under
 * `<dir>/state/<name>.jsonl`), journals under `<dir>/state/<name>.jsonl` (see `FileJournal`) and daily JSONL logs under `<dir>/logs/<log>/<day>.jsonl`. Writes are coalesced: `changed()` only marks a
 * document dirty, and `flush()` (run on an interval and at shutdown) writes each
 * dirty document once, atomically (temp file, fsync, rename); the periodic flush writes one document
 * per event-loop turn, so events are not held up behind all of them. Durable documents
 * are listed in `state/_manifest.json`, so one that disappears is noticed.
 * Folders are 0700, files 0600.
 */
export class FileStore implements Store {
  readonly warnings: string[] = []
  private readonly onWarning?: (warning: string) => void
  private readonly onUpgrade?: (line: string) => void
  readonly refused: string[] = []
  /**
   * Per document, for the bench: characters of its last write, time spent encoding and writing it (last,
   * longest; ms), the longest encode alone (what blocks the event loop in background mode; ms), writes.
   */
  readonly writeStats = new Map<
    string,
    { chars: number; ms: number; maxMs: number; encodeMaxMs: number; writes: number }
  >()
  private docs = new Map<string, FileDoc<any>>()
  private journals = new Map<string, FileJournal<unknown, unknown>>()
  /** `persist()` writes and journal appends, in the order asked for (background mode). */
  private ordered?: OrderedWrites
  private pending = new Map<string, string[]>()
  /** Per log, the day last appended to and its buffer in `pending`. */
  private lastDay = new Map<string, { day: string; lines: string[] }>()
  private fs: StoreFs
  /** The asynchronous file calls of `fs` as promises (made once, not at every write). */
  private io: AsyncIo
  /** Files kept open for background appends (dropped when a file is replaced, moved or removed by its path). */
  private handles: AppendHandles
  private acceptLoss: boolean
  private stateDir: string
  private manifest: { durable: string[] }
  private failureListeners: ((e: StoreWriteError) => void)[] = []
  private background: boolean
  /** Log appends in progress (background mode): one after the other, so lines keep their order. */
  private appending: Promise<void> = Promise.resolve()
  /** Log files this process appended to: their last line is whole, no need to look. */
  private whole = new Set<string>()
  /** Durable background writes not yet past their rename, and the state folder's fsync waiting for them. */
  private renaming = 0
  private dirSync?: { promise: Promise<void>; start: () => void }

  constructor(
    private dir: string,
    opts: FileStoreOptions = {},
  ) {
    this.fs = opts.fs ?? nodeFs
    this.io = asyncIo(this.fs)
    this.handles = new AppendHandles(this.io, FILE_MODE)
    this.background = opts.background ?? false
    if (this.background) this.ordered = new OrderedWrites()
    this.acceptLoss = opts.acceptStateLoss ?? process.env.BOT_ACCEPT_STATE_LOSS === '1'
    this.onWarning = opts.onWarning
    this.onUpgrade = opts.onUpgrade
    this.stateDir = join(dir, 'state')
    for (const d of [dir, this.stateDir, join(dir, 'logs')]) this.ensureDir(d)
    this.removeTemps()
    this.probeWritable()
    this.manifest = this.readManifest()
    this.checkMissing()
  }

  doc<T extends object>(name: string, spec: DocSpec<T>): Doc<T> {
    const existing = this.docs.get(name)
    if (existing) return existing
    const file = this.file(name)
    // Records are appended without fsync or the manifest: only a document allowed to lose a flush may be kept so.
    if (spec.changes && !spec.volatile) throw new Error(`${name}: a document kept as changes must be volatile`)
    const d = new FileDoc<T>(this, name, spec, spec.changes ? this.loadChanges(name, spec) : this.load(file, spec))
    if (spec.durable && this.fs.existsSync(file)) this.track(name)
    this.docs.set(name, d)
    return d
  }

  /**
   * Open the journal `state/<name>.jsonl`. A document `state/<name>.json` an older release wrote (the
   * outbox was one) becomes its snapshot: migrated and checked like a document, then replaced.
   */
  journal<S extends object, R>(name: string, spec: JournalSpec<S, R>): Journal<S, R> {
    const existing = this.journals.get(name)
    if (existing) return existing as unknown as Journal<S, R>
    const file = this.journalFile(name)
    const legacy = this.file(name)
    let read = this.fs.existsSync(file) ? this.loadJournal(file, spec) : undefined
    if (!read) {
      const state = this.load(legacy, spec)
      const text = snapshotLine(state, spec as JournalSpec<S, unknown>)
      this.writeAtomically(file, text, true)
      read = { state, records: 0, size: Buffer.byteLength(text), torn: false }
    }
    // The document it came from goes once the journal is on disk (a kill in between leaves both: the journal wins).
    if (this.fs.existsSync(legacy)) {
      this.removeQuietly(legacy)
      this.syncDir(this.stateDir)
    }
    this.track(name)
    const j = new FileJournal<S, R>(this.journalFiles(), file, spec, read.state, read)
    this.journals.set(name, j as unknown as FileJournal<unknown, unknown>)
    return j
  }

  onWriteFailure(listener: (e: StoreWriteError) => void): void {
    this.failureListeners.push(listener)
  }

  names(prefix: string): string[] {
    const onDisk = this.fs
      .readdirSync(this.stateDir)
      .filter(f => f.endsWith('.json') && f !== MANIFEST)
      .map(f => f.slice(0, -5))
    return [...new Set([...onDisk, ...this.docs.keys()])].filter(n => n.startsWith(prefix)).sort()
  }

  /** The `$version` a document file starts with (`encodeDoc` writes it first), from its first bytes. */
  storedVersion(name: string): number | undefined {
    let fd: number
    try {
      fd = this.fs.openSync(this.file(name), 'r')
    } catch {
      return undefined
    }
    try {
      const head = Buffer.alloc(VERSION_HEAD_BYTES)
      const read = this.fs.readSync(fd, head, 0, VERSION_HEAD_BYTES, 0)
      const m = VERSION_HEAD.exec(head.toString('latin1', 0, read))
      return m ? Number(m[1]) : undefined
    } finally {
      this.fs.closeSync(fd)
    }
  }

  async remove(names: string[]): Promise<void> {
    for (const n of names) {
      if (this.docs.get(n)?.spec.changes) this.removeQuietly(this.changesFile(n))
      this.docs.delete(n)
      this.removeQuietly(this.file(n))
    }
    const kept = this.manifest.durable.filter(n => !names.includes(n))
    if (kept.length < this.manifest.durable.length) {
      this.manifest.durable = kept
      this.writeAtomically(join(this.stateDir, MANIFEST), JSON.stringify(this.manifest), true)
    }
  }

  append(log: string, day: string, record: object): void {
    // Appended to for every audited action: the day's buffer is found without building its path each time.
    let last = this.lastDay.get(log)
    if (last?.day !== day) {
      const file = join(this.dir, 'logs', log, `${day}.jsonl`)
      const lines = this.pending.get(file) ?? []
      this.pending.set(file, lines)
      this.lastDay.set(log, (last = { day, lines }))
    }
    last.lines.push(JSON.stringify(record))
  }

  readLog<R>(log: string, fromDay: string, toDay: string): R[] {
    const folder = join(this.dir, 'logs', log)
    const out: R[] = []
    for (const day of this.logDays(log).filter(d => d >= fromDay && d <= toDay)) {
      const file = join(folder, `${day}.jsonl`)
      const text = this.fs.existsSync(file) ? this.fs.readFileSync(file, 'utf8') : ''
      for (const line of text.split('\n')) if (line.trim()) out.push(parseLine<R>(line))
      for (const line of this.pending.get(file) ?? []) out.push(JSON.parse(line))
    }
    return out
  }

  readLogTail<R>(log: string, day: string, maxBytes: number): R[] {
    const file = join(this.dir, 'logs', log, `${day}.jsonl`)
    const size = this.fs.existsSync(file) ? this.fs.statSync(file).size : 0
    if (size <= maxBytes) return this.readLog(log, day, day)
    // The window and the byte before it: a line starts in the window where a line feed precedes it.
    const tail = Buffer.alloc(maxBytes + 1)
    const fd = this.fs.openSync(file, 'r')
    try {
      this.fs.readSync(fd, tail, 0, maxBytes + 1, size - maxBytes - 1)
    } finally {
      this.fs.closeSync(fd)
    }
    // A line feed never occurs inside a UTF-8 sequence: the text after the first one decodes whole.
    const cut = tail.indexOf(0x0a)
    if (cut < 0 || tail.lastIndexOf(0x0a) === cut) return this.readLog(log, day, day) // no whole line in the window
    const out: R[] = []
    for (const line of tail.toString('utf8', cut + 1).split('\n')) if (line.trim()) out.push(parseLine<R>(line))
    for (const line of this.pending.get(file) ?? []) out.push(JSON.parse(line))
    return out
  }

  logDays(log: string): string[] {
    const folder = join(this.dir, 'logs', log)
    const onDisk = this.fs.existsSync(folder)
      ? this.fs
          .readdirSync(folder)
          .filter(f => f.endsWith('.jsonl'))
          .map(f => f.slice(0, -6))
      : []
    const pending = [...this.pending.entries()]
      .filter(([f, lines]) => f.startsWith(`${folder}/`) && lines.length)
      .map(([f]) => f.slice(folder.length + 1, -6))
    return [...new Set([...onDisk, ...pending])].sort()
  }

  logNames(): string[] {
    const folder = join(this.dir, 'logs')
    const onDisk = this.fs.existsSync(folder)
      ? this.fs.readdirSync(folder).filter(f => this.fs.statSync(join(folder, f)).isDirectory())
      : []
    return [...new Set([...onDisk, ...this.lastDay.keys()])].sort()
  }

  dropLogDay(log: string, day: string): number {
    const file = join(this.dir, 'logs', log, `${day}.jsonl`)
    const pending = this.pending.get(file) ?? []
    let bytes = pending.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0)
    this.pending.delete(file)
    if (this.lastDay.get(log)?.day === day) this.lastDay.delete(log)
    this.whole.delete(file)
    if (this.fs.existsSync(file)) bytes += this.fs.statSync(file).size
    this.removeQuietly(file)
    return bytes
  }

  async flush(durableOnly = false, volatileToo = false): Promise<void> {
    // Journals: what was appended (and, at a periodic flush, a compaction when one is due).
    await Promise.all([...this.journals.values()].map(j => (durableOnly ? j.commit() : j.compact())))
    await this.flushLogs()
    // A document being written by an earlier flush counts too: the caller waits until that write is durable.
    const skipVolatile = durableOnly && !volatileToo
    const dirty = [...this.docs.values()].filter(d => (d.dirty || d.writing) && !(skipVolatile && d.spec.volatile))
    if (durableOnly) {
      await Promise.all(dirty.map(d => d.flush()))
      return
    }
    // The periodic flush writes one document per turn of the event loop: an event waits for one document's
    // write at most, not for all of them (about 20 MB with a big history). Before a send the durable flush
    // still writes everything it needs before returning.
    let failure: unknown
    for (const d of dirty) {
      await d.flush().catch(e => {
        failure ??= e
      })
      await new Promise(resolve => setImmediate(resolve))
    }
    if (failure) throw failure
  }

  /** Append the buffered log lines (fsynced); lines stay readable from the buffer until they are on disk. */
  private flushLogs(): Promise<void> {
    const run = async () => {
      for (const [file, lines] of this.pending) {
        const n = lines.length
        if (!n) continue
        this.ensureDir(join(file, '..'))
        // One join, the line feeds around it as empty items: a string joined to the lines was copied whole again
        // when the write flattened it.
        const parts = lines.slice(0, n)
        parts.push('')
        if (this.endsTorn(file)) parts.unshift('')
        const text = parts.join('\n')
        const written = () => void lines.splice(0, n)
        if (this.background) await this.appendInBackground(file, text, written)
        else {
          this.appendToFile(file, text)
          written()
        }
        this.whole.add(file)
      }
    }
    if (!this.background) return run()
    this.appending = this.appending.then(run, run)
    return this.appending
  }

  /**
   * Write document `name` (atomically; fsynced unless volatile) and list a durable one in the manifest.
   * In background mode the I/O runs off the event loop and the returned promise says when it is done.
   */
  writeDoc(
    name: string,
    text: string | Uint8Array,
    spec: DocSpec<unknown>,
    encodeMs = 0,
    /** `persist()`: in background mode, in order with the other persists and journal appends. */
    now = false,
    /** A document kept as changes (`spec.changes`): `text` is records appended to its file, not the whole file. */
    append = false,
  ): Promise<void> | undefined {
    if (spec.changes) return this.writeChanges(name, text, encodeMs, now, append)
    const t = performance.now()
    const done = () => {
      if (spec.durable) this.track(name)
      this.noteWrite(name, text.length, encodeMs + performance.now() - t, encodeMs)
    }
    if (this.background && !now) return this.writeInBackground(this.file(name), text, !spec.volatile).then(done)
    if (this.ordered) {
      const file = this.file(name)
      return this.ordered.push({}, () => this.writeInBackground(file, text, !spec.volatile)).then(done)
    }
    this.writeAtomically(this.file(name), text, !spec.volatile)
    done()
    return undefined
  }

  /**
   * `writeDoc` of a document kept as changes (`state/<name>.jsonl`, volatile): the whole file (its snapshot line)
   * replaced, or records appended; the document an older release wrote whole (`<name>.json`) goes once a
   * snapshot is written, durably then (file and folder fsynced), so a crash of the machine during the upgrade
   * cannot leave neither.
   */
  private writeChanges(
    name: string,
    text: string | Uint8Array,
    encodeMs: number,
    now: boolean,
    append: boolean,
  ): Promise<void> | undefined {
    const t = performance.now()
    const file = this.changesFile(name)
    const legacy = !append && this.fs.existsSync(this.file(name))
    const done = () => {
      if (legacy) this.removeQuietly(this.file(name))
      this.noteWrite(name, text.length, encodeMs + performance.now() - t, encodeMs)
    }
    const write = () =>
      append ? this.appendInBackground(file, text, () => {}, false) : this.writeInBackground(file, text, legacy)
    if (this.background && !now) return write().then(done)
    if (this.ordered) return this.ordered.push({}, write).then(done)
    if (append) this.appendToFile(file, text, false)
    else this.writeAtomically(file, text, legacy)
    done()
    return undefined
  }

  /** Count a document's write in `writeStats`. */
  private noteWrite(name: string, chars: number, ms: number, encodeMs: number): void {
    const s = this.writeStats.get(name) ?? { chars: 0, ms: 0, maxMs: 0, encodeMaxMs: 0, writes: 0 }
    this.writeStats.set(name, {
      chars,
      ms,
      maxMs: Math.max(s.maxMs, ms),
      encodeMaxMs: Math.max(s.encodeMaxMs, encodeMs),
      writes: s.writes + 1,
    })
  }

  /**
   * `writeAtomically` with the I/O on the thread pool. The durable writes in progress at once (a flush's
   * documents) share one fsync of the state folder, started once the last of them is renamed.
   */
  private async writeInBackground(file: string, text: string | Uint8Array, durable: boolean): Promise<void> {
    const tmp = `${file}${TMP}${process.pid}`
    let synced: Promise<void> | undefined
    if (durable) this.renaming++
    try {
      const fd = await this.io.open(tmp, 'w', FILE_MODE)
      try {
        await this.io.writeFile(fd, text)
        if (durable) await this.io.fsync(fd)
      } finally {
        await this.io.close(fd)
      }
      await this.io.rename(tmp, file)
      this.handles.drop(file)
      if (durable) synced = this.stateDirSync()
    } catch (e) {
      this.removeQuietly(tmp)
      throw this.failed(new StoreWriteError(file, e))
    } finally {
      if (durable) this.renamed()
    }
    try {
      await synced
    } catch (e) {
      throw this.failed(new StoreWriteError(file, e))
    }
  }

  /** The state folder's next fsync (for a rename just done): it starts once no durable write is before its rename. */
  private stateDirSync(): Promise<void> {
    if (!this.dirSync) {
      let start = () => {}
      const promise = new Promise<void>(r => {
        start = r
      }).then(() => this.syncDirInBackground(this.stateDir))
      promise.catch(() => {}) // each writer waiting on it is told
      this.dirSync = { promise, start }
    }
    return this.dirSync.promise
  }

  /** A durable write got past its rename (or failed before it): the folder's fsync starts when it was the last. */
  private renamed(): void {
    if (--this.renaming || !this.dirSync) return
    this.dirSync.start()
    this.dirSync = undefined
  }

  private async syncDirInBackground(d: string): Promise<void> {
    const fd = await this.io.open(d, 'r')
    try {
      await this.io.fsync(fd)
    } finally {
      await this.io.close(fd)
    }
  }

  /**
   * `appendToFile` with the I/O on the thread pool, through a handle kept open between appends (`handles`);
   * `written` runs once the text is in the file (before its fsync).
   */
  private async appendInBackground(
    file: string,
    text: string | Uint8Array,
    written: () => void,
    sync = true,
  ): Promise<void> {
    try {
      await this.handles.with(file, async fd => {
        await this.io.writeFile(fd, text)
        written()
        if (sync) await this.io.fsync(fd)
      })
    } catch (e) {
      throw this.failed(new StoreWriteError(file, e))
    }
  }

  private track(name: string): void {
    if (this.manifest.durable.includes(name)) return
    this.manifest.durable = [...this.manifest.durable, name].sort()
    this.writeAtomically(join(this.stateDir, MANIFEST), JSON.stringify(this.manifest), true)
  }

  /** Write `text` to `file` atomically: a temp file (0600), fsync, rename, fsync the folder. */
  private writeAtomically(file: string, text: string | Uint8Array, durable: boolean): void {
    const tmp = `${file}${TMP}${process.pid}`
    try {
      const fd = this.fs.openSync(tmp, 'w', FILE_MODE)
      try {
        // writeSync's overloads take a string or bytes, not a union of both.
        if (typeof text === 'string') this.fs.writeSync(fd, text)
        else this.fs.writeSync(fd, text)
        if (durable) this.fs.fsyncSync(fd)
      } finally {
        this.fs.closeSync(fd)
      }
      this.fs.renameSync(tmp, file)
      this.handles.drop(file)
      if (durable) this.syncDir(this.stateDir)
    } catch (e) {
      this.removeQuietly(tmp)
      throw this.failed(new StoreWriteError(file, e))
    }
  }

  private file(name: string): string {
    return join(this.stateDir, `${name}.json`)
  }

  /** The file of a document kept as changes (`spec.changes`): its snapshot line, then records. */
  private changesFile(name: string): string {
    return join(this.stateDir, `${name}.jsonl`)
  }

  private journalFile(name: string): string {
    return join(this.stateDir, `${name}.jsonl`)
  }

  /** The writes a journal makes: on the spot, or off the event loop in order with the other ordered writes. */
  private journalFiles(): JournalFiles {
    return {
      ordered: this.ordered,
      append: (file, text) =>
        this.background ? this.appendInBackground(file, text, () => {}) : this.appendToFile(file, text),
      replace: (file, text) =>
        this.background ? this.writeInBackground(file, text, true) : this.writeAtomically(file, text, true),
      truncate: (file, size) => this.fs.truncateSync(file, size),
    }
  }

  /**
   * Read a journal file; a torn last line is cut off. A damaged one is refused like a durable document,
   * or (with --accept-state-loss) moved aside: undefined, the journal starts from its defaults.
   */
  private loadJournal<S, R>(file: string, spec: JournalSpec<S, R>): ReadJournal<S> | undefined {
    try {
      const read = readJournal(this.fs.readFileSync(file), spec)
      if (read.torn) this.fs.truncateSync(file, read.size)
      this.noteUpgrade(file, read.version ?? 0, spec.version)
      return read
    } catch (e) {
      if (!(e instanceof DocDamage)) throw e
      const problem = `${this.shown(file)}: ${e.reason}`
      if (!this.acceptLoss) {
        this.refused.push(problem)
        throw new StateDamageError([problem])
      }
      this.setAside(file, problem)
      return undefined
    }
  }

  /**
   * Read a document kept as changes: its snapshot with the records after it folded in (a torn last line left
   * out), else the whole document an older release wrote (`<name>.json`), else the defaults. When both files are
   * there, the one written last: an older release started after this one wrote the `.json` (a rollback), and its
   * data is newer than the `.jsonl` this one left. A damaged file is moved aside like a volatile document (one of a
   * newer release refuses the start).
   */
  private loadChanges<T extends object>(name: string, spec: DocSpec<T>): T {
    const file = this.changesFile(name)
    const legacy = this.file(name)
    if (!this.fs.existsSync(file)) return this.load(legacy, spec)
    if (this.fs.existsSync(legacy) && this.fs.statSync(legacy).mtimeMs > this.fs.statSync(file).mtimeMs)
      return this.load(legacy, spec)
    try {
      return readKeptAsChanges(this.fs.readFileSync(file), spec)
    } catch (e) {
      if (!(e instanceof DocDamage)) throw e
      const problem = `${this.shown(file)}: ${e.reason}`
      if (e.newer && !this.acceptLoss) {
        this.refused.push(problem)
        throw new StateDamageError([problem])
      }
      this.setAside(file, problem)
      return spec.defaults()
    }
  }

  private load<T extends object>(file: string, spec: DocSpec<T>): T {
    if (!this.fs.existsSync(file)) return spec.defaults()
    try {
      let raw: unknown
      try {
        raw = JSON.parse(this.fs.readFileSync(file, 'utf8'))
      } catch {
        throw new DocDamage('corrupt: not valid JSON')
      }
      const data = decodeDoc(raw, spec)
      const stored = (raw as Record<string, unknown>)[VERSION_KEY]
      this.noteUpgrade(file, typeof stored === 'number' ? stored : 0, spec.version)
      return data
    } catch (e) {
      if (!(e instanceof DocDamage)) throw e
      const problem = `${this.shown(file)}: ${e.reason}`
      if ((spec.durable || e.newer) && !this.acceptLoss) {
        this.refused.push(problem)
        throw new StateDamageError([problem])
      }
      this.setAside(file, problem)
      return spec.defaults()
    }
  }

  /** Say that `file`, written by an older release in version `from`, was read as version `to` (an upgrade). */
  private noteUpgrade(file: string, from: number, to: number): void {
    if (from < to)
      this.onUpgrade?.(
        `已升级旧版本写的状态 upgraded from an older release: ${this.shown(file)} version ${from} → ${to}（下次写入时以新版本保存 written in version ${to} from its next write）`,
      )
  }

  /** Move a damaged file aside (kept for inspection), say so in `#状态` and the log, and go on without it. */
  private setAside(file: string, problem: string): void {
    const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
    this.fs.renameSync(file, aside)
    this.handles.drop(file)
    this.warn(
      `⚠️ ${problem}；已移至 ${this.shown(aside)}，以空状态继续 (moved aside, continuing empty)`,
      `状态文件损坏，已移开 damaged state file moved aside: ${file} → ${aside} (${problem})；以空状态继续 continuing empty`,
    )
  }

  /** A problem for `#状态` (`shown`) and the log (`logged`, with whole paths). */
  private warn(shown: string, logged = shown): void {
    this.warnings.push(shown)
    this.onWarning?.(logged)
  }

  /** Durable documents the manifest lists must exist: a deleted ledger is not an empty ledger. */
  private checkMissing(): void {
    const missing = this.manifest.durable.filter(
      n => !this.fs.existsSync(this.file(n)) && !this.fs.existsSync(this.journalFile(n)),
    )
    if (!missing.length) return
    const problems = missing.map(n => `${this.shown(this.file(n))}: missing, although ${MANIFEST} records it`)
    if (!this.acceptLoss) throw new StateDamageError(problems)
    for (const p of problems) this.warn(`⚠️ ${p}；以空状态继续 (continuing without it)`)
    this.manifest.durable = this.manifest.durable.filter(n => !missing.includes(n))
  }

  private readManifest(): { durable: string[] } {
    const file = join(this.stateDir, MANIFEST)
    // Missing: a new folder, or one from a release before the manifest (rebuilt as documents are opened).
    if (!this.fs.existsSync(file)) return { durable: [] }
    try {
      const raw = JSON.parse(this.fs.readFileSync(file, 'utf8'))
      if (Array.isArray(raw?.durable) && raw.durable.every((n: unknown) => typeof n === 'string')) return raw
    } catch {}
    this.warn(`⚠️ ${this.shown(file)}: corrupt, rebuilt`)
    return { durable: [] }
  }

  /** Fail at start, with the folder named, when state cannot be written (read-only or full disk). */
  private probeWritable(): void {
    this.writeAtomically(join(this.stateDir, `.probe-${process.pid}`), 'ok', true)
    this.removeQuietly(join(this.stateDir, `.probe-${process.pid}`))
  }

  /** Temp files a crashed process left behind (not those of a live one, e.g. the bot beside a CLI export). */
  private removeTemps(): void {
    for (const f of this.fs.readdirSync(this.stateDir)) {
      const pid = /(?:\.tmp-|^\.probe-)(\d+)$/.exec(f)?.[1]
      if (pid && !alive(Number(pid))) this.removeQuietly(join(this.stateDir, f))
    }
  }

  private ensureDir(d: string): void {
    this.fs.mkdirSync(d, { recursive: true, mode: DIR_MODE })
    try {
      if ((this.fs.statSync(d).mode & 0o777) !== DIR_MODE) this.fs.chmodSync(d, DIR_MODE)
    } catch {} // not ours to change (e.g. a shared parent): the files inside are still 0600
  }

  /** Append `text` to `file`, fsynced unless `sync` is false (a volatile document's records). */
  private appendToFile(file: string, text: string | Uint8Array, sync = true): void {
    try {
      const fd = this.fs.openSync(file, 'a', FILE_MODE)
      try {
        // writeSync's overloads take a string or bytes, not a union of both.
        if (typeof text === 'string') this.fs.writeSync(fd, text)
        else this.fs.writeSync(fd, text)
        if (sync) this.fs.fsyncSync(fd)
      } finally {
        this.fs.closeSync(fd)
      }
    } catch (e) {
      throw this.failed(new StoreWriteError(file, e))
    }
  }

  private failed(e: StoreWriteError): StoreWriteError {
    for (const l of this.failureListeners) l(e)
    return e
  }

  private syncDir(d: string): void {
    const fd = this.fs.openSync(d, 'r')
    try {
      this.fs.fsyncSync(fd)
    } finally {
      this.fs.closeSync(fd)
    }
  }

  private removeQuietly(file: string): void {
    this.handles.drop(file)
    try {
      this.fs.unlinkSync(file)
    } catch {}
  }

  /** True when a log file's last line was cut off (a crash mid-write): the next append starts a new line. */
  private endsTorn(file: string): boolean {
    if (this.whole.has(file) || !this.fs.existsSync(file)) return false
    const size = this.fs.statSync(file).size
    if (!size) return false
    const fd = this.fs.openSync(file, 'r')
    try {
      const last = Buffer.alloc(1)
      this.fs.readSync(fd, last, 0, 1, size - 1)
      return last[0] !== 0x0a
    } finally {
      this.fs.closeSync(fd)
    }
  }

  private shown(file: string): string {
    return relative(this.dir, file) || file
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function parseLine<R>(line: string): R {
  try {
    return JSON.parse(line)
  } catch {
    return { corrupt: line } as R
  } // a torn last line after a crash
}

class FileDoc<T> extends HeldDoc<T> {
  constructor(
    private store: FileStore,
    name: string,
    spec: DocSpec<T>,
    value: T,
  ) {
    super(name, spec, value)
  }

  /** The write in progress (background mode), settled (never rejecting) when it ends. */
  writing?: Promise<void>
  /** Writes started, and the number of the latest one that succeeded. */
  private started = 0
  private succeeded = 0
  /**
   * A document kept as changes (`spec.changes`): the parts named since the last write, whether the next write
   * must be whole (at first, after `changed()` without a part, after a failed write), the bytes of the snapshot
   * and of the records written after it.
   */
  private parts = new Set<string>()
  private whole = true
  private snapshotBytes = 0
  private recordBytes = 0
  /** Bytes a record took at the last write of records: how large the next write's records will be, roughly. */
  private bytesPerRecord = 0

  override get data(): T {
    return this.value
  }
  override set data(v: T) {
    this.value = v
    this.dirty = true
    this.whole = true
  }

  override changed(part?: string): void {
    this.dirty = true
    if (part === undefined) this.whole = true
    else if (this.spec.changes && !this.whole) this.parts.add(part)
  }

  /**
   * Write now (after a write of it in progress): when it resolves the document is durable. In background
   * mode the write joins the store's ordered writes, off the event loop: records persisted or appended
   * one after the other (a case, then the queue holding its confirmation) reach the disk in that order,
   * whenever the process is killed.
   */
  async persist(): Promise<void> {
    this.dirty = true
    this.whole = true // a document kept as changes: all of it, not only the parts named
    await this.flush(true)
  }

  /**
   * Return once what the document holds now is on disk: after the write in progress when nothing changed
   * since it began, else after a write that starts later. Writes that others start meanwhile do not
   * keep a caller waiting (a document changed all the time is not a reason to wait forever).
   */
  async flush(now = false): Promise<void> {
    const need = this.dirty ? this.started + 1 : this.writing ? this.started : 0
    while (this.succeeded < need) {
      if (this.writing) await this.writing
      else if (this.dirty) await this.write(now)
      else return
    }
  }

  /**
   * What a document kept as changes writes now: its parts' records (one line, a JSON array), or undefined when the whole
   * document is due (see `DocChanges`). The parts are taken either way.
   */
  private records(): string | undefined {
    const changes = this.spec.changes
    if (!changes) return undefined
    const parts = this.parts
    if (parts.size) this.parts = new Set()
    if (this.whole || this.recordBytes > 2 * this.snapshotBytes) return undefined
    // Records of more than half the snapshot cost more than a rewrite (with the rewrite they lead to, 1.5 times theirs).
    if (parts.size * this.bytesPerRecord > this.snapshotBytes / 2) return undefined
    const records: unknown[] = []
    for (const part of parts) {
      const record = changes.of(this.value, part)
      if (record !== undefined) records.push(record)
    }
    if (!records.length) return ''
    // One line a write (one JSON encoding for all of them: many small ones cost twice as much a byte).
    const line = `${JSON.stringify(records)}\n`
    this.bytesPerRecord = Buffer.byteLength(line) / records.length
    return line
  }

  private async write(now: boolean): Promise<void> {
    this.dirty = false
    const n = ++this.started
    try {
      const t = performance.now()
      const records = this.records()
      if (records === '') {
        this.succeeded = Math.max(this.succeeded, n)
        return
      }
      const whole = records === undefined
      this.whole = false
      const text = whole ? encodeDocBytes(this.value, this.spec, !!this.spec.changes) : records
      const spec = this.spec as DocSpec<unknown>
      const done = this.store.writeDoc(this.name, text, spec, performance.now() - t, now, !whole)
      const size = whole ? text.length : Buffer.byteLength(text)
      if (done) {
        const settled = done.then(
          () => {},
          () => {},
        )
        this.writing = settled
        void settled.then(() => {
          if (this.writing === settled) this.writing = undefined
        })
        await done
      }
      if (whole) this.snapshotBytes = size
      this.recordBytes = whole ? 0 : this.recordBytes + size
      this.succeeded = Math.max(this.succeeded, n)
    } catch (e) {
      this.dirty = true
      this.whole = true
      throw e
    }
  }
}

/**
 * The data of a document kept as changes (`DocSpec.changes`) from its file's bytes: the snapshot line with the
 * records after it folded in, a torn last line left out. Throws `DocDamage` for a damaged file.
 */
export function readKeptAsChanges<T extends object>(bytes: Buffer, spec: DocSpec<T>): T {
  const changes = spec.changes as DocChanges<T>
  // Each line after the snapshot holds the records of one write, as a JSON array.
  const steps = Object.entries(changes.recordMigrations ?? {}).map(([v, step]) => [v, (l: unknown[]) => l.map(step)])
  const asJournal = {
    ...spec,
    record: z.array(changes.record),
    apply: (data: T, records: unknown[]) => {
      for (const r of records) changes.apply(data, r)
    },
    recordMigrations: Object.fromEntries(steps),
  }
  return readJournal(bytes, asJournal).state
}
