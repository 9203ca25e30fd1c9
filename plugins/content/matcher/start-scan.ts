import {
  CELLS_SLOT,
  PREFIX_PAIRS_SLOT,
  PREFIX_SHIFT_SLOT,
  SKIPPED_PLANE1_START,
  UNIT_SKIP,
  UNIT_SLOW,
  letterValue,
} from './scan-table.js'
import type { HitList } from './hit-list.js'
import { COMMON_LOOKALIKE_CHARACTERS } from './common-lookalikes.js'
import { DASHES } from './dash-ones.js'
import { RADICAL_FORMS } from './joined-splits.js'
import { keyEndingIn, type KeyEnds } from './key-ends.js'
import { DOT_WORDS, URL_SEPARATORS } from './links.js'
import { WEI_SOUNDS } from './wechat-sounds.js'

/** Start-scan unit value of a UTF-16 unit that folds to nothing (the sign bit; only such values are negative). */
const START_SKIP = 1 << 31
/** Start-scan unit flag: stop here (a one-letter key ends, or the unit needs the slow path: code 0). */
const START_STOP = 1 << 30
/** Start-scan unit flag of a skipped unit that is one of URL_SEPARATORS (every URL has one). */
const START_URL_MARK = 1 << 29
/**
 * Start-scan unit flag of a character that another reading of the text reads otherwise (READ_OTHERWISE): a
 * radical form that may start a split written apart (see joined-splits.ts), a dash drawn like 一 (see
 * dash-ones.ts), a common character drawn like another (see common-lookalikes.ts).
 */
const START_READING_MARK = 1 << 28
/** The characters that carry START_READING_MARK. */
const READ_OTHERWISE = RADICAL_FORMS + DASHES + COMMON_LOOKALIKE_CHARACTERS
/**
 * Start-scan unit flag of a character without which mayHoldSpelledUrl is false: one of DOT_WORDS, or the d of
 * dot or DOT (see DOT_MARKED).
 */
const START_DOT_MARK = 1 << 27
/** The characters that carry START_DOT_MARK. */
const DOT_MARKED = `${DOT_WORDS}dD`
/**
 * Start-scan unit flags of 加 and of 微 in another tone (WEI_SOUNDS): without both, textWithWeiSounds is
 * null for the text.
 */
const START_ADD_MARK = 1 << 26
const START_WEI_MARK = 1 << 25
/** The letter in a start-scan unit value: letterValue of its code (odd), 0 for none. */
const START_CODE = START_WEI_MARK - 1
/**
 * A plane-1 block with at most this many code points that do not fold to nothing (the emoji blocks U+1F400–1FBFF
 * have 24 and 37) is read from its low surrogates: see checkedByLowSurrogate.
 */
const LOW_CHECKED_BLOCK_MAX = 40

/**
 * What the start scan reads besides the text: one value per UTF-16 unit (its letter as letterValue gives
 * it, START_SKIP, or START_STOP with the letter of a one-letter key or 0 for a unit needing the slow
 * path; START_URL_MARK added on the skipped URL separators), and the arena's prefix-pair filter (the
 * first two letters of every key) with its hash shift.
 */
export interface StartScanTables {
  units: Int32Array
  prefixPairs: Int32Array
  shift: number
  /**
   * The marks the scan takes as seen in every text: START_URL_MARK unless every URL separator is a skipped unit
   * that carries it (see textMayHoldUrl), START_DOT_MARK unless every character of DOT_MARKED carries it (see
   * textMaySpellDot), START_ADD_MARK and START_WEI_MARK unless 加 and every character of WEI_SOUNDS carry them.
   */
  alwaysSeen: number
}

/** The start-scan tables of a scan arena (see buildScanArena): derived, never stored. */
export function startScanTables(arena: Int32Array): StartScanTables {
  const units = new Int32Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) {
    const v = arena[unit]
    if (v === UNIT_SKIP) units[unit] = START_SKIP
    else if (v === UNIT_SLOW) units[unit] = START_STOP
    else if (v === 0) units[unit] = 0
    else units[unit] = letterValue(v >> 1) | ((v & 1) !== 0 ? START_STOP : 0)
  }
  for (let k = 0; k < READ_OTHERWISE.length; k++) {
    const unit = READ_OTHERWISE.charCodeAt(k)
    // Letters and skipped units only (a stopping unit keeps its value): the flag is read from all units ORed.
    if (units[unit] === START_SKIP || (units[unit] >= 0 && (units[unit] & START_STOP) === 0))
      units[unit] |= START_READING_MARK
  }
  let dotMarks = true
  for (let k = 0; k < DOT_MARKED.length; k++) {
    const unit = DOT_MARKED.charCodeAt(k)
    const v = units[unit] & ~START_READING_MARK
    if (v === START_SKIP || (v >= 0 && (v & START_STOP) === 0)) units[unit] |= START_DOT_MARK
    else dotMarks = false
  }
  let weiMarks = true
  for (const [chars, mark] of [
    ['加', START_ADD_MARK],
    [WEI_SOUNDS, START_WEI_MARK],
  ] as const) {
    for (let k = 0; k < chars.length; k++) {
      const unit = chars.charCodeAt(k)
      const v = units[unit] & ~(START_READING_MARK | START_DOT_MARK)
      if (v >= 0 && (v & START_STOP) === 0) units[unit] |= mark
      else weiMarks = false
    }
  }
  checkedByLowSurrogate(units, arena)
  let urlMarks = true
  for (let k = 0; k < URL_SEPARATORS.length; k++) {
    const unit = URL_SEPARATORS.charCodeAt(k)
    if (units[unit] === START_SKIP) units[unit] |= START_URL_MARK
    else urlMarks = false
  }
  return {
    units,
    prefixPairs: arena.subarray(arena[PREFIX_PAIRS_SLOT]),
    shift: arena[PREFIX_SHIFT_SLOT],
    alwaysSeen:
      (urlMarks ? 0 : START_URL_MARK) |
      (dotMarks ? 0 : START_DOT_MARK) |
      (weiMarks ? 0 : START_ADD_MARK | START_WEI_MARK),
  }
}

