/**
 * Where the quick scan's hit path goes (issue #18's matcher line: the bench's quick chat, 10k terms, default
 * expansions): `node --import tsx bench/matcher-hits.ts [--rounds N] [--size N]`. Times in one process, the loops
 * taking turns (see interleavedCpuSamples; medians of CPU time, ms a MB, bare ÷ this): the bare loop; the start
 * scan alone; the start scan and the matcher's candidates of its raw hits (termCandidates, no rules after it);
 * the same with the candidates worked out twice in a row (the second with the hit path's tables in the caches:
 * the two loops' difference is what the path costs hot, the rest of the first its cold misses); the candidates
 * alone, back to back, of the raw hits kept beforehand (no start scan between to evict the path's tables); the whole scan;
 * and the whole scan with the messages whose raw hits give no candidate only start-scanned (what a perfect
 * per-hit or per-message reject could at most save). Then counts over one pass: what the checked hits (see
 * hitFates in matcher-kinds.ts) meet: a key, swap owners tried and passed (SwapChoices.maySwap), swap forms
 * found (SwapForms.formOf), candidates added.
 */
import { pathToFileURL } from 'node:url'
import type { LazyUrls } from '../plugins/content/matcher/candidate-rules.js'
import { compileTables } from '../plugins/content/matcher/compiled-tables.js'
import { HitList } from '../plugins/content/matcher/hit-list.js'
import { DEFAULT_EXPANSIONS, compileMatcher } from '../plugins/content/matcher/index.js'
import {
  scanKeyStarts,
  startScanTables,
  textMayHoldUrl,
  textMaySpellDot,
} from '../plugins/content/matcher/start-scan.js'
import { SwapChoices } from '../plugins/content/matcher/swap-filter.js'
import { SwapForms } from '../plugins/content/matcher/swap-form-cache.js'
import { bareLookupLoop, benchInputs, dictionaryOf } from './matcher.js'
import { interleavedCpuSamples, medianMsPerMb, loadAverageLine, numberOption } from './measure.js'

/** Rounds dropped before the medians (the JIT's warm-up). */
const WARM_ROUNDS = 3

/** The matcher's hit path, private to it: reached here to time it apart from the rules after it. */
interface HitPath {
  termCandidates(text: string, hits: Int32Array, count: number, lazy: LazyUrls): unknown[]
}

/** A method's calls and the calls whose result `counts` says should count, while `run` runs. */
function countCalls<T extends object>(
  proto: T,
  name: string,
  counts: (result: unknown, self: T, args: unknown[]) => boolean,
  run: () => void,
): { calls: number; counted: number } {
  const target = proto as Record<string, unknown>
  const original = target[name] as (...args: unknown[]) => unknown
  const tally = { calls: 0, counted: 0 }
  target[name] = function (this: T, ...args: unknown[]): unknown {
    const result = original.apply(this, args)
    tally.calls++
    if (counts(result, this, args)) tally.counted++
    return result
  }
  try {
    run()
  } finally {
    target[name] = original
  }
  return tally
}

