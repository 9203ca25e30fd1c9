import { execFileSync } from 'node:child_process'
import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { DatabaseUnavailableError, PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { docSpec } from '../../../bot/ports/store/store.js'
import { usePgFixture } from '../../helpers/pg-test.js'
import { createLogger } from '../../../bot/process/logger.js'
import { testFleet } from '../../helpers/test-fleet.js'
import { fleetChatLines, fleetSnapshot } from '../../../bot/fleet/status.js'
import { formatStatus } from '../../../bot/fleet/cli.js'

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

/** An account renewing in a lease thread (lease 400 ms, renewed every 100 ms, heartbeat bound 300 ms), logging into `lines`. */
async function threadMember(account: string, lines: string[]) {
  const schema = fresh()
  const store = await PgStore.open({ url: url as string, schema, account, lock: false })
  closers.push(() => store.db.destroy())
  const fleet = testFleet(store, ['g1'], {
    leaseMs: 400,
    renewMs: 100,
    thread: { connection: store.connectionFor('lease'), aliveMs: 300 },
    log: createLogger('info', 'fleet', line => lines.push(line)),
  })
  closers.push(() => fleet.stop().catch(() => {}))
  return { schema, fleet }
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

  it('keeps a group whose lease ran out only because its renewal is late, and says so in the log', async () => {
    const schema = fresh()
    const store = await PgStore.open({ url: url as string, schema, account: 'a', lock: false })
    const lines: string[] = []
    const log = createLogger('info', 'fleet', line => lines.push(line))
    // Renewals 60 s apart: the 300 ms lease runs out long before the next one, as under a starved CPU.
    const fleet = testFleet(store, ['g1'], { leaseMs: 300, renewMs: 60_000, log })
    closers.push(async () => {
      await fleet.stop().catch(() => {})
      await store.db.destroy()
    })
    await fleet.start()
    await sleep(350)
    expect(fleet.holds('g1')).toBe(false)
    const waiting = fleet.lapsed('g1')
    expect(waiting).toBeInstanceOf(Promise)
    await waiting
    expect(fleet.holds('g1')).toBe(true)
    expect(fleet.lapsed('g1')).toBeUndefined()
    expect(lines.join('\n')).toMatch(/leases ran out before their renewal came back/)
    expect(lines.join('\n')).toMatch(/leases renewed again after .*acting in 1 group/)
    expect(lines.join('\n')).not.toMatch(/lease lost/)
  })

  it('renews in a thread and on a connection of its own: while every store connection is busy, and while this thread is', async () => {
    const schema = fresh()
    const store = await PgStore.open({ url: url as string, schema, account: 'own', lock: false })
    closers.push(() => store.db.destroy())
    const fleet = testFleet(store, ['g1', 'g2'], {
      leaseMs: 400,
      renewMs: 100,
      thread: { connection: store.connectionFor('lease'), aliveMs: 3_000 },
    })
    closers.push(() => fleet.stop().catch(() => {}))
    let release = () => {}
    const busy = new Promise<void>(r => {
      release = r
    })
    // The store's pool has four connections: each sits in a transaction until released.
    const writers = Array.from({ length: 4 }, () => store.db.transaction().execute(() => busy))
    try {
      await fleet.start()
      expect(fleet.heldGroups()).toEqual(['g1', 'g2'])
      // This thread busy for three leases: the renewals go on, and count here before their answers are read.
      const until = Date.now() + 1_200
      while (Date.now() < until) {}
      expect(fleet.holds('g1')).toBe(true)
    } finally {
      release()
      await Promise.all(writers)
    }
    const apps = () =>
      sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where application_name = 'group-guard:own:lease'`.execute(store.db)
    expect((await apps()).rows[0].n).toBe(1)
    await fleet.stop()
    const given = await sql<{ n: number }>`select count(*)::int as n from fleet_leases
      where account = 'own' and expires_at > now()`.execute(store.db)
    expect(given.rows[0].n).toBe(0)
    await vi.waitFor(async () => expect((await apps()).rows[0].n).toBe(0)) // the thread's connection closed
  })

  it('stops renewing while this thread is stuck past the bound: its leases run out as if it were gone', async () => {
    const lines: string[] = []
    const { schema, fleet } = await threadMember('stuck', lines)
    await fleet.start()
    expect(fleet.holds('g1')).toBe(true)
    // Stuck for 1.5 s: the lease thread renews for at most 300 ms more, so the lease ends in the database
    // (seen from another process while this one is still stuck) and here.
    const until = Date.now() + 1_500
    while (Date.now() < until) {}
    const seen = execFileSync('psql', [
      url as string,
      '-Atc',
      `select expires_at < now() from "${schema}".fleet_leases where group_id = 'g1'`,
    ])
    expect(seen.toString().trim()).toBe('t')
    expect(fleet.holds('g1')).toBe(false)
    await vi.waitFor(() => expect(lines.join('\n')).toMatch(/event loop had no turn for .* leases not renewed/))
    // It has turns again: it renews, and acts again (nobody else took the group).
    await vi.waitFor(() => expect(fleet.holds('g1')).toBe(true))
  })

  it('starts the lease thread again when it ended on its own, and renews at once when asked after being stuck', async () => {
    const lines: string[] = []
    const { fleet } = await threadMember('crash', lines)
    await fleet.start()
    type Inside = { worker: { terminate(): Promise<number> }; spawned: number; answered: number }
    const thread = (fleet as unknown as { thread: Inside }).thread
    await thread.worker.terminate()
    await vi.waitFor(() =>
      expect(lines.join('\n')).toMatch(/the lease thread ended \(exit 1\): started again in 0\.1 s/),
    )
    // The new thread's first renewal read: it numbers its sets of groups from 1 again, the old one's numbers are void.
    // (A worker thread starts in about a second; on 2 cores busy with other suites it took over 5 s.)
    await vi.waitFor(() => expect([thread.spawned, thread.answered]).toEqual([2, 2]), { timeout: 20_000 })
    expect(fleet.holds('g1')).toBe(true)
    // Stuck past the bound, a renewal period and the lease (300 + 100 + 400 ms): an event then waits for a
    // renewal, which goes ahead at once (the request beats the heartbeat first).
    const until = Date.now() + 1_000
    while (Date.now() < until) {}
    expect(fleet.holds('g1')).toBe(false)
    await fleet.lapsed('g1')
    expect(fleet.holds('g1')).toBe(true)
  })

  it('hands over at the next renewal a group the account left, and knows the other accounts', async () => {
    const schema = fresh()
    const groups = ['g1', 'g2']
    const store = await PgStore.open({ url: url as string, schema, account: 'a', lock: false })
    const fleet = testFleet(store, groups, { leaseMs: 60_000, renewMs: 60_000 })
    const b = await member(schema, 'b', ['g2'], 60_000)
    closers.push(async () => {
      await fleet.stop().catch(() => {})
      await store.db.destroy()
    })
    await fleet.renew()
    await b.fleet.renew()
    expect(fleet.isPeer('wxid_b')).toBe(false) // b had no row yet at a's renewal
    groups.pop()
    await fleet.renew()
    expect(fleet.heldGroups()).toEqual(['g1'])
    expect(fleet.isPeer('wxid_b')).toBe(true)
    expect(fleet.isPeer('wxid_a')).toBe(false)
    await b.fleet.renew()
    expect(b.fleet.heldGroups()).toEqual(['g2'])
  })

  it('leaves an account not renewed for 7 days out of the roster (its overdue turn), its row kept; back when it renews', async () => {
    const schema = fresh()
    const old = await member(schema, 'a-old', [], 60_000)
    const b = await member(schema, 'b', [], 60_000)
    const c = await member(schema, 'c', [], 60_000)
    for (const m of [old, b, c]) await m.fleet.renew()
    await old.fleet.stop() // a clean stop: seen_at cleared, its last renewal kept
    await c.fleet.renew()
    expect(c.fleet.accounts()).toEqual(['a-old', 'b', 'c'])
    const lastRenewed = (account: string, days: number) =>
      c.store.db
        .updateTable('fleet_accounts')
        .set({ renewed_at: sql`now() - ${`${days} days`}::interval` })
        .where('account', '=', account)
        .execute()
    await lastRenewed('a-old', 7.1)
    await lastRenewed('b', 6.9) // down for days, not yet retired
    await c.fleet.renew()
    expect(c.fleet.accounts()).toEqual(['b', 'c'])
    await b.fleet.renew()
    expect(b.fleet.accounts()).toEqual(['b', 'c'])
    // `fleet status` and `#状态` still list it, marked.
    const snapshot = await fleetSnapshot(c.store.db, 60_000, schema)
    expect(snapshot.accounts.map(a => [a.account, a.retired])).toEqual([
      ['a-old', true],
      ['b', false],
      ['c', false],
    ])
    expect(formatStatus(snapshot)).toMatch(/a-old .*stopped \(retired\)/)
    expect(fleetChatLines(snapshot, 'c', g => g)[1]).toContain(
      '已停止（正常退出，群已交给其他账号）（超过 7 天未续约，已退出轮流核对）',
    )
    // A bot of an older release renews only seen_at: while it runs, it stays on the roster.
    await c.store.db
      .updateTable('fleet_accounts')
      .set({ renewed_at: sql`now() - interval '30 days'`, seen_at: sql`now()` })
      .where('account', '=', 'b')
      .execute()
    await c.fleet.renew()
    expect(c.fleet.accounts()).toEqual(['b', 'c'])
    // Back: it takes its turn again from the next renewal.
    await old.fleet.renew()
    await c.fleet.renew()
    expect(c.fleet.accounts()).toEqual(['a-old', 'b', 'c'])
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
    // A retry after a failed send: the account's own keys come back to it, never another's.
    expect((await a.fleet.claimSends(['k2', 'k3'])).sort()).toEqual(['k2'])
    expect(await b.fleet.claimSends(['k3'])).toEqual(['k3'])
    // One key twice in one send (a merged message of two identical items): claimed, not an error.
    expect(await a.fleet.claimSends(['k4', 'k4'])).toEqual(['k4'])
  })

  it('keeps run and send keys for a week: older ones are pruned at start, newer ones still refuse a second claim', async () => {
    const schema = fresh()
    const a = await member(schema, 'a', [])
    const claimedAgo = async (table: 'fleet_sent' | 'fleet_runs', key: string, days: number) =>
      sql`insert into ${sql.table(table)} (key, account, at) values (${key}, 'old', now() - make_interval(days => ${days}))`.execute(
        a.store.db,
      )
    await claimedAgo('fleet_sent', 'sent-8d', 8)
    await claimedAgo('fleet_sent', 'sent-6d', 6)
    await claimedAgo('fleet_runs', 'run-8d', 8)
    await claimedAgo('fleet_runs', 'run-6d', 6)
    const b = await member(schema, 'b', [])
    await b.fleet.start()
    await vi.waitFor(async () => expect(await b.fleet.claimSends(['sent-8d', 'sent-6d'])).toEqual(['sent-8d']), {
      timeout: 2_000,
      interval: 50,
    })
    expect(await b.fleet.claimRun('run-8d')).toBe(true)
    expect(await b.fleet.claimRun('run-6d')).toBe(false)
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
  it('ended by the server in the middle of a write: written again on a new connection, the bot goes on', async () => {
    const schema = fresh()
    const spec = docSpec({ version: 1, schema: z.object({ n: z.number() }), defaults: () => ({ n: 0 }) })
    const store = await PgStore.open({ url: url as string, schema, account: 'ended', lock: false })
    closers.push(() => store.db.destroy())
    const failures: Error[] = []
    store.onWriteFailure(e => failures.push(e))
    const warned: string[] = []
    store.onWarning = w => warned.push(w)
    const doc = store.doc('ledger', spec)
    await doc.persist()
    store.append('audit', '2026-12-05', { n: 1 })
    // Another session holds the row: the write waits on it, and the server ends the writer's session meanwhile
    // (what it does to a transaction left idle too long while the process was starved of CPU).
    const other = await PgStore.open({ url: url as string, schema, account: 'other', lock: false })
    closers.push(() => other.db.destroy())
    let locked = () => {}
    const lockTaken = new Promise<void>(r => {
      locked = r
    })
    const holding = other.db.transaction().execute(async tx => {
      await sql`select 1 from bot_documents where account = 'ended' and name = 'ledger' for update`.execute(tx)
      locked()
      await vi.waitFor(
        async () => {
          const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
            where application_name = 'group-guard:ended' and wait_event_type = 'Lock'`.execute(other.db)
          expect(rows).toHaveLength(1)
          await sql`select pg_terminate_backend(${rows[0].pid})`.execute(other.db)
        },
        { timeout: 5_000 },
      )
    })
    await lockTaken // else the write may commit before the row is locked, and nothing waits to be ended
    doc.data.n = 7
    await Promise.all([doc.persist(), holding])
    expect(failures).toEqual([])
    expect(warned.join('\n')).toMatch(/a connection was lost during a write .*written again on a new connection/)
    const { rows } = await sql<{ data: { n: number } }>`select data from bot_documents
      where account = 'ended' and name = 'ledger'`.execute(other.db)
    expect(rows[0].data.n).toBe(7)
    const logged = await sql<{ n: number }>`select count(*)::int as n from bot_logs where account = 'ended'`.execute(
      other.db,
    )
    expect(logged.rows[0].n).toBe(1) // the audit line once, not twice
  })

  it('ended by the server between two statements of a transaction: no crash, the next statement fails', async () => {
    const schema = fresh()
    const store = await PgStore.open({ url: url as string, schema, account: 'idle-tx', lock: false })
    closers.push(() => store.db.destroy())
    const other = await PgStore.open({ url: url as string, schema, account: 'other', lock: false })
    closers.push(() => other.db.destroy())
    const run = store.db.transaction().execute(async tx => {
      const me = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)
      await sql`select pg_terminate_backend(${me.rows[0].pid})`.execute(other.db)
      await sleep(200) // the server's goodbye arrives while no query runs on the connection
      await sql`select 1`.execute(tx)
    })
    await expect(run).rejects.toThrow(/not queryable|terminat|Connection terminated/)
  })

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
