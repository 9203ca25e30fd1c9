/**
 * Workload 3, store growth: the time the runtime takes to record one message
 * (every plugin's onEvent, the activity counters, audit lines, FileStore
 * appends) after 1,000 and after 1,000,000 recorded messages (50,000 with
 * --quick), played day by day into a FileStore. Target: ratio at most 1.5,
 * judged on CPU time per message (wall time on a shared machine also counts
 * other people's processes; it is reported beside it). A third point after
 * the first day compares two states where the members are already known.
 * The flush (which rewrites every dirty state doc, and which the outbox runs
 * before each send) is timed apart. Reference: a naive lowdb doc holding
 * every message, rewritten per message.
 * The seeded data dir is what the memory and start-up workloads load.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { MemoryStore } from '../bot/ports/store/memory-store.js'
import { HistoryPlayer, outputDirOf, SeedStore, workdaysEndingAt } from './history-player.js'
import { collectGarbage, cpuMs, median } from './measure.js'
import type { BenchWorld } from './synthetic-world.js'

/** The last seeded workday; the start-up and memory workloads run "that evening". */
export const LAST_DAY = '2026-11-30'
/** Target ratio of the per-message time after many vs after 1,000 messages. */
export const STORE_GROWTH_TARGET = 1.5
const MESSAGES_PER_DAY = 50_000
/** Messages of a day before its measuring point (08:30 + 12 minutes). */
const MORNING = 1_000
const SUB_WINDOWS = 7
const SUB_WINDOW = 1_000
/**
 * Wall time between flushes while the history is played: the periodic flush rewrites every dirty document,
 * which a measuring point times apart (and the state-writes line at the app's 5 s), so the seed does it less.
 */
const SEED_FLUSH_EVERY_MS = 30_000

/** Per-message figures at one point of the history (µs per message: CPU, and wall beside it). */
export interface GrowthPoint {
  after: number
  usPerMsg: number
  wallUsPerMsg: number
  flushMs: number
  durableFlushMs: number
  stateMb: number
}

/** What `runStoreGrowthBench` measured. */
export interface StoreGrowthResult {
  small: GrowthPoint
  /** After the first day's messages (members known), when the run is long enough. */
  middle?: GrowthPoint
  large: GrowthPoint
  /** large / small, CPU per message: the figure the target is judged on. */
  ratio: number
  /** large / middle: growth between two states with the members already known. */
  steadyRatio?: number
  target: number
  pass: boolean
  days: number
  perDay: number
  /** Wall time of the whole seeding (jobs, timers, outbox and flushes included). */
  seedSeconds: number
  /** This process's CPU time over the same (s). */
  seedCpuSeconds: number
  /** Clock time at the end of the history (ms since epoch), for the start-up and memory workloads. */
  endAt: number
  naive: { small: { records: number; writeMs: number }; large: { records: number; writeMs: number }; ratio: number }
}

/**
 * Seed `dataDir` and measure; `quick` records 50,000 messages instead of 1,000,000.
 * Every point is taken at the same time of day (08:42, the 1,001st message of
 * a day), because the cost per message depends on it: after working hours
 * the customer-response arithmetic looks ahead to the next workday.
 */
export async function runStoreGrowthBench(opts: {
  quick?: boolean
  world: BenchWorld
  configFile: string
  dataDir: string
}): Promise<StoreGrowthResult> {
  const total = opts.quick ? 50_000 : 1_000_000
  const fullDays = Math.max(1, Math.round((total - MORNING) / MESSAGES_PER_DAY))
  const perDay = Math.ceil((total - MORNING) / fullDays)

  await warmUp(opts.world, opts.configFile, opts.quick ? 5_000 : 20_000)
  const t0 = performance.now()
  const cpu0 = cpuMs()
  const store = new SeedStore(opts.dataDir)
  store.fsyncs = false // between the measuring points, where only the files count
  const player = await HistoryPlayer.open({
    world: opts.world,
    configFile: opts.configFile,
    store,
    outputDir: outputDirOf(opts.dataDir),
    days: workdaysEndingAt(LAST_DAY, fullDays + 1),
    perDay,
    flushEveryMs: SEED_FLUSH_EVERY_MS,
  })
  await player.play(MORNING)
  const small = await measurePoint(player, store, opts.dataDir)
  let middle: GrowthPoint | undefined
  if (fullDays >= 4) {
    await player.play(perDay + MORNING - player.recorded)
    middle = await measurePoint(player, store, opts.dataDir)
  }
  await player.play(fullDays * perDay + MORNING - player.recorded)
  const large = await measurePoint(player, store, opts.dataDir)
  // The start-up and memory workloads load the state of that evening (a full open day), except in a smoke run.
  if (!opts.quick) await player.play((fullDays + 1) * perDay - player.recorded)
  const endAt = player.clock.now()
  await player.stop()
  const seedSeconds = (performance.now() - t0) / 1000
  const seedCpuSeconds = (cpuMs() - cpu0) / 1000
  const ratio = large.usPerMsg / small.usPerMsg
  return {
    small,
    middle,
    large,
    ratio,
    steadyRatio: middle && large.usPerMsg / middle.usPerMsg,
    target: STORE_GROWTH_TARGET,
    pass: ratio <= STORE_GROWTH_TARGET,
    days: fullDays + 1,
    perDay,
    seedSeconds,
    seedCpuSeconds,
    endAt,
    naive: await naiveLowdb(),
  }
}

