import { CELLS_SLOT } from './scan-table.js'
import { keyEndingIn, keyEndCount, type KeyEnds } from './key-ends.js'

/** Most of a first letter's region its second letters fill (its size is a power of two at least 1 / this times theirs). */
const MAX_LOAD = 0.7
/** Most bits of a record's child summary (see FirstPairs). */
const MAX_CHILD_BITS = 16
/** Bits of a region's log2 size in FirstPairs.regions. */
const REGION_LOG_BITS = 5

/**
 * The trie's second level in one dense table, so that the start scan answers a letter pair that passed the
 * prefix-pair filter without reading the automaton's cells (megabytes, where each pair's walk read two to
 * three cache lines: the second level's cell, the key ends, the third level's cell). Each first letter f owns
 * a region of `slots` (`regions[f]`: its first slot << REGION_LOG_BITS | log2 of its size; regions in the
 * order of the letters' codes, the most frequent first, so the frequent letters' regions share cache lines):
 * two words a slot, the second letter's code (0 for a free slot; open addressing from slot code & (size - 1),
 * linear probing within the region) and its record, (the key ending on the pair + 1, or 0) << childBits | a
 * summary of the third letters that continue it (bit code % childBits of each; 0 when none does). A pair not
 * in its region starts no key; a record whose summary lacks the next letter's bit ends the walk there; only
 * a letter in the summary sends the walk on into the cells.
 */
export interface FirstPairs {
  regions: Int32Array
  slots: Int32Array
  childBits: number
}

/**
 * The first-pair table of a scan arena's automaton over an alphabet of `alphabetSize` codes (the root's
 * child on code a is cell a, see automaton.ts), with the key numbers of `ends`. Derived when a matcher is
 * made, never stored.
 */
export function firstPairsOf(arena: Int32Array, alphabetSize: number, ends: KeyEnds): FirstPairs {
  const cells = arena[CELLS_SLOT]
  const cellCount = (arena.length - cells) >>> 1
  const keyBits = 32 - Math.clz32(keyEndCount(ends) + 1)
  const childBits = Math.min(MAX_CHILD_BITS, 32 - keyBits)
  const base = (s: number): number => arena[cells + (s << 1)] >> 1
  const parentOf = (s: number): number => arena[cells + (s << 1) + 1]
  // The second level: states whose parent is a root child (cells 1..alphabetSize), with their child summaries.
  const summary = new Map<number, number>()
  const counts = new Int32Array(alphabetSize + 1)
  for (let u = alphabetSize + 1; u < cellCount; u++) {
    const parent = parentOf(u)
    if (parent >= 1 && parent <= alphabetSize) {
      summary.set(u, 0)
      counts[parent]++
    }
  }
  for (let u = alphabetSize + 1; u < cellCount; u++) {
    const parent = parentOf(u)
    const above = summary.get(parent)
    if (above !== undefined) summary.set(parent, above | (1 << ((u - base(parent)) % childBits)))
  }
  const regions = new Int32Array(alphabetSize + 1)
  let total = 0
  for (let f = 1; f <= alphabetSize; f++) {
    let log = 0
    while ((1 << log) * MAX_LOAD < counts[f]) log++
    regions[f] = (total << REGION_LOG_BITS) | log
    total += 1 << log
  }
  const slots = new Int32Array(2 * total)
  for (const [t, children] of summary) {
    const first = parentOf(t)
    const code = t - base(first)
    const start = regions[first] >>> REGION_LOG_BITS
    const mask = (1 << (regions[first] & ((1 << REGION_LOG_BITS) - 1))) - 1
    let at = code & mask
    while (slots[(start + at) << 1] !== 0) at = (at + 1) & mask
    slots[(start + at) << 1] = code
    slots[((start + at) << 1) + 1] = ((keyEndingIn(ends, t) + 1) << childBits) | children
  }
  return { regions, slots, childBits }
}
