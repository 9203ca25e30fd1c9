/**
 * Store cost, PostgreSQL vs the embedded default (issue #19): the in-process pipeline of
 * bench/pipeline.ts (the full bot, every plugin, the sandbox puppet, the bench clock moving 1.5 s per
 * 200 messages so timers run and the outbox sends after its durable flush) on three stores, built once,
 * warmed, then timed on the same messages, passes interleaved:
 *   - embedded: the FileStore writing in the background, as `start` runs it without BOT_DATABASE_URL;
 *   - PostgreSQL store: PgStore alone (one process, no fleet), to show the store's own share;
 *   - PostgreSQL fleet: PgStore and the fleet gate on its database, as `start` runs it with
 *     BOT_DATABASE_URL (per event the fleet reads what other accounts changed; per send it claims the send).
 * CPU per message is this process's CPU plus the PostgreSQL server processes of the variant's
 * connections (the database server runs on this machine in the bench set-up). Each variant's periodic
 * flush runs on the config's interval (5 s, as shipped), in real time like the pipeline bench's.
 *
 *   npx tsx bench/fleet-store.ts [--quick] [--profile file.cpuprofile] [--what-if]   (PostgreSQL at BOT_TEST_DATABASE_URL)
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createApp } from '../bot/app.js'
import { joinFleet } from '../bot/fleet/join.js'
import type { PgFleet } from '../bot/fleet/pg-fleet.js'
import { PgStore } from '../bot/ports/postgres/pg-store.js'
import { FileStore } from '../bot/ports/store/file-store.js'
import type { Store } from '../bot/ports/store/store.js'
import { createLogger } from '../bot/process/logger.js'
import { createSandbox } from '../bot/sandbox/index.js'
import { BENCH_START, BenchClock } from './bench-clock.js'
import { writeBenchConfig } from './bench-config.js'
import { serverCpu, serverCpuSince } from './fleet-procs.js'
import { BENCH_DATABASE_URL } from './fleet-throughput.js'
import { collectGarbage, median, profiled } from './measure.js'
import { messageList, type StreamMessage } from './message-stream.js'
import { countHandled, deliver, populate, quiet } from './sandbox-drive.js'
import { type BenchWorld, syntheticWorld } from './synthetic-world.js'

/**
 * Goal: on PostgreSQL, as `start` runs it, a message costs at most 1.5× the CPU (bot and database server
 * together) it costs on the embedded store. The database buys a fleet (failover, one record over several
 * accounts), not throughput; past 1.5× the machine that carries a company's traffic on the embedded store
 * would need another core to carry it on PostgreSQL.
 */
export const STORE_COST_TARGET = 1.5

const VARIANTS = ['embedded', 'pgStore', 'pgFleet'] as const
/** `--what-if` adds the fleet gate with its per-task read of other accounts' records switched off (not shipped). */
type VariantName = (typeof VARIANTS)[number] | 'pgFleetNoSync'

/** One timed pass. */
export interface StorePass {
  cpuMs: number
  dbCpuMs: number
  wallMs: number
  handled: number
}

/** Figures of one variant: medians over the passes (per message: µs). */
export interface StoreVariant {
  cpuUsPerMsg: number
  dbCpuUsPerMsg: number
  wallUsPerMsg: number
  passes: StorePass[]
}

/** What `runStoreCost` measured. */
export interface StoreCostResult {
  messages: number
  groups: number
  membersPerGroup: number
  variants: Record<(typeof VARIANTS)[number], StoreVariant> & { pgFleetNoSync?: StoreVariant }
  /** PostgreSQL fleet ÷ embedded, CPU (bot + database server) per message: the judged figure. */
  ratio: number
  /** The same on wall time, and for the PostgreSQL store alone. */
  wallRatio: number
  storeOnlyRatio: number
  pass: boolean
  runtimeErrors: string[]
}

interface Started {
  pass(messages: StreamMessage[]): Promise<StorePass>
  stop(): Promise<void>
  errors(): string[]
}

