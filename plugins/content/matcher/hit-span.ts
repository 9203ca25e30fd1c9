import {
  PUNCTUATION_BREAK,
  SKIP,
  bmpFoldTable,
  breakKind,
  expansionOf,
  foldCodePoint,
  isExpansion,
} from './fold-table.js'
import { halfCommaSlipped } from './mixed-commas.js'

/** Folded code points below this belong to scripts that separate words with spaces (Latin, Cyrillic...). */
export const SPACED_SCRIPT_END = 0x2e80

/** Where a hit starts, and whether it reads as one word in the original text. */
export interface HitSpan {
  start: number
  /**
   * False when the rules that keep normal text clean reject the hit:
   * - a key edge that is a Latin (or other spaced-script) letter or digit must not touch another one
   *   (`vx` is not found in `devx`, `加v` not in `加VIP`);
   * - letters split by a line break or sentence punctuation are one word only when every pair of
   *   letters in the match is split (`私\n聊\n我` is a hit, `成本，价格` is no hit for 成本价), and
   *   sentence punctuation needs at least two such splits (`楼下。注意` is no hit for 下注); a phrase of five
   *   ideographs or more set apart by two lone commas or more is one too (`老板、是、骗子`, see commasBetweenWords).
   */
  oneWord: boolean
}

/** The code point that ends at `end` (exclusive) in text, lone surrogates included. */
function codePointBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1)
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2)
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  }
  return low
}

/** The folded code points of one code point (empty when skipped), in shared arrays: read before the next call. */
function foldedOf(cp: number): ArrayLike<number> {
  const f = foldCodePoint(cp)
  if (f === SKIP) return NOTHING
  if (isExpansion(f)) return expansionOf(f)
  single[0] = f
  return single
}
const NOTHING = new Int32Array(0)
const single = new Int32Array(1)

/** True for a folded letter or digit of a spaced script. */
function isWordLetter(folded: number | undefined): boolean {
  return folded !== undefined && folded < SPACED_SCRIPT_END
}

/**
 * Locates a hit of `key` (its first `length` folded code points) that ends at `end`, `tail` folded code
 * points before the end of its last character, by walking back over the original text.
 */
export function spanOfHit(
  text: string,
  end: number,
  tail: number,
  key: ArrayLike<number>,
  length = key.length,
): HitSpan {
  let need = length + tail
  let j = end
  let start = end
  let startFolded: ArrayLike<number> = []
  let gapUnits = 0
  let gapBreak = 0
  let gaps = 0
  let cleanGaps = 0
  let breaks = 0
  let gapMark = 0
  let roughGaps = 0
  for (let first = true; need > 0 && j > 0; ) {
    const cp = codePointBefore(text, j)
    const folded = foldedOf(cp)
    j -= cp > 0xffff ? 2 : 1
    if (folded.length === 0) {
      gapUnits++
      gapBreak |= breakKind(cp)
      gapMark = cp
      continue
    }
    if (!first) {
      gaps++
      if (gapUnits === 0) cleanGaps++
      else if (gapBreak !== 0 && (gapUnits !== 1 || !SLIPPED_COMMAS.includes(String.fromCharCode(gapMark)))) roughGaps++
      breaks |= gapBreak
    }
    first = false
    gapUnits = 0
    gapBreak = 0
    need -= folded.length
    start = j
    startFolded = folded
  }
  const splitByBreaks =
    breaks !== 0 &&
    (cleanGaps > 0 || ((breaks & PUNCTUATION_BREAK) !== 0 && gaps < 2)) &&
    !(gaps - cleanGaps === 1 && commaAfterLoneFirst(text, start, end, key[0])) &&
    !(roughGaps === 0 && commasBetweenWords(key, length, gaps - cleanGaps))
  const before = need < 0 ? startFolded[-need - 1] : start > 0 ? lastFoldedBefore(text, start) : undefined
  const endFolded = foldedOf(codePointBefore(text, end))
  const after = tail > 0 ? endFolded[endFolded.length - tail] : firstFoldedAt(text, end)
  const touchesWord =
    (isWordLetter(key[0]) && isWordLetter(before)) || (isWordLetter(key[length - 1]) && isWordLetter(after))
  return { start, oneWord: !splitByBreaks && !touchesWord }
}

/** Commas a writer slips between a term's characters: the enumeration comma and the comma. */
const SLIPPED_COMMAS = '、，,'
/** What may stand before a clause's first character: the text's start, a space, a clause's or sentence's mark. */
const CLAUSE_OPENERS = ' \t\n，,。.！!？?；;：:'

