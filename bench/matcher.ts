/**
 * Matcher benchmark: `npx tsx bench/matcher.ts [--quick] [--sizes 10000,50000] [--rounds N] [--compare DIR] [--json FILE]`
 * (for exact memory figures: `node --expose-gc --import tsx bench/matcher.ts`). Fixed-seed synthetic data;
 * see runMatcherBench. `--compare DIR` measures another source tree's matcher beside this one (CompareResult).
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Mint } from 'mint-filter'
import {
  DEFAULT_EXPANSIONS,
  compileMatcher,
  loadDictionaryFiles,
  type Dictionary,
  type ExpansionKind,
  type Matcher,
} from '../plugins/content/matcher/index.js'
import { expansionTables, mostFrequentCharacters, tonedReadings } from '../plugins/content/matcher/expansion-data.js'
import { shipped } from '../bot/package-root.js'

const CJK_FIRST = 0x4e00
const CJK_COUNT = 0x9fa5 - 0x4e00 + 1
const TARGET_RATIO_TO_BARE = 0.3
const TARGET_RATIO_TO_MINT = 35
const TARGET_BUILD_MS = 2000
const TARGET_RETAINED_MB = 15
/** Characters the dictionary terms are drawn from: the most frequent ones, as real dictionaries use. */
const COMMON_CHARACTERS = 3000
/** Dictionary sizes (issue #18): the full run scans with each; the quick run with the first. */
const FULL_SIZES = [10_000, 50_000, 100_000]
/** The size the build goal is set for. */
const BUILD_GOAL_TERMS = 100_000

