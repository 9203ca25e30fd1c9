import { Kysely, PostgresDialect, type QueryCreator, sql, type Transaction } from 'kysely'
import pg from 'pg'
import { DocDamage, VERSION_KEY, decodeDoc } from '../store/doc-codec.js'
import type { ForeignRecords } from '../../fleet/gate.js'
import { DocJournal } from '../store/doc-journal.js'
import {
  type Doc,
  type DocSpec,
  HeldDoc,
  type Journal,
  type JournalSpec,
  StateDamageError,
  type Store,
  StoreWriteError,
} from '../store/store.js'
import { type Database, expectCurrentSchema, migrate } from './schema.js'
import { PG_STORE } from './brand.js'
import { applyRows, RowJournal } from './row-journal.js'

/** How to reach the database and whose rows these are. */
export interface PgStoreOptions {
  /** `postgres://user@host:port/database` (BOT_DATABASE_URL). */
  url: string
  /** The namespace of this bot's rows (BOT_ACCOUNT): bots with different accounts never see each other's. */
  account?: string
  /** A PostgreSQL schema to use instead of `public` (tests give each run its own). */
  schema?: string
  /** Open damaged durable documents empty instead of refusing (like the file store's --accept-state-loss). */
  acceptStateLoss?: boolean
  /**
   * Hold a PostgreSQL advisory lock on the account while the store is open (default true), so a
   * second process for the same account refuses to start instead of overwriting the first one's rows.
   */
  lock?: boolean
  /**
   * Migrate the schema to this release's (default true, as a bot starting does); false for tools run beside a live
   * fleet (the archive CLI): the schema must already be this release's (SchemaTooOldError otherwise).
   */
  migrate?: boolean
}

/** Another process holds this account's rows. */
export class AccountLockedError extends Error {
  constructor(readonly account: string) {
    super(
      `账号 ${account} 的数据已被另一个机器人进程占用，拒绝启动 (another bot process holds account ${JSON.stringify(account)} ` +
        'in this database): stop it first, or give this process its own BOT_ACCOUNT.',
    )
    this.name = 'AccountLockedError'
  }
}

/**
 * The database cannot be reached (restarted, network gone, connection killed): like a lost puppet
 * connection, the bot flushes what it can and exits 75 so its supervisor starts it again.
 */
export class DatabaseUnavailableError extends StoreWriteError {
  constructor(file: string, cause: unknown) {
    super(file, cause)
    this.name = 'DatabaseUnavailableError'
  }
}

/** Whether a pg error means the connection is gone (not a refused write such as a constraint or a full disk). */
export function isConnectionLoss(e: unknown): boolean {
  const code = String((e as { code?: string })?.code ?? '')
  const message = String((e as Error)?.message ?? '')
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH)$/.test(code) ||
    /^(08|57P|25P03)/.test(code) || // connection exception, operator intervention, idle-in-transaction timeout
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  )
}

interface StoredDoc {
  version: number
  data: unknown
}

/** A document's row as written (`PgDoc.take`). */
interface DocRow {
  name: string
  version: number
  data: string
  volatile?: boolean
}

interface LogLine {
  log: string
  day: string
  record: string
}

/**
 * The `Store` on PostgreSQL (tables `bot_documents`, `bot_logs` and `bot_journal_records`, every row keyed by `account`).
 * The port is synchronous, so `PgStore.open()` runs the schema migrations and then preloads the
 * account's documents and logs; reads are served from memory and writes go to the database:
 * `changed()` marks a document dirty and `flush()` (interval and shutdown) writes every dirty
 * document and buffered log record in one transaction, one flush at a time. `persist()` resolves
 * once its document is committed (synchronous commit); volatile documents go in the same commit when a flush has
 * anything durable to write, else with `synchronous_commit = off` (a database crash may lose the last of them, like an
 * unfsynced file).
 */
export class PgStore implements Store {
  /** Marks the PostgreSQL store (brand.ts). */
  readonly [PG_STORE] = true
  readonly warnings: string[] = []
  readonly refused: string[] = []
  readonly account: string
  private docs = new Map<string, PgDoc<unknown>>()
  private journals = new Map<string, Journal<unknown, unknown>>()
  /** The rows of journals only this account reads (`bot_journal_records`), read at open, until each journal is opened. */
  private journalRows = new Map<string, unknown[]>()
  private pending: LogLine[] = []
  private logs = new Map<string, Map<string, unknown[]>>()
  private writing: Promise<void> = Promise.resolve()
  private failureListeners: ((e: StoreWriteError) => void)[] = []
  /** Why the server last ended one of the pool's connections while it was in use (for the warning of the write retried). */
  private lostWith?: string
  /** Told of each warning as it happens (the process's log); `warnings` lists each once. */
  onWarning?: (warning: string) => void

