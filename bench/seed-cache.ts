/**
 * The seeded state (100 groups × 500 members, 1,000,000 recorded messages;
 * 50,000 with --quick) kept between runs: the store workload plays the history
 * through the bot once, and the memory, start-up and state-write workloads of
 * a later run (`--only memory`, or the bench files run alone) load that folder
 * instead of playing it again. Kept in `node_modules/.cache/bench-seed/`,
 * under a key of everything that shapes the state: the bot's and plugins'
 * code, `data/` (example config, dictionaries), the lockfile, and the bench
 * files that generate the world, the traffic and the history. Any change there
 * seeds again; only the newest folder is kept. `BENCH_SEED_KEY=<key>` (a key printed by an earlier
 * seeding, e.g. `full-0123456789abcdef`) reuses that folder instead: for a change that leaves the state as it
 * was (a faster start, less memory), so the before and after builds load the same state without seeding again.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { writeBenchConfig } from './bench-config.js'
import { runStoreGrowthBench, type StoreGrowthResult } from './store-growth.js'
import { type BenchWorld, syntheticWorld } from './synthetic-world.js'

const ROOT = resolve(import.meta.dirname, '..')
const CACHE = join(ROOT, 'node_modules', '.cache', 'bench-seed')
/** Bench files whose code decides what the seeded state holds. */
const BENCH_FILES = [
  'bench-clock.ts',
  'bench-config.ts',
  'history-player.ts',
  'message-stream.ts',
  'prng.ts',
  'seed-cache.ts',
  'store-growth.ts',
  'synthetic-world.ts',
]

/** The world the seeded state belongs to. */
export function seedWorld(): BenchWorld {
  return syntheticWorld({ groups: 100, membersPerGroup: 500 })
}

/** The cache key of the seeded state of this checkout (a short hash of its inputs), or `BENCH_SEED_KEY` when set. */
export function seedKey(quick: boolean): string {
  const chosen = process.env.BENCH_SEED_KEY
  if (chosen) {
    if (!chosen.startsWith(quick ? 'quick-' : 'full-'))
      throw new Error(`BENCH_SEED_KEY=${chosen} is not a ${quick ? 'quick' : 'full'} state's key`)
    return chosen
  }
  const h = createHash('sha256').update(quick ? 'quick\n' : 'full\n')
  const files = [
    ...walk(join(ROOT, 'bot')),
    ...walk(join(ROOT, 'plugins')),
    ...walk(join(ROOT, 'data')).filter(f => !relative(ROOT, f).startsWith(join('data', 'state'))),
    join(ROOT, 'package-lock.json'),
    ...BENCH_FILES.map(f => join(ROOT, 'bench', f)),
  ]
  for (const f of files) h.update(`${relative(ROOT, f)}\n`).update(readFileSync(f))
  return `${quick ? 'quick' : 'full'}-${h.digest('hex').slice(0, 16)}`
}

/** The cached data folder for `key`, or undefined when this state was not seeded yet. */
export function cachedSeed(key: string): string | undefined {
  const dir = join(CACHE, key)
  return existsSync(join(dir, 'done')) ? join(dir, 'data') : undefined
}

/** Keep a copy of a freshly seeded data folder under `key` (replacing older keys of the same mode). */
export function saveSeed(key: string, dataDir: string, result: StoreGrowthResult): void {
  mkdirSync(CACHE, { recursive: true })
  const mode = key.split('-')[0]
  for (const old of readdirSync(CACHE))
    if (old !== `config-${key}` && (old.startsWith(`${mode}-`) || old.startsWith(`config-${mode}-`)))
      rmSync(join(CACHE, old), { recursive: true })
  const partial = join(CACHE, `.partial-${key}`)
  rmSync(partial, { recursive: true, force: true })
  cpSync(dataDir, join(partial, 'data'), { recursive: true })
  writeFileSync(join(partial, 'done'), `${JSON.stringify({ seededAt: new Date().toISOString(), result }, null, 2)}\n`)
  renameSync(partial, join(CACHE, key))
}

/**
 * The seeded state for a bench file run alone: the cached folder, or seeded now (the store workload, its
 * figures printed as a by-product) and cached. `dataDir` is the cache itself: copy it before writing to it.
 */
export async function seededState(opts: { quick?: boolean; configDir?: string }): Promise<{
  world: BenchWorld
  configFile: string
  dataDir: string
}> {
  const quick = opts.quick ?? false
  const world = seedWorld()
  const key = seedKey(quick)
  const configFile = writeBenchConfig(world, opts.configDir ?? join(CACHE, `config-${key}`))
  let dataDir = cachedSeed(key)
  if (!dataDir) {
    const fresh = join(CACHE, `.seeding-${key}`)
    rmSync(fresh, { recursive: true, force: true })
    console.log(`seeding ${quick ? '50,000' : '1,000,000'} messages of history (cache key ${key})…`)
    const result = await runStoreGrowthBench({ quick, world, configFile, dataDir: fresh })
    saveSeed(key, fresh, result)
    rmSync(fresh, { recursive: true, force: true })
    dataDir = cachedSeed(key)!
  }
  return { world, configFile, dataDir }
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name))
    .sort()
}
