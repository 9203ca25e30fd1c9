/**
 * Cost of one durable write in each store back end: `persist()` of a 100-entry durable document,
 * and `append()` + `flush()` of one log record, timed over N rounds after a warm-up.
 * Run: `npx tsx bench/store-write.ts [postgres://…]` (default BOT_TEST_DATABASE_URL or the local server).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { z } from 'zod'
import { FileStore } from '../bot/ports/store/file-store.js'
import { PgStore } from '../bot/ports/postgres/pg-store.js'
import { docSpec, type Store } from '../bot/ports/store/store.js'

const N = 300
const CASES = docSpec({
  version: 1,
  schema: z.object({ confirmed: z.array(z.string()) }),
  defaults: () => ({ confirmed: Array.from({ length: 100 }, (_, i) => `case-${i}-张三在群里发了广告`) }),
  durable: true,
})

async function time(label: string, round: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < 20; i++) await round(i)
  const start = performance.now()
  for (let i = 0; i < N; i++) await round(i)
  const ms = (performance.now() - start) / N
  console.log(`${label.padEnd(48)} ${ms.toFixed(3)} ms/op  (${Math.round(1000 / ms)} ops/s, n=${N})`)
}

async function measure(name: string, store: Store): Promise<void> {
  const doc = store.doc('cases', CASES)
  await time(`${name}: durable persist() of a document`, async i => {
    doc.data.confirmed[0] = `case-${i}`
    await doc.persist()
  })
  await time(`${name}: append() + flush() of one log record`, async i => {
    store.append('audit', '2026-12-03', { i, action: '警告', user: '张三' })
    await store.flush(true)
  })
}

const dir = mkdtempSync(join(tmpdir(), 'store-bench-'))
await measure('file', new FileStore(dir))
rmSync(dir, { recursive: true, force: true })

const url = process.argv[2] ?? process.env.BOT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const schema = `bench_${process.pid}`
const store = await PgStore.open({ url, schema, account: 'bench' })
try {
  await measure('postgres', store)
} finally {
  await store.db.destroy()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`drop schema if exists "${schema}" cascade`)
  await client.end()
}
