import { type ColumnType, type Generated, type GeneratedAlways, type Kysely, sql } from 'kysely'

/** Tables of the PostgreSQL store, as Kysely sees them. */
export interface Database {
  bot_schema_migrations: { version: number; name: string; applied_at: Generated<Date> }
  /** `data` is read as parsed JSON and written as JSON text. */
  bot_documents: { account: string; name: string; version: number; data: Json; updated_at: Generated<Date> }
  bot_logs: { account: string; log: string; day: string; seq: GeneratedAlways<string>; record: Json }
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
