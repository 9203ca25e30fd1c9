import * as nodeFs from 'node:fs'
import { join, relative } from 'node:path'
import { DocDamage, decodeDoc, encodeDoc } from './doc-codec.js'
import { type Doc, type DocSpec, HeldDoc, StateDamageError, type Store, StoreWriteError } from './store.js'

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
  | 'unlinkSync'
  | 'writeSync'
>

/** Options of a file store. */
export interface FileStoreOptions {
  /** Open damaged or missing durable documents empty (after moving them aside) instead of refusing. */
  acceptStateLoss?: boolean
  fs?: StoreFs
}

const DIR_MODE = 0o700
const FILE_MODE = 0o600
const MANIFEST = '_manifest.json'
const TMP = '.tmp-'

/**
 * JSON documents under `<dir>/state/<name>.json` and daily JSONL logs under
 * `<dir>/logs/<log>/<day>.jsonl`. Writes are coalesced: `changed()` only marks a
 * document dirty, and `flush()` (run on an interval and at shutdown) writes each
 * dirty document once, atomically (temp file, fsync, rename); the periodic flush writes one document
 * per event-loop turn, so events are not held up behind all of them. Durable documents
 * are listed in `state/_manifest.json`, so one that disappears is noticed.
 * Folders are 0700, files 0600.
 */
export class FileStore implements Store {
  readonly warnings: string[] = []
  readonly refused: string[] = []
  /** Per document, for the bench: characters of its last write, time spent encoding and writing it (last, longest; ms), writes. */
  readonly writeStats = new Map<string, { chars: number; ms: number; maxMs: number; writes: number }>()
  private docs = new Map<string, FileDoc<any>>()
  private pending = new Map<string, string[]>()
  private fs: StoreFs
  private acceptLoss: boolean
  private stateDir: string
  private manifest: { durable: string[] }
  private failureListeners: ((e: StoreWriteError) => void)[] = []

  constructor(
    private dir: string,
    opts: FileStoreOptions = {},
  ) {
    this.fs = opts.fs ?? nodeFs
    this.acceptLoss = opts.acceptStateLoss ?? process.env.BOT_ACCEPT_STATE_LOSS === '1'
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
    const d = new FileDoc<T>(this, name, spec, this.load(file, spec))
    if (spec.durable && this.fs.existsSync(file)) this.track(name)
    this.docs.set(name, d)
    return d
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

  append(log: string, day: string, record: object): void {
    const file = join(this.dir, 'logs', log, `${day}.jsonl`)
    const lines = this.pending.get(file) ?? []
    this.pending.set(file, lines)
    lines.push(JSON.stringify(record))
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

  async flush(durableOnly = false): Promise<void> {
    for (const [file, lines] of this.pending) {
      if (!lines.length) continue
      this.ensureDir(join(file, '..'))
      this.appendDurably(file, `${(this.endsTorn(file) ? '\n' : '') + lines.join('\n')}\n`)
      this.pending.set(file, [])
    }
    const dirty = [...this.docs.values()].filter(d => d.dirty && !(durableOnly && d.spec.volatile))
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

  /** Write document `name` (atomically; fsynced unless volatile) and list a durable one in the manifest. */
  writeDoc(name: string, text: string, spec: DocSpec<unknown>, encodeMs = 0): void {
    const t = performance.now()
    this.writeAtomically(this.file(name), text, !spec.volatile)
    if (spec.durable) this.track(name)
    const ms = encodeMs + performance.now() - t
    const s = this.writeStats.get(name) ?? { chars: 0, ms: 0, maxMs: 0, writes: 0 }
    this.writeStats.set(name, { chars: text.length, ms, maxMs: Math.max(s.maxMs, ms), writes: s.writes + 1 })
  }

  private track(name: string): void {
    if (this.manifest.durable.includes(name)) return
    this.manifest.durable = [...this.manifest.durable, name].sort()
    this.writeAtomically(join(this.stateDir, MANIFEST), JSON.stringify(this.manifest), true)
  }

  /** Write `text` to `file` atomically: a temp file (0600), fsync, rename, fsync the folder. */
  private writeAtomically(file: string, text: string, durable: boolean): void {
    const tmp = `${file}${TMP}${process.pid}`
    try {
      const fd = this.fs.openSync(tmp, 'w', FILE_MODE)
      try {
        this.fs.writeSync(fd, text)
        if (durable) this.fs.fsyncSync(fd)
      } finally {
        this.fs.closeSync(fd)
      }
      this.fs.renameSync(tmp, file)
      if (durable) this.syncDir(this.stateDir)
    } catch (e) {
      this.removeQuietly(tmp)
      throw this.failed(new StoreWriteError(file, e))
    }
  }

  private file(name: string): string {
    return join(this.stateDir, `${name}.json`)
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
      return decodeDoc(raw, spec)
    } catch (e) {
      if (!(e instanceof DocDamage)) throw e
      const problem = `${this.shown(file)}: ${e.reason}`
      if ((spec.durable || e.newer) && !this.acceptLoss) {
        this.refused.push(problem)
        throw new StateDamageError([problem])
      }
      const aside = this.moveAside(file)
      this.warnings.push(`⚠️ ${problem}；已移至 ${this.shown(aside)}，以空状态继续 (moved aside, continuing empty)`)
      return spec.defaults()
    }
  }

  private moveAside(file: string): string {
    const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
    this.fs.renameSync(file, aside)
    return aside
  }

  /** Durable documents the manifest lists must exist: a deleted ledger is not an empty ledger. */
  private checkMissing(): void {
    const missing = this.manifest.durable.filter(n => !this.fs.existsSync(this.file(n)))
    if (!missing.length) return
    const problems = missing.map(n => `${this.shown(this.file(n))}: missing, although ${MANIFEST} records it`)
    if (!this.acceptLoss) throw new StateDamageError(problems)
    for (const p of problems) this.warnings.push(`⚠️ ${p}；以空状态继续 (continuing without it)`)
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
    this.warnings.push(`⚠️ ${this.shown(file)}: corrupt, rebuilt`)
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

  private appendDurably(file: string, text: string): void {
    try {
      const fd = this.fs.openSync(file, 'a', FILE_MODE)
      try {
        this.fs.writeSync(fd, text)
        this.fs.fsyncSync(fd)
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
    try {
      this.fs.unlinkSync(file)
    } catch {}
  }

  /** True when a log file's last line was cut off (a crash mid-write): the next append starts a new line. */
  private endsTorn(file: string): boolean {
    if (!this.fs.existsSync(file)) return false
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

  async persist(): Promise<void> {
    this.dirty = true
    await this.flush()
  }

  async flush(): Promise<void> {
    if (!this.dirty) return
    this.dirty = false
    try {
      const t = performance.now()
      const text = encodeDoc(this.value, this.spec)
      this.store.writeDoc(this.name, text, this.spec as DocSpec<unknown>, performance.now() - t)
    } catch (e) {
      this.dirty = true
      throw e
    }
  }
}
