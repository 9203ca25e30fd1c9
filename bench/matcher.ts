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

const CJK_FIRST = 0x4e00
const CJK_COUNT = 0x9fa5 - 0x4e00 + 1
const TARGET_RATIO_TO_BARE = 0.3
const TARGET_RATIO_TO_MINT = 35
const TARGET_BUILD_MS = 2000
const TARGET_RETAINED_MB = 10

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

/**
 * Best (shortest) time in ms of each function. Rounds are interleaved to spread CPU noise over all
 * functions; within a round each function runs three times in a row, so its tables are as warm in
 * the cache as they are in a bot that scans message after message.
 */
function bestTimes(rounds: number, runs: Record<string, () => unknown>): Record<string, number> {
  const best: Record<string, number> = {}
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) {
      for (let repeat = 0; repeat < 3; repeat++) {
        const start = performance.now()
        run()
        best[name] = Math.min(best[name] ?? Infinity, performance.now() - start)
      }
    }
  }
  return best
}

/** Sums every UTF-16 unit: the floor cost of reading the text once. */
function bareLoop(text: string): number {
  let sum = 0
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0
  return sum
}

/** Figures returned by runMatcherBench (speeds in MB/s of UTF-8 text). */
export interface MatcherBenchResult {
  textMB: number
  bareMBps: number
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
  build50kMs: number
  retained50kMB: number | null
  pass: { ratioToBare: boolean; ratioToMint: boolean; build: boolean; retained: boolean | null }
}

/**
 * Runs the matcher benchmark: 10,000 terms with the default expansions (and without) over 20 MB of chat
 * (2 MB quick), then a 50,000-term build without expansions (a bulk list imported with `expand: []`).
 */
export async function runMatcherBench({ quick = false }: { quick?: boolean } = {}): Promise<MatcherBenchResult> {
  const random = prng(20260101)
  const terms10k = randomTerms(10_000, random)
  const textBytes = (quick ? 2 : 20) * 1_000_000
  const text = chatText(textBytes, terms10k, zipfCharacters(random), random)
  const uniform = chatText(
    textBytes,
    terms10k,
    () => String.fromCharCode(CJK_FIRST + Math.floor(random() * CJK_COUNT)),
    random,
  )
  const mb = Buffer.byteLength(text) / 1e6
  compileMatcher(dictionaryOf(['预热'], DEFAULT_EXPANSIONS))
  const buildStart = performance.now()
  const matcher = compileMatcher(dictionaryOf(terms10k, DEFAULT_EXPANSIONS))
  const build10kExpandedMs = performance.now() - buildStart
  const plain = compileMatcher(dictionaryOf(terms10k))
  const withLinks = compileMatcher({
    ...dictionaryOf(terms10k, DEFAULT_EXPANSIONS),
    links: { category: 'link', label: 'link', severity: 'low', allowDomains: ['example.com'] },
  })
  const mint = new Mint(terms10k)
  const times = bestTimes(5, {
    bare: () => bareLoop(text),
    matcher: () => matcher.scan(text),
    plain: () => plain.scan(text),
    uniform: () => matcher.scan(uniform),
    links: () => withLinks.scan(text),
  })
  const mintTimes = bestTimes(1, { mint: () => mint.filter(text, { replace: false }) })
  const speed = (ms: number): number => mb / (ms / 1000)
  const build = await measureBuild(randomTerms(50_000, random))
  const result = {
    textMB: mb,
    bareMBps: speed(times.bare),
    matcherMBps: speed(times.matcher),
    plainMatcherMBps: speed(times.plain),
    build10kExpandedMs,
    mintMBps: speed(mintTimes.mint),
    uniformTextMatcherMBps: speed(times.uniform),
    linksMatcherMBps: speed(times.links),
    hits: matcher.scan(text).length,
    ratioToBare: times.bare / times.matcher,
    ratioToMint: mintTimes.mint / times.matcher,
    ...build,
  }
  return {
    ...result,
    pass: {
      ratioToBare: result.ratioToBare >= TARGET_RATIO_TO_BARE,
      ratioToMint: result.ratioToMint >= TARGET_RATIO_TO_MINT,
      build: result.build50kMs < TARGET_BUILD_MS,
      retained: result.retained50kMB === null ? null : result.retained50kMB < TARGET_RETAINED_MB,
    },
  }
}

/**
 * Build time and retained memory (heap + typed-array backing stores) of a 50,000-term matcher.
 * The process-wide fold tables are warmed up first: they are shared by every matcher.
 */
async function measureBuild(terms: string[]): Promise<{ build50kMs: number; retained50kMB: number | null }> {
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
  const start = performance.now()
  const matcher: Matcher = compileMatcher(dictionary)
  const build50kMs = performance.now() - start
  const retained = (await used()) - before
  // Reading the matcher after the measurement keeps it alive (and counted) until then.
  return { build50kMs, retained50kMB: gc && matcher.dictionary === dictionary ? retained / 1e6 : null }
}

/** The result as a printable table. */
export function formatMatcherBench(r: MatcherBenchResult): string {
  const verdict = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS')
  const rows = [
    ['measurement', 'value', 'ratio', 'target', 'result'],
    ['bare loop (charCodeAt sum)', `${r.bareMBps.toFixed(0)} MB/s`, '1.00', '', ''],
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
    ['build, 10k terms expanded', `${r.build10kExpandedMs.toFixed(0)} ms`, '', 'info', ''],
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
    ['build, 50k, expand: []', `${r.build50kMs.toFixed(0)} ms`, '', `< ${TARGET_BUILD_MS} ms`, verdict(r.pass.build)],
    [
      'retained, 50k, expand: []',
      r.retained50kMB === null ? 'n/a' : `${r.retained50kMB.toFixed(1)} MB`,
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
  return `text: ${r.textMB.toFixed(1)} MB synthetic chat (Zipf CJK, punctuation, emoji), ${r.hits} matches\n${lines.join('\n')}`
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