  private constructor(
    readonly db: Kysely<Database>,
    account: string,
    private stored: Map<string, StoredDoc>,
    private acceptLoss: boolean,
    private lockClient: pg.Client | undefined,
    /** The schema named at open (`undefined`: `public`); part of the account lock's key. */
    readonly schema: string | undefined,
    private connection: pg.ClientConfig,
  ) {
    this.account = account
  }

  /** Connect, migrate the schema (refusing one newer than this release) and preload the account's rows. */
  static async open(opts: PgStoreOptions): Promise<PgStore> {
    const connection = connectionConfig(opts)
    const pool = new pg.Pool({ ...connection, max: 4, allowExitOnIdle: true })
    // The server ended a connection while it was in use (a transaction left idle too long while this process was
    // starved of CPU, a terminated backend): pg emits that outside any query, and unheard it would crash the
    // process. The query that uses the connection next fails, and a write is tried again on a new one.
    let lost: ((e: Error) => void) | undefined
    pool.on('connect', client => client.on('error', e => lost?.(e)))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const account = opts.account ?? 'default'
    let lockClient: pg.Client | undefined
    try {
      if (opts.lock ?? true) {
        lockClient = new pg.Client(connection)
        await lockClient.connect()
        if (!(await takeAccountLock(lockClient, accountLockKey(opts.schema, account))))
          throw new AccountLockedError(account)
      }
      // Accounts starting together on a new schema: PostgreSQL's CREATE SCHEMA IF NOT EXISTS can still fail with a
      // unique violation when two run at once, so one at a time (as the migrations).
      const schema = opts.schema
      if (schema)
        await db.transaction().execute(async tx => {
          await sql`select pg_advisory_xact_lock(hashtext('bot_create_schema'))`.execute(tx)
          await sql`create schema if not exists ${sql.id(schema)}`.execute(tx)
        })
      if (opts.migrate ?? true) await migrate(db)
      else await expectCurrentSchema(db)
      const rows = await db
        .selectFrom('bot_documents')
        .select(['name', 'version', 'data'])
        .where('account', '=', account)
        .execute()
      const stored = new Map(rows.map(r => [r.name, { version: r.version, data: r.data }]))
      const acceptLoss = opts.acceptStateLoss ?? process.env.BOT_ACCEPT_STATE_LOSS === '1'
      const store = new PgStore(db, account, stored, acceptLoss, lockClient, opts.schema, connection)
      lost = e => {
        store.lostWith = e.message
      }
      // An idle pooled connection dropped (a database restart): the pool opens a new one for the next
      // write, and a write that fails is reported then. Losing the lock connection loses the account.
      pool.on('error', e => store.warn(`⚠️ postgres: idle connection lost (${e.message})`))
      lockClient?.on('error', e => store.failed(new DatabaseUnavailableError('postgres (account lock)', e)))
      const records = await db
        .selectFrom('bot_logs')
        .select(['log', 'day', 'record'])
        .where('account', '=', account)
        .orderBy('seq')
        .execute()
      for (const r of records) store.remember(r.log, r.day, r.record)
      const journalRows = await db
        .selectFrom('bot_journal_records')
        .select(['name', 'record'])
        .where('account', '=', account)
        .orderBy('seq')
        .execute()
      for (const r of journalRows) store.journalRows.set(r.name, [...(store.journalRows.get(r.name) ?? []), r.record])
      return store
    } catch (e) {
      await db.destroy()
      await lockClient?.end().catch(() => {})
      throw e
    }
  }

  doc<T extends object>(name: string, spec: DocSpec<T>): Doc<T> {
    const existing = this.docs.get(name)
    if (existing) return existing as PgDoc<T>
    const d = new PgDoc<T>(this, name, spec, this.load(name, spec))
    this.docs.set(name, d as PgDoc<unknown>)
    return d
  }

