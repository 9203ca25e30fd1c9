import type { Alphabet } from './alphabet.js'
import { SKIP, expansionOf, foldCodePoint, isExpansion } from './fold-table.js'
import {
  CELLS_SLOT,
  FAIL_SLOT,
  PAIRS_SLOT,
  PAIR_SHIFT_SLOT,
  PREFIX_PAIRS_SLOT,
  PREFIX_SHIFT_SLOT,
  ROOT_END_SLOT,
  SKIPPED_PLANE1_START,
  UNIT_SLOW,
} from './scan-table.js'

/** What a hit needs from the automaton besides the arena: key ends per state (see Automaton). */
export interface HitLinks {
  out: Int32Array
  report: Int32Array
}

/** Scanner registers shared by the loops: automaton state, previous code, why the fast loop stopped. */
const registers = new Int32Array(3)
const STATE = 0
const PREVIOUS = 1
const EVENT = 2
const EVENT_HIT = 1
const EVENT_SLOW = 2

/** The raw hits of the last scan, reused so that a message without hits allocates nothing. */
const hits: number[] = []

/**
 * Walks the text once, folding each character by table lookup and feeding the automaton.
 * Returns raw hits as flat triples [key index, end offset (exclusive), tail], where tail counts the
 * folded code points of the last character that lie after the key (non-zero only inside expansions).
 * The array is shared: it holds the hits until the next call.
 */
export function scanKeys(text: string, arena: Int32Array, links: HitLinks, alphabet: Alphabet): number[] {
  hits.length = 0
  const n = text.length
  registers[STATE] = 0
  registers[PREVIOUS] = 0
  for (let i = 0; i < n; i++) {
    i = runFast(text, i, arena)
    if (i >= n) break
    if (registers[EVENT] === EVENT_HIT) collectHits(arena, links, registers[STATE], i + 1, 0, hits)
    else i = feedCharacter(text, i, arena, links, alphabet, hits)
  }
  return hits
}

/**
 * The hot loop: no calls and few live values, so the engine keeps them all in registers. Runs from
 * `from` until a key ends (EVENT_HIT, at the returned offset), a character needs the slow path
 * (EVENT_SLOW) or the text ends (returns its length). Skipped plane-1 characters (emoji) stay here.
 */
function runFast(text: string, from: number, arena: Int32Array): number {
  let s = registers[STATE]
  let prev = registers[PREVIOUS]
  const n = text.length
  const pairs = arena[PAIRS_SLOT]
  const prefixPairs = arena[PREFIX_PAIRS_SLOT]
  const rootEnd = arena[ROOT_END_SLOT]
  const shift = arena[PAIR_SHIFT_SLOT]
  const prefixShift = arena[PREFIX_SHIFT_SLOT]
  let i = from
  let event = 0
  for (; i < n; i++) {
    const unit = text.charCodeAt(i)
    const v = arena[unit << 1]
    // Skipped units (v = -1, letter = -1) leave prev and s alone, without a hard-to-predict branch.
    // Slow units have an all-ones signature and pass the pair test, so they always take the path below.
    const letter = ~(v >> 31)
    const a = v >> 1
    // Signature first (same cache line as v): a clear bit means no key continues here, and the pair
    // filter, a random read into a table too big for the L1 cache, is not touched at all. From a
    // state of depth 1 (s <= rootEnd) only a key's first pair goes deeper: the prefix-pair filter.
    if (
      ((arena[(unit << 1) | 1] >>> (prev & 31)) & 1) === 0 ||
      !(s <= rootEnd
        ? pairMayContinue(arena, prefixPairs, prefixShift, prev, a, letter)
        : pairMayContinue(arena, pairs, shift, prev, a, letter))
    ) {
      // Skipped units (v = -1, letter = 0) leave prev and s alone, without a hard-to-predict branch.
      prev = (a & letter) | (prev & ~letter)
      s = (a & letter) | (s & ~letter)
      if ((v & letter & 1) === 0) continue
      event = EVENT_HIT
      break
    }
    if (v === UNIT_SLOW) {
      const low = text.charCodeAt(i + 1) - 0xdc00
      if (unit < 0xd840 && unit >= 0xd800 && low >= 0 && low < 0x400) {
        const offset = ((unit - 0xd800) << 10) | low
        if ((arena[SKIPPED_PLANE1_START + (offset >>> 5)] & (1 << (offset & 31))) !== 0) {
          i++
          continue
        }
      }
      event = EVENT_SLOW
      break
    }
    prev = a
    // transition(arena, s, a), written out: a call here costs the whole loop its registers.
    const cells = arena[CELLS_SLOT]
    const fail = arena[FAIL_SLOT]
    let t = (arena[cells + (s << 1)] >> 1) + a
    while (arena[cells + (t << 1) + 1] !== s) {
      if (s === 0) {
        t = 0
        break
      }
      s = arena[fail + s]
      t = (arena[cells + (s << 1)] >> 1) + a
    }
    s = t
    if ((arena[cells + (s << 1)] & 1) !== 0) {
      event = EVENT_HIT
      break
    }
  }
  registers[STATE] = s
  registers[PREVIOUS] = prev
  registers[EVENT] = event
  return i
}

