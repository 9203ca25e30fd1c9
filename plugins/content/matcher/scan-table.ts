import type { Alphabet } from './alphabet.js';
import type { Automaton } from './automaton.js';
import { SKIP, SURROGATE, bmpFoldTable, isExpansion, smpFoldTable } from './fold-table.js';

/** Scan-table value of a UTF-16 unit that is skipped. */
export const UNIT_SKIP = -1;
/** Scan-table value of a UTF-16 unit that needs the slow path (surrogate, multi-letter expansion). */
export const UNIT_SLOW = -2;
/** Multiplier of the bigram hash (golden-ratio constant). */
export const BIGRAM_HASH = 0x9e3779b1 | 0;
/** Bits of the bigram filter per distinct bigram: about 3% false positives. */
const BIGRAM_FILTER_BITS_PER_ENTRY = 32;

/**
 * Tables for the scanner's fast path.
 * - units: UTF-16 unit -> code << 2 | (root has a child on code) << 1 | (that child reports a key),
 *   or UNIT_SKIP / UNIT_SLOW. Folding, encoding and the root transition are one lookup. Low
 *   surrogates are skipped (a pair is read from its high half), and so are high surrogates whose
 *   1024 code points all fold to nothing (most emoji).
 * - bigrams: a one-hash bit filter of every pair of adjacent codes inside a key. When the pair
 *   (previous code, code) is not in it, no key prefix longer than one letter ends here, so the next
 *   state is the root's child (or the root) without touching the automaton. This breaks the serial
 *   dependency from state to state that makes plain automaton walks latency-bound.
 */
export interface ScanTable {
  units: Int32Array;
  bigrams: Int32Array;
  bigramMask: number;
  rootBase: number;
}

/** True for a plane-1 high surrogate whose every code point folds to nothing. */
function isSkippedBlock(high: number): boolean {
  if (high < 0xd800 || high >= 0xd840) return false;
  const smp = smpFoldTable();
  const first = (high - 0xd800) << 10;
  for (let low = 0; low < 0x400; low++) if (smp[first + low] !== SKIP) return false;
  return true;
}

/** Builds the scan table of an automaton built over `keys` (alphabet codes). */
export function buildScanTable(alphabet: Alphabet, ac: Automaton, keys: Int32Array[]): ScanTable {
  const rootBase = ac.cells[0] >> 1;
  const fold = bmpFoldTable();
  const units = new Int32Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const f = fold[unit];
    if (f === SKIP || (unit >= 0xdc00 && unit <= 0xdfff) || isSkippedBlock(unit)) units[unit] = UNIT_SKIP;
    else if (f === SURROGATE || isExpansion(f)) units[unit] = UNIT_SLOW;
    else {
      const a = alphabet.codeOf(f);
      const child = rootBase + a;
      const hasChild = a !== 0 && ac.cells[2 * child + 1] === 0;
      const reports = hasChild && (ac.cells[2 * child] & 1) !== 0;
      units[unit] = (a << 2) | (hasChild ? 2 : 0) | (reports ? 1 : 0);
    }
  }
  let pairs = 0;
  for (const key of keys) pairs += Math.max(0, key.length - 1);
  let bits = 1 << 12;
  while (bits < pairs * BIGRAM_FILTER_BITS_PER_ENTRY && bits < 1 << 26) bits *= 2;
  const bigrams = new Int32Array(bits >>> 5);
  const bigramMask = bits - 1;
  for (const key of keys) {
    for (let i = 1; i < key.length; i++) {
      const x = (Math.imul(key[i - 1], BIGRAM_HASH) ^ key[i]) & bigramMask;
      bigrams[x >>> 5] |= 1 << (x & 31);
    }
  }
  return { units, bigrams, bigramMask, rootBase };
}
