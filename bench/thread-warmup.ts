/**
 * How the CPU of each thread per message falls as a bot warms up: one bot (the full bot or bare Wechaty, as
 * bench/pipeline-ab.ts starts them) per process, the bench's message stream delivered `--blocks` times, and after
 * each block the CPU time per message of the main thread, V8's worker threads (TurboFan compiling, the concurrent
 * garbage collector), libuv's thread pool and any later thread, from `/proc/self/task` (10 ms ticks).
 *
 *   npx tsx bench/thread-warmup.ts DIST full|bare [--blocks 12] [--block 5000]
 *
 * With `node --single-threaded-gc --import tsx …` the collector's work moves to the main thread: what is left on
 * the V8 workers is compiling; with `--trace-opt --trace-deopt` V8's lines fall between the blocks' lines.
 * Node 20 names no thread, so they are told apart by creation order (thread ids are shared with every other
 * process, so by rank): the platform's six (a delayed-task thread, four V8 workers, the inspector's signal
 * thread), then libuv's four (tsx reads files at once), then tsx's loader thread and any worker.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { writeBenchConfig } from './bench-config.js'
import { loadBuild, runThenExit, startBare, startFull } from './build-drive.js'
import { messageList } from './message-stream.js'
import { syntheticWorld } from './synthetic-world.js'

/** CPU time (ms) of the process's threads, summed by group. */
function threadMs(): Map<string, number> {
  const out = new Map<string, number>()
  const tids = readdirSync('/proc/self/task')
    .map(Number)
    .sort((a, b) => a - b)
  for (const [rank, tid] of tids.entries()) {
    let stat: string
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    } catch {
      continue // the thread ended
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const group = rank === 0 ? 'main' : rank <= 6 ? 'v8' : rank <= 10 ? 'pool' : 'later'
    out.set(group, (out.get(group) ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10)
  }
  return out
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { blocks: { type: 'string' }, block: { type: 'string' } },
  })
  const [dist, kind] = positionals
  if (!dist || (kind !== 'full' && kind !== 'bare')) throw new Error('usage: thread-warmup.ts DIST full|bare')
  const blocks = Number(values.blocks ?? 12)
  process.setSourceMapsEnabled(false) // as bench/pipeline.ts
  const world = syntheticWorld({ groups: 10, membersPerGroup: 100 })
  const stream = messageList(world, Number(values.block ?? 5_000))
  const dir = mkdtempSync(join(tmpdir(), 'bench-warmup-'))
  try {
    const bot = await loadBuild(dist)
    const run =
      kind === 'bare'
        ? await startBare(bot, world)
        : await startFull(bot, world, writeBenchConfig(world, join(dir, 'config')), join(dir, 'data'))
    for (let b = 0; b < blocks; b++) {
      const before = threadMs()
      const { skipped } = await run(stream)
      const after = threadMs()
      const n = stream.length - skipped
      const per = (group: string) => ((((after.get(group) ?? 0) - (before.get(group) ?? 0)) * 1000) / n).toFixed(1)
      console.log(
        `${kind} block ${b} (after ${(b * stream.length).toLocaleString('en')} msgs): main ${per('main')} v8 ${per('v8')} pool ${per('pool')} later ${per('later')} µs/msg; load ${loadavg()[0].toFixed(2)}`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

runThenExit(main)
