import { MemoryStore } from '../../bot/ports/store/memory-store.js'
import { PgStore } from '../../bot/ports/postgres/pg-store.js'
import type { Store } from '../../bot/ports/store/store.js'
import { dropSchemas, freshSchema, TEST_DATABASE_URL } from './pg-test.js'

/**
 * The back end the test helpers build runtimes on: `BOT_TEST_STORE=pg` (npm run test:pg) gives each
 * runtime a PgStore in a fresh schema of the test database, otherwise the in-memory twin.
 */
export const TEST_STORE = process.env.BOT_TEST_STORE === 'pg' ? 'pg' : 'memory'

/** PostgreSQL stores opened by this test file, with their schemas (closed and dropped by pg-setup.ts). */
export const openedPgStores: { store: PgStore; schema: string; writes: Promise<Error | undefined>[] }[] = []

/** A fresh, empty store of the chosen back end. */
export async function testStore(): Promise<Store> {
  if (TEST_STORE === 'memory') return new MemoryStore()
  const schema = freshSchema()
  // Not locked: every store has its own schema, and the advisory lock is per database.
  const store = await PgStore.open({ url: TEST_DATABASE_URL, schema, lock: false })
  openedPgStores.push({ store, schema, writes: writeBehind(store) })
  return store
}

/**
 * The tests move a fake clock and read what was sent right after a message: they cannot wait for
 * network round trips. So `flush()` and `persist()` resolve at once while the write runs on (in order,
 * the store writes one at a time); a write that fails fails the test (see {@link releasePgStores}).
 */
function writeBehind(store: PgStore): Promise<Error | undefined>[] {
  const writes: Promise<Error | undefined>[] = []
  const behind = (write: Promise<void>) => {
    writes.push(
      write.then(
        () => undefined,
        (e: Error) => e,
      ),
    )
    return Promise.resolve()
  }
  const flush = store.flush.bind(store)
  store.flush = durableOnly => behind(flush(durableOnly))
  const doc = store.doc.bind(store)
  const wrapped = new WeakSet<object>()
  store.doc = (name, spec) => {
    const d = doc(name, spec)
    if (wrapped.has(d)) return d
    wrapped.add(d)
    const persist = d.persist.bind(d)
    d.persist = () => behind(persist())
    return d
  }
  return writes
}

/** Close the given PostgreSQL stores and drop their schemas; throws the first write that failed. */
export async function releasePgStores(stores: typeof openedPgStores): Promise<void> {
  const failed = (await Promise.all(stores.flatMap(s => s.writes))).find(e => e)
  for (const { store } of stores) store.flush = PgStore.prototype.flush // close() waits for its last write
  await Promise.all(stores.map(s => s.store.close().catch(() => {})))
  await dropSchemas(
    TEST_DATABASE_URL,
    stores.map(s => s.schema),
  )
  if (failed) throw new Error(`a PostgreSQL write failed: ${failed.message}`)
}
