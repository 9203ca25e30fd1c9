import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { FleetRecords, Follower } from '../../fleet/gate.js'
import { matches, nameMatches } from '../../fleet/pg-fleet.js'
import { connectionConfig, readDocRows, readLogRows } from './pg-store.js'
import type { Database } from './schema.js'

/**
 * The whole fleet's stored records, read-only, for the CLI's exports beside running bots: every account's
 * documents and logs in `bot_documents`/`bot_logs`. It takes no account lock, migrates nothing and runs in
 * read-only transactions (`default_transaction_read_only`), so it can neither block nor change a bot.
 * As `FleetRecords` it hands a follower every account's copy of the documents it follows (at `load()`) and
 * reads every account's log records, the way a bot reads the other accounts'.
 */
export class FleetReader implements FleetRecords {
  private followers: { name: string; fn: Follower }[] = []

  private constructor(private db: Kysely<Database>) {}

  /** Connect to BOT_DATABASE_URL (`url`, in `schema` when given); nothing is read yet. */
  static open(url: string, schema?: string): FleetReader {
    const config = connectionConfig({ url, schema, account: 'cli' })
    const options = `${config.options} -c default_transaction_read_only=on`
    const pool = new pg.Pool({ ...config, options, max: 2, allowExitOnIdle: true })
    return new FleetReader(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }))
  }

  /** Hand `fn` every account's copy of the document `doc` (or of every `prefix-*` document) at `load()`. */
  follow(doc: string, fn: Follower): void {
    this.followers.push({ name: doc, fn })
  }

  /** Read the followed documents of every account and hand each to its followers. */
  async load(): Promise<void> {
    if (!this.followers.length) return
    const rows = await this.db
      .selectFrom('bot_documents')
      .select(['account', 'name', 'data'])
      .where(eb => eb.or(this.followers.map(f => nameMatches(eb, f.name))))
      .orderBy('account')
      .orderBy('name')
      .execute()
    for (const r of rows) for (const f of this.followers) if (matches(f.name, r.name)) f.fn(r.account, r.data, r.name)
  }

  /** Every account's records of `log` for days in [from, to], in the order they were written. */
  readLog = <R>(log: string, from: string, to: string): Promise<{ account: string; record: R }[]> =>
    readLogRows<R>(this.db, log, from, to)

  /** Every account's copy of the document `doc`, read now. */
  readDocs = (doc: string): Promise<{ account: string; data: unknown }[]> => readDocRows(this.db, doc)

  /** Close the connections. */
  close(): Promise<void> {
    return this.db.destroy()
  }
}