  /**
   * A journal only this account reads (`local`: the outbox) is its snapshot row plus one row per record
   * (`RowJournal`), each append written in order with every other write. Any other is one document row, written at
   * each append or (`atFlush`) at the flush, as a durable document; the fleet reads it like any document.
   */
  journal<S extends object, R>(name: string, spec: JournalSpec<S, R>): Journal<S, R> {
    let j = this.journals.get(name)
    if (!j) {
      j =
        spec.local && !spec.atFlush
          ? this.rowJournal(name, spec)
          : new DocJournal(this.doc(name, spec), spec, !spec.atFlush)
      this.journals.set(name, j as Journal<unknown, unknown>)
    }
    return j as Journal<S, R>
  }

  /** Open a `RowJournal`: the snapshot document with the rows read at open folded in. */
  private rowJournal<S extends object, R>(name: string, spec: JournalSpec<S, R>): RowJournal<S, R> {
    const doc = this.doc(name, spec)
    // Its row is written by the journal alone (a compaction deletes the records with it), never by a flush.
    this.docs.delete(name)
    const rows = this.journalRows.get(name) ?? []
    this.journalRows.delete(name)
    const version = this.stored.get(name)?.version
    let outdated = version === undefined || version < spec.version
    try {
      applyRows(doc.data, rows, version ?? spec.version, spec)
    } catch (e) {
      if (!(e instanceof DocDamage)) throw e
      const problem = `postgres ${this.account}/${name}: ${e.reason}`
      if (!this.acceptLoss) {
        this.refused.push(problem)
        throw new StateDamageError([problem])
      }
      this.warn(`⚠️ ${problem}；以之前的记录继续 (continuing with the records before it)`)
      outdated = true
    }
    return new RowJournal(doc as PgDoc<S>, spec, rows.length, outdated, { records: j => this.writeRows(j) }, jsonbText)
  }

  /**
   * A new connection of its own, outside the pool (the fleet's LISTEN for other accounts' changes): same
   * database, schema and keepalive settings; the caller closes it.
   */
  async listenConnection(): Promise<pg.Client> {
    const client = new pg.Client(this.connectionFor('listen'))
    try {
      await client.connect()
      return client
    } catch (e) {
      await client.end().catch(() => {})
      throw e
    }
  }

  /** The settings of a connection of this store's for `purpose` (its application name ends in `:purpose`). */
  connectionFor(purpose: string): pg.ClientConfig {
    return { ...this.connection, application_name: `${this.connection.application_name}:${purpose}` }
  }

  onWriteFailure(listener: (e: StoreWriteError) => void): void {
    this.failureListeners.push(listener)
  }

  names(prefix: string): string[] {
    return [...new Set([...this.stored.keys(), ...this.docs.keys(), ...this.journals.keys()])]
      .filter(n => n.startsWith(prefix))
      .sort()
  }

  /** The version column of the document's row (read at open). */
  storedVersion(name: string): number | undefined {
    return this.stored.get(name)?.version
  }

  /** Delete the account's rows `names`, in the write line (after the writes asked for before). */
  async remove(names: string[]): Promise<void> {
    if (!names.length) return
    for (const n of names) {
      this.docs.delete(n)
      this.stored.delete(n)
      this.journals.delete(n)
    }
    const run = this.writing.then(async () => {
      await this.db.deleteFrom('bot_documents').where('account', '=', this.account).where('name', 'in', names).execute()
      await this.db
        .deleteFrom('bot_journal_records')
        .where('account', '=', this.account)
        .where('name', 'in', names)
        .execute()
    })
    this.writing = run.catch(() => {})
    await run
  }

  append(log: string, day: string, record: object): void {
    const text = jsonbText(record)
    this.pending.push({ log, day, record: text })
    this.remember(log, day, JSON.parse(text))
  }

  readLog<R>(log: string, fromDay: string, toDay: string): R[] {
    const byDay = this.logs.get(log)
    if (!byDay) return []
    return this.logDays(log)
      .filter(d => d >= fromDay && d <= toDay)
      .flatMap(d => byDay.get(d) as R[])
  }

  /** The other accounts' records of `log` in [fromDay, toDay], by account, in the order they were written. */
  async readFleetLog<R>(log: string, fromDay: string, toDay: string): Promise<{ account: string; record: R }[]> {
    return readLogRows<R>(this.db, log, fromDay, toDay, this.account)
  }

  /** The other accounts' copies of the document `name` as last written, by account. */
  async readFleetDocs(name: string): Promise<{ account: string; data: unknown }[]> {
    return readDocRows(this.db, name, this.account)
  }

  logDays(log: string): string[] {
    return [...(this.logs.get(log)?.keys() ?? [])].sort()
  }

