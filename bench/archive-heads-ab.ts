/**
 * The file archive reading its files' heads, two source trees against each other in one process (each round takes
 * the trees in turn, in reverse order every other round; CPU ms by `interleavedCpuSamples`):
 * - `heads`: the daily anchor job's `heads` over 1,000 chats × 3 days (files of 20 lines), from an archive just
 *   opened (no file open yet), as the first daily run after a start does;
 * - `late`: 200 chats each taking, in turn, a message of today and one delivered late to yesterday's file (flushed
 *   every 20 messages, as the running bot does once per turn of the event loop), `--chunk` messages a round.
 * Printed: the median of each tree and after/before. Run it both orders (`A B`, then `B A`) and take the geometric
 * mean of the two ratios, √(r₁ / r₂).
 *
 *   npx tsx bench/archive-heads-ab.ts BEFORE_ROOT AFTER_ROOT heads|late [--rounds 10] [--chunk 4000]
 *
 * A root is a checkout's folder holding `plugins/` and `bot/` (see `archive-chain-ab.ts` for making one).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { ArchiveRecord } from '../plugins/archive/capture/record.js'
import type { ChainHead } from '../plugins/archive/store/chain.js'
import { interleavedCpuSamples } from './measure.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '10' }, chunk: { type: 'string', default: '4000' } },
})
const [before, after] = positionals.slice(0, 2).map(p => resolve(p))
const mode = positionals[2]
if (!before || !after || (mode !== 'heads' && mode !== 'late'))
  throw new Error('usage: archive-heads-ab.ts BEFORE_ROOT AFTER_ROOT heads|late [--rounds N] [--chunk N]')
const rounds = Number(values.rounds)
const chunk = Number(values.chunk)
const DAYS = ['2026-11-28', '2026-11-29', '2026-11-30']

interface Archive {
  appendNow(r: ArchiveRecord, day: string): void
  heads(range: { from: string; to: string }): ChainHead[]
  flush(): void
  close(): Promise<void>
}
type Open = (dir: string) => Archive

async function load(root: string): Promise<Open> {
  const mod = await import(pathToFileURL(join(root, 'plugins/archive/store/file-backend.ts')).href)
  return dir => new mod.FileArchive(dir) as Archive
}

function record(n: number, chats: number, at: number): ArchiveRecord {
  return {
    v: 1,
    seq: n + 1,
    id: `m${n}`,
    at,
    chat: `r${n % chats}@chatroom`,
    topic: `客户群${n % chats}`,
    sender: { id: `wxid_${n % 997}`, name: `客户${n % 997}` },
    type: 'text',
    text: `第${n}条消息，请问明天发货吗`,
    mentions: [],
  }
}

const opens = { before: await load(before), after: await load(after) }
const dirs: string[] = []
let runs: Record<string, () => unknown>
let unit: string
let per: number
if (mode === 'heads') {
  // One archive of 1,000 chats × 3 days, written by the after tree, read by both (the same page cache).
  const dir = mkdtempSync(join(tmpdir(), 'archive-heads-ab-'))
  dirs.push(dir)
  const a = opens.after(dir)
  for (const [d, day] of DAYS.entries())
    for (let n = 0; n < 20_000; n++) a.appendNow(record(n, 1000, Date.parse(`${day}T01:00:00Z`) + n), DAYS[d])
  await a.close()
  runs = Object.fromEntries(
    Object.entries(opens).map(([name, open]) => [
      name,
      () => {
        const archive = open(dir)
        if (archive.heads({ from: DAYS[0], to: DAYS[2] }).length !== 3000) throw new Error('heads missing')
        void archive.close() // its files close a microtask later: keep --rounds small (about 1,000 open a run)
      },
    ]),
  )
  unit = 'ms CPU a run of heads over 3,000 files'
  per = 1
} else {
  runs = Object.fromEntries(
    Object.entries(opens).map(([name, open]) => {
      const dir = mkdtempSync(join(tmpdir(), 'archive-heads-ab-'))
      dirs.push(dir)
      const archive = open(dir)
      let n = 0
      return [
        name,
        () => {
          for (let i = 0; i < chunk; i++, n++) {
            const late = n % 400 >= 200 // 200 chats today, then the same 200 late to yesterday, in turn
            archive.appendNow(record(n, 200, Date.parse('2026-11-30T01:00:00Z') + n), late ? DAYS[1] : DAYS[2])
            if (n % 20 === 0) archive.flush()
          }
          archive.flush()
        },
      ]
    }),
  )
  unit = 'µs CPU a message'
  per = chunk / 1000
}
const samples = interleavedCpuSamples(runs, rounds, 2)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const of = (name: string) => median(samples.get(name) ?? []) / per
console.log(`load average ${loadavg()[0].toFixed(1)}; ${mode}, ${rounds} rounds`)
for (const name of Object.keys(opens)) console.log(`${name}: ${of(name).toFixed(2)} ${unit} (median)`)
console.log(`after/before: ${(of('after') / of('before')).toFixed(3)}`)
for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