/** The copula, after which a lone character and a comma start what someone is said to be (`你是不是脑，残`). */
const COPULA = '是'

/**
 * True for a hit whose first character, an ideograph, stands alone at the start of its clause (the text's
 * start, a space or a clause mark before it; no list item, so no 、) or right after the copula 是 (`你是不是脑，残`,
 * `你真是蠢，货`: what someone is said to be, no clause's end) with one comma after it and the rest of the
 * hit written on, touching, and no list going on after it: the comma is slipped into the term (`私、单价格更低`,
 * `赌，博群拉你`), as no clause is one bound character, or after any ideograph when a half-width comma is slipped into
 * a text of full-width marks (`保费转,到我账户`, see halfCommaSlipped; f45). `楼下。注意` (a word before the mark) and
 * `往下，注意` (a word's end) stay apart.
 */
function commaAfterLoneFirst(text: string, start: number, end: number, first: number): boolean {
  if (first < SPACED_SCRIPT_END || !SLIPPED_COMMAS.includes(text[start + 1] ?? '')) return false
  if (
    start > 0 &&
    !CLAUSE_OPENERS.includes(text[start - 1]) &&
    text[start - 1] !== COPULA &&
    !halfCommaSlipped(text, start)
  )
    return false
  if (text[end] === '、') return false
  return foldCodePoint(text.codePointAt(start + 2) ?? 0) !== SKIP
}

/** The fewest characters of a phrase whose words a writer may set apart with commas (老板是骗子). */
const COMMA_PHRASE_MIN = 5

/**
 * True for a phrase of ideographs (COMMA_PHRASE_MIN characters or more) cut in three or more pieces by lone commas
 * (`老板、是、骗子`, `公司，是，骗子`): a writer sets its words apart to slip it past a filter, and no list runs
 * across two marks to spell a phrase by chance. One comma stays a break (`成本，价格` is no 成本价), and so does any
 * other mark or a run of marks (see roughGaps in spanOfHit).
 */
function commasBetweenWords(key: ArrayLike<number>, length: number, commaGaps: number): boolean {
  return commaGaps >= 2 && length >= COMMA_PHRASE_MIN && key[0] >= SPACED_SCRIPT_END
}

/**
 * Writes into `out` the `length` folded code points that end at `end`, `tail` folded code points before
 * the end of its last character (as the scanner reports a hit), skipping characters that fold to
 * nothing. Returns false when the text holds fewer.
 */
export function foldedBefore(text: string, end: number, tail: number, length: number, out: Int32Array): boolean {
  if (tail === 0) {
    // Most hits: characters of the BMP that fold to one code point each, read from the table directly.
    const bmp = bmpFoldTable()
    let need = length
    for (let j = end - 1; need > 0 && j >= 0; j--) {
      const f = bmp[text.charCodeAt(j)]
      if (f >= 0) out[--need] = f
      else if (f !== SKIP) return foldedBeforeAny(text, end, tail, length, out)
    }
    return need === 0
  }
  return foldedBeforeAny(text, end, tail, length, out)
}

/** foldedBefore for any text: surrogate pairs, lone surrogates, characters folding to several code points. */
function foldedBeforeAny(text: string, end: number, tail: number, length: number, out: Int32Array): boolean {
  let skip = tail
  let need = length
  for (let j = end; need > 0 && j > 0; ) {
    const cp = codePointBefore(text, j)
    j -= cp > 0xffff ? 2 : 1
    const f = foldCodePoint(cp)
    if (f === SKIP) continue
    if (!isExpansion(f)) {
      if (skip > 0) skip--
      else out[--need] = f
      continue
    }
    const folded = expansionOf(f)
    for (let x = folded.length - 1; x >= 0 && need > 0; x--) {
      if (skip > 0) skip--
      else out[--need] = folded[x]
    }
  }
  return need === 0
}

/** The last folded code point of the character just before `offset` (undefined if it is skipped). */
function lastFoldedBefore(text: string, offset: number): number | undefined {
  const folded = foldedOf(codePointBefore(text, offset))
  return folded.length > 0 ? folded[folded.length - 1] : undefined
}

/** The first folded code point of the character at `offset` (undefined if skipped or at the end). */
function firstFoldedAt(text: string, offset: number): number | undefined {
  return offset < text.length ? foldedOf(text.codePointAt(offset)!)[0] : undefined
}