  /** The daily logs this account holds rows of (read at open, and appended since), sorted. */
  logNames(): string[] {
    return [...this.logs.keys()].sort()
  }

  /**
   * Forget the day `day` of `log` at once (lines not written yet included, and those of a write in flight if it fails), then delete its rows in the write line,
   * LOG_ROWS_A_DELETE at a time, each batch its own statement queued after the writes asked for meanwhile: a long
   * day never holds up a flush (or a send waiting for it). Resolves with the bytes the rows took
   * (`pg_column_size`); a process ended before the last batch leaves the rest to the next run (read again at open).
   */
  async dropLogDay(log: string, day: string): Promise<number> {
    this.logs.get(log)?.delete(day)
    this.pending = this.pending.filter(l => l.log !== log || l.day !== day)
    let bytes = 0
    for (;;) {
      const batch = await this.queued(async () => {
        const r = await sql<{ rows: string; bytes: string | null }>`
          with gone as (
            delete from bot_logs where account = ${this.account} and log = ${log} and day = ${day} and seq in (
              select seq from bot_logs where account = ${this.account} and log = ${log} and day = ${day}
              order by seq limit ${LOG_ROWS_A_DELETE})
            returning pg_column_size(record) as size)
          select count(*) as rows, sum(size) as bytes from gone`.execute(this.db)
        return { rows: Number(r.rows[0]?.rows ?? 0), bytes: Number(r.rows[0]?.bytes ?? 0) }
      })
      bytes += batch.bytes
      if (batch.rows < LOG_ROWS_A_DELETE) return bytes
    }
  }

  /** The bytes of this account's rows of each daily log (`pg_column_size` of the records). */
  async logBytes(): Promise<Map<string, number>> {
    const r = await sql<{ log: string; bytes: string }>`
      select log, sum(pg_column_size(record)) as bytes from bot_logs where account = ${this.account} group by log`.execute(
      this.db,
    )
    return new Map(r.rows.map(x => [x.log, Number(x.bytes)]))
  }

  flush(durableOnly = false, volatileToo = false): Promise<void> {
    const skipVolatile = durableOnly && !volatileToo
    const written = this.write([...this.docs.values()].filter(d => !(skipVolatile && d.spec.volatile)))
    if (durableOnly) return written
    const due = [...this.journals.values()].filter(j => j instanceof RowJournal && j.compactDue())
    return Promise.all([
      written,
      ...due.map(j => this.queued(() => this.compact(j as RowJournal<unknown, unknown>))),
    ]).then(() => {})
  }

  /** Flush everything, then close the connections (releasing the account). */
  async close(): Promise<void> {
    try {
      await this.flush()
    } finally {
      await this.db.destroy()
      await this.release()
    }
  }

  /**
   * Release the account lock, then tell the other accounts of a fleet (the notice of leases given back): a takeover
   * of this account's groups refused while this process held the lock is tried again at once, before a restarted
   * process of the account can take the lock back (its queued messages would stay with it, in groups it no longer
   * holds). A lost connection released the lock already.
   */
  private async release(): Promise<void> {
    const c = this.lockClient
    if (!c) return
    try {
      await c.query('select pg_advisory_unlock(hashtext($1))', [accountLockKey(this.schema, this.account)])
      await c.query(`select pg_notify('bot_fleet_' || md5(current_schema()), $1)`, [
        JSON.stringify(['lease', this.account]),
      ])
    } catch {
      // gone with its connection
    } finally {
      await c.end()
    }
  }

  /**
   * Move records of the account `from` (down) into this one: see `FleetGate.adopt`. Runs in the write line (after
   * the writes before it), in one transaction holding `from`'s account lock; false when its process holds it.
   */
  adopt(from: string, names: string[], move: (theirs: ForeignRecords) => void | Promise<void>): Promise<boolean> {
    const run = this.writing.then(() => this.adoptNow(from, names, move))
    this.writing = run.then(
      () => {},
      () => {},
    )
    return run
  }

