import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { type DocSpec, docSpec, StateDamageError, type Store } from '../../../bot/ports/store/store.js'
import { dropSchemas, freshSchema, pgAvailable } from '../../helpers/pg-test.js'

/** The one Store contract, run against every back end: memory (the twin), files (default) and PostgreSQL. */

const CASES = docSpec({
  version: 2,
  schema: z.object({ confirmed: z.array(z.string()), owner: z.string() }),
  defaults: () => ({ confirmed: [] as string[], owner: '' }),
  migrations: { 1: (old: { confirmed: string[] }) => ({ ...old, owner: '培训组' }) },
  durable: true,
})
const COUNTS = docSpec({
  version: 1,
  schema: z.object({ count: z.number() }),
  defaults: () => ({ count: 0 }),
  volatile: true,
})

interface Backend {
  name: string
  /** Whether data outlives the store instance (memory does not). */
  persistent: boolean
  /** A store over the same storage each time (`account`: the PostgreSQL namespace). */
  open(account?: string): Promise<Store>
  /** Put a raw stored document (as an older release wrote it) into the storage. */
  seed(name: string, raw: { $version: number } & Record<string, unknown>): Promise<void>
}

const pgUrl = await pgAvailable()
const schemas: string[] = []
const opened: PgStore[] = []

afterEach(async () => {
  await Promise.all(opened.splice(0).map(s => s.db.destroy()))
})
afterAll(async () => {
  if (pgUrl) await dropSchemas(pgUrl, schemas)
})

function memory(): Backend {
  const store = new MemoryStore()
  return { name: 'memory', persistent: false, open: async () => store, seed: async () => {} }
}

function files(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'store-contract-'))
  return {
    name: 'file',
    persistent: true,
    open: async () => new FileStore(dir),
    seed: async (name, raw) => {
      mkdirSync(join(dir, 'state'), { recursive: true })
      writeFileSync(join(dir, 'state', `${name}.json`), JSON.stringify(raw))
    },
  }
}

function postgres(url: string): Backend {
  const schema = freshSchema()
  schemas.push(schema)
  const open = async (account = 'acct-a') => {
    // Not locked: the restart test opens the next store before the previous one is dropped.
    const store = await PgStore.open({ url, schema, account, lock: false })
    opened.push(store)
    return store
  }
  return {
    name: 'postgres',
    persistent: true,
    open,
    seed: async (name, { $version, ...data }) => {
      const store = await open()
      await store.db
        .insertInto('bot_documents')
        .values({ account: store.account, name, version: $version, data: JSON.stringify(data) })
        .execute()
    },
  }
}

const backends: [string, () => Backend][] = [
  ['memory', memory],
  ['file', files],
  ['postgres', () => postgres(pgUrl as string)],
]

describe.each(backends)('Store contract: %s', (name, make) => {
  const skip = name === 'postgres' && !pgUrl
  const persistentOnly = skip || name === 'memory'

  it.skipIf(skip)('documents round-trip: the same document object, with the data changed', async () => {
    const b = make()
    const store = await b.open()
    const cases = store.doc('cases', CASES)
    cases.data.confirmed.push('C-1')
    await cases.persist()
    expect(store.doc('cases', CASES).data).toEqual({ confirmed: ['C-1'], owner: '' })
  })

  it.skipIf(persistentOnly)('a restart (a new store) sees what the previous one persisted and flushed', async () => {
    const b = make()
    const first = await b.open()
    const cases = first.doc('cases', CASES)
    cases.data.confirmed.push('C-7')
    await cases.persist()
    first.doc('counts', COUNTS).data.count = 3
    first.doc('counts', COUNTS).changed()
    first.append('audit', '2026-12-01', { action: '警告', user: '张三' })
    await first.flush()
    const second = await b.open()
    expect(second.doc('cases', CASES).data.confirmed).toEqual(['C-7'])
    expect(second.doc('counts', COUNTS).data.count).toBe(3)
    expect(second.readLog('audit', '2026-12-01', '2026-12-01')).toEqual([{ action: '警告', user: '张三' }])
  })

  it.skipIf(persistentOnly)('removed documents are gone after a restart, the others kept', async () => {
    const b = make()
    const first = await b.open()
    for (const n of ['seen-a', 'seen-b', 'seen-c']) {
      first.doc(n, COUNTS).data.count = 1
      first.doc(n, COUNTS).changed()
    }
    await first.flush()
    await first.remove?.(['seen-a', 'seen-c'])
    expect(first.names('seen-')).toEqual(['seen-b'])
    const second = await b.open()
    expect(second.names('seen-')).toEqual(['seen-b'])
    expect(second.doc('seen-a', COUNTS).data.count).toBe(0)
  })

  it.skipIf(persistentOnly)('stores hostile text (NUL, a lone surrogate) instead of failing every write', async () => {
    const b = make()
    const first = await b.open()
    const hostile = `a\u0000b\ud800c`
    first.doc('cases', CASES).data.owner = hostile
    first.doc('cases', CASES).changed()
    first.append('audit', '2026-12-01', { text: hostile })
    await first.flush()
    const second = await b.open()
    expect(second.doc('cases', CASES).data.owner).toMatch(/^a.b.c$/)
    expect(second.readLog<{ text: string }>('audit', '2026-12-01', '2026-12-01')[0]?.text).toMatch(/^a.b.c$/)
  })

  it.skipIf(persistentOnly)('migrates a document an older release wrote, then stores the current version', async () => {
    const b = make()
    await b.seed('cases', { $version: 1, confirmed: ['C-old'] })
    const store = await b.open()
    expect(store.doc('cases', CASES).data).toEqual({ confirmed: ['C-old'], owner: '培训组' })
    await store.doc('cases', CASES).persist()
    const again = await b.open()
    expect(again.doc('cases', CASES).data.owner).toBe('培训组')
  })

  it.skipIf(persistentOnly)('refuses a durable document of the wrong shape, naming it', async () => {
    const b = make()
    await b.seed('cases', { $version: 2, confirmed: 'not a list', owner: 'x' })
    const store = await b.open()
    expect(() => store.doc('cases', CASES)).toThrow(StateDamageError)
    expect(store.refused.join()).toMatch(/cases.*wrong shape: confirmed/)
  })

  it.skipIf(persistentOnly)('refuses a document a newer release wrote', async () => {
    const b = make()
    await b.seed('counts', { $version: 9, count: 1 })
    const store = await b.open()
    expect(() => store.doc('counts', COUNTS as DocSpec<{ count: number }>)).toThrow(/newer than this release/)
  })

  it.skipIf(skip)('appends logs, reads them by day range in order, and lists their days', async () => {
    const b = make()
    const store = await b.open()
    store.append('archive', '2026-12-02', { n: 3 })
    store.append('archive', '2026-11-30', { n: 1 })
    await store.flush()
    store.append('archive', '2026-12-01', { n: 2 })
    store.append('archive', '2026-12-02', { n: 4 })
    expect(store.logDays('archive')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02'])
    expect(store.readLog('archive', '2026-12-01', '2026-12-02')).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }])
    expect(store.readLog('archive', '2026-12-03', '2026-12-09')).toEqual([])
    expect(store.logDays('nothing')).toEqual([])
  })

  it.skipIf(skip)('lists document names by prefix, sorted', async () => {
    const b = make()
    const store = await b.open()
    for (const n of ['group-b', 'group-a', 'cases']) store.doc(n, COUNTS).changed()
    await store.flush()
    expect(store.names('group-')).toEqual(['group-a', 'group-b'])
  })
})
