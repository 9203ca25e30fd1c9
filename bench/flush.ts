/**
 * Workload 8, state writes: how long the store's writes block the event
 * queue with realistic state. It continues the history the store workload
 * seeded (100 groups × 500 members, 1,000,000 messages; 50,000 with --quick)
 * on a FileStore that really writes: the periodic flush every 5 s and the
 * durable flush the outbox runs before each send (the history player of the
 * store workload defers the latter). Each message is handled in its own turn
 * of the event loop, as Wechaty delivers them, and
 * `perf_hooks.monitorEventLoopDelay` records how long the loop was blocked.
 * Printed: the largest documents, the longest block, and each kind of flush.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { FileStore } from '../bot/ports/store/file-store.js'
import { HistoryPlayer, outputDirOf, workdaysEndingAt } from './history-player.js'
import { collectGarbage, median } from './measure.js'
import type { BenchWorld } from './synthetic-world.js'

/** Goals of the issue: longest event-loop block, and its p99. */
export const STALL_MAX_TARGET_MS = 100
export const STALL_P99_TARGET_MS = 25

/** A FileStore that times every flush, apart by kind. */
class TimedStore extends FileStore {
  readonly periodic: number[] = []
  readonly preSend: number[] = []
  override async flush(durableOnly = false): Promise<void> {
    const t = performance.now()
    await super.flush(durableOnly)
    ;(durableOnly ? this.preSend : this.periodic).push(performance.now() - t)
  }
}

/** What `runFlushBench` measured (ms unless named otherwise). */
export interface FlushResult {
  messages: number
  /** Largest documents written during the run: file size, ms of its last write, writes during the run. */
  docs: { name: string; bytes: number; ms: number; writes: number }[]
  stallMaxMs: number
  stallP99Ms: number
  /** The longest message turn with its flushes taken out (handling, jobs and timers due then). */
  otherMaxMs: number
  /** When (simulated, Asia/Shanghai) that turn ran: a job or timer due then is the likely cause. */
  otherMaxAt: string
  /** The longest write of one document, encoding and I/O (the I/O runs off the event loop). */
  longestDocWriteMs: number
  /** The longest encode of one document: what a write blocks the event loop for. */
  longestEncodeMs: number
  periodic: { count: number; medianMs: number; maxMs: number }
  preSend: { count: number; medianMs: number; maxMs: number }
  pass: boolean
}

/** Continue the history in `dataDir` (seeded by the store workload, ending at `endAt`) for `messages` more. */
export async function runFlushBench(opts: {
  world: BenchWorld
  configFile: string
  dataDir: string
  messages: number
}): Promise<FlushResult> {
  const store = new TimedStore(opts.dataDir, { background: true }) // as the running bot writes
  const player = await HistoryPlayer.open({
    world: opts.world,
    configFile: opts.configFile,
    store,
    outputDir: outputDirOf(opts.dataDir),
    days: workdaysEndingAt('2026-12-04', 4),
    perDay: 50_000,
  })
  const turn = () => new Promise<void>(r => setImmediate(r))
  const warm = Math.min(2_000, opts.messages)
  for (let i = 0; i < warm; i++) {
    await player.play(1)
    await turn()
  }
  await player.flush()
  store.periodic.length = 0
  store.preSend.length = 0
  collectGarbage()
  const h = monitorEventLoopDelay({ resolution: 1 })
  h.enable()
  // Per message: its whole turn, less the pre-send flushes inside it, is what handling it (and the jobs and
  // timers due at that point) blocked; the periodic flushes run in turns of their own.
  let otherMaxMs = 0
  let otherMaxAt = 0
  for (let i = 0; i < opts.messages; i++) {
    const flushed = sum(store.preSend) + sum(store.periodic)
    const t = performance.now()
    await player.play(1)
    const other = performance.now() - t - (sum(store.preSend) + sum(store.periodic) - flushed)
    if (other > otherMaxMs) [otherMaxMs, otherMaxAt] = [other, player.clock.now()]
    await turn()
  }
  h.disable()
  await player.stop()
  const stat = (xs: number[]) => ({ count: xs.length, medianMs: xs.length ? median(xs) : 0, maxMs: Math.max(0, ...xs) })
  const docs = largestDocs(store, opts.dataDir)
  const stallMaxMs = h.max / 1e6
  const stallP99Ms = h.percentile(99) / 1e6
  return {
    messages: opts.messages,
    docs,
    stallMaxMs,
    stallP99Ms,
    otherMaxMs,
    otherMaxAt: new Date(otherMaxAt).toLocaleString('sv', { timeZone: 'Asia/Shanghai' }).slice(0, 16),
    longestDocWriteMs: Math.max(0, ...[...store.writeStats.values()].map(w => w.maxMs)),
    longestEncodeMs: Math.max(0, ...[...store.writeStats.values()].map(w => w.encodeMaxMs)),
    periodic: stat(store.periodic),
    preSend: stat(store.preSend),
    pass: stallMaxMs < STALL_MAX_TARGET_MS && stallP99Ms < STALL_P99_TARGET_MS,
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** The largest state files on disk, with what the run spent writing each. */
function largestDocs(store: TimedStore, dataDir: string): FlushResult['docs'] {
  const dir = join(dataDir, 'state')
  return readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .map(f => {
      const name = f.slice(0, -5)
      const s = store.writeStats.get(name)
      return { name, bytes: statSync(join(dir, f)).size, ms: s?.ms ?? 0, writes: s?.writes ?? 0 }
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8)
}

/** Print one result as lines. */
export function describeFlush(r: FlushResult): string[] {
  const f = (x: number) => x.toFixed(1)
  return [
    `largest documents: ${r.docs.map(d => `${d.name} ${(d.bytes / 2 ** 20).toFixed(1)} MB (${f(d.ms)} ms, ${d.writes} writes)`).join(', ')}`,
    `over ${r.messages.toLocaleString('en')} messages, one per event-loop turn: longest block ${f(r.stallMaxMs)} ms, p99 ${f(r.stallP99Ms)} ms; longest turn without its flushes ${f(r.otherMaxMs)} ms (at ${r.otherMaxAt}, simulated)`,
    `periodic flush (every 5 s): ${r.periodic.count}×, median ${f(r.periodic.medianMs)} ms, max ${f(r.periodic.maxMs)} ms in all; longest write of one document ${f(r.longestDocWriteMs)} ms, of which encoding (the part that blocks) ${f(r.longestEncodeMs)} ms`,
    `pre-send durable flush: ${r.preSend.count}×, median ${f(r.preSend.medianMs)} ms, max ${f(r.preSend.maxMs)} ms until durable (wall time the send waits; the I/O runs off the event loop)`,
  ]
}
