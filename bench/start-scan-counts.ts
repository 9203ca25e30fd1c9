/**
 * What the start scan's exits meet on the matcher bench's quick chat, counted a MB (no timing):
 * `npx tsx bench/start-scan-counts.ts [--size N]` (N bench terms with the default expansions, 10k unless told).
 * Emulates the start scan's straight path (scanKeyStarts) over letters: the letter pairs that pass the
 * prefix-pair filter, how many are a real first pair of a key (the trie's second level), how many of those end a
 * key or meet a third letter that continues one, and the distinct real pairs; and the trie's second level
 * itself: its states, how many end a key, how many third-level children they have. For a design of the start
 * scan's exits and walks (see docs/performance-history.md, mtab): each pass reads the second level's cell, each
 * real pair the key ends when one ends there and the third level's cell when a letter follows.
 */
import { pathToFileURL } from 'node:url'
import { DEFAULT_EXPANSIONS } from '../plugins/content/matcher/index.js'
import { compileTables } from '../plugins/content/matcher/compiled-tables.js'
import { CELLS_SLOT, PREFIX_PAIRS_SLOT, PREFIX_SHIFT_SLOT, letterValue } from '../plugins/content/matcher/scan-table.js'
import { benchInputs, dictionaryOf } from './matcher.js'

/** Counts of the start scan's exits on the chat (a MB) and of the trie's second level. */
export interface StartScanCounts {
  mb: number
  units: number
  passes: number
  realPairs: number
  distinctRealPairs: number
  endingPairs: number
  thirdLetters: number
  thirdLevelHits: number
  secondLevelStates: number
  secondLevelEnding: number
  /** Second-level states by their number of children (the last entry: that many or more). */
  childrenHistogram: number[]
}

/** The counts for `size` bench terms (see the file's comment). */
export function startScanCounts(size: number): StartScanCounts {
  const { allTerms, messages, mb } = benchInputs([size], true)
  const tables = compileTables(dictionaryOf(allTerms.slice(0, size), DEFAULT_EXPANSIONS))
  const { arena } = tables
  const alphabetSize = tables.alphabet.size
  const cells = arena[CELLS_SLOT]
  const filter = arena.subarray(arena[PREFIX_PAIRS_SLOT])
  const shift = arena[PREFIX_SHIFT_SLOT]
  const cellCount = (arena[PREFIX_PAIRS_SLOT] - cells) >>> 1
  const base = (s: number): number => arena[cells + (s << 1)] >> 1
  const parentOf = (s: number): number => arena[cells + (s << 1) + 1]
  const endsKey = (s: number): boolean => (arena[cells + (s << 1)] & 1) !== 0
  const children = new Int32Array(cellCount)
  for (let u = alphabetSize + 1; u < cellCount; u++) if (parentOf(u) > 0) children[parentOf(u)]++
  const histogram = new Array<number>(9).fill(0)
  let secondLevelStates = 0
  let secondLevelEnding = 0
  for (let u = alphabetSize + 1; u < cellCount; u++) {
    const parent = parentOf(u)
    if (parent < 1 || parent > alphabetSize) continue
    secondLevelStates++
    if (endsKey(u)) secondLevelEnding++
    histogram[Math.min(children[u], histogram.length - 1)]++
  }
  // The letter of each UTF-16 unit as the start scan reads it: -1 skipped, 0 none, else its code.
  const letterOf = (unit: number): number => {
    const v = arena[unit]
    return v < 0 ? (v === -1 ? -1 : 0) : v >> 1
  }
  const passes = (previous: number, code: number): boolean => {
    const h = Math.imul(letterValue(previous), 0x9e3779b1) ^ Math.imul(letterValue(code), 0x85ebca6b)
    const g = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
    const word = filter[h >>> shift]
    return ((word >>> (g >>> 27)) & (word >>> (g >>> 22)) & 1) !== 0
  }
  const counts = { units: 0, passes: 0, realPairs: 0, endingPairs: 0, thirdLetters: 0, thirdLevelHits: 0 }
  const distinct = new Set<number>()
  for (const text of messages) {
    let previous = 0
    counts.units += text.length
    for (let i = 0; i < text.length; i++) {
      const code = letterOf(text.charCodeAt(i))
      if (code < 0) continue
      if (previous > 0 && code > 0 && passes(previous, code)) {
        counts.passes++
        const t = base(previous) + code
        if (parentOf(t) === previous) {
          counts.realPairs++
          distinct.add(t)
          if (endsKey(t)) counts.endingPairs++
          let next = 0
          for (let j = i + 1; j < text.length; j++) {
            next = letterOf(text.charCodeAt(j))
            if (next >= 0) break
          }
          if (next > 0) {
            counts.thirdLetters++
            if (parentOf(base(t) + next) === t) counts.thirdLevelHits++
          }
        }
      }
      previous = code
    }
  }
  const perMb = (x: number): number => Math.round(x / mb)
  return {
    mb,
    units: perMb(counts.units),
    passes: perMb(counts.passes),
    realPairs: perMb(counts.realPairs),
    distinctRealPairs: distinct.size,
    endingPairs: perMb(counts.endingPairs),
    thirdLetters: perMb(counts.thirdLetters),
    thirdLevelHits: perMb(counts.thirdLevelHits),
    secondLevelStates,
    secondLevelEnding,
    childrenHistogram: histogram,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--size')
  console.log(startScanCounts(at > 0 ? Number(process.argv[at + 1]) : 10_000))
}
