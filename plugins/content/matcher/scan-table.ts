import type { Alphabet } from './alphabet.js'
import type { Automaton } from './automaton.js'
import type { KeyList } from './key-list.js'
import { SKIP, SURROGATE, bmpFoldTable, isExpansion, smpFoldTable } from './fold-table.js'

/** Unit value of a UTF-16 unit that is skipped. */
export const UNIT_SKIP = -1
/** Unit value of a UTF-16 unit that needs the slow path (surrogate pair, multi-letter expansion). */
export const UNIT_SLOW = -2
/** Arena slot holding the offset of the automaton cells. */
export const CELLS_SLOT = 0x10000
/** Arena slot holding the offset of the prefix-pair filter (the first two codes of each key, see buildScanArena). */
export const PREFIX_PAIRS_SLOT = 0x10001
/** Arena slot holding the hash shift of the prefix-pair filter (sized by its own pairs, see buildScanArena). */
export const PREFIX_SHIFT_SLOT = 0x10002
/** Arena offset of a bit set of the plane-1 code points (index cp - 0x10000) that fold to nothing. */
export const SKIPPED_PLANE1_START = 0x10003
/** Arena offset of the automaton cells. */
const CELLS_START = SKIPPED_PLANE1_START + 0x800
/** Prefix-pair filter bits per distinct first pair of the keys (about 1% false passes), and its bounds. */
const PAIR_BITS_PER_PAIR = 12
const MIN_PAIR_BITS_LOG = 10
const MAX_PAIR_BITS_LOG = 22

/**
 * How the start scan holds a letter of code `code` (see start-scan.ts): code << 1 | 1, so that bit 0 says
 * "a letter" and a pair with no letter on either side fails the prefix-pair filter's test by that bit
 * alone. The filter is built over these values.
 */
export function letterValue(code: number): number {
  return (code << 1) | 1
}

/**
 * Where the letter pair (previous, letter) lives in a pair filter of 2^(32 - shift) words (both as
 * letterValue gives them): a blocked Bloom filter, two bits in one word, so one memory read tests both.
 * Returns the word index and the two bit numbers packed as word << 10 | bit2 << 5 | bit1. The start
 * scan computes the same expressions inline.
 */
export function pairSlot(previous: number, code: number, shift: number): number {
  const h = Math.imul(previous, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)
  const g = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
  return ((h >>> shift) << 10) | ((g >>> 27) << 5) | ((g >>> 22) & 31)
}

/**
 * Everything the scanners read, in ONE typed array: the engine keeps a single base pointer in a
 * register instead of one per table, which makes the hot loop markedly faster. Layout:
 * - [u] for each UTF-16 unit u: its value, code << 1 | (1 if the root's child on the code, which is
 *   cell `code`, ends a key), or UNIT_SKIP / UNIT_SLOW: folding, encoding and the root transition in
 *   one lookup. Low surrogates are skipped (a pair is read from its high half), and so are high
 *   surrogates whose 1024 code points all fold to nothing (most emoji).
 * - CELLS_SLOT, PREFIX_PAIRS_SLOT, PREFIX_SHIFT_SLOT: where the automaton cells and the prefix-pair
 *   filter start, and the filter's hash shift.
 * - skipped plane-1 bit set: lets the scanners skip emoji of mixed blocks.
 * - the automaton cells (pairs base << 1 | ends a key, check).
 * - the prefix-pair filter: a hashed bit set of the first two codes of each key (as letterValue gives
 *   them), sized for their number (a 10k-term expanded dictionary: 79k first pairs in 2^20 bits). The
 *   start scan (start-scan.ts) walks the trie only where the pair (previous letter, letter) passes it.
 */
