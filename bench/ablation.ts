/**
 * What each part of the full bot adds per message: one build's full bot beside variants of it, each on its own
 * sandbox and data folder in one process (driven as bench/pipeline-ab.ts drives its two builds), taking turns
 * every `--chunk` messages, the order rotated at each turn and each round opened by the next bot. Variants: each plugin switched off in turn (its
 * config's `enabled: false`), no plugin at all, and the full bot with the store's flushes doing nothing
 * (periodic and before each send). Printed: each variant's median CPU per message over the rounds and the
 * median of its per-round difference to the full bot (negative: the part costs that much per message).
 *
 *   npx tsx bench/ablation.ts [DIST] [--rounds 8] [--messages 4000] [--chunk 200] [--groups 10] [--only a,b]
 *
 * Bots in one process share compiled code, so a variant without a plugin still runs code the others made hot
 * (and type feedback gets mixed): the figures are what a part adds to a warm process, not a cold one. Bare
 * Wechaty among them cost 30–34 µs a message against 18 alone (the pipeline line at full size): compare the parts
 * with each other, not the full bot with this bare Wechaty (docs/performance-history.md, "Branch `inproc`").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { writeBenchConfig } from './bench-config.js'
import { type Deliver, loadBuild, runThenExit, startBare, startFull, turnSetup } from './build-drive.js'
import { collectGarbage, cpuMs, loadAverageLine, median } from './measure.js'
import { messageList } from './message-stream.js'

/** A variant's config: the bench config with `off` plugins disabled. */
function variantConfig(base: string, off: string[], file: string): string {
  const doc = parseDocument(readFileSync(base, 'utf8'))
  for (const name of off) doc.setIn(['plugins', name, 'enabled'], false)
  writeFileSync(file, doc.toString())
  return file
}

async function main(): Promise<void> {
  const { values, positionals, rounds, n, chunk, world, stream } = turnSetup({ only: { type: 'string' } }, 8)
  const dist = positionals[0] ?? 'dist'
  const dir = mkdtempSync(join(tmpdir(), 'bench-ablation-'))
  try {
    const build = await loadBuild(dist)
    const base = writeBenchConfig(world, join(dir, 'config'))
    const plugins = (parseDocument(readFileSync(base, 'utf8')).toJS().plugins ?? {}) as Record<string, unknown>
    const names = Object.keys(plugins).sort()
    const variants: { name: string; off: string[]; flush?: boolean }[] = [
      { name: 'full', off: [] },
      ...names.map(p => ({ name: `-${p}`, off: [p] })),
      { name: 'no plugins', off: names },
      { name: 'no flushes', off: [], flush: false },
    ]
    const only = values.only?.split(',')
    const chosen = variants.filter(v => v.name === 'full' || !only || only.includes(v.name))
    const bots: { name: string; run: Deliver }[] = []
    for (const [i, v] of chosen.entries()) {
      const config = variantConfig(base, v.off, join(dir, 'config', `variant-${i}.yaml`))
      bots.push({
        name: v.name,
        run: await startFull(build, world, config, join(dir, `data-${i}`), { flush: v.flush }),
      })
    }
    const bare = await startBare(build, world)
    const warm = messageList(world, 300, 99)
    for (const b of [...bots.map(b => b.run), bare]) await b(warm)
    const perRound = new Map<string, number[]>(bots.map(b => [b.name, []]))
    const diffs = new Map<string, number[]>(bots.map(b => [b.name, []]))
    const bareRounds: number[] = []
    for (let r = 0; r < rounds; r++) {
      collectGarbage()
      const spent = new Map(bots.map(b => [b.name, { cpu: 0, n: 0 }]))
      const t = cpuMs()
      const z = await bare(stream)
      bareRounds.push(((cpuMs() - t) * 1000) / (n - z.skipped))
      for (let i = 0, c = 0; i < stream.length; i += chunk, c++) {
        const part = stream.slice(i, i + chunk)
        // Rotated at each turn, and each round opened by the next bot: the first turn after the full collection is
        // dearer (bench/pipeline-ab.ts), and turns a round a multiple of the bots would give it to one bot every round.
        const k = (c + r) % bots.length
        for (const b of [...bots.slice(k), ...bots.slice(0, k)]) {
          const into = spent.get(b.name) as { cpu: number; n: number }
          const c = cpuMs()
          const { skipped } = await b.run(part)
          into.cpu += cpuMs() - c
          into.n += part.length - skipped
        }
      }
      const full = spent.get('full') as { cpu: number; n: number }
      const fullUs = (full.cpu * 1000) / full.n
      for (const [name, s] of spent) {
        const us = (s.cpu * 1000) / s.n
        perRound.get(name)?.push(us)
        diffs.get(name)?.push(us - fullUs)
      }
      console.log(
        `round ${r}: bare ${bareRounds.at(-1)?.toFixed(1)}, ${[...spent].map(([k, s]) => `${k} ${((s.cpu * 1000) / s.n).toFixed(1)}`).join(', ')} µs/msg; load ${loadavg()[0].toFixed(2)}`,
      )
    }
    console.log(`bare Wechaty: median ${median(bareRounds).toFixed(1)} µs CPU/msg`)
    for (const b of bots) {
      const d = diffs.get(b.name) as number[]
      const s = [...d].sort((x, y) => x - y)
      console.log(
        `${b.name.padEnd(12)} median ${median(perRound.get(b.name) as number[]).toFixed(1)} µs CPU/msg; − full: median ${median(d).toFixed(1)} (quartiles ${s[Math.floor(s.length / 4)].toFixed(1)} to ${s[Math.floor((3 * s.length) / 4)].toFixed(1)})`,
      )
    }
    console.log(loadAverageLine())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

runThenExit(main)
