/**
 * The in-process pipeline's full bot, two builds against each other in one process: each build's bot on its
 * own sandbox (as in bench/pipeline.ts: every plugin, a FileStore writing in the background, the bench clock
 * moving 1.5 s per batch of 200; but the periodic flush every 5 s of that clock, in the build's own turn, not
 * every 5 s of wall time), taking turns every `--chunk` messages (the order swapped at each turn, and each round
 * opened by the other build), and bare Wechaty once per round for the ratio. On a shared machine, turns of a few
 * hundred messages keep the noise of other processes alike for both builds; a full garbage collection runs before
 * each round only (one before every turn bills its sweeping to the turn after it). Figures: CPU time per message
 * of the whole process (as the pipeline line) and of the main thread alone (`/proc`, 10 ms ticks), per round and
 * over all.
 *
 *   npx tsx bench/pipeline-ab.ts BEFORE_DIST AFTER_DIST [--rounds 12] [--messages 4000] [--chunk 200] [--groups 10] [--no-plugins]
 *
 * `--no-plugins`: both bots with every plugin switched off, for a change to the framework alone (its share of the
 * full bot is small; alone it is about twice bare Wechaty: docs/performance-history.md, inproc6).
 * `--groups`: the synthetic world's groups of 100 members (10, as the pipeline line's first size; 1000 for its last).
 *
 * The places were not alike until the `inproc3` session: the before build took the first turn of every round (an
 * even count of turns a round), right after the full collection, and paid for what follows one (its sweeping on
 * other threads, memory no longer cached).
 * Two copies of one build printed after/before medians of 0.871 and 0.879 (10 groups, 48 rounds each way); with
 * each round opened by the other build, 1.017 and 1.010 (40 rounds, load 18–20). Still run both orders (`A B`,
 * then `B A`) and take the geometric mean of the two medians, √(r₁ / r₂): a bias left cancels out.
 *
 * A build folder is what `tsc -p tsconfig.build.json` writes (`dist/`); for another commit, e.g.
 * `git archive <commit> bot plugins tsconfig.json tsconfig.build.json | tar -x -C .ab/before` inside this
 * checkout (node_modules and package.json found from there), then `npx tsc -p .ab/before/tsconfig.build.json`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeBenchConfig } from './bench-config.js'
import { type Deliver, loadBuild, runThenExit, startBare, startFull, turnSetup } from './build-drive.js'
import { collectGarbage, cpuMs, loadAverageLine, median } from './measure.js'
import { messageList, type StreamMessage } from './message-stream.js'

/** CPU time of the main thread alone (ms, 10 ms ticks): what the other threads add is left out. */
function mainThreadMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** CPU (whole process, main thread) spent and messages handled. */
interface Spent {
  cpu: number
  main: number
  n: number
}

async function timed(run: Deliver, messages: StreamMessage[], into: Spent): Promise<void> {
  const cpu = cpuMs()
  const main = mainThreadMs()
  const { skipped } = await run(messages)
  into.cpu += cpuMs() - cpu
  into.main += mainThreadMs() - main
  into.n += messages.length - skipped
}

const perMsg = (ms: number, n: number) => (ms * 1000) / n
const quartiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return `${s[Math.floor(s.length / 4)].toFixed(3)}–${s[Math.floor((3 * s.length) / 4)].toFixed(3)}`
}

async function main(): Promise<void> {
  const { values, positionals, rounds, chunk, world, stream } = turnSetup({ 'no-plugins': { type: 'boolean' } }, 12)
  const [beforeDist, afterDist] = positionals
  if (!beforeDist || !afterDist) throw new Error('usage: pipeline-ab.ts BEFORE_DIST AFTER_DIST [--rounds n]')
  const dir = mkdtempSync(join(tmpdir(), 'bench-ab-'))
  try {
    const configFile = writeBenchConfig(world, join(dir, 'config'), { plugins: !values['no-plugins'] })
    const before = await startFull(await loadBuild(beforeDist), world, configFile, join(dir, 'before'))
    const after = await startFull(await loadBuild(afterDist), world, configFile, join(dir, 'after'))
    const bare = await startBare(await loadBuild(beforeDist), world)
    const warm = messageList(world, 300, 99)
    for (const run of [before, after, bare]) await run(warm)
    const ratios: number[] = []
    const perRound = { before: [] as number[], after: [] as number[] }
    const mainRatios: number[] = []
    const total = { before: { cpu: 0, main: 0, n: 0 }, after: { cpu: 0, main: 0, n: 0 } }
    for (let r = 0; r < rounds; r++) {
      collectGarbage()
      const b: Spent = { cpu: 0, main: 0, n: 0 }
      const a: Spent = { cpu: 0, main: 0, n: 0 }
      const z: Spent = { cpu: 0, main: 0, n: 0 }
      await timed(bare, stream, z)
      for (let i = 0, k = 0; i < stream.length; i += chunk, k++) {
        const part = stream.slice(i, i + chunk)
        const pair: [Deliver, Spent][] = [
          [before, b],
          [after, a],
        ]
        // Swapped at each turn, and each round opened by the other build: the first turn after the full collection
        // is each build's every other round.
        if ((k + r) % 2) pair.reverse()
        for (const [run, into] of pair) await timed(run, part, into)
      }
      for (const [k, s] of [
        ['before', b],
        ['after', a],
      ] as const) {
        total[k].cpu += perMsg(s.cpu, s.n)
        total[k].main += perMsg(s.main, s.n)
      }
      ratios.push(perMsg(a.cpu, a.n) / perMsg(b.cpu, b.n))
      perRound.before.push(perMsg(b.cpu, b.n))
      perRound.after.push(perMsg(a.cpu, a.n))
      mainRatios.push(a.main / a.n / (b.main / b.n))
      console.log(
        `round ${r}: bare ${perMsg(z.cpu, z.n).toFixed(1)}, before ${perMsg(b.cpu, b.n).toFixed(1)}, after ${perMsg(a.cpu, a.n).toFixed(1)} µs CPU/msg (after/before ${ratios.at(-1)?.toFixed(3)}; main thread ${perMsg(b.main, b.n).toFixed(0)} → ${perMsg(a.main, a.n).toFixed(0)} µs); load ${loadavg()[0].toFixed(2)}`,
      )
    }
    console.log(
      `CPU per message, median of the rounds: before ${median(perRound.before).toFixed(1)}, after ${median(perRound.after).toFixed(1)} µs (${world.groups.length} groups)`,
    )
    console.log(
      `after/before, CPU per message: median ${median(ratios).toFixed(3)} (quartiles ${quartiles(ratios)}), over all rounds ${(total.after.cpu / total.before.cpu).toFixed(3)}; main thread alone: median ${median(mainRatios).toFixed(3)} (${quartiles(mainRatios)})`,
    )
    console.log(loadAverageLine())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

runThenExit(main)
