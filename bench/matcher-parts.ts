/**
 * Where the matcher's scan goes on the matcher bench's quick chat (issue #18's line: scan ≥ 0.30× the bare lookup
 * loop, 10k terms): `node --import tsx bench/matcher-parts.ts [--rounds N] [--size N]`. Splits the messages by
 * whether the start scan finds a raw hit in them, and times in one process, the loops taking turns (order
 * reversed every other round, the first three rounds dropped, medians of CPU time): the bare loop, the start scan
 * alone, the scan of all messages in turn and of each group alone, and each group with every message scanned
 * twice in a row (the second scan reads tables the first left in the caches: what the work costs without its
 * cache misses). Prints ms a MB and bare ÷ each, and the goal's budget (bare ÷ 0.30).
 */
import { pathToFileURL } from 'node:url'
import { DEFAULT_EXPANSIONS, compileMatcher, type Matcher } from '../plugins/content/matcher/index.js'
import { compileTables } from '../plugins/content/matcher/compiled-tables.js'
import { HitList } from '../plugins/content/matcher/hit-list.js'
import { scanKeyStarts, startScanTables } from '../plugins/content/matcher/start-scan.js'
import { bareLookupLoop, benchInputs, dictionaryOf } from './matcher.js'
import { interleavedCpuSamples, numberOption } from './measure.js'

/** The goal's ratio to the bare loop (issue #18). */
const GOAL = 0.3
/** Rounds dropped before the medians (the JIT's warm-up). */
const WARM_ROUNDS = 3

/** Scans each message, `times` in a row (see the file's comment); returns the matches of one reading. */
function scanAll(matcher: Matcher, messages: string[], times: number): number {
  let found = 0
  for (let k = 0; k < messages.length; k++) {
    for (let t = 0; t < times; t++) found += matcher.scan(messages[k]).length
  }
  return found / times
}

/** One part's median CPU time over the rounds, in ms. */
export interface PartTime {
  name: string
  ms: number
}

/** Times the parts of the scan over `rounds` rounds (see the file's comment) for a dictionary of `size` bench terms. */
export function matcherParts(rounds: number, size: number): { parts: PartTime[]; mb: number; groups: string } {
  const { allTerms, messages, table, mb } = benchInputs([size], true)
  const dictionary = dictionaryOf(allTerms.slice(0, size), DEFAULT_EXPANSIONS)
  const matcher = compileMatcher(dictionary)
  const tables = compileTables(dictionary)
  const starts = startScanTables(tables.arena)
  const hits = new HitList()
  const startScan = (list: string[]): number => {
    let count = 0
    for (let k = 0; k < list.length; k++) {
      if (!scanKeyStarts(list[k], starts, tables.arena, tables.links, hits)) count++
      count += hits.length
    }
    return count
  }
  const hit: string[] = []
  const none: string[] = []
  for (const text of messages) {
    const started = scanKeyStarts(text, starts, tables.arena, tables.links, hits)
    ;(started && hits.length === 0 ? none : hit).push(text)
  }
  const runs: Record<string, () => number> = {
    'bare loop': () => bareLookupLoop(messages, table),
    'start scan (scanKeyStarts), all messages': () => startScan(messages),
    'scan, all messages in turn': () => scanAll(matcher, messages, 1),
    'scan, messages without a raw hit alone': () => scanAll(matcher, none, 1),
    '  each scanned twice in a row (no raw hit)': () => scanAll(matcher, none, 2),
    'scan, messages with a raw hit alone': () => scanAll(matcher, hit, 1),
    '  each scanned twice in a row (a raw hit)': () => scanAll(matcher, hit, 2),
  }
  const names = Object.keys(runs)
  const samples = interleavedCpuSamples(runs, rounds, WARM_ROUNDS)
  const parts = names.map(name => {
    const sorted = samples.get(name)!.sort((x, y) => x - y)
    return { name, ms: sorted[sorted.length >> 1] / mb }
  })
  return { parts, mb, groups: `${none.length} messages without a raw hit, ${hit.length} with one` }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { parts, mb, groups } = matcherParts(numberOption('--rounds', 21), numberOption('--size', 10_000))
  const bare = parts[0].ms
  console.log(`${mb.toFixed(2)} MB of chat, ${groups}; ms a MB (median), bare ÷ this`)
  for (const { name, ms } of parts)
    console.log(`${name.padEnd(44)} ${ms.toFixed(3).padStart(7)}  ${(bare / ms).toFixed(3)}`)
  console.log(`${'the goal: the whole scan within'.padEnd(44)} ${(bare / GOAL).toFixed(3).padStart(7)}  ${GOAL}`)
}
