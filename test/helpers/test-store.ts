import { MemoryStore } from '../../bot/ports/memory-store.js'
import { PgStore } from '../../bot/ports/postgres/pg-store.js'
import type { Store } from '../../bot/ports/store.js'
import { dropSchemas, freshSchema, TEST_DATABASE_URL } from './pg-test.js'

/**
 * The back end the test helpers build runtimes on: `BOT_TEST_STORE=pg` (npm run test:pg) gives each
 * runtime a PgStore in a fresh schema of the test database, otherwise the in-memory twin.
 */
export const TEST_STORE = process.env.BOT_TEST_STORE === 'pg' ? 'pg' : 'memory'

/** PostgreSQL stores opened by this test file, with their schemas (closed and dropped by pg-setup.ts). */
export const openedPgStores: { store: PgStore; schema: string }[] = []

/** A fresh, empty store of the chosen back end. */
export async function testStore(): Promise<Store> {
  if (TEST_STORE === 'memory') return new MemoryStore()
  const schema = freshSchema()
  // Not locked: every store has its own schema, and the advisory lock is per database.
  const store = await PgStore.open({ url: TEST_DATABASE_URL, schema, lock: false })
  openedPgStores.push({ store, schema })
  return store
}

/** Close the given PostgreSQL stores (flushing what the runtime left) and drop their schemas. */
export async function releasePgStores(stores: { store: PgStore; schema: string }[]): Promise<void> {
  await Promise.all(stores.map(s => s.store.close().catch(() => {})))
  await dropSchemas(
    TEST_DATABASE_URL,
    stores.map(s => s.schema),
  )
}
