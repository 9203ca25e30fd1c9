import type { App } from '../app.js'
import type { PgStore } from '../ports/postgres/pg-store.js'
import type { Logger } from '../process/logger.js'
import { PgFleet } from './pg-fleet.js'

/**
 * This process's place in the fleet on the store's database: leases for the groups its account is in,
 * runs and sends claimed once, the other accounts' copies of fleet-wide records, and the open work of a down
 * account moved here when its groups are taken over. `app` is read lazily: the fleet is built before the app it serves.
 */
export function joinFleet(store: PgStore, app: () => App | undefined, log: Logger): PgFleet {
  const fleet = new PgFleet({
    db: store.db,
    schema: store.schema,
    account: store.account,
    contactId: () => {
      try {
        return app()?.ports.selfId() ?? ''
      } catch {
        return '' // not logged in yet
      }
    },
    groups: () =>
      app()
        ?.ports.groups()
        .map(g => g.id) ?? [],
    topics: () =>
      Object.fromEntries(
        app()
          ?.ports.groups()
          .map(g => [g.id, g.topic]) ?? [],
      ),
    name: () => {
      try {
        return app()?.ports.selfName() ?? ''
      } catch {
        return '' // not logged in yet
      }
    },
    queueDepth: () => app()?.runtime.outbox.depth() ?? 0,
    log,
    adopt: (from, names, move) => store.adopt(from, names, move),
    leaseMs: numberFrom(process.env.BOT_FLEET_LEASE_MS),
    renewMs: numberFrom(process.env.BOT_FLEET_RENEW_MS),
    listen: () => store.listenConnection(),
    thread: { connection: store.connectionFor('lease'), aliveMs: numberFrom(process.env.BOT_FLEET_ALIVE_MS) },
  })
  return fleet
}

function numberFrom(v: string | undefined): number | undefined {
  const n = Number(v)
  return v && Number.isFinite(n) && n > 0 ? n : undefined
}