  private async adoptNow(
    from: string,
    names: string[],
    move: (theirs: ForeignRecords) => void | Promise<void>,
  ): Promise<boolean> {
    let mine: PgDoc<unknown>[] = []
    const appended: { j: RowJournal<unknown, unknown>; lines: string[] }[] = []
    try {
      const done = await this.db.transaction().execute(async tx => {
        const got = await sql<{
          ok: boolean
        }>`select pg_try_advisory_xact_lock(hashtext(${accountLockKey(this.schema, from)})) as ok`.execute(tx)
        if (!got.rows[0]?.ok) return false
        const rows = await tx
          .selectFrom('bot_documents')
          .select(['name', 'version', 'data'])
          .where('account', '=', from)
          .where(eb =>
            eb.or(names.map(n => (n.endsWith('*') ? eb('name', 'like', `${n.slice(0, -1)}%`) : eb('name', '=', n)))),
          )
          .execute()
        // The records after a journal's snapshot (an outbox on PostgreSQL: `RowJournal`), for `journal()`.
        const exact = names.filter(n => !n.endsWith('*'))
        const records = exact.length
          ? await tx
              .selectFrom('bot_journal_records')
              .select(['name', 'record'])
              .where('account', '=', from)
              .where('name', 'in', exact)
              .orderBy('seq')
              .execute()
          : []
        const theirs = new Map<string, { spec: DocSpec<object>; data: object; dirty: boolean; journal: boolean }>()
        const decoded = <T extends object>(name: string, spec: DocSpec<T>) => {
          const row = rows.find(r => r.name === name)
          // A damaged copy is not taken over (it throws, the transaction rolls back, the takeover is retried).
          return row ? decodeDoc<T>({ ...(row.data as object), [VERSION_KEY]: row.version }, spec) : spec.defaults()
        }
        const held = <T extends object>(name: string, spec: DocSpec<T>, read: () => T, journal: boolean) => {
          let h = theirs.get(name)
          if (!h) theirs.set(name, (h = { spec: spec as DocSpec<object>, data: read(), dirty: false, journal }))
          const got = h
          return { data: got.data as T, changed: () => void (got.dirty = true) }
        }
        await move({
          account: from,
          doc: (name, spec) => held(name, spec, () => decoded(name, spec), false),
          journal: (name, spec) => {
            const h = held(
              name,
              spec,
              () => {
                const state = decoded(name, spec)
                const version = rows.find(r => r.name === name)?.version ?? spec.version
                const after = records.filter(r => r.name === name).map(r => r.record)
                applyRows(state, after, version, spec)
                return state
              },
              true,
            )
            return { state: h.data, changed: h.changed }
          },
          claimed: async keys => {
            const found = new Set<string>()
            for (let i = 0; i < keys.length; i += ROWS_A_STATEMENT) {
              const slice = keys.slice(i, i + ROWS_A_STATEMENT)
              const rows = await tx.selectFrom('fleet_sent').select('key').where('key', 'in', slice).execute()
              for (const r of rows) found.add(r.key)
            }
            return found
          },
        })
        const changed = [...theirs].filter(([, h]) => h.dirty)
        if (changed.length)
          await this.upsert(
            tx,
            changed.map(([name, h]) => ({ name, version: h.spec.version, data: jsonbText(h.data) })),
            from,
          )
        // A journal written back is its new snapshot: the records it folded in go.
        const journals = changed.filter(([, h]) => h.journal).map(([name]) => name)
        if (journals.length)
          await tx.deleteFrom('bot_journal_records').where('account', '=', from).where('name', 'in', journals).execute()
        mine = [...this.docs.values()].filter(d => d.dirty)
        if (mine.length)
          await this.upsert(
            tx,
            mine.map(d => d.take()),
          )
        // This account's journal records appended meanwhile (its outbox, with what moved into it): in the same commit.
        for (const j of this.journals.values()) {
          if (!(j instanceof RowJournal)) continue
          const lines = j.take()
          if (!lines.length && !j.outdated) continue
          appended.push({ j, lines })
          if (j.outdated) {
            await this.upsert(tx, [(j.doc as PgDoc<unknown>).take()])
            await tx
              .deleteFrom('bot_journal_records')
              .where('account', '=', this.account)
              .where('name', '=', j.name)
              .execute()
          } else await insertRecords(tx, this.account, j.name, lines)
        }
        return true
      })
      for (const { j } of appended) if (j.outdated) j.compacted()
      return done
    } catch (e) {
      for (const d of mine) d.dirty = true
      for (const { j, lines } of appended) j.giveBack(lines)
      throw e
    }
  }

  /** Write the dirty ones of `docs` and every buffered log record; writes run one after another. */
  write(docs: PgDoc<unknown>[]): Promise<void> {
    return this.queued(() => this.writeNow(docs))
  }

