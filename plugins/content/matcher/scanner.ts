import type { Alphabet } from './alphabet.js';
import type { Automaton } from './automaton.js';
import { SKIP, expansionOf, foldCodePoint, isExpansion, smpFoldTable } from './fold-table.js';
import { BIGRAM_HASH, UNIT_SKIP, type ScanTable } from './scan-table.js';

/** Scanner registers shared by the loops: automaton state, previous code, why the fast loop stopped. */
const registers = new Int32Array(3);
const STATE = 0;
const PREVIOUS = 1;
const EVENT = 2;
const EVENT_HIT = 1;
const EVENT_SLOW = 2;

/**
 * Walks the text once, folding each character by table lookup and feeding the automaton.
 * Returns raw hits as flat triples [key index, end offset (exclusive), tail], where tail counts the
 * folded code points of the last character that lie after the key (non-zero only inside expansions).
 */
export function scanKeys(text: string, ac: Automaton, alphabet: Alphabet, table: ScanTable): number[] {
  const hits: number[] = [];
  const n = text.length;
  const smp = smpFoldTable();
  registers[STATE] = 0;
  registers[PREVIOUS] = 0;
  for (let i = 0; i < n; i++) {
    i = runFast(text, i, ac.cells, ac.fail, table.units, smp, table.bigrams, table.bigramMask, table.rootBase);
    if (i >= n) break;
    if (registers[EVENT] === EVENT_HIT) collectHits(ac, registers[STATE], i + 1, 0, hits);
    else i = feedCharacter(text, i, ac, alphabet, hits);
  }
  return hits;
}

/**
 * The hot loop, kept free of calls so the engine keeps everything in registers. Runs from `from`
 * until a key ends (EVENT_HIT, at the returned offset), a character needs the slow path (EVENT_SLOW)
 * or the text ends (returns its length). Skipped plane-1 characters (emoji) are handled inline.
 */
function runFast(
  text: string,
  from: number,
  cells: Int32Array,
  fail: Int32Array,
  units: Int32Array,
  smp: Int32Array,
  bigrams: Int32Array,
  bigramMask: number,
  rootBase: number,
): number {
  let s = registers[STATE];
  let prev = registers[PREVIOUS];
  const n = text.length;
  let i = from;
  let event = 0;
  for (; i < n; i++) {
    const unit = text.charCodeAt(i);
    const v = units[unit];
    if (v < 0) {
      if (v === UNIT_SKIP) continue;
      if (unit >= 0xd800 && unit < 0xd840 && i + 1 < n) {
        const low = text.charCodeAt(i + 1) - 0xdc00;
        if (low >= 0 && low < 0x400 && smp[((unit - 0xd800) << 10) | low] === SKIP) {
          i++;
          continue;
        }
      }
      event = EVENT_SLOW;
      break;
    }
    const a = v >> 2;
    const x = (Math.imul(prev, BIGRAM_HASH) ^ a) & bigramMask;
    prev = a;
    if ((bigrams[x >>> 5] & (1 << (x & 31))) === 0) {
      s = (rootBase + a) & -((v >> 1) & 1);
      if ((v & 1) === 0) continue;
      event = EVENT_HIT;
      break;
    }
    let t = (cells[s << 1] >> 1) + a;
    while (cells[(t << 1) | 1] !== s) {
      if (s === 0) {
        t = 0;
        break;
      }
      s = fail[s];
      t = (cells[s << 1] >> 1) + a;
    }
    s = t;
    if ((cells[s << 1] & 1) !== 0) {
      event = EVENT_HIT;
      break;
    }
  }
  registers[STATE] = s;
  registers[PREVIOUS] = prev;
  registers[EVENT] = event;
  return i;
}

/**
 * Slow path for the character at i (a surrogate pair, a lone surrogate, or a character folding to
 * several letters): folds it exactly and feeds it. Returns the offset of the character's last unit.
 */
function feedCharacter(text: string, i: number, ac: Automaton, alphabet: Alphabet, hits: number[]): number {
  const cp = text.codePointAt(i)!;
  const end = cp > 0xffff ? i + 2 : i + 1;
  const folded = foldCodePoint(cp);
  if (folded === SKIP) return end - 1;
  if (!isExpansion(folded)) {
    feedCode(alphabet.codeOf(folded), end, 0, ac, hits);
    return end - 1;
  }
  const sequence = expansionOf(folded);
  for (let k = 0; k < sequence.length; k++) {
    feedCode(alphabet.codeOf(sequence[k]), end, sequence.length - 1 - k, ac, hits);
  }
  return end - 1;
}

/** One exact automaton transition of the registers on code `a` (0 = letter outside the alphabet). */
function feedCode(a: number, end: number, tail: number, ac: Automaton, hits: number[]): void {
  registers[PREVIOUS] = a;
  const { cells, fail } = ac;
  let s = registers[STATE];
  let t = a === 0 ? 0 : (cells[s << 1] >> 1) + a;
  while (a !== 0 && cells[(t << 1) | 1] !== s) {
    if (s === 0) {
      t = 0;
      break;
    }
    s = fail[s];
    t = (cells[s << 1] >> 1) + a;
  }
  registers[STATE] = t;
  if ((cells[t << 1] & 1) !== 0) collectHits(ac, t, end, tail, hits);
}

/** Pushes every key ending in state s (the state itself and its failure chain). */
function collectHits(ac: Automaton, s: number, end: number, tail: number, hits: number[]): void {
  for (let st = ac.report[s] - 1; st >= 0; st = ac.report[ac.fail[st]] - 1) {
    hits.push(ac.out[st] - 1, end, tail);
  }
}
