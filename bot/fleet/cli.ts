import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database } from '../ports/postgres/schema.js'
import { LEASE_MS } from './pg-fleet.js'
import { accountNames, fleetSnapshot, type FleetSnapshot } from './status.js'

/**
 * `fleet status [--json]`: the fleet in the database BOT_DATABASE_URL (schema BOT_DATABASE_SCHEMA):
 * accounts (alive or not, contact id, outbox depth, groups), who holds which group, groups nobody holds.
 * Read-only: it takes no lock and migrates nothing, so it is safe beside running bots.
 */
export async function fleetCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv[0] !== 'status') {
    process.stderr.write('用法 usage: fleet status [--json]\n')
    return 2
  }
  const url = env.BOT_DATABASE_URL?.trim()
  if (!url) {
    process.stderr.write(
      '多账号数据在 PostgreSQL 里：请设置 BOT_DATABASE_URL=postgres://… fleet status needs BOT_DATABASE_URL (the fleet lives in PostgreSQL)\n',
    )
    return 2
  }
  const { databaseUrlProblem } = await import('../ports/postgres/open-store.js')
  const problem = databaseUrlProblem(url, env)
  if (problem) {
    process.stderr.write(`❌ ${problem}\n`)
    return 2
  }
  const schema = env.BOT_DATABASE_SCHEMA?.trim()
  const pool = new pg.Pool({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    const leaseMs = Number(env.BOT_FLEET_LEASE_MS) || LEASE_MS
    const snapshot = await fleetSnapshot(db, leaseMs, schema)
    process.stdout.write(argv.includes('--json') ? `${JSON.stringify(snapshot, null, 2)}\n` : formatStatus(snapshot))
    return 0
  } catch (e) {
    if ((e as { code?: string }).code === '42P01') {
      process.stderr.write(noFleetText(schema || 'public', await fleetSchemas(db)))
      return 1
    }
    const why = (e as { code?: string }).code
    if (why === 'ECONNREFUSED' || why === 'ENOTFOUND' || why === '28000' || why === '28P01' || why === '3D000') {
      process.stderr.write(
        `连不上数据库（${why}），请检查 BOT_DATABASE_URL cannot reach the database: ${(e as Error).message}\n`,
      )
      return 1
    }
    throw e
  } finally {
    await db.destroy()
  }
}

/** The schemas of this database that hold a fleet (a `fleet_accounts` table), for a mistyped BOT_DATABASE_SCHEMA. */
async function fleetSchemas(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ schema: string }>`select table_schema as schema from information_schema.tables
    where table_name = 'fleet_accounts' order by 1`.execute(db)
  return rows.map(r => r.schema)
}

/** No fleet in the schema looked in: which schema that was, and the schemas that do hold one. */
export function noFleetText(schema: string, others: string[]): string {
  const where = others.length
    ? `有多账号数据的 schema：${others.join('、')}（请检查 BOT_DATABASE_SCHEMA） fleets in this database: ${others.join(', ')}`
    : '还没有机器人在这个数据库上启动过 no bot has started on this database'
  return `schema「${schema}」里没有多账号数据（BOT_DATABASE_SCHEMA=${schema}） no fleet in schema ${schema}; ${where}\n`
}

/** The status as a plain table. */
export function formatStatus(s: FleetSnapshot): string {
  const alive = s.accounts.filter(a => a.alive)
  const rows = s.accounts.map(a => [
    a.account,
    a.name || '-',
    a.contactId || '-',
    (a.alive ? 'alive' : a.exited ? 'exited' : a.stopped ? 'stopped' : 'DOWN') +
      (a.retired && !a.alive ? ' (retired)' : ''),
    a.stopped ? '-' : `${Math.round(a.seenAgoMs / 1000)}s`,
    String(a.queueDepth),
    String(a.groups.length),
    String(a.holds.length),
  ])
  const table = [['account', 'name', 'contact', 'state', 'seen', 'queue', 'groups', 'holds'], ...rows]
  const widths = table[0].map((_, i) => Math.max(...table.map(r => displayWidth(r[i]))))
  const named = accountNames(s)
  const lines = [
    `fleet: ${s.accounts.length} account(s), ${alive.length} alive; ${s.leases.filter(l => l.expiresInMs > 0).length} group(s) held, ${s.unheld.length} waiting for a holder, ${s.stranded.length} with no account online in it`,
    '',
    ...table.map(r =>
      r
        .map((c, i) => c + ' '.repeat(widths[i] - displayWidth(c)))
        .join('  ')
        .trimEnd(),
    ),
    '',
    'leases:',
    ...s.leases.map(
      l =>
        `  ${l.groupId}  ${l.account}  ${l.expiresInMs > 0 ? `expires in ${Math.ceil(l.expiresInMs / 1000)}s` : 'EXPIRED'}`,
    ),
    ...(s.unheld.length ? ['', `not held: ${s.unheld.join(', ')}`] : []),
    ...(s.stranded.length
      ? [
          '',
          'no account online in (nobody can take them over; bring another account into the group):',
          ...s.stranded.map(
            x =>
              `  ${[x.groupId, s.topics[x.groupId], `only ${x.accounts.map(named).join(', ')}`].filter(Boolean).join('  ')}`,
          ),
        ]
      : []),
  ]
  return `${lines.join('\n')}\n`
}

/** Columns a text takes in a terminal: a CJK character (a WeChat name) takes two. */
function displayWidth(text: string): number {
  let n = 0
  for (const c of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1
  return n
}
