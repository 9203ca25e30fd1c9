import { type ColumnType, type Generated, type GeneratedAlways, type Kysely, sql } from 'kysely'

/** Tables of the PostgreSQL store, as Kysely sees them. */
export interface Database {
  bot_schema_migrations: { version: number; name: string; applied_at: Generated<Date> }
  /** `data` is read as parsed JSON and written as JSON text. */
  bot_documents: { account: string; name: string; version: number; data: Json; updated_at: Generated<Date> }
  bot_logs: { account: string; log: string; day: string; seq: GeneratedAlways<string>; record: Json }
  /**
   * The records of a journal only its own account reads (`JournalSpec.local`: the outbox), one row each, appended
   * after its snapshot (the journal's `bot_documents` row) and folded into it at a periodic flush.
   */
  bot_journal_records: { account: string; name: string; seq: GeneratedAlways<string>; record: Json }
  /** Fleet accounts: who is alive (`seen_at`), its WeChat contact id and outbox depth. */
  fleet_accounts: {
    account: string
    contact_id: string
    seen_at: Date
    started_at: Date
    queue_depth: number
    groups: Json
    /** The topics of the groups it is in (`{ id: topic }`), written when they change: other accounts name them. */
    topics: Json
    /** Its WeChat name (`''` until written): texts that send an admin to another account name it so. */
    name: string
    /** Its last renewal (kept when it stops, unlike `seen_at`): an account not renewed for `RETIRED_MS` is retired. */
    renewed_at: Generated<Date>
  }
  /** Who acts in a group: one holder until `expires_at`, renewed while its process lives. */
  fleet_leases: { group_id: string; account: string; expires_at: Date; acquired_at: Date }
  /** Cron slots and timers run once fleet-wide: the first insert of `key` wins. */
  fleet_runs: { key: string; account: string; at: Generated<Date> }
  /** Messages sent: the first insert of `key` may send, any later one is a duplicate. */
  fleet_sent: { key: string; account: string; at: Generated<Date> }
  /**
   * The message archive, one row set for the whole fleet: a message two accounts received is kept once
   * (unique by chat and message id; another account's copy is known by its `fingerprint`: sender, time,
   * type and text).
   * `keys` are the record's search keys (plugins/archive/search/grams.ts), under a GIN index.
   */
  archive_records: {
    pos: GeneratedAlways<string>
    chat: string
    day: string
    at: ColumnType<string, number, number>
    id: string
    fingerprint: string
    account: string
    type: string
    /** The record as JSON text (not jsonb: chat text may hold NUL and lone surrogates, kept as written). */
    record: string
    keys: ColumnType<string[], string[], string[]>
    /**
     * The row's link in its chat's and day's hash chain (plugins/archive/store/chain.ts): `lineHash` of `record`,
     * which carries `prev` (schema version 10); null on rows written before the chain. What the next writer of the
     * chain links to, read without the record: `archive verify` recomputes it from `record`, never trusts it.
     */
    hash: ColumnType<string | null, string | undefined, string | null>
  }
  /** What is known of each archived chat (kind, title), written by whichever account saw it last. */
  archive_chats: { chat: string; info: Json; updated_at: Generated<Date> }
  /** The archive's access log (searches, exports, purges, holds), fleet-wide, never purged. */
  archive_access: { seq: GeneratedAlways<string>; day: string; account: string; entry: Json }
  /** Kept attachment bytes, by the path the archive records name. */
  archive_media: { path: string; chat: string; day: string; bytes: Uint8Array }
}

/** A jsonb column: parsed on select, JSON text on insert. */
type Json = ColumnType<unknown, string, string>

/** One step of the database schema, applied once, in order, in a transaction. */
interface SchemaMigration {
  version: number
  name: string
  up(db: Kysely<Database>): Promise<void>
}

/**
 * The schema, step by step. Append new steps; never edit an applied one. Every row carries `account`
 * (the bot's namespace), so several accounts share one database without overwriting each other.
 */
