/**
 * Workload 6, start-up: wall time from spawning a fresh `node` process to the
 * bot being ready (logged in, plugins created, state loaded) on the sandbox
 * with the seeded data (100 groups × 500 members, the history of the store
 * growth workload). Target: under 3 s. One bare-Wechaty child on the same
 * world shows what Node, the modules, the sandbox and Wechaty cost without the app.
 */
import { median } from './measure.js'
import { runChild, type ChildRun } from './spawn-child.js'

/** Target: process start to ready. */
export const STARTUP_TARGET_MS = 3_000

/** What `runStartupBench` measured (medians over the runs, ms). */
export interface StartupResult {
  runs: number
  spawnToReadyMs: number
  /** Inside the child, ms since process start: Node, tsx, Wechaty and sandbox modules loaded; sandbox world built; app modules loaded; app created (config, roster, state read); logged in and ready. */
  phases: { imports: number; world: number; appModules: number; created: number; ready: number }
  /** The same, with a bare Wechaty instead of the app. */
  bare: { spawnToReadyMs: number; ready: number }
  /** Ready minus the bare bot's ready: what the app itself adds. */
  appMs: number
  target: number
  pass: boolean
}

/** Spawn the child `quick ? 1 : 3` times on `dataDir`, plus one bare run. */
export async function runStartupBench(opts: {
  quick?: boolean
  configFile: string
  dataDir: string
  endAt: number
}): Promise<StartupResult> {
  const args = ['--config', opts.configFile, '--data', opts.dataDir, '--at', String(opts.endAt)]
  const bare = await runChild([...args, '--bare']) // also warms tsx's transform cache
  const runs: ChildRun[] = []
  for (let i = 0; i < (opts.quick ? 1 : 3); i++) runs.push(await runChild(args))
  const phase = (r: ChildRun, k: string) => r.reports.find(x => x.phase === 'ready')!.ms[k]
  const med = (f: (r: ChildRun) => number) => median(runs.map(f))
  const spawnToReadyMs = med(r => r.spawnToReadyMs)
  const ready = med(r => phase(r, 'ready'))
  return {
    runs: runs.length,
    spawnToReadyMs,
    phases: {
      imports: med(r => phase(r, 'imports')),
      world: med(r => phase(r, 'world')),
      appModules: med(r => phase(r, 'appModules')),
      created: med(r => phase(r, 'created')),
      ready,
    },
    bare: { spawnToReadyMs: bare.spawnToReadyMs, ready: phase(bare, 'ready') },
    appMs: ready - phase(bare, 'ready'),
    target: STARTUP_TARGET_MS,
    pass: spawnToReadyMs < STARTUP_TARGET_MS,
  }
}

/** Print one result as lines. */
export function describeStartup(r: StartupResult): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  return [
    `spawn → ready ${s(r.spawnToReadyMs)} (median of ${r.runs}). In the child, since process start: Node + tsx + Wechaty + sandbox modules ${s(r.phases.imports)},`,
    `  sandbox world built ${s(r.phases.world)}, app modules imported ${s(r.phases.appModules)}, app created (config, roster, state read) ${s(r.phases.created)}, logged in and ready ${s(r.phases.ready)}`,
    `bare Wechaty on the same world: ready at ${s(r.bare.ready)} → the app adds ${s(r.appMs)}`,
  ]
}
