import type { z } from 'zod'

/** Structured state and append-only logs, behind one interface with a memory twin. */

/** The words of every reason for a version this release does not know (`DocDamage.newer`): a newer release wrote it. */
export const NEWER_VERSION = 'is newer than this release knows'

/** A named JSON document. Mutate `data`, then call `changed()`; writes are coalesced. */
export interface Doc<T> {
  data: T
  /**
   * Mark dirty: written at the next flush (at most one write in flight). With `part` (a key of the spec's
   * `changes`), only that part changed: a store that keeps the document as changes writes that part's record
   * instead of the whole document; the others write it whole.
   */
  changed(part?: string): void
  /** Write now and resolve once durable (for data that must never be lost, e.g. confirmed cases). */
  persist(): Promise<void>
}

/**
 * What a stored document is: its current `version`, the zod `schema` a loaded document of that
 * version must pass, and how to create it. A file written by an older release is migrated step by
 * step (`migrations[n]` turns version n into n + 1); files written before versions existed are
 * version 0, and unless `migrations[0]` says otherwise they become version 1 by filling missing
 * top-level fields from `defaults`. A newer or unknown version is refused.
 */
export interface DocSpec<T> {
  version: number
  schema: z.ZodType
  defaults: () => T
  // biome-ignore lint/suspicious/noExplicitAny: a migration reads what an older release wrote, typed by the step itself
  migrations?: Record<number, (old: any) => unknown>
  /**
   * Written only by the periodic flush, not before every send (counters, last-seen times): a crash
   * may lose one flush interval of it.
   */
  volatile?: boolean
  /**
   * Records people rely on (cases, strikes, fines, notices, the outbox): fsynced when written, and
   * never replaced by an empty document when damaged or missing: the store refuses to open it
   * unless started with `--accept-state-loss`.
   */
  durable?: boolean
  /**
   * The data as JSON (what `JSON.stringify(data)` gives) in UTF-8 chunks, for a big document rewritten often
   * whose parts rarely change: built from parts kept between writes instead of encoding it all each time
   * (the file store; the others encode `data` themselves).
   */
  encode?(data: T): Uint8Array[]
  /**
   * A quick check for large documents that accepts only data `schema` accepts (never more): when it says
   * yes, the schema is not run (it copies every object it checks: 30,000 strikes are 20–90 ms at start).
   * When it says no, the schema runs and names what is wrong.
   */
  accepts?: (data: unknown) => boolean
  /**
   * A volatile document written as changes (the file store: `state/<name>.jsonl`, its snapshot on the first line,
   * then a line per write holding the records of the parts changed since the one before, as a JSON array). See
   * `DocChanges`.
   */
  changes?: DocChanges<T>
}

/**
 * How a document is written as changes: `changed(part)` names a part, and the flush writes `of(data, part)` for
 * each part named since the last write, in the order first named (one line, a JSON array of them); reading folds the
 * records into the snapshot with `apply`, in order. A record holds its part's value as the data has it at the flush (not a difference), so applying it again
 * gives the same data. The file is rewritten as one snapshot at `changed()` without a part, at the first write after
 * a start, once the records written since the snapshot are twice its size (a start reads at most three times the
 * document), and when the parts named would take more than half its size (at the bytes a record took at the last
 * write of records): records cost more than a rewrite then, counting the rewrite they lead to. Only volatile documents: the records are not fsynced, and a damaged file is moved aside.
 */
export interface DocChanges<T> {
  /** The zod schema each stored record must pass. */
  record: z.ZodType
  /** The record of `part` as the data holds it now, or undefined when there is nothing to write for it. */
  of(data: T, part: string): unknown
  /** Fold one record into the data, in place. */
  apply(data: T, record: unknown): void
  /** Upgrades of a record an older release wrote, by the document version they upgrade from (as `migrations`). */
  // biome-ignore lint/suspicious/noExplicitAny: a migration reads what an older release wrote, typed by the step itself
  recordMigrations?: Record<number, (old: any) => unknown>
}

/** Declare a document spec (typed by its defaults). */
export function docSpec<T extends object>(spec: DocSpec<T>): DocSpec<T> {
  return spec
}

/**
 * A document held in memory with a dirty mark: what every back end's document shares. The store
 * writes it (coalesced at its flush, or now with `persist()`).
 */
export abstract class HeldDoc<T> implements Doc<T> {
  /** Changed since its last write. */
  dirty = false

  constructor(
    readonly name: string,
    readonly spec: DocSpec<T>,
    protected value: T,
  ) {}