export const MIGRATIONS: SchemaMigration[] = [
  {
    version: 1,
    name: 'documents and daily logs',
    up: async db => {
      await sql`create table bot_documents (
        account text not null,
        name text not null,
        version integer not null,
        data jsonb not null,
        updated_at timestamptz not null default now(),
        primary key (account, name)
      )`.execute(db)
      await sql`create table bot_logs (
        account text not null,
        log text not null,
        day text not null,
        seq bigint generated always as identity,
        record jsonb not null,
        primary key (account, log, day, seq)
      )`.execute(db)
    },
  },
  {
    version: 2,
    name: 'fleet: accounts, group leases and homes, runs once, sent log',
    up: async db => {
      await sql`create table fleet_accounts (
        account text primary key,
        contact_id text not null,
        seen_at timestamptz not null,
        started_at timestamptz not null,
        queue_depth integer not null default 0,
        groups jsonb not null default '[]'
      )`.execute(db)
      await sql`create table fleet_leases (
        group_id text primary key,
        account text not null,
        expires_at timestamptz not null,
        acquired_at timestamptz not null
      )`.execute(db)
      await sql`create table fleet_runs (
        key text primary key,
        account text not null,
        at timestamptz not null default now()
      )`.execute(db)
      await sql`create table fleet_sent (
        key text primary key,
        account text not null,
        at timestamptz not null default now()
      )`.execute(db)
      await sql`create table fleet_homes (
        group_id text primary key,
        account text not null
      )`.execute(db)
      await sql`create index bot_documents_name on bot_documents (name, updated_at)`.execute(db)
    },
  },
  {
    version: 3,
    name: 'fleet-wide logs (audit, statistics) by log and day; the message archive',
    up: async db => {
      // Every account's rows of one log (the fleet-wide audit, activity days), read by day range.
      await sql`create index bot_logs_log_day on bot_logs (log, day)`.execute(db)
      await sql`create table archive_records (
        pos bigint generated always as identity primary key,
        chat text not null,
        day text not null,
        at bigint not null,
        id text not null,
        fingerprint text not null,
        account text not null,
        type text not null,
        record text not null,
        keys bigint[] not null
      )`.execute(db)
      await sql`create unique index archive_records_id on archive_records (chat, id)`.execute(db)
      await sql`create index archive_records_fingerprint on archive_records (chat, fingerprint)`.execute(db)
      await sql`create index archive_records_chat_day on archive_records (chat, day, pos)`.execute(db)
      await sql`create index archive_records_keys on archive_records using gin (keys)`.execute(db)
      await sql`create table archive_chats (
        chat text primary key,
        info jsonb not null,
        updated_at timestamptz not null default now()
      )`.execute(db)
      await sql`create table archive_access (
        seq bigint generated always as identity primary key,
        day text not null,
        account text not null,
        entry jsonb not null
      )`.execute(db)
      await sql`create index archive_access_day on archive_access (day)`.execute(db)
      await sql`create table archive_media (
        path text primary key,
        chat text not null,
        day text not null,
        bytes bytea not null
      )`.execute(db)
      await sql`create index archive_media_chat_day on archive_media (chat, day)`.execute(db)
    },
  },
  {
    version: 4,
    name: 'fleet: no group homes (a group stays with its holder, its open work moves along at a takeover)',
    up: async db => {
      await sql`drop table if exists fleet_homes`.execute(db)
    },
  },
  {
    version: 5,
    name: 'fleet: a document write notifies the other accounts (LISTEN on fleetChannel, read at their next sync)',
    up: async db => {
      // The channel is named after the table's schema (fleets in two schemas of one database stay apart); the
      // notification goes out when the writing transaction commits, one per account and document.
      await sql`create or replace function bot_documents_notify() returns trigger language plpgsql as $$
        begin
          perform pg_notify('bot_fleet_' || md5(tg_table_schema), json_build_array('doc', new.account, new.name)::text);
          return null;
        end $$`.execute(db)
      await sql`create trigger bot_documents_notify after insert or update on bot_documents
        for each row execute function bot_documents_notify()`.execute(db)
    },
  },
  {
    version: 6,
    name: 'journals only their own account reads (the outbox): one row per record after the snapshot document',
    up: async db => {
      // A journal's rows here follow its `bot_documents` row (the snapshot; the outbox's row as the previous
      // release wrote it is a snapshot with no records after it). No other account reads them: no notification.
      await sql`create table bot_journal_records (
        account text not null,
        name text not null,
        seq bigint generated always as identity,
        record jsonb not null,
        primary key (account, name, seq)
      )`.execute(db)
    },
  },
  {
    version: 7,
    name: 'fleet: runs and sends by time (a takeover reads the recent sends; rows past FLEET_KEYS_KEEP_MS are pruned)',
    up: async db => {
      await sql`create index fleet_sent_at on fleet_sent (at)`.execute(db)
      await sql`create index fleet_runs_at on fleet_runs (at)`.execute(db)
    },
  },
  {
    version: 8,
    name: 'fleet: each account writes the topics of its groups (the others name groups they are not in)',
    up: async db => {
      await sql`alter table fleet_accounts add column topics jsonb not null default '{}'::jsonb`.execute(db)
    },
  },
  {
    version: 9,
    name: 'fleet: each account writes its WeChat name (texts name another account as the admins know it)',
    up: async db => {
      await sql`alter table fleet_accounts add column name text not null default ''`.execute(db)
    },
  },
  {
    version: 10,
    name: 'archive: a hash chain per chat and day (each record links to the one before it; rows before stay unlinked)',
    up: async db => {
      // Rows written before keep a null hash and their records version 1: `archive verify` reports them as
      // written before the chain; a chain's first chained row links to the last of them.
      await sql`alter table archive_records add column hash text`.execute(db)
    },
  },
  {
    version: 11,
    name: 'fleet: each account keeps its last renewal (a clean stop clears seen_at); one not renewed for 7 days is retired',
    up: async db => {
      // Rows there before count from the upgrade: a long-gone account leaves the roster 7 days after it.
      await sql`alter table fleet_accounts add column renewed_at timestamptz not null default now()`.execute(db)
    },
  },
]

