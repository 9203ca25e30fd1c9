import { vi } from 'vitest'
import type { PluginDefinition } from '../../../bot/core/plugin.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { type group, makeRuntime, type member, type RuntimeOptions, text } from '../../helpers/harness.js'
import { usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'

const pg = await usePgFixture()
/** The PostgreSQL server of the two-account tests (undefined: they skip). */
export const url = pg.url
const closers = pg.closers

/** One bot account on the shared database (schema), holding `groups`. */
async function bot(
  schema: string,
  account: string,
  groups: string[],
  config: string,
  plugins: PluginDefinition[],
  opts: RuntimeOptions,
) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const fleet = testFleet(store, groups)
  const h = await makeRuntime(config, plugins, { ...opts, store, gate: fleet })
  closers.push(async () => {
    await h.rt.stop()
    await store.close()
  })
  /** Deliver a message and let replies go out (3 s between two sends to one chat). */
  const say = async (from: ReturnType<typeof member>, body: string, g?: ReturnType<typeof group>) => {
    await h.rt.enqueue(text(from, body, h.clock.now(), g))
    await h.clock.advance(5_000)
  }
  return { ...h, say, fleet }
}

/** Two accounts on one fresh schema: `sales1` holding `r1`, `sales2` holding `r2` (or the groups given); `opts` for both runtimes. */
export async function fleetOfTwo(
  config: string,
  plugins: PluginDefinition[],
  groups: [string[], string[]] = [['r1'], ['r2']],
  opts: RuntimeOptions = {},
) {
  const schema = pg.fresh()
  return [
    await bot(schema, 'sales1', groups[0], config, plugins, opts),
    await bot(schema, 'sales2', groups[1], config, plugins, opts),
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
