import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { type Database, MIGRATIONS, migrate } from '../../../bot/ports/postgres/schema.js'
import { journalSpec, StateDamageError } from '../../../bot/ports/store/store.js'
import { OUTBOX_JOURNAL } from '../../../bot/runtime/delivery/outbox.js'
import { usePgFixture } from '../../helpers/pg-test.js'

const { url, closers, fresh } = await usePgFixture()

/** A journal only its account reads, folded into its snapshot after 3 records. */
const NOTES = journalSpec<{ notes: string[] }, { note: string }>({
  version: 1,
  schema: z.object({ notes: z.array(z.string()) }),
  defaults: () => ({ notes: [] }),
  record: z.object({ note: z.string() }),
  apply: (s, r) => {
    s.notes.push(r.note)
  },
  compactAfter: 3,
  local: true,
})

function schemaDb(schema: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  closers.push(() => db.destroy())
  return db
}

async function open(schema: string, account = 'sales1'): Promise<PgStore> {
  const store = await PgStore.open({ url: url as string, schema, account, lock: false })
  closers.push(() => store.db.destroy())
  return store
}

/** What the database holds of the account's journal `name`: its snapshot row and the records after it. */
async function stored(schema: string, name: string) {
  const db = schemaDb(schema)
  const snapshot = await db.selectFrom('bot_documents').select('data').where('name', '=', name).executeTakeFirst()
  const rows = await db
    .selectFrom('bot_journal_records')
    .select('record')
    .where('name', '=', name)
    .orderBy('seq')
    .execute()
  return { snapshot: snapshot?.data, records: rows.map(r => r.record) }
}

describe.skipIf(!url)('a journal only its account reads, on PostgreSQL (the outbox)', () => {
  it('writes each append as one row after the snapshot, committed when commit() resolves; reopened, the same state', async () => {
    const schema = fresh()
    const store = await open(schema)
    const notes = store.journal('notes', NOTES)
    notes.append({ note: 'N1' })
    await notes.commit()
    notes.append({ note: 'N2' })
    await notes.commit()
    // The first write holds the snapshot (there was none), every later one a row.
    expect(await stored(schema, 'notes')).toEqual({ snapshot: { notes: ['N1'] }, records: [{ note: 'N2' }] })
    expect((await open(schema)).journal('notes', NOTES).state.notes).toEqual(['N1', 'N2'])
  })

  it('folds its records into the snapshot at a periodic flush once there are compactAfter, not at the flush before a send', async () => {
    const schema = fresh()
    const store = await open(schema)
    const notes = store.journal('notes', NOTES)
    notes.append({ note: 'N0' })
    await notes.commit()
    for (const note of ['N1', 'N2', 'N3']) notes.append({ note })
    await store.flush(true)
    expect(await stored(schema, 'notes')).toEqual({
      snapshot: { notes: ['N0'] },
      records: [{ note: 'N1' }, { note: 'N2' }, { note: 'N3' }],
    })
    await store.flush()
    expect(await stored(schema, 'notes')).toEqual({ snapshot: { notes: ['N0', 'N1', 'N2', 'N3'] }, records: [] })
    notes.append({ note: 'N4' })
    await store.close()
    expect((await open(schema)).journal('notes', NOTES).state.notes).toEqual(['N0', 'N1', 'N2', 'N3', 'N4'])
  })

  it('writes a backlog larger than one statement takes (65,535 parameters: 21,845 rows) in order, reopened whole', async () => {
    const schema = fresh()
    const store = await open(schema)
    const big = journalSpec<{ notes: string[] }, { note: string }>({ ...NOTES, compactAfter: 100_000 })
    const notes = store.journal('notes', big)
    notes.append({ note: 'N0' })
    await notes.commit()
    const backlog = Array.from({ length: 22_000 }, (_, i) => `N${i + 1}`)
    for (const note of backlog) notes.append({ note })
    await notes.commit()
    expect((await open(schema)).journal('notes', big).state.notes).toEqual(['N0', ...backlog])
  }, 60_000)

  it("keeps each account's records apart", async () => {
    const schema = fresh()
    const [a, b] = [await open(schema, 'sales1'), await open(schema, 'sales2')]
    a.journal('notes', NOTES).append({ note: 'A' })
    b.journal('notes', NOTES).append({ note: 'B' })
    await Promise.all([a.journal('notes', NOTES).commit(), b.journal('notes', NOTES).commit()])
    expect((await open(schema, 'sales1')).journal('notes', NOTES).state.notes).toEqual(['A'])
    expect((await open(schema, 'sales2')).journal('notes', NOTES).state.notes).toEqual(['B'])
  })

  it('upgrades a database at schema version 5, its outbox one row written whole, without losing a queued message', async () => {
    const schema = fresh()
    const db = schemaDb(schema)
    await db.schema.createSchema(schema).execute()
    expect(await migrate(db, MIGRATIONS.slice(0, 5))).toEqual([1, 2, 3, 4, 5]) // as the previous release left it
    const queued = { chat: { roomId: 'r1' }, text: '请先完成实名', seq: 1, attempts: 0, notBefore: 0 }
    await db
      .insertInto('bot_documents')
      .values({
        account: 'sales1',
        name: 'outbox',
        version: 2,
        data: JSON.stringify({ queue: [queued], seq: 2, sent: [] }),
      })
      .execute()
    const outbox = (await open(schema)).journal('outbox', OUTBOX_JOURNAL)
    expect(outbox.state.queue).toEqual([queued])
    outbox.append({ op: 'take', seqs: [1], at: 5000, chat: 'room:r1', keepAfter: 0 })
    await outbox.commit()
    expect(await stored(schema, 'outbox')).toEqual({
      snapshot: { queue: [queued], seq: 2, sent: [] },
      records: [{ op: 'take', seqs: [1], at: 5000, chat: 'room:r1', keepAfter: 0 }],
    })
    const again = (await open(schema)).journal('outbox', OUTBOX_JOURNAL).state
    expect(again).toEqual({ queue: [], seq: 2, sent: [{ at: 5000, chat: 'room:r1' }] })
  })

  it('refuses a damaged record at start, naming it; with state loss accepted, goes on with the records before it', async () => {
    const schema = fresh()
    const store = await open(schema)
    for (const note of ['N1', 'N2']) {
      store.journal('notes', NOTES).append({ note })
      await store.journal('notes', NOTES).commit()
    }
    await schemaDb(schema)
      .insertInto('bot_journal_records')
      .values({ account: 'sales1', name: 'notes', record: JSON.stringify({ note: 7 }) })
      .execute()
    const reopened = await open(schema)
    expect(() => reopened.journal('notes', NOTES)).toThrow(StateDamageError)
    expect(reopened.refused[0]).toMatch(/sales1\/notes: wrong shape: record 2: note/)
    const lossy = await PgStore.open({
      url: url as string,
      schema,
      account: 'sales1',
      lock: false,
      acceptStateLoss: true,
    })
    closers.push(() => lossy.db.destroy())
    const notes = lossy.journal('notes', NOTES)
    expect(notes.state.notes).toEqual(['N1', 'N2'])
    notes.append({ note: 'N3' })
    await notes.commit()
    // The next write replaced the damaged rows by a snapshot.
    expect(await stored(schema, 'notes')).toEqual({ snapshot: { notes: ['N1', 'N2', 'N3'] }, records: [] })
  })
})