  /** Run `write` in the write line, after the writes queued before it. */
  private queued<T = void>(write: () => Promise<T>): Promise<T> {
    const run = this.writing.then(write)
    this.writing = run.then(
      () => {},
      () => {},
    )
    return run
  }

  /** Queue a write of the records `journal` holds (a compaction instead while its snapshot is outdated). */
  private writeRows(journal: RowJournal<unknown, unknown>): Promise<void> {
    return this.queued(async () => {
      if (journal.outdated) return this.compact(journal)
      const lines = journal.take()
      if (!lines.length) return
      try {
        await this.retried(false, committing =>
          this.db.transaction().execute(async tx => {
            await insertRecords(tx, this.account, journal.name, lines)
            committing()
          }),
        )
      } catch (e) {
        journal.giveBack(lines)
        throw this.failed(
          new (isConnectionLoss(e) ? DatabaseUnavailableError : StoreWriteError)(`postgres: ${journal.name}`, e),
        )
      }
    })
  }

  /** Write `journal`'s state as its snapshot and delete its rows, in one transaction (in the write line). */
  private async compact(journal: RowJournal<unknown, unknown>): Promise<void> {
    const lines = journal.take() // the snapshot holds them
    const row = (journal.doc as PgDoc<unknown>).take()
    try {
      await this.retried(true, committing =>
        this.db.transaction().execute(async tx => {
          await this.upsert(tx, [row])
          await tx
            .deleteFrom('bot_journal_records')
            .where('account', '=', this.account)
            .where('name', '=', journal.name)
            .execute()
          committing()
        }),
      )
      journal.compacted()
    } catch (e) {
      journal.giveBack(lines)
      throw this.failed(
        new (isConnectionLoss(e) ? DatabaseUnavailableError : StoreWriteError)(`postgres: ${journal.name}`, e),
      )
    }
  }

  /**
   * Write the dirty ones of `docs` and the buffered log lines. With anything durable to write (a durable document or a
   * log line), the volatile documents go in the same commit: one transaction, documents and lines in one statement, one
   * synchronous commit (3 round trips, not 4 and 4 more for the volatile ones). Volatile documents alone are written
   * with `synchronous_commit = off`.
   */
  private async writeNow(docs: PgDoc<unknown>[]): Promise<void> {
    const dirty = docs.filter(d => d.dirty)
    const lines = this.pending
    this.pending = []
    const rows = dirty.map(d => d.take())
    const durable = lines.length > 0 || rows.some(r => !r.volatile)
    try {
      if (durable)
        await this.retried(!lines.length, committing =>
          this.db.transaction().execute(async tx => {
            await this.writeRowsAndLines(tx, rows, lines)
            committing()
          }),
        )
      else if (rows.length)
        await this.retried(true, () =>
          this.db.transaction().execute(async tx => {
            await sql`set local synchronous_commit = off`.execute(tx)
            await this.upsert(tx, rows)
          }),
        )
    } catch (e) {
      for (const d of dirty) d.dirty = true
      // Lines of a day dropped while they were in flight stay dropped (see dropLogDay).
      this.pending = [...lines.filter(l => this.logs.get(l.log)?.has(l.day)), ...this.pending]
      const what = [...dirty.map(d => d.name), ...new Set(lines.map(l => `${l.log}/${l.day}`))].join(', ')
      const Failure = isConnectionLoss(e) ? DatabaseUnavailableError : StoreWriteError
      throw this.failed(new Failure(`postgres: ${what}`, e))
    }
  }

  /**
   * Upsert `rows` and insert the log `lines` (4 parameters a line: chunked like the journals, PostgreSQL takes at most
   * 65,535 a statement): one statement when the lines fit in one (the upsert as a data-modifying `with`).
   */
  private async writeRowsAndLines(tx: Transaction<Database>, rows: DocRow[], lines: LogLine[]): Promise<void> {
    const values = (from: number) =>
      lines
        .slice(from, from + ROWS_A_STATEMENT)
        .map(l => ({ account: this.account, log: l.log, day: l.day, record: l.record }))
    if (!lines.length) return this.upsert(tx, rows)
    if (rows.length)
      await tx
        .with('docs', db => this.upsertQuery(db, rows))
        .insertInto('bot_logs')
        .values(values(0))
        .execute()
    else await tx.insertInto('bot_logs').values(values(0)).execute()
    for (let i = ROWS_A_STATEMENT; i < lines.length; i += ROWS_A_STATEMENT)
      await tx.insertInto('bot_logs').values(values(i)).execute()
  }

