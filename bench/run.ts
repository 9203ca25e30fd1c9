/**
 * `npm run bench [-- --quick] [-- --only pipeline,store,...]`: every workload of
 * the benchmark issue, one after the other, a summary table on stdout and
 * the same figures in `bench/results.json`. Misses are reported and the exit
 * code stays 0; a workload that crashes is reported as ERROR and makes it 1.
 *
 * Workloads: pipeline (1, in-process), grpc (1, over a puppet-service connection), matcher (2, bench/matcher.ts), store (3),
 * cases (4, bench/cases.ts), memory (5), startup (6), members (7, bench/members.ts),
 * flush (8, bench/flush.ts: event-loop stalls from state writes), archive (9, bench/archive.ts:
 * ingest cost per message and search p95 at 1M archived messages), fleet (10, bench/fleet-throughput.ts:
 * three compiled bots on one PostgreSQL beside one on the embedded store), fleet-store (11,
 * bench/fleet-store.ts: per-message cost on PostgreSQL vs the embedded store, in-process). Memory, start-up
 * and flush load the data dir the store workload seeded: in the same run, or, when the store workload is not
 * selected, the copy a run with the same code kept (bench/seed-cache.ts; seeded now when there is none).
 * Each line's wall time is printed after it and in the summary.
 */
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ARCHIVE_P95_TARGET_MS, type ArchiveBenchResult, describeArchive, runArchiveBench } from './archive.js'
import { runCasesBench, type CasesBenchResult } from './cases.js'
import { writeBenchConfig } from './bench-config.js'
import {
  describeFleetThroughput,
  FLEET_RATE_TARGET,
  FLEET_RATIO_TARGET,
  runFleetThroughput,
} from './fleet-throughput.js'
import { describeStoreCost, runStoreCost, STORE_COST_TARGET } from './fleet-store.js'
import { describeFlush, type FlushResult, runFlushBench, STALL_MAX_TARGET_MS, STALL_P99_TARGET_MS } from './flush.js'
import type { MatcherBenchResult } from './matcher.js'
import { describeMembers, runMembersBench, type MembersResult } from './members.js'
import { describeMemory, runMemoryBench, type MemoryResult } from './memory.js'
import { describePipeline, PIPELINE_TARGET, runPipelineBench, type PipelineResult } from './pipeline.js'
import { describeGrpcPipeline, type GrpcPipelineResult, runGrpcPipeline } from './pipeline-grpc.js'
import { describeStartup, runStartupBench, type StartupResult } from './startup.js'
import { cachedSeed, saveSeed, seedKey, seedWorld } from './seed-cache.js'
import { describeStoreGrowth, runStoreGrowthBench, type StoreGrowthResult } from './store-growth.js'
import { machineInfo, printTable, writeResults, type Row, type Status } from './table.js'

/** Goals of issue #18 for the pipeline: over gRPC, and flat from the smallest to the largest group count. */
const GRPC_TARGET = 1.5
const GROWTH_TARGET = 1.5

const ALL = [
  'pipeline',
  'grpc',
  'matcher',
  'store',
  'cases',
  'members',
  'memory',
  'startup',
  'flush',
  'archive',
  'fleet',
  'fleet-store',
] as const
type Workload = (typeof ALL)[number]

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } })
const quick = values.quick
const only = new Set((values.only?.split(',') ?? ALL) as Workload[])
const rows: Row[] = []
const results: Record<string, unknown> = {}
let crashed = false
const status = (ok: boolean): Status => (ok ? 'PASS' : 'MISS')
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** Run one workload, print its details, add its summary row; a crash becomes an ERROR row. */
async function workload<T>(
  name: Workload,
  title: string,
  run: () => Promise<T>,
  summarize: (r: T) => Omit<Row, 'workload'> & { details: string[] },
): Promise<T | undefined> {
  if (!only.has(name)) return undefined
  console.log(`\n▶ ${title}`)
  const t = performance.now()
  try {
    const r = await run()
    const { details, ...row } = summarize(r)
    for (const line of details) console.log(`  ${line}`)
    const seconds = (performance.now() - t) / 1000
    console.log(`  → ${row.figure}  [target ${row.target}]  ${row.status}  (${secs(seconds * 1000)})`)
    rows.push({ workload: title, ...row, seconds })
    results[name] = { status: row.status, seconds, ...r }
    return r
  } catch (e) {
    crashed = true
    const seconds = (performance.now() - t) / 1000
    console.log(`  ERROR ${(e as Error).stack ?? e}`)
    rows.push({ workload: title, figure: (e as Error).message.slice(0, 60), target: '', status: 'ERROR', seconds })
    results[name] = { status: 'ERROR', seconds, error: String(e) }
    return undefined
  }
}

