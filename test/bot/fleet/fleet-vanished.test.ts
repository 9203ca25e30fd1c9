import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { DatabaseUnavailableError, PgStore, SESSION_SETTINGS } from '../../../bot/ports/postgres/pg-store.js'
import type { StoreWriteError } from '../../../bot/ports/store/store.js'
import { freshSchema, usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'
import { leaseDb } from '../../../bot/fleet/renew.js'

const { url, schemas, closers } = await usePgFixture()

const LEASE_MS = 1_000

/** One account (its store holds the account lock), not yet taking part. */
async function member(schema: string, account: string, groups: string[]) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const failures: StoreWriteError[] = []
  store.onWriteFailure(e => failures.push(e))
  const fleet = testFleet(store, groups, {
    adopt: (from, names, move) => store.adopt(from, names, move),
    leaseMs: LEASE_MS,
    renewMs: LEASE_MS / 4,
    listen: () => store.listenConnection(),
  })
  closers.push(async () => {
    await fleet.stop().catch(() => {})
    await store.close().catch(() => {})
  })
  return { store, fleet, failures }
}

describe.skipIf(!url)('a machine that vanished', () => {
  it('loses its groups within the lease time although its connections stay open; its open work moves once the server drops its sessions', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const gone = `gone-${schema}`
    const a = await member(schema, gone, ['g1'])
    await a.fleet.renew() // it takes the group, then vanishes: no more renewals, nothing closed
    expect(a.fleet.holds('g1')).toBe(true)
    const b = await member(schema, `b-${schema}`, ['g1'])
    const asked: boolean[] = []
    b.fleet.onTakeover(async (_group, from) => {
      const moved = await b.fleet.adopt(from, ['timers'], () => {})
      asked.push(moved)
      return moved
    })
    const t0 = performance.now()
    await b.fleet.start()
    await vi.waitFor(() => expect(b.fleet.holds('g1')).toBe(true), { timeout: 3_000, interval: 20 })
    expect(performance.now() - t0).toBeLessThan(LEASE_MS + LEASE_MS / 4 + 500)
    expect(a.fleet.holds('g1')).toBe(false) // it stopped acting on its own before
    // Its session still holds the account lock: the open work waits (asked again at each renewal).
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(1), { timeout: 3_000 })
    expect(asked.every(m => !m)).toBe(true)

    // What the server's keepalive probes do to a machine that no longer answers: its sessions end.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name like ${`group-guard:${gone}%`}`.execute(
      b.store.db,
    )
    await vi.waitFor(() => expect(asked.at(-1)).toBe(true), { timeout: 3_000 })
    // Were it to come back, it finds its account lost and exits to be restarted (exit 75).
    await vi.waitFor(() => expect(a.failures[0]).toBeInstanceOf(DatabaseUnavailableError))
  })

  it('runs every connection with keepalive probes and an idle-in-transaction limit, so the server drops a vanished one', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const a = await member(schema, `a-${schema}`, [])
    const listen = await a.store.listenConnection()
    try {
      const pooled = await sql<{
        idle: string
        count: string
        idle_tx: string
      }>`select current_setting('tcp_keepalives_idle') as idle, current_setting('tcp_keepalives_count') as count,
           current_setting('idle_in_transaction_session_timeout') as idle_tx`.execute(a.store.db)
      expect(pooled.rows[0]).toEqual({
        idle: `${SESSION_SETTINGS.tcp_keepalives_idle}`,
        count: `${SESSION_SETTINGS.tcp_keepalives_count}`,
        idle_tx: `${SESSION_SETTINGS.idle_in_transaction_session_timeout / 1000}s`,
      })
      const own = await listen.query("select current_setting('tcp_keepalives_interval') as v")
      expect(own.rows[0].v).toBe(`${SESSION_SETTINGS.tcp_keepalives_interval}`)
      const leases = leaseDb(a.store.connectionFor('lease'))
      try {
        const lease = await sql<{ v: string }>`select current_setting('tcp_keepalives_interval') as v`.execute(leases)
        expect(lease.rows[0].v).toBe(`${SESSION_SETTINGS.tcp_keepalives_interval}`)
      } finally {
        await leases.destroy()
      }
    } finally {
      await listen.end()
    }
  })
})