/**
 * Median per-message time over a few sub-windows, then one timed flush and the size of the state docs; with
 * every write fsynced, as the running bot's are.
 */
async function measurePoint(player: HistoryPlayer, store: SeedStore, dataDir: string): Promise<GrowthPoint> {
  const after = player.recorded
  await player.flush()
  store.fsyncs = true
  try {
    return await timePoint(player, dataDir, after)
  } finally {
    store.fsyncs = false
  }
}

async function timePoint(player: HistoryPlayer, dataDir: string, after: number): Promise<GrowthPoint> {
  collectGarbage()
  const cpu: number[] = []
  const wall: number[] = []
  for (let i = 0; i < SUB_WINDOWS; i++) {
    const t = await player.measure(SUB_WINDOW)
    cpu.push((t.cpuMs * 1000) / SUB_WINDOW)
    wall.push((t.wallMs * 1000) / SUB_WINDOW)
  }
  const durableFlushMs = await player.flush(true)
  const flushMs = durableFlushMs + (await player.flush())
  const stateDir = join(dataDir, 'state')
  const stateMb = readdirSync(stateDir).reduce((sum, f) => sum + statSync(join(stateDir, f)).size, 0) / 2 ** 20
  return { after, usPerMsg: median(cpu), wallUsPerMsg: median(wall), flushMs, durableFlushMs, stateMb }
}

/** Run the same code paths once on a throwaway runtime, so the 1,000-message point is not billed for JIT warm-up. */
async function warmUp(world: BenchWorld, configFile: string, messages: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-warm-'))
  try {
    const player = await HistoryPlayer.open({
      world,
      configFile,
      store: new MemoryStore(),
      outputDir: dir,
      days: workdaysEndingAt('2026-10-30', 2),
      perDay: messages,
    })
    await player.play(messages)
    await player.stop()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The naive design for comparison: one lowdb doc with every message, rewritten on each new one. */
async function naiveLowdb(): Promise<StoreGrowthResult['naive']> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-naive-'))
  const writeMs = async (records: number) => {
    const row = (i: number) => ({
      id: `m${i}`,
      at: 1_796_000_000_000 + i * 1000,
      groupId: `bench-int-${i % 100}@chatroom`,
      memberId: `wxid_s${i % 9000}`,
      kind: 'text',
      chars: 20 + (i % 60),
    })
    type Row = ReturnType<typeof row>
    const db = new Low<{ messages: Row[] }>(new JSONFile(join(dir, `naive-${records}.json`)), {
      messages: Array.from({ length: records }, (_, i) => row(i)),
    })
    await db.write()
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      db.data.messages.push(row(records + i))
      const t = performance.now()
      await db.write()
      times.push(performance.now() - t)
    }
    return median(times)
  }
  try {
    const small = { records: 1_000, writeMs: await writeMs(1_000) }
    const large = { records: 100_000, writeMs: await writeMs(100_000) }
    return { small, large, ratio: large.writeMs / small.writeMs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Print one result as lines. */
export function describeStoreGrowth(r: StoreGrowthResult): string[] {
  const p = (g: GrowthPoint) =>
    `after ${g.after.toLocaleString('en').padStart(9)}: ${g.usPerMsg.toFixed(1)} µs/msg CPU (${g.wallUsPerMsg.toFixed(1)} wall); one flush ${g.flushMs.toFixed(0)} ms for ${g.stateMb.toFixed(1)} MB of state docs`
  return [
    p(r.small),
    ...(r.middle ? [p(r.middle)] : []),
    p(r.large),
    `ratio ${r.ratio.toFixed(2)}${r.steadyRatio ? ` (after one day → end: ${r.steadyRatio.toFixed(2)})` : ''}; history played over ${r.days} workdays (${r.perDay.toLocaleString('en')} msgs a day, 08:30-18:30) in ${r.seedSeconds.toFixed(0)} s (${r.seedCpuSeconds.toFixed(0)} s CPU)`,
    `before every send the outbox writes the durable documents (counters are volatile, left to the periodic flush): ${r.large.durableFlushMs.toFixed(0)} ms, at its 40 sends/min ${((r.large.durableFlushMs * 40) / 600).toFixed(1)}% of a core, at the ${r.large.after.toLocaleString('en')}-message state`,
    `naive lowdb write per message: ${r.naive.small.writeMs.toFixed(2)} ms at 1,000 records, ${r.naive.large.writeMs.toFixed(1)} ms at 100,000 (×${r.naive.ratio.toFixed(0)})`,
  ]
}