const RESULTS = resolve(import.meta.dirname, 'results.json')

/** How long the selected lines took in the last run of this mode (bench/results.json), as the estimate. */
function estimate(): string {
  const mode = quick ? 'quick' : 'full'
  let last: { quick?: boolean; generatedAt?: string; workloads?: Record<string, { seconds?: number }> } = {}
  try {
    if (existsSync(RESULTS)) last = JSON.parse(readFileSync(RESULTS, 'utf8'))
  } catch {} // unreadable: no estimate
  const timed = [...only].filter(w => last.quick === quick && last.workloads?.[w]?.seconds !== undefined)
  if (!timed.length) return `no estimate: no earlier ${mode} run in bench/results.json`
  const seconds = timed.reduce((sum, w) => sum + (last.workloads?.[w]?.seconds ?? 0), 0)
  const missing = [...only].filter(w => !timed.includes(w))
  const took = seconds < 120 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(0)} min`
  return `estimate ${took}: what these lines took in the last ${mode} run (${last.generatedAt?.slice(0, 16)})${missing.length ? `, not counting ${missing.join(', ')} (not timed then)` : ''}`
}

const started = performance.now()
const machine = machineInfo()
console.log(
  `bench ${quick ? '--quick' : '(full)'} on ${machine.cpus}× ${machine.model}, Node ${machine.node}, load average ${machine.loadavg.join(' ')} (shared machine: absolute figures vary, ratios within a run hold better); ${estimate()}`,
)

const PIPELINE_SIZES = quick ? [10] : [10, 100, 1000]
const growth = (xs: number[]) => xs[xs.length - 1] / xs[0]
await workload(
  'pipeline',
  '1 pipeline in-process',
  async () => {
    const sizes: PipelineResult[] = []
    for (const groups of PIPELINE_SIZES) sizes.push(await runPipelineBench({ quick, groups }))
    return { sizes, growth: growth(sizes.map(r => r.full.cpuUsPerMsg)) }
  },
  r => ({
    figure: `${r.sizes.map(x => `${x.groups} groups ${x.ratio.toFixed(2)}×`).join(', ')}; full bot ×${r.growth.toFixed(2)} from ${PIPELINE_SIZES[0]} to ${PIPELINE_SIZES.at(-1)}`,
    target: `≤ ${PIPELINE_TARGET}× bare, growth ≤ ${GROWTH_TARGET}×`,
    status: status(r.sizes.every(x => x.pass) && r.growth <= GROWTH_TARGET),
    details: r.sizes.flatMap(describePipeline),
  }),
)

await workload(
  'grpc',
  '1 pipeline over gRPC',
  async () => {
    const sizes: GrpcPipelineResult[] = []
    for (const groups of PIPELINE_SIZES)
      sizes.push(await runGrpcPipeline({ groups, membersPerGroup: 100, messages: quick ? 1_000 : 5_000 }))
    return { sizes, growth: growth(sizes.map(r => r.full.cpuUsPerMsg)) }
  },
  r => ({
    figure: `${r.sizes.map(x => `${x.groups} groups ${x.ratio.toFixed(2)}×`).join(', ')}; full bot ×${r.growth.toFixed(2)} from ${PIPELINE_SIZES[0]} to ${PIPELINE_SIZES.at(-1)}`,
    target: `≤ ${GRPC_TARGET}× bare, growth ≤ ${GROWTH_TARGET}×`,
    status: status(r.sizes.every(x => x.ratio <= GRPC_TARGET) && r.growth <= GROWTH_TARGET),
    details: r.sizes.map(describeGrpcPipeline),
  }),
)

/**
 * The matcher line in a process of its own (`node --expose-gc --import tsx bench/matcher.ts`): run in this one after
 * the pipeline line, its 100k build printed 14.7 s against 8.8 s alone (docs/performance.md). Its table goes to
 * this process's output as the other lines' details do; its own printout is dropped.
 */
async function matcherInChild(): Promise<MatcherBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-matcher-'))
  try {
    const file = join(dir, 'result.json')
    const args = ['--expose-gc', '--import', 'tsx', 'bench/matcher.ts', ...(quick ? ['--quick'] : []), '--json', file]
    const cwd = resolve(import.meta.dirname, '..')
    await new Promise<void>((done, fail) =>
      execFile(process.execPath, args, { cwd, maxBuffer: 1 << 24 }, e => (e ? fail(e) : done())),
    )
    return JSON.parse(readFileSync(file, 'utf8')) as MatcherBenchResult
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (only.has('matcher')) {
  const matcher = await import('./matcher.js').catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e
    return undefined
  })
  if (!matcher) {
    console.log('\n▶ 2 matcher\n  not available: bench/matcher.ts is not in this checkout')
    rows.push({ workload: '2 matcher', figure: 'not available (bench/matcher.ts missing)', target: '', status: 'N/A' })
  } else {
    await workload('matcher', '2 matcher', matcherInChild, r => ({
      figure: `${r.matcherMBps.toFixed(0)} MB/s = ${r.ratioToBare.toFixed(2)}× bare lookup loop, ${r.ratioToMint.toFixed(0)}× mint-filter`,
      target: '≥ 0.30× bare lookup loop, ≥ 35× mint, 100k build < 2 s / 15 MB',
      status: status(Object.values(r.pass).every(ok => ok !== false)),
      details: matcher.formatMatcherBench(r).split('\n'),
    }))
  }
}

await workload(
  'fleet',
  '10 fleet throughput (compiled, gRPC)',
  () => runFleetThroughput({ quick }),
  r => ({
    figure: `3 bots on PostgreSQL ${r.fleet.msgsPerSec.toFixed(0)} msg/s = ${r.ratio.toFixed(2)}× one embedded bot (${r.embedded.msgsPerSec.toFixed(0)} msg/s)`,
    target: `≥ ${FLEET_RATIO_TARGET}× embedded, ≥ ${FLEET_RATE_TARGET} msg/s`,
    status: status(r.pass),
    details: describeFleetThroughput(r),
  }),
)

await workload(
  'fleet-store',
  '11 store cost, PostgreSQL vs embedded',
  () => runStoreCost({ quick }),
  r => ({
    figure: `${r.variants.pgFleet.cpuUsPerMsg.toFixed(0)} vs ${r.variants.embedded.cpuUsPerMsg.toFixed(0)} µs CPU/msg = ${r.ratio.toFixed(2)}× (store alone ${r.storeOnlyRatio.toFixed(2)}×)`,
    target: `≤ ${STORE_COST_TARGET}× embedded`,
    status: status(r.pass),
    details: describeStoreCost(r),
  }),
)

const needsSeed = only.has('memory') || only.has('startup') || only.has('flush')
const needsData = only.has('store') || needsSeed
const dir = mkdtempSync(join(tmpdir(), 'bench-run-'))
try {
  const world = needsData ? seedWorld() : undefined
  const configFile = world ? writeBenchConfig(world, join(dir, 'config')) : ''
  const dataDir = join(dir, 'data')
  const key = seedKey(quick)
  const cached = needsSeed && !only.has('store') ? cachedSeed(key) : undefined
  let seeded = false
  if (cached) {
    const t = performance.now()
    cpSync(cached, dataDir, { recursive: true })
    console.log(`\n▶ seeded state from the cache (${key}, copied in ${secs(performance.now() - t)})`)
    seeded = true
  } else if (world) {
    if (needsSeed) only.add('store') // they load its data
    const store = await workload(
      'store',
      '3 store growth',
      () => runStoreGrowthBench({ quick, world, configFile, dataDir }),
      (r: StoreGrowthResult) => ({
        figure: `${r.small.usPerMsg.toFixed(0)} → ${r.large.usPerMsg.toFixed(0)} µs CPU/msg (1k → ${(r.large.after / 1000).toLocaleString('en')}k) = ${r.ratio.toFixed(2)}×`,
        target: `≤ ${r.target}×`,
        status: status(r.pass),
        details: describeStoreGrowth(r),
      }),
    )
    if (store) {
      const t = performance.now()
      saveSeed(key, dataDir, store) // before the state-write workload continues the history in dataDir
      console.log(`  (seeded state kept for later runs: ${key}, ${secs(performance.now() - t)})`)
      seeded = true
    }
  }

  await workload(
    'cases',
    '4 case search',
    () => runCasesBench({ quick }),
    (r: CasesBenchResult) => ({
      figure: `p95 ${r.searchCpu.p95.toFixed(2)} ms CPU over ${r.cases.toLocaleString('en')} cases (build ${secs(r.build.cpuMs)} CPU)`,
      target: 'p95 < 10 ms, build < 3 s',
      status: status(r.targets.p95Ok && r.targets.buildOk),
      details: [
        `search CPU p50 ${r.searchCpu.p50.toFixed(2)} / p95 ${r.searchCpu.p95.toFixed(2)} / p99 ${r.searchCpu.p99.toFixed(2)} ms; wall p95 ${r.search.p95.toFixed(2)} ms (n=${r.search.samples}); build wall ${secs(r.build.wallMs)}`,
        ...(r.baseline
          ? [
              `MiniSearch on the same tokens: CPU p95 ${r.baseline.searchCpu.p95.toFixed(2)} ms, build ${secs(r.baseline.build.cpuMs)} CPU`,
            ]
          : []),
      ],
    }),
  )

  await workload(
    'archive',
    '9 message archive',
    () => runArchiveBench({ quick }),
    (r: ArchiveBenchResult) => ({
      figure: `ingest ${r.ingestUsPerMsg.toFixed(0)} µs CPU/msg; search p95 ${r.cpu.p95.toFixed(1)} ms CPU (wall ${r.yearAll.p95.toFixed(1)} ms) at ${(r.messages / 1e6).toFixed(1)}M msgs`,
      target: `p95 < ${ARCHIVE_P95_TARGET_MS} ms`,
      status: status(r.pass),
      details: describeArchive(r),
    }),
  )

  await workload(
    'members',
    '7 member look-ups over gRPC',
    () => runMembersBench({ membersPerGroup: quick ? 200 : 500 }),
    (r: MembersResult) => ({
      figure: `${r.members} members: warm ${r.cachedMs.toFixed(2)} ms, re-read ${r.fixedWarmMs.toFixed(0)} ms (as shipped ${r.shippedWarmMs.toFixed(0)} ms), cold ${secs(r.coldMs)}`,
      target: 'warm < 20 ms',
      status: status(r.cachedMs < 20),
      details: [describeMembers(r)],
    }),
  )

  if (seeded) {
    const data = { quick, world: world!, configFile, dataDir }
    await workload(
      'memory',
      '5 memory (compiled, gRPC)',
      () => runMemoryBench(data),
      (r: MemoryResult) => ({
        figure: `RSS ${r.full.live.toFixed(0)} MB (bare Wechaty ${r.bare.live.toFixed(0)} MB)`,
        target: `< ${r.target} MB`,
        status: status(r.pass),
        details: describeMemory(r),
      }),
    )
    await workload(
      'startup',
      '6 start-up (compiled)',
      () => runStartupBench(data),
      (r: StartupResult) => ({
        figure: `sandbox ${secs(r.sandbox.bot)} (bare ${secs(r.sandbox.bare)}), gRPC ${secs(r.service.bot)} (bare ${secs(r.service.bare)})`,
        target: `< ${secs(r.target)} warm`,
        status: status(r.pass),
        details: describeStartup(r),
      }),
    )
    await workload(
      'flush',
      '8 state writes (event-loop stalls)',
      () => runFlushBench({ world: world!, configFile, dataDir, messages: quick ? 5_000 : 20_000 }),
      (r: FlushResult) => ({
        figure: `longest block ${r.stallMaxMs.toFixed(0)} ms, p99 ${r.stallP99Ms.toFixed(0)} ms; per send ${r.preSend.medianMs.toFixed(1)} ms`,
        target: `max < ${STALL_MAX_TARGET_MS} ms, p99 < ${STALL_P99_TARGET_MS} ms`,
        status: status(r.pass),
        details: describeFlush(r),
      }),
    )
  } else if (only.has('memory') || only.has('startup') || only.has('flush')) {
    rows.push({
      workload: '5/6 memory, start-up',
      figure: 'skipped: the store workload did not seed data',
      target: '',
      status: 'ERROR',
    })
    crashed = true
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const totalSeconds = (performance.now() - started) / 1000
console.log(
  `\nSummary (${quick ? 'quick' : 'full'} run, ${totalSeconds.toFixed(0)} s; load average now ${machineInfo().loadavg.join(' ')})`,
)
printTable(rows)
const out = RESULTS
writeResults(out, {
  generatedAt: new Date().toISOString(),
  quick,
  machine,
  loadavgAtEnd: machineInfo().loadavg,
  totalSeconds,
  summary: rows,
  workloads: results,
})
console.log(`\nfigures written to ${out}`)
process.exit(crashed ? 1 : 0)
