/**
 * The fleet's sent log at scale: what a takeover's read of the recent sends (`PgFleet.sentCauses`, inside the
 * serial queue: once per group before `SentBatch`, once for the groups one renewal took over since) and a prune (`PgFleet.prune`) cost on a `fleet_sent` of `--rows` rows
 * spread over `--days` days, before and after schema version 7 (the index on `at`). The reads are `--groups`
 * groups' worth, each asking for `--causes` message causes of which a few were sent in the last minute.
 *
 *   npx tsx bench/fleet-sent.ts [--rows 1000000] [--days 30] [--groups 300] [--causes 20]
 *                                                          (PostgreSQL at BOT_TEST_DATABASE_URL)
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { PgFleet } from '../bot/fleet/pg-fleet.js'
import { type Database, MIGRATIONS, migrate } from '../bot/ports/postgres/schema.js'
import { createLogger } from '../bot/process/logger.js'
import { BENCH_DATABASE_URL } from './fleet-throughput.js'

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    days: { type: 'string' },
    groups: { type: 'string' },
    causes: { type: 'string' },
  },
})
const ROWS = Number(values.rows ?? 1_000_000)
const DAYS = Number(values.days ?? 30)
const GROUPS = Number(values.groups ?? 300)
const CAUSES = Number(values.causes ?? 20)

const schema = `bench_sent_${process.pid}`
const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL })
await admin.connect()
await admin.query(`create schema ${schema}`)
const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 2, options: `-c search_path=${schema}` })
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
const fleet = new PgFleet({
  db,
  account: 'taker',
  contactId: () => 'wxid_taker',
  groups: () => [],
  queueDepth: () => 0,
  log: createLogger('silent'),
})

/** Milliseconds `run` takes, once. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await run()
  return performance.now() - t
}

/** One group's causes: `CAUSES` message causes, the first 3 sent a few seconds ago. */
const causesOf = (g: number) => Array.from({ length: CAUSES }, (_, i) => `event:message:g${g}-m${i}`)

/**
 * The takeover's reads of `groups` groups, one after another (as the serial queue runs them), right after the dead
 * holder's answers were sent: ms a group, and how many of the answers were found (3 a group).
 */
async function takeoverReads(groups = GROUPS): Promise<{ ms: number; found: number }> {
  await sql`update fleet_sent set at = now() - interval '5 seconds' where account = 'dead'`.execute(db)
  let found = 0
  const ms = await timed(async () => {
    for (let g = 0; g < groups; g++) found += (await fleet.sentCauses(causesOf(g))).size
  })
  return { ms: ms / groups, found }
}

/** The same groups' causes in one read (`SentBatch`: the groups one renewal took over): ms for all of them. */
async function batchedRead(): Promise<{ ms: number; found: number }> {
  await sql`update fleet_sent set at = now() - interval '5 seconds' where account = 'dead'`.execute(db)
  const causes = Array.from({ length: GROUPS }, (_, g) => causesOf(g)).flat()
  let found = 0
  const ms = await timed(async () => {
    found = (await fleet.sentCauses(causes)).size
  })
  return { ms, found }
}

