/**
 * What each plugin's own handler costs per message: the full bot of one or two builds (as bench/pipeline-ab.ts
 * starts them: every plugin, a FileStore writing in the background, the bench clock, the pipeline's message
 * stream of the synthetic world), warmed by 2,000 messages, with each plugin's `onEvent` wrapped in a timer.
 * Printed per plugin and build: the median over the rounds of the time inside its `onEvent` per message handled
 * (wall time of the main thread, µs: the synchronous part of the hook; what the runtime then does with the actions,
 * and an `onEvent` promise's later work, are not in it), and with two builds the median of the rounds' second ÷
 * first ratios. The builds take turns every `--chunk` messages, the order swapped at each turn and each round
 * opened by the other build, as in pipeline-ab.ts.
 *
 *   npx tsx bench/plugin-cost.ts [DIST [DIST2]] [--rounds 8] [--messages 4000] [--chunk 200] [--groups 10]
 *       [--actions] [--alloc] [--profile FILE]
 *
 * `--actions`: the actions the first build's plugins returned a message, by plugin, type and rule.
 * `--alloc`: one more round under the inspector's sampling heap profiler (128-byte interval, what minor and major
 * collections took included), bytes a message billed to the plugin whose `onEvent` is on the stack, then the first
 * build's by the function that allocated them (8 B a message or more).
 * `--profile FILE`: one more round of the first build under the CPU profiler (a sample every 100 µs), written to
 * FILE; read it with `npx tsx bench/profile-summary.ts FILE --match plugins/content`. On a loaded machine a
 * profile can bill a function far more than it took (docs/performance-history.md, inproc9): check a function
 * that stands out with a timer around it.
 * Wall time, not CPU: on a loaded machine the figures carry the time the process was not running. Two copies of one
 * build (12 rounds, load 11–12) gave content 0.984 (quartiles 0.861–1.092), activity 0.889 (0.612–1.455): compare
 * builds over many rounds, and only effects larger than that.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { writeBenchConfig } from './bench-config.js'
import { type Deliver, loadBuild, runThenExit, startFull, turnSetup } from './build-drive.js'
import { collectGarbage, loadAverageLine, median, profiled } from './measure.js'
import { messageList, type StreamMessage } from './message-stream.js'

/** One build's bot and the time its plugins' handlers took (ms) in the current round. */
interface Timed {
  label: string
  run: Deliver
  spent: Map<string, number>
}

/** A plugin instance as far as this bench touches it. */
interface Hooked {
  name: string
  instance: { onEvent?: (event: unknown) => unknown }
}

/** Wrap every plugin's `onEvent`, adding the time spent inside it (ms) to `spent` under the plugin's name. */
function timePlugins(plugins: Hooked[], spent: Map<string, number>, actions?: Map<string, number>): void {
  for (const p of plugins) {
    const inner = p.instance.onEvent
    if (!inner) continue
    spent.set(p.name, 0)
    p.instance.onEvent = (event: unknown) => {
      const t = performance.now()
      let out: unknown
      try {
        out = inner.call(p.instance, event)
        return out
      } finally {
        spent.set(p.name, (spent.get(p.name) ?? 0) + performance.now() - t)
        if (actions && Array.isArray(out))
          for (const a of out as { type: string; rule?: string }[]) {
            const k = `${p.name} ${a.type} ${a.rule ?? ''}`
            actions.set(k, (actions.get(k) ?? 0) + 1)
          }
      }
    }
  }
}

/**
 * Bytes a message per plugin and build of a sampling heap profile: what was allocated below a plugin's own
 * `onEvent` (a frame of that name in a build's `plugins/<name>/` file: the file tells the build and plugin,
 * `<build>:<plugin>`; every plugin's hook is an `onEvent` of its index file).
 */
async function allocated(dists: string[], deliver: () => Promise<number>): Promise<Map<string, number>> {
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  session.connect()
  await session.post('HeapProfiler.enable')
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 128,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  })
  const n = await deliver()
  const { profile } = await session.post('HeapProfiler.stopSampling')
  session.disconnect()
  interface Node {
    callFrame: { functionName: string; url: string; lineNumber: number }
    selfSize: number
    children: Node[]
  }
  const roots = dists.map(d => `${pathToFileURL(resolve(d)).href}/`)
  const ownerOf = ({ functionName, url }: Node['callFrame']): string | undefined => {
    const build = functionName === 'onEvent' ? roots.findIndex(r => url.startsWith(r)) : -1
    const plugin = url.match(/\/plugins\/([^/]+)\//)?.[1]
    return build < 0 || !plugin ? undefined : `b${build}:${plugin}`
  }
  const bytes = new Map<string, number>()
  const walk = (node: Node, owner: string | undefined) => {
    const own = owner ?? ownerOf(node.callFrame)
    const key = own ?? '(outside the plugins)'
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize)
    // The first build's plugins: also by the function that allocated (its file under plugins/ or bot/).
    if (own?.startsWith('b0:') && node.selfSize) {
      const where = node.callFrame.url.replace(/^.*\/(plugins|bot)\//, '$1/')
      const fn = `  ${own} ${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`
      bytes.set(fn, (bytes.get(fn) ?? 0) + node.selfSize)
    }
    for (const c of node.children) walk(c, own)
  }
  walk(profile.head as unknown as Node, undefined)
  for (const [k, b] of bytes) bytes.set(k, b / n)
  return bytes
}