/** Mulberry32: small, fast, fixed-seed PRNG returning [0, 1). */
export function prng(seed: number): () => number {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Distinct terms of 2-4 characters drawn from the COMMON_CHARACTERS most frequent ones (Jun Da's list). */
export function commonTerms(count: number, random: () => number): string[] {
  const common = mostFrequentCharacters(COMMON_CHARACTERS)
  const terms = new Set<string>()
  while (terms.size < count) {
    let term = ''
    const length = 2 + Math.floor(random() * 3)
    for (let i = 0; i < length; i++) term += common[Math.floor(random() * common.length)]
    terms.add(term)
  }
  return [...terms]
}

/** Samples CJK characters with Zipf-like frequencies (rank r has weight 1/r), as in real chat. */
export function zipfCharacters(random: () => number): () => string {
  const order = Array.from({ length: CJK_COUNT }, (_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const cumulative = new Float64Array(CJK_COUNT)
  let total = 0
  for (let r = 0; r < CJK_COUNT; r++) cumulative[r] = total += 1 / (r + 1)
  return () => {
    const x = random() * total
    let lo = 0
    let hi = CJK_COUNT - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return String.fromCharCode(CJK_FIRST + order[lo])
  }
}

const PUNCTUATION = ['，', '。', '！', '？', '、', ' ', '~', '...']
const ASCII_WORDS = ['ok', 'PPT', 'VIP', '2026', 'Q3', 'http', 'wifi', '100']
const EMOJI = ['😀', '👍', '🔥', '🌹', '[强]']
const EVASIONS = ['', ' ', '\u200b', '😀', '*']

/** Chat lines of 5-60 characters joined by newlines, about `bytes` UTF-8 bytes; 1 line in 50 holds a term. */
export function chatText(bytes: number, terms: string[], nextChar: () => string, random: () => number): string {
  const lines: string[] = []
  let size = 0
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  while (size < bytes) {
    let line = ''
    const length = 5 + Math.floor(random() * 56)
    for (let i = 0; i < length; i++) {
      const r = random()
      line += r < 0.86 ? nextChar() : r < 0.95 ? pick(PUNCTUATION) : r < 0.98 ? pick(ASCII_WORDS) : pick(EMOJI)
    }
    if (random() < 0.02) line += [...pick(terms)].join(pick(EVASIONS))
    lines.push(line)
    size += Buffer.byteLength(line) + 1
  }
  return lines.join('\n')
}

/** Collects garbage if possible (exposing gc via V8 flags when node was started without it). */
function garbageCollector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  try {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return null
  }
}

/** One category of terms; `expand` as a dictionary file sets it (files default to DEFAULT_EXPANSIONS). */
export function dictionaryOf(terms: string[], expand: readonly ExpansionKind[] = []): Dictionary {
  const bench = { label: 'bench', severity: 'low' as const, terms, allow: [], patterns: [], expand: [...expand] }
  return { categories: { bench }, links: null }
}

/** CPU time of this process in ms (user + system): other processes on a shared machine do not count. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Best (shortest) CPU time in ms of each function over the same number of samples: rounds are
 * interleaved to spread noise over all functions, and each function runs once per round. CPU time,
 * not wall time: on a loaded machine a longer run is more often preempted, which would bias wall-time
 * ratios against the slower function.
 */
function bestTimes(
  rounds: number,
  runs: Record<string, () => unknown>,
  samples: Record<string, number[]> = {},
): Record<string, number> {
  const best: Record<string, number> = {}
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = cpuMs()
      run()
      const ms = cpuMs() - start
      best[name] = Math.min(best[name] ?? Infinity, ms)
      ;(samples[name] ??= []).push(ms)
    }
  }
  return best
}

/** A 64K-entry table, one entry per UTF-16 unit, as any normalising scanner reads (see bareLookupLoop). */
export function unitTable(random: () => number): Int32Array {
  return Int32Array.from({ length: 0x10000 }, () => Math.floor(random() * 0x7fffffff))
}

/**
 * The floor cost of a normalising single pass: one table lookup per UTF-16 unit of each message.
 * The matcher does this lookup and more; its speed is given as a ratio to this loop.
 * The timed loops over the messages are indexed, not for-of: a function called once a round whose for-of
 * loop was optimized on the stack (OSR) is deoptimized on its next call (too little feedback for the
 * iterator's named accesses) and in most processes not optimized again within the rounds, which made this
 * loop read about 650 or about 1,150 MB/s from one run to the next (the `mscan` section of
 * docs/performance-history.md).
 */
export function bareLookupLoop(messages: string[], table: Int32Array): number {
  let sum = 0
  for (let k = 0; k < messages.length; k++) {
    const message = messages[k]
    for (let i = 0; i < message.length; i++) sum = (sum + table[message.charCodeAt(i)]) | 0
  }
  return sum
}

/** Reads every UTF-16 unit of each message without a table: a lower bound no matcher reaches (info). */
function bareCharLoop(messages: string[]): number {
  let sum = 0
  for (let k = 0; k < messages.length; k++) {
    const message = messages[k]
    for (let i = 0; i < message.length; i++) sum = (sum + message.charCodeAt(i)) | 0
  }
  return sum
}

/** Scans each message on its own, as the bot does (an indexed loop, see bareLookupLoop). */
function scanEach(matcher: Matcher, messages: string[]): number {
  let hits = 0
  for (let k = 0; k < messages.length; k++) hits += matcher.scan(messages[k]).length
  return hits
}

/** The bench's fixed-seed inputs (see runMatcherBench): the same for every tool that reads them (bench/matcher-parts.ts). */
export interface BenchInputs {
  /** Terms for the largest size; a size takes the first ones. */
  allTerms: string[]
  /** The chat (Zipf characters), one message each, and the same amount of uniformly drawn characters. */
  messages: string[]
  uniform: string[]
  /** The bare loop's table (see bareLookupLoop). */
  table: Int32Array
  /** UTF-8 megabytes of the chat. */
  mb: number
}

/** Draws the bench's inputs for these dictionary sizes (chat of 4 MB, quick 1 MB, holding terms of the smallest). */
export function benchInputs(sizes: number[], quick: boolean): BenchInputs {
  const random = prng(20260101)
  const allTerms = commonTerms(Math.max(...sizes), random)
  const injected = allTerms.slice(0, Math.min(...sizes))
  const textBytes = (quick ? 1 : 4) * 1_000_000
  const messages = chatText(textBytes, injected, zipfCharacters(random), random).split('\n')
  const uniform = chatText(
    textBytes,
    injected,
    () => String.fromCharCode(CJK_FIRST + Math.floor(random() * CJK_COUNT)),
    random,
  ).split('\n')
  const mb = Buffer.byteLength(messages.join('\n')) / 1e6
  return { allTerms, messages, uniform, table: unitTable(random), mb }
}

/** Figures of one dictionary size (speeds in MB/s of UTF-8 text). */
export interface MatcherSizeResult {
  terms: number
  /** CPU time and retained memory (heap + typed arrays) of compileMatcher with the default expansions. */
  buildMs: number
  retainedMB: number | null
  /** The table-lookup loop the goal is set against, timed in the same rounds. */
  bareMBps: number
  matcherMBps: number
  mintMBps: number
  ratioToBare: number
  ratioToMint: number
  hits: number
}

/**
 * Another source tree's matcher (`--compare DIR`, e.g. a copy of the branch before a change) measured
 * in the same process on the first size: built right after this one, its scans taking turns with this
 * one's in the same rounds (both also scan the uniform text in each round, so that their caches of
 * swap forms see the same texts).
 */
export interface CompareResult {
  dir: string
  buildMs: number
  retainedMB: number | null
  matcherMBps: number
  hits: number
  /** This matcher's CPU time ÷ the other's, per round (rounds in order). */
  roundRatios: number[]
}

/** Figures returned by runMatcherBench. */
export interface MatcherBenchResult {
  textMB: number
  messages: number
  samples: number
  sizes: MatcherSizeResult[]
  /** charCodeAt sum without a table (info, first size's rounds). */
  bareCharMBps: number
  /** The first size without expansions (`expand: []`), on uniform random text, and with a links rule (info). */
  plainMatcherMBps: number
  uniformTextMatcherMBps: number
  linksMatcherMBps: number
  /** With `compare`: the other tree's matcher beside this one on the first size (see CompareResult). */
  compare?: CompareResult
  /** The worst size: the figures the summary line shows. */
  matcherMBps: number
  ratioToBare: number
  ratioToMint: number
  /** Loading the expansion tables and pinyin-pro (first use in a process): CPU ms, and the heap kept afterwards. */
  tablesMs: number
  tablesMB: number | null
  /** Loading and compiling the shipped default dictionary, tables warm (its share of start-up): CPU ms. */
  defaultLoadMs: number
  defaultCompileMs: number
  pass: { ratioToBare: boolean; ratioToMint: boolean; build: boolean | null; retained: boolean | null }
}

/**
 * Runs the matcher benchmark. Dictionaries of 10k, 50k and 100k distinct terms of 2-4 characters drawn
 * from the 3,000 most frequent characters, with the default expansions, as a dictionary file gets them
 * (the quick run: 10k only). Per size: the build (CPU time, retained memory), then every message of the
 * synthetic chat (4 MB, quick 1 MB) scanned on its own by the matcher and by mint-filter (the same terms,
 * which it cannot expand) beside the bare table-lookup loop, each over the same number of samples.
 */
export async function runMatcherBench({
  quick = false,
  sizes = quick ? FULL_SIZES.slice(0, 1) : FULL_SIZES,
  compare,
  rounds,
}: {
  quick?: boolean
  sizes?: number[]
  /** Another source tree whose matcher is measured beside this one (see CompareResult). */
  compare?: string
  /** Samples per measurement (default 5 quick, 7 full). */
  rounds?: number
} = {}): Promise<MatcherBenchResult> {
  const other = compare ? await otherCompiler(compare) : undefined
  const tables = await measureTables()
  const defaults = measureDefaultDictionary()
  const { allTerms, messages, uniform, table, mb } = benchInputs(sizes, quick)
  const speed = (ms: number): number => mb / (ms / 1000)
  const samples = rounds ?? (quick ? 5 : 7)
  compileMatcher(dictionaryOf(['预热'], DEFAULT_EXPANSIONS))
  const results: MatcherSizeResult[] = []
  let info = { bareCharMBps: 0, plainMatcherMBps: 0, uniformTextMatcherMBps: 0, linksMatcherMBps: 0 }
  let compared: CompareResult | undefined
  for (const size of sizes) {
    const terms = allTerms.slice(0, size)
    const { matcher, buildMs, retainedMB } = await measureBuild(dictionaryOf(terms, DEFAULT_EXPANSIONS))
    const mint = new Mint(terms)
    const runs: Record<string, () => unknown> = {
      bare: () => bareLookupLoop(messages, table),
      matcher: () => scanEach(matcher, messages),
      mint: () => {
        for (let k = 0; k < messages.length; k++) mint.filter(messages[k], { replace: false })
      },
    }
    const first = results.length === 0
    const otherBuild = first && other ? await measureBuild(dictionaryOf(terms, DEFAULT_EXPANSIONS), other) : undefined
    if (otherBuild) runs.other = () => scanEach(otherBuild.matcher, messages)
    const plain = first ? compileMatcher(dictionaryOf(terms)) : undefined
    const withLinks = first
      ? compileMatcher({
          ...dictionaryOf(terms, DEFAULT_EXPANSIONS),
          links: { category: 'link', label: 'link', severity: 'low', allowDomains: ['example.com'] },
        })
      : undefined
    if (plain && withLinks) {
      runs.bareChar = () => bareCharLoop(messages)
      runs.plain = () => scanEach(plain, messages)
      runs.uniform = () => scanEach(matcher, uniform)
      runs.links = () => scanEach(withLinks, messages)
      // The other matcher reads the uniform text too: each matcher's swap-form cache then sees the same texts.
      if (otherBuild) runs.otherUniform = () => scanEach(otherBuild.matcher, uniform)
    }
    const all: Record<string, number[]> = {}
    const times = bestTimes(samples, runs, all)
    if (otherBuild && compare) {
      compared = {
        dir: compare,
        buildMs: otherBuild.buildMs,
        retainedMB: otherBuild.retainedMB,
        matcherMBps: speed(times.other),
        hits: scanEach(otherBuild.matcher, messages),
        roundRatios: all.matcher.map((ms, r) => ms / all.other[r]),
      }
    }
    if (first) {
      info = {
        bareCharMBps: speed(times.bareChar),
        plainMatcherMBps: speed(times.plain),
        uniformTextMatcherMBps: speed(times.uniform),
        linksMatcherMBps: speed(times.links),
      }
    }
    results.push({
      terms: size,
      buildMs,
      retainedMB,
      bareMBps: speed(times.bare),
      matcherMBps: speed(times.matcher),
      mintMBps: speed(times.mint),
      ratioToBare: times.bare / times.matcher,
      ratioToMint: times.mint / times.matcher,
      hits: scanEach(matcher, messages),
    })
  }
  const worst = results.reduce((w, r) => (r.ratioToBare < w.ratioToBare ? r : w))
  const largest = results[results.length - 1]
  return {
    textMB: mb,
    messages: messages.length,
    samples,
    sizes: results,
    ...info,
    compare: compared,
    matcherMBps: worst.matcherMBps,
    ratioToBare: Math.min(...results.map(r => r.ratioToBare)),
    ratioToMint: Math.min(...results.map(r => r.ratioToMint)),
    ...tables,
    ...defaults,
    pass: {
      ratioToBare: results.every(r => r.ratioToBare >= TARGET_RATIO_TO_BARE),
      ratioToMint: results.every(r => r.ratioToMint >= TARGET_RATIO_TO_MINT),
      build: buildVerdict(largest.terms, largest.buildMs < TARGET_BUILD_MS),
      retained:
        largest.retainedMB === null ? null : buildVerdict(largest.terms, largest.retainedMB < TARGET_RETAINED_MB),
    },
  }
}

/**
 * The build goal is for 100k terms. A smaller dictionary that already misses it means a miss (a bigger
 * one costs at least as much); one that meets it says nothing about 100k (null: not judged).
 */
function buildVerdict(terms: number, withinGoal: boolean): boolean | null {
  if (terms >= BUILD_GOAL_TERMS || !withinGoal) return withinGoal
  return null
}

/** compileMatcher of another source tree (its plugins/content/matcher), warmed up like this one's. */
async function otherCompiler(dir: string): Promise<(d: Dictionary) => Matcher> {
  const url = pathToFileURL(join(resolve(dir), 'plugins/content/matcher/index.ts')).href
  const { compileMatcher: compile } = (await import(url)) as { compileMatcher: (d: Dictionary) => Matcher }
  compile(dictionaryOf(['预热'], DEFAULT_EXPANSIONS))
  return compile
}

/** CPU time of loading and compiling the shipped default dictionary (the fold and expansion tables warm). */
function measureDefaultDictionary(): { defaultLoadMs: number; defaultCompileMs: number } {
  const start = cpuMs()
  const { dictionary } = loadDictionaryFiles([shipped('data/dictionaries/default.yaml')])
  const loaded = cpuMs()
  compileMatcher(dictionary)
  return { defaultLoadMs: loaded - start, defaultCompileMs: cpuMs() - loaded }
}

/**
 * CPU time of loading the expansion tables and pinyin-pro (first use in a process), and the memory they
 * keep once nothing uses them (compiles hold them only weakly: the word tables a scan reads stay).
 */
async function measureTables(): Promise<{ tablesMs: number; tablesMB: number | null }> {
  const gc = garbageCollector()
  const before = await settledMemory(gc)
  const start = cpuMs()
  expansionTables()
  tonedReadings('赌博')
  const tablesMs = cpuMs() - start
  const retained = (await settledMemory(gc)) - before
  return { tablesMs, tablesMB: gc ? retained / 1e6 : null }
}

/** Heap + typed-array memory after collecting garbage (if possible) and letting finalisers run. */
async function settledMemory(gc: (() => void) | null): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.()
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  const memory = process.memoryUsage()
  return memory.heapUsed + memory.external
}