/** The newest schema version this release knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

/** The database was migrated by a newer release: this one must not write to it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `数据库结构版本过新，机器人拒绝启动 (database schema version ${found} is newer than this release knows, ${known}): ` +
        'upgrade the bot to the release that migrated the database, or restore a backup taken before.',
    )
    this.name = 'SchemaTooNewError'
  }
}

/**
 * Bring the database schema up to `SCHEMA_VERSION`: idempotent, and safe when several bots start at
 * once (a transaction-scoped advisory lock serialises them). Returns the versions applied now.
 * Throws `SchemaTooNewError` when the database is ahead of the code.
 */
/** The database's schema is older than this release: a tool that must not migrate a live fleet's database refuses. */
export class SchemaTooOldError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `数据库结构是旧版本（${found}），本版本需要 ${known}：请先升级机器人（新版本的机器人启动时升级数据库），再运行此命令；` +
        `此命令不升级正在运行的机器人的数据库 (database schema version ${found} is older than this release's ${known}: ` +
        'upgrade the fleet first; this command never migrates a live database)',
    )
    this.name = 'SchemaTooOldError'
  }
}

/**
 * Check the database's schema without changing it (no migration, no table created): the version this release
 * knows, or SchemaTooOldError / SchemaTooNewError.
 */
export async function expectCurrentSchema(db: Kysely<Database>, migrations = MIGRATIONS): Promise<void> {
  const known = migrations[migrations.length - 1]?.version ?? 0
  const exists = await sql<{ t: string | null }>`select to_regclass('bot_schema_migrations')::text as t`.execute(db)
  const current = exists.rows[0]?.t
    ? Number(
        (
          await db
            .selectFrom('bot_schema_migrations')
            .select(eb => eb.fn.max('version').as('v'))
            .executeTakeFirst()
        )?.v ?? 0,
      )
    : 0
  if (current > known) throw new SchemaTooNewError(current, known)
  if (current < known) throw new SchemaTooOldError(current, known)
}

export async function migrate(db: Kysely<Database>, migrations = MIGRATIONS): Promise<number[]> {
  return db.transaction().execute(async tx => {
    await sql`select pg_advisory_xact_lock(hashtext('bot_schema_migrations'))`.execute(tx)
    await sql`create table if not exists bot_schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`.execute(tx)
    const row = await tx
      .selectFrom('bot_schema_migrations')
      .select(eb => eb.fn.max('version').as('v'))
      .executeTakeFirst()
    const current = Number(row?.v ?? 0)
    const known = migrations[migrations.length - 1]?.version ?? 0
    if (current > known) throw new SchemaTooNewError(current, known)
    const applied: number[] = []
    for (const m of migrations.filter(m => m.version > current)) {
      await m.up(tx)
      await tx.insertInto('bot_schema_migrations').values({ version: m.version, name: m.name }).execute()
      applied.push(m.version)
    }
    return applied
  })
}