async function main(): Promise<void> {
  const { values, positionals, rounds, n, chunk, world, stream } = turnSetup(
    { alloc: { type: 'boolean' }, actions: { type: 'boolean' }, profile: { type: 'string' } },
    8,
  )
  const dists = positionals.length ? positionals : ['dist']
  const dir = mkdtempSync(join(tmpdir(), 'bench-plugin-cost-'))
  try {
    const config = writeBenchConfig(world, join(dir, 'config'))
    const bots: Timed[] = []
    const actions = values.actions ? new Map<string, number>() : undefined
    for (const [i, dist] of dists.entries()) {
      const build = await loadBuild(dist)
      const label = `b${i}`
      const spent = new Map<string, number>()
      const run = await startFull(build, world, config, join(dir, `data-${i}`), {
        started: app => timePlugins(app.runtime.plugins as Hooked[], spent, i === 0 ? actions : undefined),
      })
      bots.push({ label, run, spent })
    }
    for (const b of bots) await b.run(messageList(world, 2_000, 99))
    const perRound = bots.map(() => new Map<string, number[]>())
    const handled = async (b: Timed, part: StreamMessage[]) => part.length - (await b.run(part)).skipped
    for (let r = 0; r < rounds; r++) {
      collectGarbage()
      const counts = bots.map(() => 0)
      for (const b of bots) for (const k of b.spent.keys()) b.spent.set(k, 0)
      for (let i = 0, c = 0; i < stream.length; i += chunk, c++) {
        const part = stream.slice(i, i + chunk)
        const order = (c + r) % 2 ? [...bots.keys()].reverse() : [...bots.keys()]
        for (const k of order) counts[k] += await handled(bots[k], part)
      }
      for (const [k, b] of bots.entries())
        for (const [p, ms] of b.spent) {
          const list = perRound[k].get(p) ?? []
          list.push((ms * 1000) / counts[k])
          perRound[k].set(p, list)
        }
      const total = (k: number) => [...bots[k].spent.values()].reduce((a, x) => a + x, 0)
      console.log(
        `round ${r}: ${bots.map((b, k) => `${b.label} ${((total(k) * 1000) / counts[k]).toFixed(1)}`).join(', ')} µs/msg in the plugins; load ${loadavg()[0].toFixed(2)}`,
      )
    }
    const names = [...bots[0].spent.keys()]
    console.log(`µs a message inside each plugin's onEvent, median of ${rounds} rounds (${n} messages each):`)
    console.log(
      `${'plugin'.padEnd(10)}${dists.map(d => d.slice(-28).padStart(30)).join('')}${bots.length > 1 ? '   b1÷b0 (quartiles)' : ''}`,
    )
    for (const p of names) {
      const ms = bots.map((_, k) => median(perRound[k].get(p) ?? [0]))
      let ratio = ''
      if (bots.length > 1) {
        const a = perRound[0].get(p) ?? []
        const rs = (perRound[1].get(p) ?? []).map((x, i) => x / a[i]).sort((x, y) => x - y)
        ratio = `   ${median(rs).toFixed(3)} (${rs[Math.floor(rs.length / 4)].toFixed(3)}–${rs[Math.floor((3 * rs.length) / 4)].toFixed(3)})`
      }
      console.log(`${p.padEnd(10)}${ms.map(x => x.toFixed(2).padStart(30)).join('')}${ratio}`)
    }
    if (actions) {
      const messages = 2_000 + rounds * n
      console.log(
        `actions returned a message by the first build's plugins (the ${messages} messages of the warm-up and rounds):`,
      )
      for (const [k, c] of [...actions].sort((x, y) => y[1] - x[1]))
        console.log(`${(c / messages).toFixed(4).padStart(9)}  ${k}`)
    }
    if (values.alloc) {
      collectGarbage()
      const bytes = await allocated(dists, async () => {
        let count = 0
        for (let i = 0; i < stream.length; i += chunk)
          for (const b of bots) count += await handled(b, stream.slice(i, i + chunk))
        return count / bots.length
      })
      console.log(
        'bytes allocated a message (sampling heap profiler, 128-byte interval), then by function (first build):',
      )
      const sorted = [...bytes].sort((x, y) => y[1] - x[1])
      for (const [k, b] of sorted) if (!k.startsWith(' ')) console.log(`${b.toFixed(0).padStart(9)}  ${k}`)
      for (const [k, b] of sorted) if (k.startsWith(' ') && b >= 8) console.log(`${b.toFixed(0).padStart(9)}  ${k}`)
    }
    if (values.profile) {
      collectGarbage()
      await profiled(
        values.profile,
        async () => {
          for (let i = 0; i < stream.length; i += chunk) await bots[0].run(stream.slice(i, i + chunk))
        },
        100,
      )
      console.log(`CPU profile of ${dists[0]}: ${values.profile}`)
    }
    console.log(loadAverageLine())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

runThenExit(main)