  /**
   * Run a write transaction (`run` calls `committing()` once its last statement is done). When its connection was
   * lost, it runs once more on a new connection before the database counts as unavailable, if that cannot write
   * anything twice: the loss came before the commit was asked for (the transaction rolled back, e.g. the server
   * ended a connection left idle in a transaction while this process was starved of CPU), or every row it writes
   * is an upsert (`idempotent`).
   */
  private async retried(idempotent: boolean, run: (committing: () => void) => Promise<void>): Promise<void> {
    let committing = false
    this.lostWith = undefined
    try {
      await run(() => {
        committing = true
      })
    } catch (e) {
      if (!isConnectionLoss(e) || (committing && !idempotent)) throw e
      await run(() => {})
      this.warn(
        `⚠️ postgres: a connection was lost during a write (${this.lostWith ?? (e as Error).message}); written again on a new connection`,
      )
    }
  }

  /** Keep a warning (listed once in `warnings`, for `#状态`) and tell `onWarning`. */
  private warn(warning: string): void {
    if (!this.warnings.includes(warning)) this.warnings.push(warning)
    this.onWarning?.(warning)
  }

  private async upsert(tx: Kysely<Database>, rows: DocRow[], account = this.account): Promise<void> {
    await this.upsertQuery(tx, rows, account).execute()
  }

  /** The statement `upsert` runs (also a `with` of the flush's statement). */
  private upsertQuery(db: QueryCreator<Database>, rows: DocRow[], account = this.account) {
    return db
      .insertInto('bot_documents')
      .values(rows.map(r => ({ account, name: r.name, version: r.version, data: r.data })))
      .onConflict(oc =>
        oc.columns(['account', 'name']).doUpdateSet(eb => ({
          version: eb.ref('excluded.version'),
          data: eb.ref('excluded.data'),
          updated_at: sql<Date>`now()`,
        })),
      )
  }

  private remember(log: string, day: string, record: unknown): void {
    const byDay = this.logs.get(log) ?? new Map<string, unknown[]>()
    this.logs.set(log, byDay)
    const list = byDay.get(day) ?? []
    byDay.set(day, list)
    list.push(record)
  }

  private load<T extends object>(name: string, spec: DocSpec<T>): T {
    const row = this.stored.get(name)
    if (!row) return spec.defaults()
    try {
      return decodeDoc({ ...(row.data as object), [VERSION_KEY]: row.version }, spec)
    } catch (e) {
      if (!(e instanceof DocDamage)) throw e
      const problem = `postgres ${this.account}/${name}: ${e.reason}`
      if ((spec.durable || e.newer) && !this.acceptLoss) {
        this.refused.push(problem)
        throw new StateDamageError([problem])
      }
      this.warn(`⚠️ ${problem}；以空状态继续 (continuing empty; the row is replaced at the next write)`)
      return spec.defaults()
    }
  }

  private failed(e: StoreWriteError): StoreWriteError {
    for (const l of this.failureListeners) l(e)
    return e
  }
}

/**
 * How long a machine that vanished (power cut, network gone: no FIN, no RST) keeps its sessions, and with them its
 * account lock and any row locks of an open transaction: the server probes an idle connection after 10 s, every
 * 5 s, and drops it after 3 unanswered probes; unacknowledged data is given up after 30 s; a session idle inside a
 * transaction for 10 s (no healthy process pauses there) is ended. The client probes too, so a process whose
 * database vanished finds out. docs/operations.md, "Fleet: a vanished machine".
 */
export const SESSION_SETTINGS = {
  tcp_keepalives_idle: 10,
  tcp_keepalives_interval: 5,
  tcp_keepalives_count: 3,
  tcp_user_timeout: 30_000,
  idle_in_transaction_session_timeout: 10_000,
}
/**
 * Rows (or keys) a statement carries at most: PostgreSQL takes 65,535 parameters a statement, and a journal record
 * row has 3. A takeover's moved backlog or a long outage's outbox can hold more records than one statement takes.
 */
const ROWS_A_STATEMENT = 10_000
/** Log rows one statement of the retention deletes: a few milliseconds of the write line each. */
const LOG_ROWS_A_DELETE = 2_000