/**
 * The pairs of the plane-1 blocks nearly all skipped (LOW_CHECKED_BLOCK_MAX) are checked at their low surrogate,
 * not at their high one: the high surrogate is skipped, and only the low surrogates of those blocks' code points
 * that do not fold to nothing stop the scan (see unitsToSkip), so that most emoji (😀, 👍, 🔥) pass on the straight
 * path, where each stopped it before (5,376 stops a MB of the bench's chat, a third of all). A lone high
 * surrogate of such a block is then skipped, as the slow path skips it (it folds to nothing).
 */
function checkedByLowSurrogate(units: Int32Array, arena: Int32Array): void {
  for (let high = 0xd800; high < 0xd840; high++) {
    if (units[high] !== START_STOP) continue
    const first = (high - 0xd800) << 10
    const kept: number[] = []
    for (let low = 0; low < 0x400; low++) {
      const offset = first + low
      if ((arena[SKIPPED_PLANE1_START + (offset >>> 5)] & (1 << (offset & 31))) === 0) kept.push(low)
    }
    if (kept.length > LOW_CHECKED_BLOCK_MAX) continue
    units[high] = START_SKIP
    for (const low of kept) units[0xdc00 + low] = START_STOP
  }
}

/**
 * The units of the text of the last scanKeyStarts call ORed together, with the table's alwaysSeen (-1, every
 * mark, when the scan returned false): what textMayHoldUrl, textMayReadOtherwise, textMaySpellDot and
 * textMaySoundWei answer from. One store a message: a store of each answer, eight a message, made the bench's
 * start scan about 7% slower (bench/start-scan-ab.ts, both ways round).
 */
let lastSeen = -1

/**
 * False when the text of the last scanKeyStarts call holds none of the characters every URL has
 * (findUrls would find nothing in it); true when it may hold one, or when the scan returned false.
 */
export function textMayHoldUrl(): boolean {
  return (lastSeen & START_URL_MARK) !== 0
}

/**
 * False when the text of the last scanKeyStarts call holds none of the characters of READ_OTHERWISE (no
 * split written apart is read joined in it, no dash as 一, no common look-alike as the character it stands
 * for: see textWithJoinedSplits, textWithDashOnes, textWithCommonLookalikes); true when it may hold one, or
 * when the scan returned false. Read from the units the scan ORs together anyway: it costs the scan nothing.
 */
export function textMayReadOtherwise(): boolean {
  return (lastSeen & START_READING_MARK) !== 0
}

/**
 * False when the text of the last scanKeyStarts call holds no character of DOT_WORDS and no d or D, so that
 * mayHoldSpelledUrl is false for it; true when it may hold one, or when the scan returned false. Read from the
 * units the scan ORs together anyway: it spares a no-hit message the search for written-out dots.
 */
export function textMaySpellDot(): boolean {
  return (lastSeen & START_DOT_MARK) !== 0
}

/**
 * False when the text of the last scanKeyStarts call holds no 加 or no character of WEI_SOUNDS, so that
 * textWithWeiSounds is null for it; true when it may hold both, or when the scan returned false. Read from the
 * units the scan ORs together anyway (a search for 加 in every message cost the bench's scan about 7%).
 */
export function textMaySoundWei(): boolean {
  return (lastSeen & (START_ADD_MARK | START_WEI_MARK)) === (START_ADD_MARK | START_WEI_MARK)
}

/**
 * Puts the raw hits of every key in the text into `hits`, found from where each key starts: the same
 * triples as scanKeys ([class key, end offset, 0]). False when the text has a character that only the
 * automaton's slow path reads (a lone surrogate, a plane-1 character that is not skipped, a character
 * folding to several letters): then scanKeys must scan it. The loop reads each unit's letter and tests
 * the pair (previous letter, letter) against the prefix-pair filter, without a data-dependent branch;
 * skipped units leave the previous letter alone (by mask, not by branch). A letter is odd (letterValue)
 * and no letter 0 or even, so a pair with a unit of no key's letter on either side fails by bit 0 alone
 * (three in five of the filter's false passes on the bench's chat were such pairs). Only where the pair
 * may start a key (about 1.5% of units of chat text with expanded dictionaries) or the unit must stop the loop
 * (START_STOP: a one-letter key, an emoji pair of a mixed block, a unit for the slow path) does it
 * leave the straight path, and only where a pair passed does it walk the automaton's trie forward from
 * the previous letter. One loop for the whole text: no call on the straight path, and no loop state
 * kept in memory between candidates.
 */
