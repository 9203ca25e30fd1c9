import type { Candidate } from './allow-filter.js'
import { wordTables } from './expansion-data.js'

/**
 * Readings of a fuzzy hit as something else, from the characters glued to it: a product code, a counted
 * noun, a verb with its complement. They run on the candidates of a scan only.
 */

/** A hyphen and a number after initials, or a number and a hyphen before them: `SB-12`, `BC-300`, `12-SB`. */
const CODE_AFTER = /^[-_‐–][A-Za-z]*\d/u
const CODE_BEFORE = /\d[A-Za-z]*[-_‐–]$/u
/** True for the code of a hyphen of CODE_AFTER and CODE_BEFORE (-, _, ‐, –). */
function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x5f || code === 0x2010 || code === 0x2013
}

/** True for initials glued by a hyphen to a number: a shelf or product code (`SB-12`), not 傻逼. */
export function readsAsCode(text: string, c: Candidate): boolean {
  return (
    c.kind === 'initials' &&
    (isHyphen(text.charCodeAt(c.end)) || isHyphen(text.charCodeAt(c.start - 1))) &&
    (CODE_AFTER.test(text.slice(c.end, c.end + 8)) || CODE_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start)))
  )
}

/** Kinds that write other characters than the term's. */
const SWAP_KINDS = new Set(['homophone', 'toneless'])
/** Numerals and demonstratives that count with a classifier: 三个月, 这个月, 每个月. */
const COUNTERS = new Set('〇零一二三四五六七八九十两几百千万0123456789这那每上下哪某半')

/** Units of time: a count of them is a span (三个月, 这个星期). */
const TIME_UNITS = new Set('月年天日周晚夜星礼钟')

/**
 * True for a homophone form whose swapped first character is a unit of time counted by a numeral or
 * demonstrative and a classifier before it: a span of time (约炮 → 月跑 in `这个月跑了一百家`, `三个月跑完`);
 * `这个辣鸡东西` stays a hit.
 */
export function countsSwap(text: string, c: Candidate): boolean {
  if (!SWAP_KINDS.has(c.kind) || c.start < 2 || !c.form || c.form[0] === c.term[0]) return false
  if (!TIME_UNITS.has(c.form[0])) return false
  return COUNTERS.has(text[c.start - 2]) && wordTables().classifiers.has(text[c.start - 1])
}

/**
 * True for a homophone form whose swapped last character takes the complement particle 得 after it: a
 * verb or adjective (网赌 → 网堵 in `晚上网堵得厉害`).
 */
export function takesComplement(text: string, c: Candidate): boolean {
  if (!SWAP_KINDS.has(c.kind) || !c.form || text[c.end] !== '得') return false
  return c.form.at(-1) !== c.term.at(-1)
}