/**
 * Build time and retained memory (heap + typed-array backing stores) of one matcher. The process-wide
 * fold and expansion tables are warmed up first: they are shared by every matcher (measured apart).
 */
async function measureBuild(
  dictionary: Dictionary,
  compile: (d: Dictionary) => Matcher = compileMatcher,
): Promise<{ matcher: Matcher; buildMs: number; retainedMB: number | null }> {
  const gc = garbageCollector()
  const before = await settledMemory(gc)
  const start = cpuMs()
  const matcher = compile(dictionary)
  const buildMs = cpuMs() - start
  const retained = (await settledMemory(gc)) - before
  return { matcher, buildMs, retainedMB: gc ? retained / 1e6 : null }
}

/** The median of a non-empty list. */
function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The result as a printable table. */
export function formatMatcherBench(r: MatcherBenchResult): string {
  const verdict = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS')
  const ofBare = (mbps: number, bare: number): string => `${(mbps / bare).toFixed(2)} of bare`
  const k = (terms: number): string => `${terms / 1000}k`
  const rows = [['measurement', 'value', 'ratio', 'target', 'result']]
  for (const s of r.sizes) {
    rows.push(
      [`bare loop (table lookup per unit), ${k(s.terms)} run`, `${s.bareMBps.toFixed(0)} MB/s`, '1.00', '', ''],
      [
        `matcher.scan, ${k(s.terms)} terms expanded`,
        `${s.matcherMBps.toFixed(0)} MB/s`,
        ofBare(s.matcherMBps, s.bareMBps),
        `>= ${TARGET_RATIO_TO_BARE} of bare`,
        verdict(s.ratioToBare >= TARGET_RATIO_TO_BARE),
      ],
      [
        `mint-filter, ${k(s.terms)} terms`,
        `${s.mintMBps.toFixed(1)} MB/s`,
        `matcher ${s.ratioToMint.toFixed(0)}x`,
        `matcher >= ${TARGET_RATIO_TO_MINT}x`,
        verdict(s.ratioToMint >= TARGET_RATIO_TO_MINT),
      ],
      [
        `build (CPU), ${k(s.terms)} terms expanded`,
        `${s.buildMs.toFixed(0)} ms`,
        '',
        `< ${TARGET_BUILD_MS} ms at 100k`,
        '',
      ],
      [
        `retained, ${k(s.terms)} terms expanded`,
        s.retainedMB === null ? 'n/a' : `${s.retainedMB.toFixed(1)} MB`,
        '',
        `< ${TARGET_RETAINED_MB} MB at 100k`,
        '',
      ],
    )
  }
  const first = r.sizes[0]
  rows.push(
    [
      'bare loop (charCodeAt sum, no table)',
      `${r.bareCharMBps.toFixed(0)} MB/s`,
      ofBare(r.bareCharMBps, first.bareMBps),
      'info',
      '',
    ],
    [
      `matcher.scan, ${k(first.terms)}, expand: []`,
      `${r.plainMatcherMBps.toFixed(0)} MB/s`,
      ofBare(r.plainMatcherMBps, first.bareMBps),
      'info',
      '',
    ],
    [
      'matcher, uniform random text',
      `${r.uniformTextMatcherMBps.toFixed(0)} MB/s`,
      ofBare(r.uniformTextMatcherMBps, first.bareMBps),
      'info',
      '',
    ],
    [
      'matcher with a links rule',
      `${r.linksMatcherMBps.toFixed(0)} MB/s`,
      ofBare(r.linksMatcherMBps, first.bareMBps),
      'info',
      '',
    ],
    [
      'expansion tables + pinyin-pro: first use, kept after',
      `${r.tablesMs.toFixed(0)} ms CPU`,
      r.tablesMB === null ? 'n/a' : `${r.tablesMB.toFixed(1)} MB`,
      'info',
      '',
    ],
    [
      'default dictionary: load, compile (CPU)',
      `${r.defaultLoadMs.toFixed(0)} ms, ${r.defaultCompileMs.toFixed(0)} ms`,
      '',
      'info',
      '',
    ],
    ['build, largest size', '', '', `< ${TARGET_BUILD_MS} ms at 100k`, verdict(r.pass.build)],
    ['retained, largest size', '', '', `< ${TARGET_RETAINED_MB} MB at 100k`, verdict(r.pass.retained)],
  )
  const widths = rows[0].map((_, c) => Math.max(...rows.map(row => row[c].length)))
  const lines = rows.map(row =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  )
  lines.splice(1, 0, widths.map(w => '-'.repeat(w)).join('  '))
  const hits = r.sizes.map(s => `${s.hits} (${k(s.terms)})`).join(', ')
  const c = r.compare
  const compared = c
    ? `\ncompare ${c.dir}, ${k(first.terms)}: matcher.scan ${c.matcherMBps.toFixed(0)} MB/s (this tree ${first.matcherMBps.toFixed(0)}), build ${c.buildMs.toFixed(0)} ms CPU (this ${first.buildMs.toFixed(0)}), retained ${c.retainedMB?.toFixed(1) ?? 'n/a'} MB (this ${first.retainedMB?.toFixed(1) ?? 'n/a'}), matches ${c.hits} (this ${first.hits}); this ÷ other CPU per round: median ${median(c.roundRatios).toFixed(3)} (${c.roundRatios.map(x => x.toFixed(2)).join(' ')})`
    : ''
  return `text: ${r.textMB.toFixed(1)} MB synthetic chat (Zipf CJK, punctuation, emoji) in ${r.messages} messages, each scanned on its own; terms of 2-4 of the ${COMMON_CHARACTERS} most frequent characters, default expansions; best CPU time of ${r.samples} samples each; matches ${hits}\n${lines.join('\n')}${compared}`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizesArg = process.argv.indexOf('--sizes')
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name)
    return at > 0 ? process.argv[at + 1] : undefined
  }
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : undefined
  const rounds = option('--rounds')
  const result = await runMatcherBench({
    quick: process.argv.includes('--quick'),
    sizes,
    compare: option('--compare'),
    rounds: rounds === undefined ? undefined : Number(rounds),
  })
  const json = option('--json')
  if (json) writeFileSync(json, JSON.stringify(result))
  console.log(formatMatcherBench(result))
  console.log(
    `load average ${loadavg()
      .map(l => l.toFixed(2))
      .join(' ')} (shared machine: ratios vary with load)`,
  )
}