  get data(): T {
    return this.value
  }
  set data(v: T) {
    this.value = v
    this.dirty = true
  }

  changed(_part?: string): void {
    this.dirty = true
  }

  abstract persist(): Promise<void>
}

/**
 * What a journal is: a durable document (`DocSpec`, the state at the last compaction) whose changes are
 * stored as records appended after it, each folded in by `apply`. Records are written by this release's
 * version: a journal of an older version has its records migrated by `recordMigrations` (like `migrations`).
 */
export interface JournalSpec<S, R> extends DocSpec<S> {
  /** The zod schema each stored record must pass. */
  record: z.ZodType
  /** Fold one record into the state, in place. The same records in the same order give the same state. */
  apply(state: S, record: R): void
  // biome-ignore lint/suspicious/noExplicitAny: a migration reads what an older release wrote, typed by the step itself
  recordMigrations?: Record<number, (old: any) => unknown>
  /** Rewrite the journal as one snapshot at a periodic flush once it holds this many records (default 1000). */
  compactAfter?: number
  /**
   * Records are written at the next flush or `commit()` (the one before every send, the periodic one), not in
   * the turn they were appended in: the records of many turns share one write and one fsync. For records no send
   * has relied on yet (incidents): a crash loses what was appended since the last flush, as a durable document's
   * changes. Stores that write on the spot (tests, replays) write them at once; PostgreSQL writes the journal's
   * row at the flush instead of at every append.
   */
  atFlush?: boolean
  /**
   * Only its own account reads it: no other account of a fleet follows it (`ctx.fleet.follow`), so a store may keep
   * its records apart from the snapshot (PostgreSQL: one row each, folded into the snapshot row at a periodic flush
   * once there are `compactAfter`) instead of rewriting the whole state at each append. A followed journal must
   * not set it: the other accounts read only its snapshot.
   */
  local?: boolean
}

/** Declare a journal spec (typed by its defaults and `apply`). */
export function journalSpec<S extends object, R>(spec: JournalSpec<S, R>): JournalSpec<S, R> {
  return { ...spec, durable: true }
}

/**
 * Growing durable state kept as an append-only journal: each change costs one record, not a rewrite of
 * the whole state (the outbox: one record per queued message and per send).
 */
export interface Journal<S, R> {
  /** The state: the snapshot with every record applied. Read it; change it only through `append`. */
  readonly state: S
  /**
   * Apply `record` to the state and write it, in order with every `persist()` and append before it. The
   * running bot writes the records of one event-loop turn together (one write, one fsync, off the event
   * loop); the flush before a send waits for them, so nothing leaves the bot before its record is durable.
   */
  append(record: R): void
  /** Resolve once every record appended so far is durable. */
  commit(): Promise<void>
}