/** Run the workload: 4,000 messages (quick; 20,000 full) in 10 groups of 100, every variant on the same stream. */
export async function runStoreCost({
  quick = false,
  profile,
  whatIf = false,
}: {
  quick?: boolean
  profile?: string
  whatIf?: boolean
} = {}): Promise<StoreCostResult> {
  const names: VariantName[] = whatIf ? [...VARIANTS, 'pgFleetNoSync'] : [...VARIANTS]
  const n = quick ? 4_000 : 20_000
  const reps = quick ? 1 : 3
  const groups = 10
  const world = syntheticWorld({ groups, membersPerGroup: 100 })
  const stream = messageList(world, n)
  const warm = messageList(world, quick ? 300 : 1_000, 99)
  const dir = mkdtempSync(join(tmpdir(), 'bench-fleet-store-'))
  // Each PostgreSQL variant in a schema of its own: the fleet gate would follow the store variant's documents.
  const tag = randomBytes(5).toString('hex')
  const schemas = ['store', 'fleet', 'nosync'].map(v => `bench_${v}_${tag}`)
  const db = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  await db.connect()
  const started = new Map<VariantName, Started>()
  try {
    const configFile = writeBenchConfig(world, join(dir, 'config'))
    const open: Record<VariantName, () => Promise<{ store: Store; fleet?: 'shipped' | 'no-sync' }>> = {
      embedded: async () => ({ store: new FileStore(join(dir, 'embedded'), { background: true }) }),
      pgStore: async () => ({
        store: await PgStore.open({ url: BENCH_DATABASE_URL, schema: schemas[0], account: `bench-${tag}-store` }),
      }),
      pgFleet: async () => ({
        store: await PgStore.open({ url: BENCH_DATABASE_URL, schema: schemas[1], account: `bench-${tag}-fleet` }),
        fleet: 'shipped',
      }),
      pgFleetNoSync: async () => ({
        store: await PgStore.open({ url: BENCH_DATABASE_URL, schema: schemas[2], account: `bench-${tag}-nosync` }),
        fleet: 'no-sync',
      }),
    }
    for (const v of names) started.set(v, await startVariant(world, configFile, join(dir, v), await open[v](), db))
    for (const v of names) await started.get(v)!.pass(warm)
    const passes = Object.fromEntries(names.map(v => [v, [] as StorePass[]])) as Record<VariantName, StorePass[]>
    for (let r = 0; r < reps; r++)
      for (const v of names) {
        const run = () => started.get(v)!.pass(stream)
        passes[v].push(await (v === 'pgFleet' && profile ? profiled(`${profile}${r ? `.${r}` : ''}`, run) : run()))
      }
    const fig = (p: StorePass[]): StoreVariant => ({
      cpuUsPerMsg: median(p.map(x => ((x.cpuMs + x.dbCpuMs) * 1000) / x.handled)),
      dbCpuUsPerMsg: median(p.map(x => (x.dbCpuMs * 1000) / x.handled)),
      wallUsPerMsg: median(p.map(x => (x.wallMs * 1000) / x.handled)),
      passes: p,
    })
    const variants = Object.fromEntries(names.map(v => [v, fig(passes[v])])) as StoreCostResult['variants']
    const ratio = variants.pgFleet.cpuUsPerMsg / variants.embedded.cpuUsPerMsg
    return {
      messages: n,
      groups,
      membersPerGroup: 100,
      variants,
      ratio,
      wallRatio: variants.pgFleet.wallUsPerMsg / variants.embedded.wallUsPerMsg,
      storeOnlyRatio: variants.pgStore.cpuUsPerMsg / variants.embedded.cpuUsPerMsg,
      pass: ratio <= STORE_COST_TARGET,
      runtimeErrors: [...started.values()].flatMap(s => s.errors()).slice(0, 10),
    }
  } finally {
    for (const s of started.values()) await s.stop()
    for (const schema of schemas) await db.query(`drop schema if exists "${schema}" cascade`).catch(() => {})
    await db.end()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Simulated time per delivered batch (as in bench/pipeline.ts): the outbox sends as it would live. */
const TICK_MS = 1_500

/** The full bot on `store` (and, with `fleet`, the fleet gate on its database), warmed up by the caller. */
async function startVariant(
  world: BenchWorld,
  configFile: string,
  dataDir: string,
  { store, fleet }: { store: Store; fleet?: 'shipped' | 'no-sync' },
  db: pg.Client,
): Promise<Started> {
  const clock = new BenchClock(BENCH_START)
  const sandbox = createSandbox({ now: () => clock.now() })
  populate(sandbox, world)
  const log = createLogger('silent')
  const gate = fleet ? joinFleet(store as PgStore, () => app, log) : undefined
  if (gate && fleet === 'no-sync') gate.sync = async () => {}
  const app = createApp({ configFile, dataDir, log, puppet: sandbox.puppet, clock, store, fleet: gate })
  const handled = countHandled(app)
  await app.bot.start()
  sandbox.world.login(world.botId)
  await app.ready
  await quiet(app.bot)
  await heldAll(gate, world.groups.length)
  const account = store instanceof PgStore ? [store.account] : []
  const tick = async () => {
    await clock.advanceTo(clock.now() + TICK_MS)
    while (app.runtime.outbox.sending()) await new Promise(r => setImmediate(r))
  }
  return {
    async pass(messages) {
      collectGarbage()
      const base = handled()
      const db0 = account.length ? await serverCpu(db, account) : new Map()
      const d = await deliver(sandbox.world, messages, () => handled() - base, tick)
      const db1 = account.length ? await serverCpu(db, account) : new Map()
      return {
        cpuMs: d.cpuMs,
        wallMs: d.wallMs,
        dbCpuMs: serverCpuSince(db0, db1),
        handled: messages.length - d.skipped,
      }
    },
    async stop() {
      await app.stop()
      if (store instanceof PgStore) await store.close()
    },
    errors: () => [...app.runtime.errors],
  }
}

/** Wait until the fleet gate holds every group (its first renewal may come before the rooms are loaded). */
async function heldAll(gate: PgFleet | undefined, groups: number): Promise<void> {
  const until = performance.now() + 30_000
  while (gate && gate.heldGroups().length < groups) {
    if (performance.now() > until)
      throw new Error(`the fleet gate holds ${gate.heldGroups().length} of ${groups} groups`)
    await gate.renew()
    await new Promise(r => setTimeout(r, 200))
  }
}

/** Print the result as lines. */
export function describeStoreCost(r: StoreCostResult): string[] {
  const f = (v: StoreVariant) =>
    `${v.cpuUsPerMsg.toFixed(0).padStart(5)} µs CPU/msg` +
    (v.dbCpuUsPerMsg ? ` (PostgreSQL server ${v.dbCpuUsPerMsg.toFixed(0)})` : '') +
    `, wall ${v.wallUsPerMsg.toFixed(0)} µs/msg; passes ${v.passes.map(p => `${(p.wallMs / 1000).toFixed(2)} s`).join(', ')}`
  return [
    `${r.messages.toLocaleString('en')} messages in ${r.groups} groups of ${r.membersPerGroup}, in-process, every plugin`,
    `embedded (file store)          ${f(r.variants.embedded)}`,
    `PostgreSQL store alone         ${f(r.variants.pgStore)}`,
    `PostgreSQL store + fleet gate  ${f(r.variants.pgFleet)}`,
    ...(r.variants.pgFleetNoSync
      ? [`what-if: gate without the read-through before each task (not shipped)  ${f(r.variants.pgFleetNoSync)}`]
      : []),
    `PostgreSQL as \`start\` runs it ÷ embedded: CPU ${r.ratio.toFixed(2)}×, wall ${r.wallRatio.toFixed(2)}×; the store alone ${r.storeOnlyRatio.toFixed(2)}× CPU`,
    ...r.runtimeErrors.map(e => `runtime error: ${e}`),
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, profile: { type: 'string' }, 'what-if': { type: 'boolean' } },
  })
  runStoreCost({ ...values, whatIf: values['what-if'] }).then(r => {
    console.log(describeStoreCost(r).join('\n'))
    process.exit(0)
  })
}
