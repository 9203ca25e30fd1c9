import type { Alphabet } from './alphabet.js'
import type { Automaton } from './automaton.js'
import type { KeyList } from './key-list.js'
import { SKIP, SURROGATE, bmpFoldTable, isExpansion, smpFoldTable } from './fold-table.js'

/** Unit value of a UTF-16 unit that is skipped. */
export const UNIT_SKIP = -1
/** Unit value of a UTF-16 unit that needs the slow path (surrogate pair, multi-letter expansion). */
export const UNIT_SLOW = -2
/** Arena slot holding the offset of the automaton cells. */
export const CELLS_SLOT = 0x20000
/** Arena slot holding the offset of the failure links. */
export const FAIL_SLOT = 0x20001
/** Arena slot holding the offset of the letter-pair filter (see pairBit). */
export const PAIRS_SLOT = 0x20002
/** Arena slot holding the right shift that turns a pair hash into a bit index of the pair filter. */
export const PAIR_SHIFT_SLOT = 0x20003
/** Arena slot holding the offset of the prefix-pair filter (the first two codes of each key, see buildScanArena). */
export const PREFIX_PAIRS_SLOT = 0x20004
/** Arena slot holding the last root child: states 1..this are the root's children, the states of depth 1. */
export const ROOT_END_SLOT = 0x20005
/** Arena slot holding the hash shift of the prefix-pair filter (sized by its own pairs, see buildScanArena). */
export const PREFIX_SHIFT_SLOT = 0x20006
/** Arena offset of a bit set of the plane-1 code points (index cp - 0x10000) that fold to nothing. */
export const SKIPPED_PLANE1_START = 0x20007
/** Arena offset of the automaton cells. */
const CELLS_START = SKIPPED_PLANE1_START + 0x800
/** Pair-filter bits per distinct letter pair of the keys (about 1% false passes), and its bounds. */
const PAIR_BITS_PER_PAIR = 12
const MIN_PAIR_BITS_LOG = 10
const MAX_PAIR_BITS_LOG = 22

/**
 * Where the letter pair (previous code, code) lives in a pair filter of 2^(32 - shift) words: a
 * blocked Bloom filter, two bits in one word, so one memory read tests both. Returns the word index
 * and the two bit numbers packed as word << 10 | bit2 << 5 | bit1. The scanner computes the same
 * expressions inline.
 */
export function pairSlot(previous: number, code: number, shift: number): number {
  const h = Math.imul(previous, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)
  const g = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
  return ((h >>> shift) << 10) | ((g >>> 27) << 5) | ((g >>> 22) & 31)
}

/**
 * Everything the scanner reads, in ONE typed array: the engine keeps a single base pointer in a
 * register instead of one per table, which makes the hot loop markedly faster. Layout:
 * - [2u, 2u + 1] for each UTF-16 unit u: first its value, code << 1 | (1 if the root's child on the
 *   code, which is cell `code`, reports a key), or UNIT_SKIP / UNIT_SLOW: folding, encoding and the
 *   root transition in one lookup. Low surrogates are skipped (a pair is read from its high half), and so
 *   are high surrogates whose 1024 code points all fold to nothing (most emoji).
 *   Then its predecessor signature: bit (p & 31) is set for every code p that precedes the unit's
 *   code inside some key. When the previous code's bit is clear, no key prefix longer than one
 *   letter ends here, so the next state is the root's child on the code (cell = code), without
 *   touching the automaton. This breaks the serial state-to-state dependency that makes
 *   plain automaton walks latency-bound, and it is read from the same cache line as the value.
 *   Skipped units have no bits (nothing follows them); slow units have all bits (always checked).
 * - CELLS_SLOT, FAIL_SLOT, PAIRS_SLOT, PAIR_SHIFT_SLOT, PREFIX_PAIRS_SLOT, PREFIX_SHIFT_SLOT: where the
 *   automaton arrays and the pair filters start, and each filter's hash shift.
 * - skipped plane-1 bit set: lets the scanner skip emoji of mixed blocks without the slow path.
 * - the automaton cells (pairs base << 1 | reports, check) and failure links.
 * - the letter-pair filter: a hashed bit set of every (previous code, code) pair inside a key. The
 *   signature alone saturates when expansions give common characters hundreds of predecessors; both
 *   must pass before the scanner walks the automaton, so with expansions it still walks it only
 *   where a key may really continue.
 * - the prefix-pair filter: the same for the first two codes of each key only, sized for their number
 *   (a 10k-term expanded dictionary: 141k first pairs in 2^21 bits, against 2^22 for all pairs; the
 *   smaller filter stays in the cache better). From a state of depth 1 (the root's child on the
 *   previous code) only a key's first pair goes deeper, and most automaton walks start there: this
 *   filter lets fewer of them through. The start scan (start-scan.ts) reads only this filter.
 */
