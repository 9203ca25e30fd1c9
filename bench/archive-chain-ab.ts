/**
 * The file archive's append of a message (its segment line, its index entry, the flush of the turn), two source
 * trees against each other in one process: `interleavedCpuSamples` takes each tree's `--chunk` messages in turn
 * (in reverse order every other round), each tree appending to its own archive in a temporary folder, 200 chats
 * over one day, the lines flushed every 20 messages (a turn of the event loop in the running bot). Printed: the
 * median CPU µs per message of each tree and after/before. Run it both orders (`A B`, then `B A`) and take the
 * geometric mean of the two ratios, √(r₁ / r₂).
 *
 *   npx tsx bench/archive-chain-ab.ts BEFORE_ROOT AFTER_ROOT [--rounds 20] [--chunk 4000]
 *
 * A root is a checkout's folder holding `plugins/` and `bot/` (tsx loads their TypeScript); for another commit,
 * `git archive <commit> bot plugins | tar -x -C .ab/before` inside this checkout (node_modules found from there).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { ArchiveRecord } from '../plugins/archive/capture/record.js'
import { interleavedCpuSamples } from './measure.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '20' }, chunk: { type: 'string', default: '4000' } },
})
const [before, after] = positionals.map(p => resolve(p))
if (!before || !after) throw new Error('usage: archive-chain-ab.ts BEFORE_ROOT AFTER_ROOT [--rounds N] [--chunk N]')
const rounds = Number(values.rounds)
const chunk = Number(values.chunk)
const CHATS = 200
const WORDS = ['你好', '请问', '净水器', '多少钱', '退款', '明天', '发货', '谢谢', 'iPhone', '报价单', '已收到', '好的']

interface Appender {
  appendNow(r: ArchiveRecord, day: string): void
  flush(): void
  close(): Promise<void>
}

/** A tree's `FileArchive` over a fresh folder, and a counter of the messages it took. */
async function open(root: string): Promise<{ archive: Appender; dir: string; n: number }> {
  const mod = await import(pathToFileURL(join(root, 'plugins/archive/store/file-backend.ts')).href)
  const dir = mkdtempSync(join(tmpdir(), 'archive-chain-ab-'))
  return { archive: new mod.FileArchive(dir) as Appender, dir, n: 0 }
}

/** The `n`th synthetic message: a chat of 200, a text of 3–8 words; every field `recordOf` makes (`prev` too). */
function record(n: number): ArchiveRecord {
  const words = 3 + (n % 6)
  let text = ''
  for (let i = 0; i < words; i++) text += WORDS[(n * 7 + i * 13) % WORDS.length]
  return {
    v: 1,
    seq: Math.floor(n / CHATS) + 1,
    id: `m${n}`,
    at: Date.parse('2026-11-30T01:00:00Z') + n * 100,
    chat: `r${n % CHATS}@chatroom`,
    topic: `客户群${n % CHATS}`,
    sender: { id: `wxid_${n % 997}`, name: `客户${n % 997}` },
    type: 'text',
    text,
    mentions: [],
    mentionsAll: undefined,
    quote: undefined,
    attachment: undefined,
    recalls: undefined,
    rawKind: undefined,
    prev: undefined,
  }
}

const trees = { before: await open(before), after: await open(after) }
const samples = interleavedCpuSamples(
  Object.fromEntries(
    Object.entries(trees).map(([name, t]) => [
      name,
      () => {
        for (let i = 0; i < chunk; i++) {
          t.archive.appendNow(record(t.n++), '2026-11-30')
          if (t.n % 20 === 0) t.archive.flush()
        }
        t.archive.flush()
      },
    ]),
  ),
  rounds,
  2,
)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const us = (name: string) => (median(samples.get(name) ?? []) * 1000) / chunk
console.log(`load average ${loadavg()[0].toFixed(1)}; ${rounds} rounds of ${chunk} messages each`)
for (const name of Object.keys(trees)) console.log(`${name}: ${us(name).toFixed(2)} µs CPU per message (median)`)
console.log(`after/before: ${(us('after') / us('before')).toFixed(3)}`)
for (const t of Object.values(trees)) {
  await t.archive.close()
  rmSync(t.dir, { recursive: true, force: true })
}
