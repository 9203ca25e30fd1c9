import { sql } from 'kysely'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { SYNC_STALE_MS } from '../../../bot/fleet/pg-fleet.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { docSpec } from '../../../bot/ports/store/store.js'
import { createLogger } from '../../../bot/process/logger.js'
import { dropSchemas, freshSchema, pgAvailable } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'

const url = await pgAvailable()
const schemas: string[] = []
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(closers.splice(0).map(c => c()))
})
afterAll(async () => {
  if (url) await dropSchemas(url, schemas)
})

const LEDGER = docSpec({ version: 1, schema: z.object({ n: z.number() }), defaults: () => ({ n: 0 }) })

/** One account of the fleet, listening for the others' changes as `start` runs it; `logged` holds its log lines. */
async function member(schema: string, account: string, groups: string[], leaseMs = 60_000, staleMs = 3_600_000) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const logged: string[] = []
  const log = createLogger('warn', 'test', line => logged.push(line))
  const fleet = testFleet(store, groups, {
    log,
    leaseMs,
    renewMs: leaseMs / 4,
    listen: () => store.listenConnection(),
    staleMs, // by default never stale in a test: a read comes from a notification
  })
  await fleet.start()
  closers.push(async () => {
    await fleet.stop().catch(() => {})
    await store.close()
  })
  /** How many times a sync read the documents table. */
  const reads = vi.spyOn(store.db, 'selectFrom')
  const docReads = () => reads.mock.calls.filter(c => c[0] === 'bot_documents').length
  return { store, fleet, logged, docReads }
}

function fresh(): string {
  const s = freshSchema()
  schemas.push(s)
  return s
}

describe.skipIf(!url)('fleet sync on change notifications', () => {
  it('reads other accounts’ records only after one of them changed a followed document', async () => {
    const schema = fresh()
    const a = await member(schema, `a-${schema}`, [])
    const b = await member(schema, `b-${schema}`, [])
    const seen: unknown[] = []
    b.fleet.follow('ledger', (_account, data) => seen.push(data))
    await b.fleet.sync() // the first sync reads
    const first = b.docReads()
    expect(first).toBeGreaterThan(0)
    await b.fleet.sync()
    await b.fleet.sync()
    expect(b.docReads()).toBe(first) // nothing changed: no query

    const doc = a.store.doc('ledger', LEDGER)
    doc.data.n = 1
    await doc.persist()
    await vi.waitFor(() => expect(b.fleet.behind()).toBe(true)) // A's notification arrived
    await b.fleet.sync()
    expect(seen).toEqual([{ n: 1 }])
    expect(b.fleet.behind()).toBe(false)
  })

  it('reads anyway once the last read is older than the staleness bound', async () => {
    const schema = fresh()
    const b = await member(schema, `b-${schema}`, [], 60_000, SYNC_STALE_MS)
    b.fleet.follow('ledger', () => {})
    vi.useFakeTimers({ toFake: ['Date'] })
    await b.fleet.sync()
    expect(b.fleet.behind()).toBe(false)
    vi.setSystemTime(Date.now() + SYNC_STALE_MS - 1)
    expect(b.fleet.behind()).toBe(false)
    vi.setSystemTime(Date.now() + 1)
    expect(b.fleet.behind()).toBe(true)
    const before = b.docReads()
    await b.fleet.sync()
    expect(b.docReads()).toBe(before + 1)
  })

  it('reads before every task while the notification connection is lost, says so, and listens again', async () => {
    const schema = fresh()
    const a = await member(schema, `a-${schema}`, [], 2_000)
    const b = await member(schema, `b-${schema}`, [], 2_000)
    const seen: unknown[] = []
    b.fleet.follow('ledger', (_account, data) => seen.push(data))
    await b.fleet.sync()
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${`group-guard:b-${schema}:listen`}`.execute(
      a.store.db,
    )
    await vi.waitFor(() => expect(b.fleet.feed?.listening).toBe(false))
    expect(b.logged.join('\n')).toMatch(/fleet: change notifications lost/)
    expect(b.fleet.behind()).toBe(true)
    const doc = a.store.doc('ledger', LEDGER)
    doc.data.n = 1
    await doc.persist() // while B hears nothing
    await b.fleet.sync()
    expect(seen).toEqual([{ n: 1 }])
    expect(b.fleet.behind()).toBe(true) // still not listening: every sync reads

    await vi.waitFor(() => expect(b.fleet.feed?.listening).toBe(true), { timeout: 5_000 })
    await b.fleet.sync()
    expect(b.fleet.behind()).toBe(false)
    doc.data.n = 2
    await doc.persist()
    await vi.waitFor(() => expect(b.fleet.behind()).toBe(true))
    await b.fleet.sync()
    expect(seen.at(-1)).toEqual({ n: 2 })
  })

  it('hands a group over at once when its holder stops cleanly (not at the next renewal)', async () => {
    const schema = fresh()
    const a = await member(schema, `a-${schema}`, ['g1']) // renewals every 15 s
    const b = await member(schema, `b-${schema}`, ['g1'])
    expect(a.fleet.holds('g1')).toBe(true)
    expect(b.fleet.holds('g1')).toBe(false)
    await a.fleet.stop()
    await vi.waitFor(() => expect(b.fleet.holds('g1')).toBe(true), { timeout: 3_000 })
  })
})