/** Times the loops and counts the hit path (see the file's comment); returns printable lines. */
export function matcherHits(rounds: number, size: number): string[] {
  const { allTerms, messages, table, mb } = benchInputs([size], true)
  const dictionary = dictionaryOf(allTerms.slice(0, size), DEFAULT_EXPANSIONS)
  const matcher = compileMatcher(dictionary)
  const path = matcher as unknown as HitPath
  const tables = compileTables(dictionary)
  const starts = startScanTables(tables.arena)
  const hits = new HitList()
  const startScan = (text: string): number => {
    scanKeyStarts(text, starts, tables.arena, tables.links, hits)
    return hits.length
  }
  const candidatesOf = (text: string): number => {
    const lazy: LazyUrls = { text, separators: textMayHoldUrl(), dots: textMaySpellDot(), found: undefined }
    return path.termCandidates(text, hits.ints, hits.length, lazy).length
  }
  // Messages whose raw hits give no candidate at all; the raw hits of each message that has some, kept.
  const idle = new Uint8Array(messages.length)
  const kept: Array<{ text: string; hits: Int32Array; lazy: LazyUrls }> = []
  for (let i = 0; i < messages.length; i++) {
    if (startScan(messages[i]) === 0) continue
    const text = messages[i]
    const lazy: LazyUrls = { text, separators: textMayHoldUrl(), dots: textMaySpellDot(), found: undefined }
    kept.push({ text, hits: hits.ints.slice(0, hits.length), lazy })
    if (candidatesOf(text) === 0) idle[i] = 1
  }
  const runs: Record<string, () => number> = {
    'bare loop': () => bareLookupLoop(messages, table),
    'start scan': () => {
      let found = 0
      for (const text of messages) found += startScan(text)
      return found
    },
    'start scan + candidates': () => {
      let found = 0
      for (const text of messages) if (startScan(text) > 0) found += candidatesOf(text)
      return found
    },
    'candidates alone, back to back': () => {
      let found = 0
      for (const { text, hits: ints, lazy } of kept) {
        lazy.found = undefined
        found += path.termCandidates(text, ints, ints.length, lazy).length
      }
      return found
    },
    'start scan + candidates twice': () => {
      let found = 0
      for (const text of messages) if (startScan(text) > 0) found += candidatesOf(text) + candidatesOf(text)
      return found
    },
    scan: () => {
      let found = 0
      for (const text of messages) found += matcher.scan(text).length
      return found
    },
    'scan, idle hits rejected free': () => {
      let found = 0
      for (let i = 0; i < messages.length; i++)
        found += idle[i] === 1 ? startScan(messages[i]) : matcher.scan(messages[i]).length
      return found
    },
  }
  const samples = interleavedCpuSamples(runs, rounds, WARM_ROUNDS)
  const msOf = medianMsPerMb(samples, mb)
  const bare = msOf('bare loop')
  const lines = [
    `${mb.toFixed(2)} MB of chat, ${messages.length} messages (${kept.length} with raw hits, ${idle.reduce((a, b) => a + b, 0)} of them no candidate), ${size} terms, ${rounds} rounds, ${loadAverageLine()}`,
    'ms a MB (median), bare ÷ this:',
  ]
  for (const name of Object.keys(runs))
    lines.push(`  ${name.padEnd(32)} ${msOf(name).toFixed(3).padStart(7)}  ${(bare / msOf(name)).toFixed(3)}`)
  const once = msOf('start scan + candidates') - msOf('start scan')
  const hot = msOf('start scan + candidates twice') - msOf('start scan + candidates')
  lines.push(
    `candidates: ${once.toFixed(3)} ms a MB in turn, ${msOf('candidates alone, back to back').toFixed(3)} back to back ` +
      `(no start scan between), ${hot.toFixed(3)} hot (the second time)`,
  )
  lines.push(...hitCounts(matcher, messages))
  return lines
}

/** Counts over one scan of every message: what the checked hits meet (see the file's comment). */
function hitCounts(matcher: Scanner, messages: string[]): string[] {
  const proto = Object.getPrototypeOf(matcher) as object
  let matches = 0
  let candidates = 0
  const scanAll = (): void => {
    for (const text of messages) matches += matcher.scan(text).length
  }
  // One method wrapped a pass (four passes: `matches` is divided by four).
  const keys = countCalls(proto, 'keyOfHit', k => (k as number) >= 0, scanAll)
  const swaps = countCalls(SwapChoices.prototype, 'maySwap', passed => passed === true, scanAll)
  const forms = countCalls(SwapForms.prototype, 'formOf', form => form !== undefined, scanAll)
  const lists = countCalls(
    proto,
    'termCandidates',
    result => {
      candidates += (result as unknown[]).length
      return (result as unknown[]).length > 0
    },
    scanAll,
  )
  return [
    `one pass: ${keys.calls} hits checked against keys (${keys.counted} a key), ` +
      `${swaps.calls} swap owners tried (${swaps.counted} passed maySwap), ${forms.calls} swap forms looked up ` +
      `(${forms.counted} found), ${lists.calls} hit lists (${lists.counted} with a candidate), ` +
      `${candidates} candidates, ${matches / 4} matches`,
  ]
}

/** What hitCounts calls on the matcher. */
interface Scanner {
  scan(text: string): unknown[]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of matcherHits(numberOption('--rounds', 21), numberOption('--size', 10_000))) console.log(line)
}
