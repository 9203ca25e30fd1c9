/**
 * Workload 6, start-up from compiled code: wall time from spawning
 * `node dist/bin/cli.js start` to its "就绪 ready" line (logged in, plugins
 * created, state loaded, groups matched), on the sandbox (the demo world and
 * the example config, as `npm start` without a puppet) and against a puppet
 * service this process serves over gRPC (100 groups × 500 members, the state
 * the store workload seeded: 1,000,000 recorded messages, 50,000 with --quick).
 * Beside each, bare Wechaty (bench/bare-wechaty.mjs) from spawn to login on the
 * same puppet. Warm, in both modes: one discarded start of each first (file
 * cache, compiled code cache), then 3 timed ones of each, interleaved; the
 * figure is their median, the fastest is printed beside it (--quick only seeds
 * less history). Needs `npm run build`.
 *
 * Alone, with a CPU profile of each timed bot start written to DIR (sum one with bench/profile-summary.ts),
 * and with another build timed beside this one (`--before DIR`: a copy of an earlier `dist/`, e.g.
 * `git stash; npm run build; cp -r dist /tmp/before; git stash pop; npm run build`), interleaved in one run:
 *
 *   npx tsx bench/startup.ts [--quick] [--rounds N] [--profile DIR] [--before DIR]
 *
 * `--rounds N` times N starts of each instead of 3; with `--before` each round's CPU ratio (this build ÷ the
 * other) is printed, and their median. The seeded state: bench/seed-cache.ts (`BENCH_SEED_KEY` picks one).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { cliOf, type StartSpec, startChild } from './compiled.js'
import { median } from './measure.js'
import type { BenchWorld } from './synthetic-world.js'

/** Target: spawn to ready, warm, for the sandbox and for a puppet-service connection. */
export const STARTUP_TARGET_MS = 2_000

/** Timed starts of each variant, after one untimed one (warm), in quick and full mode alike. */
export const TIMED_STARTS = 3

/** Medians of the timed starts (ms). */
export interface StartupFigures {
  bot: number
  bare: number
  /** The fastest timed start of each (ms). */
  min: { bot: number; bare: number }
  runs: { bot: number[]; bare: number[] }
  /** Medians of the CPU time used by spawn → ready (ms). */
  cpu: { bot: number; bare: number }
  /** CPU time to ready of each timed start (ms). */
  cpuRuns: { bot: number[]; bare: number[] }
  /** The other build (`--before`), timed interleaved with this one: median, runs, median CPU and CPU runs (ms). */
  before?: { bot: number; runs: number[]; cpu: number; cpuRuns: number[] }
}

/** What `runStartupBench` measured. */
export interface StartupResult {
  sandbox: StartupFigures
  service: StartupFigures & { groups: number; membersPerGroup: number }
  target: number
  pass: boolean
}

/**
 * Start each variant once untimed, then `rounds` (default `TIMED_STARTS`) timed starts of each (`quick`: the
 * smaller seeded state).
 */
