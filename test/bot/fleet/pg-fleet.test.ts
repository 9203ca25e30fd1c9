import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { DatabaseUnavailableError, PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { docSpec } from '../../../bot/ports/store/store.js'
import { usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'

const { url, closers, fresh } = await usePgFixture()

async function member(schema: string, account: string, groups: string[], leaseMs = 400) {
  const store = await PgStore.open({ url: url as string, schema, account, lock: false })
  const fleet = testFleet(store, groups, {
    leaseMs,
    renewMs: leaseMs / 4,
  })
  closers.push(async () => {
    await fleet.stop().catch(() => {})
    await store.db.destroy()
  })
  return { store, fleet }
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

describe.skipIf(!url)('fleet on PostgreSQL', () => {
  it('gives a shared group to one account; the other takes over once the holder stops renewing', async () => {
    const schema = fresh()
    const a = await member(schema, 'a', ['g-shared', 'g-a'])
    const b = await member(schema, 'b', ['g-shared', 'g-b'])
    await a.fleet.renew()
    await b.fleet.renew()
    expect(a.fleet.heldGroups()).toEqual(['g-a', 'g-shared'])
    expect(b.fleet.heldGroups()).toEqual(['g-b'])
    expect(b.fleet.holds('g-shared')).toBe(false)

    // The holder dies (no more renewals): it stops acting when its lease runs out, and the other takes over.
    await sleep(450)
    expect(a.fleet.holds('g-shared')).toBe(false)
    await b.fleet.renew()
    expect(b.fleet.holds('g-shared')).toBe(true)
    // The old holder comes back: the group stays with the account that took it (and took its open work along).
    await a.fleet.renew()
    expect(a.fleet.heldGroups()).toEqual(['g-a'])
    await b.fleet.renew()
    expect(b.fleet.heldGroups()).toEqual(['g-b', 'g-shared'])
  })

  it('asks for the open work of a group taken over from a down account until it is moved', async () => {
    const schema = fresh()
    const a = await member(schema, 'a', ['g1', 'g2'])
    const b = await member(schema, 'b', ['g1'])
    await a.fleet.renew()
    const asked: string[] = []
    let answer = false
    b.fleet.onTakeover(async (group, from) => {
      asked.push(`${group}<${from}`)
      return answer
    })
    await b.fleet.renew()
    expect(asked).toEqual([]) // a holds g1
    await sleep(450) // a died
    await b.fleet.renew()
    expect(b.fleet.holds('g1')).toBe(true)
    await b.fleet.renew() // not moved yet (a's lock was held): asked again
    answer = true
    await b.fleet.renew()
    await b.fleet.renew()
    expect(asked).toEqual(['g1<a', 'g1<a', 'g1<a'])
  })

  it('hands the groups over at once on a clean stop', async () => {
    const schema = fresh()
    const a = await member(schema, 'a', ['g1'], 60_000)
    const b = await member(schema, 'b', ['g1'], 60_000)
    await a.fleet.renew()
    await b.fleet.renew()
    expect(b.fleet.holds('g1')).toBe(false)
    await a.fleet.stop()
    await b.fleet.renew()
    expect(b.fleet.holds('g1')).toBe(true)
  })

  it('stops acting at once when renewals fail (database gone)', async () => {
    const schema = fresh()
    const a = await member(schema, 'a', ['g1'])
    await a.fleet.renew()
    expect(a.fleet.holds('g1')).toBe(true)
    await a.store.db.destroy()
    await a.fleet.renew() // fails, logged
    await sleep(450)
    expect(a.fleet.holds('g1')).toBe(false)
  })

  it('runs a cron slot or a timer once when two bots race for it', async () => {
    const schema = fresh()
    const a = await member(schema, 'a', [])
    const b = await member(schema, 'b', [])
    const results = await Promise.all([
      a.fleet.claimRun('job:activity:daily@1'),
      b.fleet.claimRun('job:activity:daily@1'),
      a.fleet.claimRun('job:activity:daily@1'),
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await b.fleet.claimRun('job:activity:daily@2')).toBe(true)
  })

  it('lets a message key through the sent-log once', async () => {
    const schema = fresh()
    const a = await member(schema, 'a', [])
    const b = await member(schema, 'b', [])
    expect(await a.fleet.claimSends(['k1', 'k2'])).toEqual(['k1', 'k2'])
    expect(await b.fleet.claimSends(['k2', 'k3'])).toEqual(['k3'])
  })

  it('hands other accounts’ copies of a followed document to the follower, once per change', async () => {
    const schema = fresh()
    const spec = docSpec({ version: 1, schema: z.object({ n: z.number() }), defaults: () => ({ n: 0 }) })
    const a = await member(schema, 'a', [])
    const b = await member(schema, 'b', [])
    const seen: [string, unknown][] = []
    b.fleet.follow('ledger', (account, data) => seen.push([account, data]))
    const doc = a.store.doc('ledger', spec)
    doc.data.n = 1
    await doc.persist()
    a.store.doc('other', spec).persist()
    await b.store.doc('ledger', spec).persist() // its own copy is not handed over
    await b.fleet.sync()
    await b.fleet.sync()
    expect(seen).toEqual([['a', { n: 1 }]])
    doc.data.n = 2
    await doc.persist()
    await b.fleet.sync()
    expect(seen.at(-1)).toEqual(['a', { n: 2 }])
  })
})

describe.skipIf(!url)('a lost database connection', () => {
  it('is reported as DatabaseUnavailableError (exit 75), not as a full disk', async () => {
    const schema = fresh()
    const store = await PgStore.open({ url: url as string, schema, account: 'lost-db' })
    closers.push(() => store.db.destroy())
    const failures: Error[] = []
    store.onWriteFailure(e => failures.push(e))
    const watcher = await PgStore.open({ url: url as string, schema, account: 'watcher', lock: false })
    closers.push(() => watcher.db.destroy())
    // What a database restart does to every connection of the bot.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'group-guard:lost-db'`.execute(
      watcher.db,
    )
    await vi.waitFor(() => expect(failures.map(f => f.name)).toContain('DatabaseUnavailableError'))
    expect(failures[0]).toBeInstanceOf(DatabaseUnavailableError)
  })
})
