/**
 * Matcher benchmark: `npx tsx bench/matcher.ts [--quick]` (for exact memory figures:
 * `node --expose-gc --import tsx bench/matcher.ts`). Fixed-seed synthetic data; see runMatcherBench.
 */
import { loadavg } from 'node:os'
import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import { pathToFileURL } from 'node:url'
import { Mint } from 'mint-filter'
import {
  DEFAULT_EXPANSIONS,
  compileMatcher,
  type Dictionary,
  type ExpansionKind,
  type Matcher,
} from '../plugins/content/matcher/index.js'
import { expansionTables, mostFrequentCharacters, tonedReadings } from '../plugins/content/matcher/expansion-data.js'

const CJK_FIRST = 0x4e00
const CJK_COUNT = 0x9fa5 - 0x4e00 + 1
const TARGET_RATIO_TO_BARE = 0.3
const TARGET_RATIO_TO_MINT = 35
const TARGET_BUILD_MS = 2000
const TARGET_RETAINED_MB = 15
/** Characters the 100k-term build draws from: the most frequent ones, as real dictionaries use. */
const COMMON_CHARACTERS = 3000

/** Mulberry32: small, fast, fixed-seed PRNG returning [0, 1). */
function prng(seed: number): () => number {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Distinct random terms of 2-4 characters from U+4E00..U+9FA5. */
function randomTerms(count: number, random: () => number): string[] {
  const terms = new Set<string>()
  while (terms.size < count) {
    let term = ''
    const length = 2 + Math.floor(random() * 3)
    for (let i = 0; i < length; i++) term += String.fromCharCode(CJK_FIRST + Math.floor(random() * CJK_COUNT))
    terms.add(term)
  }
  return [...terms]
}

/** Distinct terms of 2-4 characters drawn from the COMMON_CHARACTERS most frequent ones (Jun Da's list). */
function commonTerms(count: number, random: () => number): string[] {
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
function zipfCharacters(random: () => number): () => string {
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
function chatText(bytes: number, terms: string[], nextChar: () => string, random: () => number): string {
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
function dictionaryOf(terms: string[], expand: readonly ExpansionKind[] = []): Dictionary {
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
function bestTimes(rounds: number, runs: Record<string, () => unknown>): Record<string, number> {
  const best: Record<string, number> = {}
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = cpuMs()
      run()
      best[name] = Math.min(best[name] ?? Infinity, cpuMs() - start)
    }
  }
  return best
}

/** A 64K-entry table, one entry per UTF-16 unit, as any normalising scanner reads (see bareLookupLoop). */
function unitTable(random: () => number): Int32Array {
  return Int32Array.from({ length: 0x10000 }, () => Math.floor(random() * 0x7fffffff))
}

/**
 * The floor cost of a normalising single pass: one table lookup per UTF-16 unit of each message.
 * The matcher does this lookup and more; its speed is given as a ratio to this loop.
 */
function bareLookupLoop(messages: string[], table: Int32Array): number {
  let sum = 0
  for (const message of messages) {
    for (let i = 0; i < message.length; i++) sum = (sum + table[message.charCodeAt(i)]) | 0
  }
  return sum
}

/** Reads every UTF-16 unit of each message without a table: a lower bound no matcher reaches (info). */
function bareCharLoop(messages: string[]): number {
  let sum = 0
  for (const message of messages) {
    for (let i = 0; i < message.length; i++) sum = (sum + message.charCodeAt(i)) | 0
  }
  return sum
}

/** Scans each message on its own, as the bot does. */
function scanEach(matcher: Matcher, messages: string[]): number {
  let hits = 0
  for (const message of messages) hits += matcher.scan(message).length
  return hits
}

/** Figures returned by runMatcherBench (speeds in MB/s of UTF-8 text). */
export interface MatcherBenchResult {
  textMB: number
  messages: number
  samples: number
  /** The table-lookup loop the goal is set against. */
  bareMBps: number
  /** charCodeAt sum without a table (info). */
  bareCharMBps: number
  matcherMBps: number
  /** The same 10k terms without expansions (`expand: []`). */
  plainMatcherMBps: number
  /** Build time of the 10k-term matcher with the default expansions. */
  build10kExpandedMs: number
  mintMBps: number
  uniformTextMatcherMBps: number
  linksMatcherMBps: number
  hits: number
  ratioToBare: number
  ratioToMint: number
  buildMs: number
  retainedMB: number | null
  /** Loading the expansion tables and pinyin-pro (first use in a process): CPU ms and retained heap. */
  tablesMs: number
  tablesMB: number | null
  pass: { ratioToBare: boolean; ratioToMint: boolean; build: boolean; retained: boolean | null }
}

/**
 * Runs the matcher benchmark: 10,000 random terms with the default expansions (and without) over
 * 4 MB of chat messages (1 MB quick), each message scanned on its own, every contender timed over the
 * same number of samples; then a build of 100,000 common-character terms (a bulk list, `expand: []`).
 */
export async function runMatcherBench({ quick = false }: { quick?: boolean } = {}): Promise<MatcherBenchResult> {
  const tables = await measureTables()
  const random = prng(20260101)
  const terms10k = randomTerms(10_000, random)
  const textBytes = (quick ? 1 : 4) * 1_000_000
  const messages = chatText(textBytes, terms10k, zipfCharacters(random), random).split('\n')
  const uniform = chatText(
    textBytes,
    terms10k,
    () => String.fromCharCode(CJK_FIRST + Math.floor(random() * CJK_COUNT)),
    random,
  ).split('\n')
  const mb = Buffer.byteLength(messages.join('\n')) / 1e6
  compileMatcher(dictionaryOf(['预热'], DEFAULT_EXPANSIONS))
  const buildStart = cpuMs()
  const matcher = compileMatcher(dictionaryOf(terms10k, DEFAULT_EXPANSIONS))
  const build10kExpandedMs = cpuMs() - buildStart
  const plain = compileMatcher(dictionaryOf(terms10k))
  const withLinks = compileMatcher({
    ...dictionaryOf(terms10k, DEFAULT_EXPANSIONS),
    links: { category: 'link', label: 'link', severity: 'low', allowDomains: ['example.com'] },
  })
  const mint = new Mint(terms10k)
  const table = unitTable(random)
  const samples = quick ? 5 : 7
  const times = bestTimes(samples, {
    bare: () => bareLookupLoop(messages, table),
    bareChar: () => bareCharLoop(messages),
    matcher: () => scanEach(matcher, messages),
    plain: () => scanEach(plain, messages),
    uniform: () => scanEach(matcher, uniform),
    links: () => scanEach(withLinks, messages),
    mint: () => {
      for (const message of messages) mint.filter(message, { replace: false })
    },
  })
  const speed = (ms: number): number => mb / (ms / 1000)
  const build = await measureBuild(commonTerms(100_000, random))
  const result = {
    textMB: mb,
    messages: messages.length,
    samples,
    bareMBps: speed(times.bare),
    bareCharMBps: speed(times.bareChar),
    matcherMBps: speed(times.matcher),
    plainMatcherMBps: speed(times.plain),
    build10kExpandedMs,
    mintMBps: speed(times.mint),
    uniformTextMatcherMBps: speed(times.uniform),
    linksMatcherMBps: speed(times.links),
    hits: scanEach(matcher, messages),
    ratioToBare: times.bare / times.matcher,
    ratioToMint: times.mint / times.matcher,
    ...build,
    ...tables,
  }
  return {
    ...result,
    pass: {
      ratioToBare: result.ratioToBare >= TARGET_RATIO_TO_BARE,
      ratioToMint: result.ratioToMint >= TARGET_RATIO_TO_MINT,
      build: result.buildMs < TARGET_BUILD_MS,
      retained: result.retainedMB === null ? null : result.retainedMB < TARGET_RETAINED_MB,
    },
  }
}

/** CPU time and retained memory of the expansion tables and pinyin-pro, loaded on first use. */
async function measureTables(): Promise<{ tablesMs: number; tablesMB: number | null }> {
  const gc = garbageCollector()
  const settle = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      gc?.()
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    const memory = process.memoryUsage()
    return memory.heapUsed + memory.external
  }
  const before = await settle()
  const start = cpuMs()
  const tables = expansionTables()
  tonedReadings('赌博')
  const tablesMs = cpuMs() - start
  const retained = (await settle()) - before
  return { tablesMs, tablesMB: gc && tables.rank.size > 0 ? retained / 1e6 : null }
}

/**
 * Build time and retained memory (heap + typed-array backing stores) of a 100,000-term matcher.
 * The process-wide fold tables are warmed up first: they are shared by every matcher.
 */
async function measureBuild(terms: string[]): Promise<{ buildMs: number; retainedMB: number | null }> {
  compileMatcher(dictionaryOf(['预热']))
  const dictionary = dictionaryOf(terms)
  const gc = garbageCollector()
  const used = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      gc?.()
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    const memory = process.memoryUsage()
    return memory.heapUsed + memory.external
  }
  const before = await used()
  const start = cpuMs()
  const matcher: Matcher = compileMatcher(dictionary)
  const buildMs = cpuMs() - start
  const retained = (await used()) - before
  // Reading the matcher after the measurement keeps it alive (and counted) until then.
  return { buildMs, retainedMB: gc && matcher.dictionary === dictionary ? retained / 1e6 : null }
}

/** The result as a printable table. */
export function formatMatcherBench(r: MatcherBenchResult): string {
  const verdict = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS')
  const rows = [
    ['measurement', 'value', 'ratio', 'target', 'result'],
    ['bare loop (table lookup per unit)', `${r.bareMBps.toFixed(0)} MB/s`, '1.00', '', ''],
    [
      'bare loop (charCodeAt sum, no table)',
      `${r.bareCharMBps.toFixed(0)} MB/s`,
      `${(r.bareCharMBps / r.bareMBps).toFixed(2)} of bare`,
      'info',
      '',
    ],
    [
      'matcher.scan, 10k terms expanded',
      `${r.matcherMBps.toFixed(0)} MB/s`,
      `${r.ratioToBare.toFixed(2)} of bare`,
      `>= ${TARGET_RATIO_TO_BARE} of bare`,
      verdict(r.pass.ratioToBare),
    ],
    [
      'matcher.scan, 10k, expand: []',
      `${r.plainMatcherMBps.toFixed(0)} MB/s`,
      `${(r.plainMatcherMBps / r.bareMBps).toFixed(2)} of bare`,
      'info',
      '',
    ],
    [
      'expansion tables + pinyin-pro, first use',
      `${r.tablesMs.toFixed(0)} ms CPU`,
      r.tablesMB === null ? 'n/a' : `${r.tablesMB.toFixed(1)} MB`,
      'info',
      '',
    ],
    ['build (CPU), 10k terms expanded', `${r.build10kExpandedMs.toFixed(0)} ms`, '', 'info', ''],
    [
      'mint-filter, 10k terms',
      `${r.mintMBps.toFixed(1)} MB/s`,
      `matcher ${r.ratioToMint.toFixed(0)}x`,
      `matcher >= ${TARGET_RATIO_TO_MINT}x`,
      verdict(r.pass.ratioToMint),
    ],
    [
      'matcher, uniform random text',
      `${r.uniformTextMatcherMBps.toFixed(0)} MB/s`,
      `${(r.uniformTextMatcherMBps / r.bareMBps).toFixed(2)} of bare`,
      'info',
      '',
    ],
    [
      'matcher with a links rule',
      `${r.linksMatcherMBps.toFixed(0)} MB/s`,
      `${(r.linksMatcherMBps / r.bareMBps).toFixed(2)} of bare`,
      'info',
      '',
    ],
    [
      'build (CPU), 100k common-char, expand: []',
      `${r.buildMs.toFixed(0)} ms`,
      '',
      `< ${TARGET_BUILD_MS} ms`,
      verdict(r.pass.build),
    ],
    [
      'retained, 100k common-char, expand: []',
      r.retainedMB === null ? 'n/a' : `${r.retainedMB.toFixed(1)} MB`,
      '',
      `< ${TARGET_RETAINED_MB} MB`,
      verdict(r.pass.retained),
    ],
  ]
  const widths = rows[0].map((_, c) => Math.max(...rows.map(row => row[c].length)))
  const lines = rows.map(row =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  )
  lines.splice(1, 0, widths.map(w => '-'.repeat(w)).join('  '))
  return `text: ${r.textMB.toFixed(1)} MB synthetic chat (Zipf CJK, punctuation, emoji) in ${r.messages} messages, each scanned on its own; best CPU time of ${r.samples} samples each; ${r.hits} matches\n${lines.join('\n')}`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runMatcherBench({ quick: process.argv.includes('--quick') })
  console.log(formatMatcherBench(result))
  console.log(
    `load average ${loadavg()
      .map(l => l.toFixed(2))
      .join(' ')} (shared machine: ratios vary with load)`,
  )
}
