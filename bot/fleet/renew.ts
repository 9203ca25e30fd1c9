import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database } from '../ports/postgres/schema.js'

/** What one renewal writes: this account's row and the leases of the groups it is in. */
export interface RenewArgs {
  account: string
  contactId: string
  queueDepth: number
  /** The groups this account is in: their leases are taken or renewed, its other leases handed over. */
  groups: string[]
  leaseMs: number
}

/** What one renewal read back. */
export interface Renewed {
  /** The groups whose lease this account holds now. */
  held: string[]
  /** Leases taken from another account (that account's row named the group before). */
  from: { group_id: string; account: string }[]
  /**
   * Every account of the fleet, this one as it was before the renewal; `name`: its WeChat name (`''`: none written);
   * `retired`: not renewed for `RETIRED_MS`, running or stopped.
   */
  accounts: { account: string; contact_id: string; alive: boolean; stopped: boolean; name: string; retired: boolean }[]
}

/**
 * An account not renewed for this long is retired (a machine taken out of the fleet, an account renamed): it leaves
 * the roster every account reads alike (`FleetGate.accounts`), so it no longer takes a turn before the others in the
 * overdue checks of answers (`overdueHandovers`); its row stays for `fleet status`. Renewing again brings it back.
 */
export const RETIRED_MS = 7 * 24 * 3_600_000

/**
 * True for a row of `fleet_accounts` retired (see RETIRED_MS): its last renewal, or its last sighting while running,
 * is older. A bot of a release before `renewed_at` (schema 11) renews only `seen_at`: while it runs it stays on the
 * roster.
 */
export const RETIRED = sql<boolean>`greatest(renewed_at, seen_at) < now() - ${`${RETIRED_MS} milliseconds`}::interval`

/**
 * Record the account as seen, hand over the leases of groups it left, take or renew the lease of each group it
 * is in (a lease is taken over only once it expired) and read the fleet's accounts: one statement, so one
 * round trip, atomic without a transaction around it. Every part reads the table as it was when the statement
 * started (`before`: who held each group; the accounts), the upsert re-checks a row another renewal changed since.
 */
export async function renewLeases(db: Kysely<Database>, a: RenewArgs): Promise<Renewed> {
  const lease = `${a.leaseMs} milliseconds`
  const { rows } = await sql<{
    kind: 'held' | 'account'
    id: string
    account: string | null
    alive: boolean | null
    stopped: boolean | null
    name: string | null
    retired: boolean | null
  }>`
    with me as (
      insert into fleet_accounts (account, contact_id, seen_at, started_at, queue_depth, groups, renewed_at)
      values (${a.account}, ${a.contactId}, now(), now(), ${a.queueDepth}, ${JSON.stringify(a.groups)}::jsonb, now())
      on conflict (account) do update set
        contact_id = excluded.contact_id,
        seen_at = excluded.seen_at,
        renewed_at = excluded.renewed_at,
        queue_depth = excluded.queue_depth,
        groups = excluded.groups
    ), gone as (
      delete from fleet_leases where account = ${a.account} and not (group_id = any(${a.groups}::text[]))
    ), before as (
      select group_id, account from fleet_leases where group_id = any(${a.groups}::text[]) and account <> ${a.account}
    ), up as (
      insert into fleet_leases as l (group_id, account, expires_at, acquired_at)
      select g, ${a.account}, now() + ${lease}::interval, now()
      from unnest(${a.groups}::text[]) as g
      on conflict (group_id) do update set
        account = excluded.account,
        expires_at = excluded.expires_at,
        acquired_at = case when l.account = excluded.account then l.acquired_at else excluded.acquired_at end
      where l.account = excluded.account or l.expires_at < now()
      returning group_id
    )
    select 'held' as kind, up.group_id as id, before.account, null::boolean as alive, null::boolean as stopped,
      null::text as name, null::boolean as retired
    from up left join before using (group_id)
    union all
    select 'account', contact_id, account, seen_at > now() - ${lease}::interval, seen_at = 'epoch'::timestamptz, name,
      ${RETIRED}
    from fleet_accounts`.execute(db)
  const held = rows.filter(r => r.kind === 'held')
  return {
    held: held.map(r => r.id),
    from: held.flatMap(r => (r.account ? [{ group_id: r.id, account: r.account }] : [])),
    accounts: rows
      .filter(r => r.kind === 'account')
      .map(r => ({
        account: r.account ?? '',
        contact_id: r.id,
        alive: !!r.alive,
        stopped: !!r.stopped,
        name: r.name ?? '',
        retired: !!r.retired,
      })),
  }
}

/**
 * A database handle on one connection of its own (`connection`: `PgStore.connectionFor`), for the renewals. A
 * connection that drops is replaced at the next query; the query that meets it fails (the renewal reports it).
 */
export function leaseDb(connection: pg.ClientConfig): Kysely<Database> {
  const pool = new pg.Pool({ ...connection, max: 1, allowExitOnIdle: true })
  // Heard so they cannot crash the thread: the query on that connection fails, and the pool opens a new one.
  pool.on('connect', client => client.on('error', () => {}))
  pool.on('error', () => {})
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
