/**
 * The start scan and the whole scan of this tree against another source tree's, in one process, on the matcher
 * bench's quick chat: `npx tsx bench/start-scan-ab.ts OTHER_TREE [--rounds N] [--size N]` (e.g. a `git worktree
 * add` of the branch's start with node_modules linked). The loops take turns (order reversed every other round,
 * the first three rounds dropped): the bare loop, each tree's start scan (scanKeyStarts over every message) and
 * each tree's matcher.scan. Prints ms a MB (median CPU time) and bare ÷ each, and the median of the per-round
 * ratios this ÷ other. Run it from both trees: the tree whose tables are made first tends to read faster.
 */
import { join, resolve } from 'node:path'
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { DEFAULT_EXPANSIONS, compileMatcher } from '../plugins/content/matcher/index.js'
import { compileTables } from '../plugins/content/matcher/compiled-tables.js'
import { HitList } from '../plugins/content/matcher/hit-list.js'
import { scanKeyStarts, startScanTables } from '../plugins/content/matcher/start-scan.js'
import { bareLookupLoop, benchInputs, dictionaryOf } from './matcher.js'
import { median, numberOption } from './measure.js'

/** Rounds dropped before the medians (the JIT's warm-up). */
const WARM_ROUNDS = 3

/** CPU time of this process in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

const other = resolve(process.argv[2] ?? '.')
const rounds = numberOption('--rounds', 31)
const size = numberOption('--size', 10_000)
const load = (file: string) => import(pathToFileURL(join(other, 'plugins/content/matcher', file)).href)
const theirIndex = await load('index.ts')
const theirTables = (await load('compiled-tables.ts')).compileTables
const theirStart = await load('start-scan.ts')
const theirHits = new (await load('hit-list.ts')).HitList()
const { allTerms, messages, table, mb } = benchInputs([size], true)
const dictionary = dictionaryOf(allTerms.slice(0, size), DEFAULT_EXPANSIONS)
const mine = compileMatcher(dictionary)
const theirs = theirIndex.compileMatcher(dictionary)
const myTables = compileTables(dictionary)
const otherTables = theirTables(dictionary)
const myStarts = startScanTables(myTables.arena)
// Extra arguments for a tree whose startScanTables takes more (the alphabet's size, the key ends).
const otherStarts = theirStart.startScanTables(otherTables.arena, otherTables.alphabet.size, otherTables.links)
const hits = new HitList()
let sink = 0
const runs: Record<string, () => void> = {
  'bare loop': () => {
    sink += bareLookupLoop(messages, table)
  },
  'start scan, this tree': () => {
    for (const text of messages) {
      scanKeyStarts(text, myStarts, myTables.arena, myTables.links, hits)
      sink += hits.length
    }
  },
  'start scan, other tree': () => {
    for (const text of messages) {
      theirStart.scanKeyStarts(text, otherStarts, otherTables.arena, otherTables.links, theirHits)
      sink += theirHits.length
    }
  },
  'scan, this tree': () => {
    for (const text of messages) sink += mine.scan(text).length
  },
  'scan, other tree': () => {
    for (const text of messages) sink += theirs.scan(text).length
  },
}
const names = Object.keys(runs)
const samples = new Map<string, number[]>(names.map(name => [name, []]))
for (let round = 0; round < rounds + WARM_ROUNDS; round++) {
  for (const name of round % 2 === 0 ? names : [...names].reverse()) {
    const start = cpuMs()
    runs[name]()
    if (round >= WARM_ROUNDS) samples.get(name)!.push(cpuMs() - start)
  }
}
const bare = median(samples.get('bare loop')!)
console.log(
  `${mb.toFixed(2)} MB of chat, ${size} terms, ${rounds} rounds, load ${loadavg()[0].toFixed(1)}; ms a MB, bare ÷ this`,
)
for (const name of names) {
  const ms = median(samples.get(name)!)
  console.log(`${name.padEnd(24)} ${(ms / mb).toFixed(3).padStart(7)}  ${(bare / ms).toFixed(3)}`)
}
const ratio = (part: string): string => {
  const theirsOf = samples.get(`${part}, other tree`)!
  return median(samples.get(`${part}, this tree`)!.map((ms, k) => ms / theirsOf[k])).toFixed(3)
}
console.log(`this ÷ other, per round (median): start scan ${ratio('start scan')}, scan ${ratio('scan')} (${sink & 1})`)
