import { PgFleet, type PgFleetOptions } from '../../bot/fleet/pg-fleet.js'
import type { PgStore } from '../../bot/ports/postgres/pg-store.js'
import { createLogger } from '../../bot/process/logger.js'

/**
 * The fleet gate of one test account on its store: in `groups`, contact id `wxid_<account>`, WeChat name
 * `小助手<account>`, an empty
 * outbox, logging nothing; `opts` sets the rest (lease times, log, listen, adopt).
 */
export function testFleet(store: PgStore, groups: string[], opts: Partial<PgFleetOptions> = {}): PgFleet {
  return new PgFleet({
    db: store.db,
    schema: store.schema,
    account: store.account,
    contactId: () => `wxid_${store.account}`,
    name: () => `小助手${store.account}`,
    groups: () => groups,
    queueDepth: () => 0,
    log: createLogger('silent'),
    ...opts,
  })
}
