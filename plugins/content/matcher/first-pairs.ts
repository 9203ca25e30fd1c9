import { CELLS_SLOT } from './scan-table.js'
import { keyEndingIn, keyEndCount, type KeyEnds } from './key-ends.js'

/** Most slots of the table per first pair (a power of two at least 1 / this many times the pairs). */
const MAX_LOAD = 0.7
/** Most bits of a record's child summary (see FirstPairs). */
const MAX_CHILD_BITS = 16

/**
 * The trie's second level in one dense hash table, so that the start scan answers a letter pair that passed
 * the prefix-pair filter without reading the automaton's cells (megabytes, where each pair's walk read two to
 * three cache lines: the second level's cell, the key ends, the third level's cell). `slots` holds two words a
 * slot, open addressing with linear probing (0 for a free slot): the pair's key, first × width + second (codes;
 * width is the alphabet's size plus one), and its record, (the key ending on the pair + 1, or 0) <<
 * childBits | a summary of the third letters that continue it (bit code % childBits of each; 0 when none
 * does). A pair not in the table starts no key; a record whose summary lacks the next letter's bit ends the
 * walk there; only a letter in the summary sends the walk on into the cells.
 */
export interface FirstPairs {
  slots: Int32Array
  /** The hash shift: the slot of key k is Math.imul(k, 0x9e3779b1) >>> shift (see firstPairSlot). */
  shift: number
  width: number
  childBits: number
}

/** The first slot to probe for a pair key in a table of 2^(32 - shift) slots. */
export function firstPairSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift
}

/**
 * The first-pair table of a scan arena's automaton over an alphabet of `alphabetSize` codes (the root's
 * child on code a is cell a, see automaton.ts), with the key numbers of `ends`. Derived when a matcher is
 * made, never stored.
 */
export function firstPairsOf(arena: Int32Array, alphabetSize: number, ends: KeyEnds): FirstPairs {
  const cells = arena[CELLS_SLOT]
  const cellCount = (arena.length - cells) >>> 1
  const width = alphabetSize + 1
  const keyBits = 32 - Math.clz32(keyEndCount(ends) + 1)
  const childBits = Math.min(MAX_CHILD_BITS, 32 - keyBits)
  // The second level: states whose parent is a root child (cells 1..alphabetSize), with their child summaries.
  const summary = new Map<number, number>()
  for (let u = width; u < cellCount; u++) {
    const parent = arena[cells + (u << 1) + 1]
    if (parent >= 1 && parent <= alphabetSize) summary.set(u, summary.get(u) ?? 0)
  }
  for (let u = width; u < cellCount; u++) {
    const parent = arena[cells + (u << 1) + 1]
    const above = summary.get(parent)
    if (above === undefined) continue
    const code = u - (arena[cells + (parent << 1)] >> 1)
    summary.set(parent, above | (1 << (code % childBits)))
  }
  let slotsLog = 1
  while ((1 << slotsLog) * MAX_LOAD < summary.size) slotsLog++
  const shift = 32 - slotsLog
  const mask = (1 << slotsLog) - 1
  const slots = new Int32Array(2 << slotsLog)
  for (const [t, children] of summary) {
    const first = arena[cells + (t << 1) + 1]
    const key = (Math.imul(first, width) + t - (arena[cells + (first << 1)] >> 1)) | 0
    let slot = firstPairSlot(key, shift)
    while (slots[slot << 1] !== 0) slot = (slot + 1) & mask
    slots[slot << 1] = key
    slots[(slot << 1) + 1] = ((keyEndingIn(ends, t) + 1) << childBits) | children
  }
  return { slots, shift, width, childBits }
}
