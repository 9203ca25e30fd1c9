/**
 * What each expansion kind costs the matcher's scan on the matcher bench's quick chat (issue #18's line, 10k
 * terms): `node --import tsx bench/matcher-kinds.ts [--rounds N] [--size N]`. Compiles the bench's terms with the
 * default expansions, with none, with each default kind left out and with homophones alone, and times in one
 * process, the loops taking turns (order reversed every other round, the first three rounds dropped, medians of
 * CPU time): the bare loop, and per variant the whole scan and the start scan alone (ms a MB, bare ÷ this), with
 * its raw hits and matches. Then, for the default expansions, what becomes of each raw hit (see hitFates) and how
 * many messages take each path.
 */
import { pathToFileURL } from 'node:url'
import {
  DEFAULT_EXPANSIONS,
  compileMatcher,
  type ExpansionKind,
  type Matcher,
} from '../plugins/content/matcher/index.js'
import { compileTables, type CompiledTables } from '../plugins/content/matcher/compiled-tables.js'
import { foldedBefore } from '../plugins/content/matcher/hit-span.js'
import { HitList } from '../plugins/content/matcher/hit-list.js'
import { ANCHOR, LATIN, lengthOf } from '../plugins/content/matcher/image-info.js'
import { PairFilter } from '../plugins/content/matcher/pair-filter.js'
import { SwapChoices } from '../plugins/content/matcher/swap-filter.js'
import {
  scanKeyStarts,
  startScanTables,
  textMayReadOtherwise,
  type StartScanTables,
} from '../plugins/content/matcher/start-scan.js'
import { bareLookupLoop, benchInputs, dictionaryOf } from './matcher.js'
import { interleavedCpuSamples, medianMsPerMb, numberOption } from './measure.js'

/** Rounds dropped before the medians (the JIT's warm-up). */
const WARM_ROUNDS = 3

/** The variants measured: each an expansion list (see the file's comment). */
export function kindVariants(): Record<string, readonly ExpansionKind[]> {
  const variants: Record<string, readonly ExpansionKind[]> = { default: DEFAULT_EXPANSIONS, none: [] }
  for (const kind of DEFAULT_EXPANSIONS) variants[`no ${kind}`] = DEFAULT_EXPANSIONS.filter(k => k !== kind)
  variants['homophone only'] = ['homophone']
  return variants
}

/** One variant's matcher and start-scan tables. */
interface Variant {
  matcher: Matcher
  tables: CompiledTables
  starts: StartScanTables
}

/** Raw hits (start scan) of every message. */
function rawHits(v: Variant, messages: string[], hits: HitList): number {
  let count = 0
  for (const text of messages) {
    scanKeyStarts(text, v.starts, v.tables.arena, v.tables.links, hits)
    count += hits.length / 3
  }
  return count
}

/**
 * What becomes of each raw hit of the default expansions: an anchor (split or reading scan), characters that do
 * not fold back, dropped by the pair filter (see PairFilter), or checked against its keys and swap owners. And
 * the messages by path: no raw hit, raw hits and no match, a match; each also by whether another reading of
 * the text is scanned (see textMayReadOtherwise).
 */
export function hitFates(v: Variant, messages: string[]): { hits: Map<string, number>; messages: Map<string, number> } {
  const hits = new HitList()
  const pairs = new PairFilter(v.tables, new SwapChoices(v.tables.index))
  const folded = new Int32Array(64)
  const images = v.tables.images
  const fates = new Map<string, number>()
  const paths = new Map<string, number>()
  const count = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1)
  }
  for (const text of messages) {
    scanKeyStarts(text, v.starts, v.tables.arena, v.tables.links, hits)
    const otherwise = textMayReadOtherwise() ? ', read otherwise too' : ''
    for (let h = 0; h < hits.length; h += 3) {
      const c = hits.ints[h]
      const b = images.bytes[c]
      const length = lengthOf(images, c, b)
      if ((b & ANCHOR) !== 0) count(fates, 'anchor')
      else if (!foldedBefore(text, hits.ints[h + 1], hits.ints[h + 2], length, folded))
        count(fates, 'does not fold back')
      else if (length === 2 && (b & LATIN) === 0 && !pairs.mayBe(c, folded[0], folded[1]))
        count(fates, 'dropped by the pair filter')
      else count(fates, 'checked (keys, swap owners)')
    }
    const path = hits.length === 0 ? 'no raw hit' : v.matcher.scan(text).length === 0 ? 'raw hits, no match' : 'a match'
    count(paths, path + otherwise)
  }
  return { hits: fates, messages: paths }
}

/** Times every variant (see the file's comment); returns printable lines. */
export function matcherKinds(rounds: number, size: number): string[] {
  const { allTerms, messages, table, mb } = benchInputs([size], true)
  const terms = allTerms.slice(0, size)
  const hits = new HitList()
  const runs: Record<string, () => number> = { 'bare loop': () => bareLookupLoop(messages, table) }
  const counts: Record<string, string> = {}
  const variants = new Map<string, Variant>()
  for (const [name, kinds] of Object.entries(kindVariants())) {
    const dictionary = dictionaryOf(terms, kinds)
    const tables = compileTables(dictionary)
    const v: Variant = { matcher: compileMatcher(dictionary), tables, starts: startScanTables(tables.arena) }
    variants.set(name, v)
    let matches = 0
    for (const text of messages) matches += v.matcher.scan(text).length
    counts[`${name}: scan`] = `raw hits ${rawHits(v, messages, hits)}, matches ${matches}`
    runs[`${name}: scan`] = () => {
      let found = 0
      for (let k = 0; k < messages.length; k++) found += v.matcher.scan(messages[k]).length
      return found
    }
    runs[`${name}: start scan`] = () => {
      let found = 0
      for (let k = 0; k < messages.length; k++) {
        scanKeyStarts(messages[k], v.starts, tables.arena, tables.links, hits)
        found += hits.length
      }
      return found
    }
  }
  const names = Object.keys(runs)
  const samples = interleavedCpuSamples(runs, rounds, WARM_ROUNDS)
  const msOf = medianMsPerMb(samples, mb)
  const bare = msOf('bare loop')
  const lines = [
    `${mb.toFixed(2)} MB of chat, ${messages.length} messages, ${size} terms; ms a MB (median), bare ÷ this`,
  ]
  for (const name of names)
    lines.push(
      `${name.padEnd(28)} ${msOf(name).toFixed(3).padStart(7)}  ${(bare / msOf(name)).toFixed(3)}  ${counts[name] ?? ''}`,
    )
  const fates = hitFates(variants.get('default')!, messages)
  lines.push('default expansions, raw hits by what becomes of them:')
  for (const [fate, n] of fates.hits) lines.push(`  ${fate.padEnd(40)} ${n}`)
  lines.push('default expansions, messages by path:')
  for (const [path, n] of [...fates.messages].sort((x, y) => y[1] - x[1])) lines.push(`  ${path.padEnd(40)} ${n}`)
  return lines
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of matcherKinds(numberOption('--rounds', 21), numberOption('--size', 10_000))) console.log(line)
}