export function buildScanArena(alphabet: Alphabet, ac: Automaton, keys: KeyList): Int32Array {
  const failStart = CELLS_START + ac.cells.length
  const pairs = new PairSet(alphabet.size)
  const prefixPairs = new PairSet(alphabet.size)
  const signatures = new Int32Array(alphabet.size + 1)
  const { codes, offsets } = keys
  for (let k = 0; k < offsets.length - 1; k++) {
    const from = offsets[k]
    if (offsets[k + 1] - from > 1) prefixPairs.add(codes[from], codes[from + 1])
    for (let i = from + 1; i < offsets[k + 1]; i++) {
      signatures[codes[i]] |= 1 << (codes[i - 1] & 31)
      pairs.add(codes[i - 1], codes[i])
    }
  }
  const bitsLog = pairBitsLog(pairs.size)
  const prefixBitsLog = pairBitsLog(prefixPairs.size)
  const pairStart = failStart + ac.fail.length
  const prefixStart = pairStart + (1 << (bitsLog - 5))
  const arena = new Int32Array(prefixStart + (1 << (prefixBitsLog - 5)))
  const setBits = (start: number, set: PairSet, shift: number): void => {
    set.forEach((previous, code) => {
      const slot = pairSlot(previous, code, shift)
      arena[start + (slot >>> 10)] |= (1 << (slot & 31)) | (1 << ((slot >>> 5) & 31))
    })
  }
  setBits(pairStart, pairs, 32 - (bitsLog - 5))
  setBits(prefixStart, prefixPairs, 32 - (prefixBitsLog - 5))
  arena[PAIRS_SLOT] = pairStart
  arena[PREFIX_PAIRS_SLOT] = prefixStart
  arena[ROOT_END_SLOT] = alphabet.size
  arena[PAIR_SHIFT_SLOT] = 32 - (bitsLog - 5)
  arena[PREFIX_SHIFT_SLOT] = 32 - (prefixBitsLog - 5)
  fillUnits(arena, alphabet, ac, signatures)
  const smp = smpFoldTable()
  for (let offset = 0; offset < 0x10000; offset++) {
    if (smp[offset] === SKIP) arena[SKIPPED_PLANE1_START + (offset >>> 5)] |= 1 << (offset & 31)
  }
  arena[CELLS_SLOT] = CELLS_START
  arena[FAIL_SLOT] = failStart
  arena.set(ac.cells, CELLS_START)
  arena.set(ac.fail, failStart)
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

/** Fills the unit values and predecessor signatures (see buildScanArena). */
function fillUnits(arena: Int32Array, alphabet: Alphabet, ac: Automaton, signatures: Int32Array): void {
  const fold = bmpFoldTable()
  for (let unit = 0; unit < 0x10000; unit++) {
    const f = fold[unit]
    if (f === SKIP || (unit >= 0xdc00 && unit <= 0xdfff) || isSkippedBlock(unit)) arena[2 * unit] = UNIT_SKIP
    else if (f === SURROGATE || isExpansion(f)) {
      arena[2 * unit] = UNIT_SLOW
      arena[2 * unit + 1] = -1
    } else {
      const a = alphabet.codeOf(f)
      const reports = a !== 0 && (ac.cells[2 * a] & 1) !== 0
      arena[2 * unit] = (a << 1) | (reports ? 1 : 0)
      arena[2 * unit + 1] = signatures[a]
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
