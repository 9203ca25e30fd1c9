import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AccountLockedError, PgStore } from '../../../bot/ports/postgres/pg-store.js'
import {
  type Database,
  MIGRATIONS,
  migrate,
  SCHEMA_VERSION,
  SchemaTooNewError,
} from '../../../bot/ports/postgres/schema.js'
import { openStore } from '../../../bot/ports/postgres/open-store.js'
import { docSpec, StoreWriteError } from '../../../bot/ports/store/store.js'
import { freshSchema, usePgFixture } from '../../helpers/pg-test.js'

const CASES = docSpec({
  version: 1,
  schema: z.object({ confirmed: z.array(z.string()) }),
  defaults: () => ({ confirmed: [] as string[] }),
  durable: true,
})

const { url, schemas, closers } = await usePgFixture()

function schemaDb(schema: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  closers.push(() => db.destroy())
  return db
}

async function open(schema: string, account: string): Promise<PgStore> {
  const store = await PgStore.open({ url: url as string, schema, account, lock: false })
  closers.push(() => store.db.destroy())
  return store
}

describe.skipIf(!url)('PgStore on PostgreSQL', () => {
  it('with --accept-state-loss, tells the log (onWarning) of a damaged document it opens empty, not only #状态', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const first = await open(schema, 'acct-a')
    await first.db
      .insertInto('bot_documents')
      .values({ account: 'acct-a', name: 'cases', version: 1, data: JSON.stringify({ confirmed: 'not a list' }) })
      .execute()
    const store = await PgStore.open({
      url: url as string,
      schema,
      account: 'acct-a',
      lock: false,
      acceptStateLoss: true,
    })
    closers.push(() => store.db.destroy())
    const logged: string[] = []
    store.onWarning = warning => logged.push(warning)
    expect(store.doc('cases', CASES).data).toEqual({ confirmed: [] })
    expect(logged).toEqual([expect.stringMatching(/^⚠️ postgres acct-a\/cases: .*以空状态继续/)])
    expect(store.warnings).toEqual(logged)
  })

  it('runs the schema migrations once: a second start applies nothing and records each version once', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    await open(schema, 'a')
    await open(schema, 'b')
    const db = schemaDb(schema)
    expect(await migrate(db)).toEqual([])
    const rows = await db.selectFrom('bot_schema_migrations').select('version').orderBy('version').execute()
    expect(rows.map(r => r.version)).toEqual(MIGRATIONS.map(m => m.version))
    expect(rows.at(-1)?.version).toBe(SCHEMA_VERSION)
  })

  it('starts accounts together on a new schema: every one opens (none fails on creating the schema)', async () => {
    for (let round = 0; round < 5; round++) {
      const schema = freshSchema()
      schemas.push(schema)
      const opened = await Promise.allSettled(['a', 'b', 'c', 'd'].map(account => open(schema, account)))
      expect(opened.filter(r => r.status === 'rejected')).toEqual([])
    }
  })

  it('upgrades a fleet database at schema version 2 to the newest on start, keeping its rows; a version-2 release then refuses it', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const db = schemaDb(schema)
    await db.schema.createSchema(schema).execute()
    expect(await migrate(db, MIGRATIONS.slice(0, 2))).toEqual([1, 2]) // as the previous release left it
    await db
      .insertInto('bot_logs')
      .values({ account: 'sales1', log: 'audit', day: '2026-12-01', record: JSON.stringify({ id: 'A1' }) })
      .execute()
    const store = await open(schema, 'sales2')
    const applied = await db.selectFrom('bot_schema_migrations').select('version').orderBy('version').execute()
    expect(applied.map(r => r.version)).toEqual(MIGRATIONS.map(m => m.version))
    expect(await store.readFleetLog('audit', '2026-12-01', '2026-12-01')).toEqual([
      { account: 'sales1', record: { id: 'A1' } },
    ])
    expect(await db.selectFrom('archive_records').select('pos').execute()).toEqual([])
    await expect(migrate(db, MIGRATIONS.slice(0, 2))).rejects.toThrow(SchemaTooNewError)
  })

  it('refuses a database migrated by a newer release, with a clear message', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    await open(schema, 'a')
    await schemaDb(schema)
      .insertInto('bot_schema_migrations')
      .values({ version: SCHEMA_VERSION + 1, name: 'from the future' })
      .execute()
    const refused = PgStore.open({ url: url as string, schema, account: 'a', lock: false })
    await expect(refused).rejects.toThrow(SchemaTooNewError)
    await expect(refused).rejects.toThrow(/数据库结构版本过新.*newer than this release knows/)
  })

  it('keeps two accounts apart in one database', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const a = await open(schema, '销售一号')
    const b = await open(schema, '销售二号')
    for (const [store, id] of [
      [a, 'A-1'],
      [b, 'B-1'],
    ] as const) {
      store.doc('cases', CASES).data.confirmed.push(id)
      store.doc('cases', CASES).changed()
    }
    a.append('audit', '2026-12-01', { by: 'a' })
    b.append('audit', '2026-12-01', { by: 'b' })
    await Promise.all([a.flush(), b.flush()])
    const a2 = await open(schema, '销售一号')
    const b2 = await open(schema, '销售二号')
    expect(a2.doc('cases', CASES).data.confirmed).toEqual(['A-1'])
    expect(b2.doc('cases', CASES).data.confirmed).toEqual(['B-1'])
    expect(a2.readLog('audit', '2026-12-01', '2026-12-01')).toEqual([{ by: 'a' }])
    expect((await open(schema, 'third')).names('')).toEqual([])
  })

  it('writes more log lines in one flush than one statement takes (65,535 parameters: 16,383 lines), reopened whole', async () => {
    const schema = freshSchema()
    const store = await open(schema, 'sales1')
    const lines = Array.from({ length: 17_000 }, (_, i) => ({ n: i }))
    for (const line of lines) store.append('audit', '2026-12-01', line)
    await store.flush()
    expect((await open(schema, 'sales1')).readLog('audit', '2026-12-01', '2026-12-01')).toEqual(lines)
  }, 60_000)

  it('commits a flush of durable and volatile documents and log lines together, in one transaction', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const store = await open(schema, 'a')
    const counters = docSpec({
      version: 1,
      schema: z.object({ n: z.number() }),
      defaults: () => ({ n: 0 }),
      volatile: true,
    })
    store.doc('cases', CASES).data.confirmed.push('C-2')
    store.doc('cases', CASES).changed()
    store.doc('counters', counters).data.n = 5
    store.doc('counters', counters).changed()
    store.append('audit', '2026-12-01', { n: 1 })
    await store.flush()
    const docs = await schemaDb(schema)
      .selectFrom('bot_documents')
      .select(['name', 'data', 'updated_at'])
      .orderBy('name')
      .execute()
    expect(docs.map(d => [d.name, d.data])).toEqual([
      ['cases', { confirmed: ['C-2'] }],
      ['counters', { n: 5 }],
    ])
    // One commit: now() is the transaction's start, the same for both rows.
    expect(docs[0].updated_at).toEqual(docs[1].updated_at)
    expect((await open(schema, 'a')).readLog('audit', '2026-12-01', '2026-12-01')).toEqual([{ n: 1 }])
  })

  it('has a durable document committed when persist() resolves, without a flush', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const store = await open(schema, 'a')
    const cases = store.doc('cases', CASES)
    cases.data.confirmed.push('C-9')
    await cases.persist()
    const row = await schemaDb(schema).selectFrom('bot_documents').select(['version', 'data']).executeTakeFirst()
    expect(row).toEqual({ version: 1, data: { confirmed: ['C-9'] } })
  })

  it('reports a failed write (database gone) and keeps the data dirty for the next flush', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const store = await PgStore.open({ url: url as string, schema, account: 'a', lock: false })
    const failures: StoreWriteError[] = []
    store.onWriteFailure(e => failures.push(e))
    await store.db.destroy()
    store.doc('cases', CASES).data.confirmed.push('C-1')
    await expect(store.doc('cases', CASES).persist()).rejects.toThrow(StoreWriteError)
    expect(failures[0].message).toMatch(/无法写入状态文件.*postgres: cases/)
  })

  it('is selected by BOT_DATABASE_URL; without it the file store is used', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const pgStore = await openStore('/nonexistent', {
      BOT_DATABASE_URL: url,
      BOT_ACCOUNT: 'env-test',
      BOT_DATABASE_SCHEMA: schema,
    })
    closers.push(() => (pgStore as PgStore).close())
    expect(pgStore).toBeInstanceOf(PgStore)
    expect((pgStore as PgStore).account).toBe('env-test')
    await expect(openStore('/tmp', { BOT_DATABASE_URL: 'mysql://x@y/z' })).rejects.toThrow(/postgres:\/\//)
  })

  it('lets one process at a time hold an account: a second refuses to start until the first closes', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const first = await PgStore.open({ url: url as string, schema, account: '客服号' })
    first.doc('cases', CASES).data.confirmed.push('C-1')
    first.doc('cases', CASES).changed()
    const other = await PgStore.open({ url: url as string, schema, account: '销售号' })
    await expect(PgStore.open({ url: url as string, schema, account: '客服号' })).rejects.toThrow(AccountLockedError)
    await expect(PgStore.open({ url: url as string, schema, account: '客服号' })).rejects.toThrow(
      /已被另一个机器人进程占用/,
    )
    await first.close()
    const next = await PgStore.open({ url: url as string, schema, account: '客服号' })
    expect(next.doc('cases', CASES).data.confirmed).toEqual(['C-1'])
    await Promise.all([next.close(), other.close()])
  })

  it.skipIf(!url)(
    'the same account name in another schema (another fleet or test run) is its own account',
    async () => {
      const [a, b] = [freshSchema(), freshSchema()]
      schemas.push(a, b)
      const first = await PgStore.open({ url: url as string, schema: a, account: 'acct1' })
      const second = await PgStore.open({ url: url as string, schema: b, account: 'acct1' })
      await expect(PgStore.open({ url: url as string, schema: b, account: 'acct1' })).rejects.toThrow(
        AccountLockedError,
      )
      await Promise.all([first.close(), second.close()])
    },
  )
})