try {
  await migrate(db, MIGRATIONS.slice(0, 6))
  const seeded = await timed(() =>
    sql`insert into fleet_sent (key, account, at)
      select 'event:message:' || md5(i::text) || '|room:r-' || (i % 500) || '@chatroom|' || left(md5(i::text || 'x'), 22),
        'acct' || (i % 5), now() - make_interval(secs => random() * ${DAYS * 86_400})
      from generate_series(1, ${ROWS}) i`.execute(db),
  )
  // The dead holder's answers of the last minute: 3 of each group's causes.
  await sql`insert into fleet_sent (key, account, at)
    select 'event:message:g' || g || '-m' || m || '|room:r-' || g || '@chatroom|x', 'dead', now() - interval '5 seconds'
    from generate_series(0, ${GROUPS - 1}) g, generate_series(0, 2) m`.execute(db)
  await sql`analyze fleet_sent`.execute(db)
  const size = async () =>
    (await sql<{ s: string }>`select pg_size_pretty(pg_total_relation_size('fleet_sent')) as s`.execute(db)).rows[0].s
  console.log(`seeded ${ROWS} rows over ${DAYS} days in ${(seeded / 1000).toFixed(1)} s (${await size()})`)

  // A B B A: without the index (dropped), with it, with it, without. Without the index a read scans the whole
  // table: 10 groups a round are enough to tell.
  const indexed = await timed(() => migrate(db))
  const withIndex = async (on: boolean) => {
    if (on) await sql`create index if not exists fleet_sent_at on fleet_sent (at)`.execute(db)
    else await sql`drop index fleet_sent_at`.execute(db)
    await sql`analyze fleet_sent`.execute(db)
    return takeoverReads(on ? GROUPS : 10)
  }
  const reads = [await withIndex(false), await withIndex(true), await withIndex(true), await withIndex(false)]
  const mean = (runs: { ms: number }[]) => runs.reduce((t, r) => t + r.ms, 0) / runs.length
  const [before, after] = [mean([reads[0], reads[3]]), mean([reads[1], reads[2]])]
  console.log(
    `a takeover's read of one group's sends (${CAUSES} causes), A B B A: ` +
      `no index ${reads[0].ms.toFixed(1)} / ${reads[3].ms.toFixed(1)} ms (10 groups a round, found ${reads[0].found}), ` +
      `index on at ${reads[1].ms.toFixed(2)} / ${reads[2].ms.toFixed(2)} ms (${GROUPS} groups a round, found ${reads[1].found}): ` +
      `${GROUPS} groups ${((before * GROUPS) / 1000).toFixed(1)} s → ${((after * GROUPS) / 1000).toFixed(2)} s ` +
      `(×${(before / after).toFixed(0)}); index built in ${(indexed / 1000).toFixed(1)} s (${await size()})`,
  )
  await withIndex(true)
  const first = await timed(() => fleet.prune())
  const left = await sql<{ n: string }>`select count(*) as n from fleet_sent`.execute(db)
  // An hour later: one hour's rows of a busy fleet (1M rows a month is ~1400 an hour) past the week.
  await sql`insert into fleet_sent (key, account, at)
    select 'hour-' || i, 'acct0', now() - interval '7 days 30 minutes' from generate_series(1, 1400) i`.execute(db)
  const hourly = await timed(() => fleet.prune())
  const idle = await timed(() => fleet.prune())
  await sql`analyze fleet_sent`.execute(db)
  await sql`analyze fleet_sent`.execute(db)
  // A B B A: one read a group, one read for all the groups.
  const perGroup = async () => {
    const r = await takeoverReads()
    return { ms: r.ms * GROUPS, found: r.found }
  }
  const ab = [await perGroup(), await batchedRead(), await batchedRead(), await perGroup()]
  const [one, all] = [mean([ab[0], ab[3]]), mean([ab[1], ab[2]])]
  console.log(
    `prune: first ${(first / 1000).toFixed(1)} s (left ${left.rows[0].n} rows, a week's), an hour's 1400 rows ` +
      `${hourly.toFixed(0)} ms, nothing to prune ${idle.toFixed(1)} ms`,
  )
  console.log(
    `after the prune, ${GROUPS} groups' reads, A B B A: one query a group ${ab[0].ms.toFixed(0)} / ${ab[3].ms.toFixed(0)} ms ` +
      `(found ${ab[0].found}), one query for all ${ab[1].ms.toFixed(1)} / ${ab[2].ms.toFixed(1)} ms (found ${ab[1].found}): ` +
      `×${(one / all).toFixed(0)}`,
  )
} finally {
  await db.destroy()
  await admin.query(`drop schema ${schema} cascade`)
  await admin.end()
}