export function buildScanArena(alphabet: Alphabet, ac: Automaton, keys: KeyList): Int32Array {
  const prefixPairs = new PairSet(alphabet.size)
  const { codes, offsets } = keys
  for (let k = 0; k < offsets.length - 1; k++) {
    const from = offsets[k]
    if (offsets[k + 1] - from > 1) prefixPairs.add(codes[from], codes[from + 1])
  }
  const prefixBitsLog = pairBitsLog(prefixPairs.size)
  const prefixStart = CELLS_START + ac.cells.length
  const arena = new Int32Array(prefixStart + (1 << (prefixBitsLog - 5)))
  const shift = 32 - (prefixBitsLog - 5)
  prefixPairs.forEach((previous, code) => {
    const slot = pairSlot(letterValue(previous), letterValue(code), shift)
    arena[prefixStart + (slot >>> 10)] |= (1 << (slot & 31)) | (1 << ((slot >>> 5) & 31))
  })
  arena[PREFIX_PAIRS_SLOT] = prefixStart
  arena[PREFIX_SHIFT_SLOT] = shift
  fillUnits(arena, alphabet, ac)
  const smp = smpFoldTable()
  for (let offset = 0; offset < 0x10000; offset++) {
    if (smp[offset] === SKIP) arena[SKIPPED_PLANE1_START + (offset >>> 5)] |= 1 << (offset & 31)
  }
  arena[CELLS_SLOT] = CELLS_START
  arena.set(ac.cells, CELLS_START)
  return arena
}

/**
 * Distinct pairs of codes 0..size: one bit per possible pair while that takes at most 32 MB (a 100k-term
 * dictionary adds millions of pairs, most of them repeated), else a Set.
 */
class PairSet {
  size = 0
  private readonly bits: Int32Array | undefined
  private readonly set: Set<number> | undefined
  private readonly width: number

  constructor(maxCode: number) {
    this.width = maxCode + 1
    if (this.width * this.width <= 1 << 28) this.bits = new Int32Array(Math.ceil((this.width * this.width) / 32))
    else this.set = new Set()
  }

  add(previous: number, code: number): void {
    const at = previous * this.width + code
    if (this.bits) {
      const word = at >>> 5
      const bit = 1 << (at & 31)
      if ((this.bits[word] & bit) === 0) {
        this.bits[word] |= bit
        this.size++
      }
    } else {
      this.set!.add(at)
      this.size = this.set!.size
    }
  }

  /** Calls `visit` on each pair. */
  forEach(visit: (previous: number, code: number) => void): void {
    const visitAt = (at: number): void => visit(Math.floor(at / this.width), at % this.width)
    if (this.set) for (const at of this.set) visitAt(at)
    else {
      const bits = this.bits!
      for (let word = 0; word < bits.length; word++) {
        for (let rest = bits[word]; rest !== 0; rest &= rest - 1) visitAt(word * 32 + (31 - Math.clz32(rest & -rest)))
      }
    }
  }
}

/** Log2 of the bits of a pair filter for this many distinct pairs (PAIR_BITS_PER_PAIR each, within bounds). */
function pairBitsLog(pairCount: number): number {
  return Math.min(
    MAX_PAIR_BITS_LOG,
    Math.max(MIN_PAIR_BITS_LOG, Math.ceil(Math.log2(pairCount * PAIR_BITS_PER_PAIR + 1))),
  )
}

/** Fills the unit values (see buildScanArena). */
function fillUnits(arena: Int32Array, alphabet: Alphabet, ac: Automaton): void {
  const fold = bmpFoldTable()
  for (let unit = 0; unit < 0x10000; unit++) {
    const f = fold[unit]
    if (f === SKIP || (unit >= 0xdc00 && unit <= 0xdfff) || isSkippedBlock(unit)) arena[unit] = UNIT_SKIP
    else if (f === SURROGATE || isExpansion(f)) arena[unit] = UNIT_SLOW
    else {
      const a = alphabet.codeOf(f)
      const reports = a !== 0 && (ac.cells[2 * a] & 1) !== 0
      arena[unit] = (a << 1) | (reports ? 1 : 0)
    }
  }
}

/** True for a plane-1 high surrogate whose every code point folds to nothing. */
function isSkippedBlock(high: number): boolean {
  if (high < 0xd800 || high >= 0xd840) return false
  const smp = smpFoldTable()
  const first = (high - 0xd800) << 10
  for (let low = 0; low < 0x400; low++) if (smp[first + low] !== SKIP) return false
  return true
}