/**
 * The letter-pair filter's answer for (prev, a): false when no key has the pair. Slow units (letter 0)
 * always pass. Small enough for the engine to inline into the hot loop.
 */
function pairMayContinue(
  arena: Int32Array,
  pairs: number,
  shift: number,
  prev: number,
  a: number,
  letter: number,
): boolean {
  // pairSlot(prev, a, shift), written out: both bits of the pair in one word of the filter.
  const h = Math.imul(prev, 0x9e3779b1) ^ Math.imul(a, 0x85ebca6b)
  const g = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
  const word = arena[pairs + (h >>> shift)]
  return ((((word >>> (g >>> 27)) & (word >>> (g >>> 22))) | ~letter) & 1) !== 0
}

/** The exact automaton transition from state s on code a (a >= 1), following failure links. */
function transition(arena: Int32Array, state: number, a: number): number {
  const cells = arena[CELLS_SLOT]
  const fail = arena[FAIL_SLOT]
  let s = state
  let t = (arena[cells + (s << 1)] >> 1) + a
  while (arena[cells + (t << 1) + 1] !== s) {
    if (s === 0) return 0
    s = arena[fail + s]
    t = (arena[cells + (s << 1)] >> 1) + a
  }
  return t
}

/**
 * Slow path for the character at i (a surrogate pair, a lone surrogate, or a character folding to
 * several letters): folds it exactly and feeds it. Returns the offset of the character's last unit.
 */
function feedCharacter(
  text: string,
  i: number,
  arena: Int32Array,
  links: HitLinks,
  alphabet: Alphabet,
  hits: number[],
): number {
  const cp = text.codePointAt(i)!
  const end = cp > 0xffff ? i + 2 : i + 1
  const folded = foldCodePoint(cp)
  if (folded === SKIP) return end - 1
  const sequence = isExpansion(folded) ? expansionOf(folded) : [folded]
  for (let k = 0; k < sequence.length; k++) {
    const a = alphabet.codeOf(sequence[k])
    const s = a === 0 ? 0 : transition(arena, registers[STATE], a)
    registers[STATE] = s
    registers[PREVIOUS] = a
    if ((arena[arena[CELLS_SLOT] + (s << 1)] & 1) !== 0)
      collectHits(arena, links, s, end, sequence.length - 1 - k, hits)
  }
  return end - 1
}

/** Pushes every key ending in state s (the state itself and its failure chain). */
function collectHits(arena: Int32Array, links: HitLinks, s: number, end: number, tail: number, hits: number[]): void {
  const fail = arena[FAIL_SLOT]
  for (let st = links.report[s] - 1; st >= 0; st = links.report[arena[fail + st]] - 1) {
    hits.push(links.out[st] - 1, end, tail)
  }
}