/** The store port. `FileStore` keeps it on disk, `MemoryStore` in memory. */
export interface Store {
  /** Open (or create from `spec.defaults`) the document `name`; throws `StateDamageError` for damaged durable state. */
  doc<T extends object>(name: string, spec: DocSpec<T>): Doc<T>
  /** Open (or create) the journal `name`; throws `StateDamageError` for a damaged one, like a durable document. */
  journal<S extends object, R>(name: string, spec: JournalSpec<S, R>): Journal<S, R>
  /** Names of stored documents starting with `prefix` (on disk or opened; one kept as changes once opened), sorted. */
  names(prefix: string): string[]
  /**
   * The version the stored document `name` was written with, read without loading it (a few bytes), or
   * undefined when there is none or it cannot be told that way: then only `doc()` can say. Lets a caller open
   * a document on first use and still refuse a newer release's state at start.
   */
  storedVersion?(name: string): number | undefined
  /**
   * Delete the stored documents `names` (those a newer layout took over, once it is written); an open one is
   * forgotten too. Absent where stored documents are never removed.
   */
  remove?(names: string[]): Promise<void>
  /** Append one record to the daily JSONL log `log` for the day `day` (`YYYY-MM-DD`). */
  append(log: string, day: string, record: object): void
  /** Read records of `log` for days in [fromDay, toDay] inclusive. */
  readLog<R = unknown>(log: string, fromDay: string, toDay: string): R[]
  /**
   * The records at the end of `log`'s day `day`: those whose lines lie wholly within its last `maxBytes` bytes
   * on disk (a line the window cuts is left out), then those not written yet; the whole day, as `readLog` reads
   * it, when no whole line fits. Absent where the end of a day costs as much to read as the day: `readLog` it.
   */
  readLogTail?<R = unknown>(log: string, day: string, maxBytes: number): R[]
  /** Days (`YYYY-MM-DD`) that have records in `log`, sorted. */
  logDays(log: string): string[]
  /** The daily logs this store holds (file store: the folders under `logs/`), sorted. Absent where not listed. */
  logNames?(): string[]
  /**
   * Delete the day `day` of `log` (the data folder's retention, `storage.retention`), lines not written yet
   * included; returns the bytes freed (PostgreSQL: once its rows are deleted, in batches between the other writes).
   * Gone from `logDays` and `readLog` at once. Absent where logs are never deleted.
   */
  dropLogDay?(log: string, day: string): number | Promise<number>
  /** PostgreSQL: the bytes of this account's rows of each daily log (the file store's are its folders' sizes). */
  logBytes?(): Promise<Map<string, number>>
  /**
   * The other accounts' records of `log` for days in [fromDay, toDay] (fleet mode on PostgreSQL: the audit
   * log and the activity days are fleet-wide this way); absent for a store of one process.
   */
  readFleetLog?<R = unknown>(log: string, fromDay: string, toDay: string): Promise<{ account: string; record: R }[]>
  /** PostgreSQL only: the other accounts' copies of the document `name` as last written, read now. */
  readFleetDocs?(name: string): Promise<{ account: string; data: unknown }[]>
  /**
   * Write every dirty document, journal record and buffered log line. `durableOnly` (before a send): at once, and
   * without the volatile documents unless `volatileToo` (a send that follows a change of volatile state which must
   * not be repeated after a kill: a volatile timer that fired, see VolatileTimerWrites).
   */
  flush(durableOnly?: boolean, volatileToo?: boolean): Promise<void>
  /** Problems met while loading (damaged files moved aside), for `#状态`. */
  readonly warnings: string[]
  /** Call `listener` when a write fails (read-only or full disk): records can no longer be kept. */
  onWriteFailure(listener: (e: StoreWriteError) => void): void
  /** Damaged durable documents refused so far (each also thrown as `StateDamageError`): the bot must not start. */
  readonly refused: string[]
}

/** How to restore, appended to every refusal. */
export const RESTORE_HINT =
  'Restore the file from a backup and start again, or start with --accept-state-loss (BOT_ACCEPT_STATE_LOSS=1): it moves the damaged file aside (renamed to `<file>.damaged-<time>` beside it, kept for inspection) and continues without it. See docs/state.md.'

/**
 * What to do when a newer release wrote the data (a rollback, or an older install on the same folder): nothing is
 * damaged, so the damage hint's `--accept-state-loss` would only throw those records away.
 */
export const NEWER_RELEASE_HINT =
  '数据没有损坏，也没有被改动：请启动写入它的新版本，或把升级前的整份备份恢复到新目录（restore … --into DIR）并让 BOT_DATA_DIR 指向它；不要用 --accept-state-loss，那样会以空记录启动。' +
  ' (Nothing is damaged and nothing was changed: start the release that wrote it, or a newer one, again; or restore the whole backup taken before the upgrade into a new folder and point BOT_DATA_DIR at it. Do not use --accept-state-loss: it would start with these records empty. See docs/operations.md, "Newer than this release knows".)'

/**
 * Durable state is damaged or missing, or written by a newer release: the bot refuses to start rather than replace
 * it with an empty one. Each problem is one file and its reason; when any is a newer release's, the message says so
 * and leaves out the damage hint (`--accept-state-loss`).
 */
export class StateDamageError extends Error {
  constructor(readonly problems: string[]) {
    const newer = problems.filter(p => p.includes(NEWER_VERSION))
    const damaged = problems.filter(p => !p.includes(NEWER_VERSION))
    super(
      newer.length
        ? `状态由更新的版本写入，本版本读不了，机器人拒绝启动 (state written by a newer release, refusing to start): ${newer.join('; ')}. ${NEWER_RELEASE_HINT}` +
            (damaged.length ? ` 另有损坏的文件 (also damaged): ${damaged.join('; ')}` : '')
        : `状态文件损坏，机器人拒绝启动 (state damaged, refusing to start): ${problems.join('; ')}. ${RESTORE_HINT}`,
    )
    this.name = 'StateDamageError'
  }
}

/** The store cannot write (read-only or full disk, permissions): records can no longer be kept. */
export class StoreWriteError extends Error {
  constructor(
    readonly file: string,
    readonly cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException)?.code
    const message = String((cause as Error)?.message ?? cause)
    super(
      `无法写入状态文件 (cannot write state) ${file}: ${code && !message.startsWith(code) ? `${code} ` : ''}${message}`,
    )
    this.name = 'StoreWriteError'
  }
}
