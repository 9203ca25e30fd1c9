import { vi } from 'vitest'
import type { PluginDefinition } from '../../../bot/core/plugin.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { type group, makeRuntime, type member, type RuntimeOptions, text } from '../../helpers/harness.js'
import { usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'
import type { PgFleetOptions } from '../../../bot/fleet/pg-fleet.js'

const pg = await usePgFixture()
/** The PostgreSQL server of the two-account tests (undefined: they skip). */
export const url = pg.url
const closers = pg.closers

/**
 * One bot account on the shared database (schema), in `groups` (it holds those no account holds yet). With `leaseMs`
 * its leases are that short and it takes over the groups of an account that is down, moving that account's open work
 * (`kill` ends it as SIGKILL would, as far as the database can tell).
 */
export async function fleetBot(
  schema: string,
  account: string,
  groups: string[],
  config: string,
  plugins: PluginDefinition[],
  opts: RuntimeOptions = {},
  leaseMs?: number,
) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const takeovers: Partial<PgFleetOptions> = leaseMs
    ? { leaseMs, renewMs: leaseMs / 4, adopt: (from, names, move) => store.adopt(from, names, move) }
    : {}
  const fleet = testFleet(store, groups, takeovers)
  const h = await makeRuntime(config, plugins, { ...opts, store, gate: fleet })
  let dead = false
  const kill = async () => {
    dead = true
    h.rt.timers.stop()
    await store.close()
  }
  closers.push(async () => {
    if (dead) return
    await h.rt.stop()
    await store.close()
  })
  /** Deliver a message and let replies go out (3 s between two sends to one chat). */
  const say = async (from: ReturnType<typeof member>, body: string, g?: ReturnType<typeof group>) => {
    await h.rt.enqueue(text(from, body, h.clock.now(), g))
    await h.clock.advance(5_000)
  }
  return { ...h, say, fleet, store, schema, kill }
}

/**
 * Two accounts on one fresh schema: `sales1` holding `r1`, `sales2` holding `r2` (or the groups given, `sales1` first);
 * `opts` for both runtimes; `leaseMs` as in `fleetBot`.
 */
export async function fleetOfTwo(
  config: string,
  plugins: PluginDefinition[],
  groups: [string[], string[]] = [['r1'], ['r2']],
  opts: RuntimeOptions = {},
  leaseMs?: number,
) {
  const schema = pg.fresh()
  return [
    await fleetBot(schema, 'sales1', groups[0], config, plugins, opts, leaseMs),
    await fleetBot(schema, 'sales2', groups[1], config, plugins, opts, leaseMs),
  ] as const
}

/**
 * Wait until `check` passes, moving the account's clock on meanwhile: a send waits for a durable flush (real
 * I/O) while the simulated clock stands, and the next send to one chat 3 s after the last one left.
 */
export async function eventually(h: { clock: { advance(ms: number): Promise<void> } }, check: () => void) {
  await vi.waitFor(async () => {
    await h.clock.advance(1_000)
    check()
  }, 5_000)
}