export async function runStartupBench(opts: {
  quick?: boolean
  world: BenchWorld
  configFile: string
  dataDir: string
  /** Write a CPU profile of every timed bot start into this folder (`node --cpu-prof`). */
  profileDir?: string
  /** Another build's `dist/` folder, timed beside this one (its `bot/cli.js`). */
  beforeDist?: string
  /** Timed starts of each variant (default `TIMED_STARTS`). */
  rounds?: number
}): Promise<StartupResult> {
  const runs = opts.rounds ?? TIMED_STARTS
  // The bot writes to its data folder: a copy, so the workloads after this one see the seeded state unchanged.
  // The other build has its own: each rewrites what it migrates in its own version (an older one refuses a newer).
  const copy = mkdtempSync(join(tmpdir(), 'bench-startup-'))
  cpSync(opts.dataDir, copy, { recursive: true })
  const beforeCopy = opts.beforeDist ? mkdtempSync(join(tmpdir(), 'bench-startup-before-')) : undefined
  if (beforeCopy) cpSync(opts.dataDir, beforeCopy, { recursive: true })
  try {
    const time = async (spec: StartSpec) => {
      const child = await startChild(spec)
      await child.stop()
      return child
    }
    const variants = async (bot: StartSpec, bare: StartSpec): Promise<StartupFigures> => {
      const before = opts.beforeDist
        ? { ...bot, cli: cliOf(resolve(opts.beforeDist)), ...(bot.dataDir && { dataDir: beforeCopy }) }
        : undefined
      await time(bot)
      await time(bare)
      if (before) await time(before)
      const timed = { bot: [] as number[], bare: [] as number[], before: [] as number[] }
      const cpu = { bot: [] as number[], bare: [] as number[], before: [] as number[] }
      const profiled = opts.profileDir ? { ...bot, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', opts.profileDir] } : bot
      for (let i = 0; i < runs; i++) {
        const b = await time(profiled)
        const w = await time(bare)
        timed.bot.push(b.readyMs)
        timed.bare.push(w.readyMs)
        cpu.bot.push(b.readyCpuMs)
        cpu.bare.push(w.readyCpuMs)
        if (!before) continue
        const o = await time(before)
        timed.before.push(o.readyMs)
        cpu.before.push(o.readyCpuMs)
      }
      return {
        bot: median(timed.bot),
        bare: median(timed.bare),
        min: { bot: Math.min(...timed.bot), bare: Math.min(...timed.bare) },
        runs: { bot: timed.bot, bare: timed.bare },
        cpu: { bot: median(cpu.bot), bare: median(cpu.bare) },
        cpuRuns: { bot: cpu.bot, bare: cpu.bare },
        before: before && {
          bot: median(timed.before),
          runs: timed.before,
          cpu: median(cpu.before),
          cpuRuns: cpu.before,
        },
      }
    }
    const sandbox = await variants({ kind: 'bot' }, { kind: 'bare' })
    const service = await variants(
      { kind: 'bot', world: opts.world, configFile: opts.configFile, dataDir: copy },
      { kind: 'bare', world: opts.world },
    )
    return {
      sandbox,
      service: {
        ...service,
        groups: opts.world.groups.length,
        membersPerGroup: Object.keys(opts.world.groups[0].members).length,
      },
      target: STARTUP_TARGET_MS,
      pass: sandbox.bot < STARTUP_TARGET_MS && service.bot < STARTUP_TARGET_MS,
    }
  } finally {
    for (const dir of [copy, beforeCopy]) if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

/** Print one result as lines. */
export function describeStartup(r: StartupResult): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  const line = (what: string, f: StartupFigures) =>
    `${what}: bot ${s(f.bot)} (min ${s(f.min.bot)}; runs ${f.runs.bot.map(s).join(', ')}), bare Wechaty ${s(f.bare)} (min ${s(f.min.bare)}) → ${(f.bot / f.bare).toFixed(2)}× bare, ${f.bot >= f.bare ? '+' : '−'}${s(Math.abs(f.bot - f.bare))}; CPU to ready: bot ${s(f.cpu.bot)}, bare ${s(f.cpu.bare)} → ${(f.cpu.bot / f.cpu.bare).toFixed(2)}×${
      f.before
        ? `; the --before build: ${s(f.before.bot)} (runs ${f.before.runs.map(s).join(', ')}), ${cpuRatios(f)}`
        : ''
    }`
  return [
    `spawn → ready of \`node dist/bin/cli.js start\` (warm: 1 untimed start, then median and min of ${r.sandbox.runs.bot.length}); bare Wechaty: spawn → login on the same puppet`,
    line('sandbox (demo world, example config)', r.sandbox),
    line(
      `puppet service over gRPC (${r.service.groups} × ${r.service.membersPerGroup} members, seeded state)`,
      r.service,
    ),
  ]
}

/** This build's CPU to ready ÷ the `--before` build's, per round (the two start one after the other), and the median. */
function cpuRatios(f: StartupFigures): string {
  if (!f.before) return ''
  const before = f.before.cpuRuns
  const ratios = f.cpuRuns.bot.map((cpu, i) => cpu / before[i])
  return `CPU ${(f.before.cpu / 1000).toFixed(2)} s → this build ${(f.cpu.bot / f.before.cpu).toFixed(2)}× its CPU (per round ${ratios.map(x => x.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}×)`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      profile: { type: 'string' },
      before: { type: 'string' },
      rounds: { type: 'string' },
    },
  })
  const rounds = values.rounds ? Number(values.rounds) : undefined
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds > 0)) throw new Error('--rounds: a whole number ≥ 1')
  const { seededState } = await import('./seed-cache.js')
  const seed = await seededState({ quick: values.quick })
  const profileDir = values.profile && resolve(values.profile)
  const r = await runStartupBench({ quick: values.quick, ...seed, profileDir, beforeDist: values.before, rounds })
  console.log(describeStartup(r).join('\n'))
  if (profileDir) console.log(`profiles of the timed bot starts: ${profileDir}`)
}