/** Append `lines` to the journal `name` of `account`, in statements of at most ROWS_A_STATEMENT rows, in order. */
async function insertRecords(
  tx: Transaction<Database>,
  account: string,
  name: string,
  lines: readonly string[],
): Promise<void> {
  for (let i = 0; i < lines.length; i += ROWS_A_STATEMENT)
    await tx
      .insertInto('bot_journal_records')
      .values(lines.slice(i, i + ROWS_A_STATEMENT).map(record => ({ account, name, record })))
      .execute()
}

const CLIENT_KEEPALIVE_MS = 10_000

/** Every account's copy of the document `name` (but `except`'s), by account. */
export async function readDocRows(
  db: Kysely<Database>,
  name: string,
  except?: string,
): Promise<{ account: string; data: unknown }[]> {
  let q = db.selectFrom('bot_documents').select(['account', 'data']).where('name', '=', name)
  if (except !== undefined) q = q.where('account', '<>', except)
  return q.orderBy('account').execute()
}

/**
 * Every account's records of `log` for days in [fromDay, toDay] (but those of `exceptAccount`), in the order
 * they were written: how a bot reads the other accounts' logs and the CLI the whole fleet's.
 */
export async function readLogRows<R>(
  db: Kysely<Database>,
  log: string,
  fromDay: string,
  toDay: string,
  exceptAccount?: string,
): Promise<{ account: string; record: R }[]> {
  let query = db
    .selectFrom('bot_logs')
    .select(['account', 'record'])
    .where('log', '=', log)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
  if (exceptAccount !== undefined) query = query.where('account', '<>', exceptAccount)
  const rows = await query.orderBy('seq').execute()
  return rows.map(r => ({ account: r.account, record: r.record as R }))
}

/** The connection settings of every connection of a store (pool, account lock, LISTEN) and of the fleet reader. */
export function connectionConfig(opts: PgStoreOptions): pg.ClientConfig {
  const settings = Object.entries({ ...(opts.schema ? { search_path: opts.schema } : {}), ...SESSION_SETTINGS })
  return {
    connectionString: opts.url,
    application_name: `group-guard:${opts.account ?? 'default'}`,
    options: settings.map(([k, v]) => `-c ${k}=${v}`).join(' '),
    keepAlive: true,
    keepAliveInitialDelayMillis: CLIENT_KEEPALIVE_MS,
  }
}

/** The advisory lock key of an account's rows in a schema (a process holds it while it runs; a takeover briefly). */
function accountLockKey(schema: string | undefined, account: string): string {
  return `bot_account:${schema ?? 'public'}:${account}`
}

/**
 * Take the account's session lock, waiting a moment if another account's takeover holds it (a takeover
 * holds it for one short transaction): false when a process of the account holds it.
 */
async function takeAccountLock(client: pg.Client, key: string): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const got = await client.query('select pg_try_advisory_lock(hashtext($1)) as ok', [key])
    if (got.rows[0]?.ok) return true
    if (attempt >= 10) return false
    await new Promise(r => setTimeout(r, 200))
  }
}

class PgDoc<T> extends HeldDoc<T> {
  constructor(
    private store: PgStore,
    name: string,
    spec: DocSpec<T>,
    value: T,
  ) {
    super(name, spec, value)
  }

  async persist(): Promise<void> {
    this.dirty = true
    await this.store.write([this])
  }

  /** The row to write now (clears the dirty mark; a failed write sets it again). */
  take(): DocRow & { volatile: boolean } {
    this.dirty = false
    return {
      name: this.name,
      version: this.spec.version,
      data: jsonbText(this.value),
      volatile: !!this.spec.volatile,
    }
  }
}

/**
 * The JSON text of `value` for a jsonb column. jsonb refuses NUL and lone surrogates (hostile chat text): they are
 * stored as U+FFFD. JSON.stringify writes both as `\u` escapes (`\u0000`, `\ud800`), so only a text holding such an
 * escape is written again with the replacer that swaps them; every other text is written once, without a replacer
 * called at every key and string (the check included, 0.74× the CPU on a 200 KB activity document, 0.45× on a
 * 75 KB outbox). A false alarm (a chat text holding a backslash then `u0000`) takes the slower path, same text.
 */
export function jsonbText(value: unknown): string {
  const text = JSON.stringify(value)
  return UNSAFE_ESCAPE.test(text) ? JSON.stringify(value, jsonbSafe) : text
}
const UNSAFE_ESCAPE = /\\u0000|\\ud[89a-f]/

function jsonbSafe(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(UNSAFE, '\uFFFD') : value
}
const UNSAFE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