export function scanKeyStarts(
  text: string,
  tables: StartScanTables,
  arena: Int32Array,
  ends: KeyEnds,
  hits: HitList,
): boolean {
  hits.length = 0
  const { units, prefixPairs, shift } = tables
  const n = text.length
  let prev = 0
  let seen = 0
  for (let i = 0; i < n; i++) {
    const v = units[text.charCodeAt(i)]
    seen |= v
    const a = v & START_CODE
    // pairSlot(prev, a, shift) of scan-table.ts, written out: both bits of the pair in one word.
    const h = Math.imul(prev, 0x9e3779b1) ^ Math.imul(a, 0x85ebca6b)
    const g = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
    const word = prefixPairs[h >>> shift]
    // Bit 0 of prev and v: both are letters (a skipped unit's value is even, and its letter 0).
    if (((((word >>> (g >>> 27)) & (word >>> (g >>> 22)) & prev & v) | (v >>> 30)) & 1) === 0) {
      // A skipped unit (negative) keeps the previous letter; any other unit takes its place.
      prev = a | (prev & (v >> 31))
      continue
    }
    if (v === START_STOP) {
      // No letter: an emoji pair that folds to nothing (skipped, the previous letter kept) or the slow path.
      const skipped = unitsToSkip(text, i, arena)
      if (skipped === 0) return slowPath()
      i += skipped - 1
      continue
    }
    if ((v & START_STOP) !== 0) pushHit(hits, ends, a >>> 1, i)
    if (prev !== 0 && !walkFrom(text, prev >>> 1, a >>> 1, i, units, arena, ends, hits)) return slowPath()
    prev = a
  }
  lastSeen = seen | tables.alwaysSeen
  return true
}

/** Leaves the text to the slow path (see scanKeyStarts): every answer of the text-may functions is then true. */
function slowPath(): false {
  lastSeen = -1
  return false
}

/** Records the key ending in state s (if one does) at the unit at offset i. */
function pushHit(hits: HitList, ends: KeyEnds, s: number, i: number): void {
  const key = keyEndingIn(ends, s)
  if (key >= 0) hits.push(key, i + 1, 0)
}

/**
 * Walks the trie from the root's child on letter `first` (state `first`) on letter `a` at offset i and
 * the letters after it, recording every key that ends on the way. False when it meets a unit that
 * needs the slow path (see scanKeyStarts).
 */
function walkFrom(
  text: string,
  first: number,
  a: number,
  i: number,
  units: Int32Array,
  arena: Int32Array,
  ends: KeyEnds,
  hits: HitList,
): boolean {
  const cells = arena[CELLS_SLOT]
  const n = text.length
  let s = first
  let base = arena[cells + (s << 1)]
  let code = a
  for (let j = i; ; ) {
    const t = (base >> 1) + code
    if (arena[cells + (t << 1) + 1] !== s) return true
    s = t
    base = arena[cells + (s << 1)]
    // The cell's bit (a key ends here) spares most look-ups of the key ends.
    if ((base & 1) !== 0) pushHit(hits, ends, s, j)
    code = 0
    for (j++; j < n; j++) {
      const v = units[text.charCodeAt(j)]
      if (v < 0) continue
      code = (v & START_CODE) >>> 1
      if (code !== 0 || (v & START_STOP) === 0) break
      const skipped = unitsToSkip(text, j, arena)
      if (skipped === 0) return false
      j += skipped - 1
    }
    if (code === 0) return true
  }
}

/**
 * At a stopping unit of no letter at offset i: 2 (it and the next unit skipped) for a high surrogate whose pair
 * folds to nothing; for a low surrogate (see checkedByLowSurrogate) 1 when the pair it ends folds to nothing, or
 * when it ends no pair (a lone low surrogate is skipped); 0 when the slow path must read the text.
 */
function unitsToSkip(text: string, i: number, arena: Int32Array): number {
  const unit = text.charCodeAt(i)
  if (unit < 0xdc00 || unit > 0xdfff) return isSkippedPair(text, i, arena) ? 2 : 0
  const high = text.charCodeAt(i - 1)
  if (!(high >= 0xd800 && high < 0xdc00)) return 1
  return isSkippedPair(text, i - 1, arena) ? 1 : 0
}

/** True for a surrogate pair at offset i whose code point folds to nothing (most emoji). */
export function isSkippedPair(text: string, i: number, arena: Int32Array): boolean {
  const unit = text.charCodeAt(i)
  const low = text.charCodeAt(i + 1) - 0xdc00
  if (unit >= 0xd840 || unit < 0xd800 || !(low >= 0 && low < 0x400)) return false
  const offset = ((unit - 0xd800) << 10) | low
  return (arena[SKIPPED_PLANE1_START + (offset >>> 5)] & (1 << (offset & 31))) !== 0
}
