/**
 * Readings of a hit whose last character a longer word after it takes: a compound that chains on (六合|彩钢板), or a
 * count of goods a sound-alike spells (六盒|彩片). They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { isWordAt, wordTables } from './expansion-data.js'
import { stillPitches } from './pitch-guard.js'
import type { MatchKind } from './types.js'

/** Kinds that write the term's characters (or sound-alikes of them) side by side. */
const SIDE_BY_SIDE = new Set<MatchKind>(['exact', 'normalised', 'homophone', 'toneless'])
/** Numerals that count with a classifier. */
const NUMERALS = new Set('一二三四五六七八九十两几半0123456789')
/**
 * Last characters of goods after a colour's or a kind's first (彩片, 彩笔, 彩纸, 彩灯, 彩带, 彩膜): what a count of boxes
 * or packs holds.
 */
const GOODS_ENDS = new Set('片笔纸泥灯带膜绳球布线贴砖瓦板条漆盒瓶袋')

/**
 * True for a hit of three characters or more whose first characters but the last are a word, and whose last character
 * starts a word of CC-CEDICT with the next, which starts one with the one after that ends in goods (GOODS_ENDS): a
 * compound chains on past the hit and takes its last character (`六合彩钢板厂`: 六合, then 彩钢 and 钢板). `六合彩票`,
 * `六合彩开奖`, `百家乐平台` (乐平 and 平台, no goods) and a message that offers the reader something stay hits.
 */
export function chainsCompound(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SIDE_BY_SIDE.has(c.kind) || c.end - c.start < 3) return false
  const last = c.end - 1
  if (!GOODS_ENDS.has(text[c.end + 1]) || !isWordAt(text, last) || !isWordAt(text, c.end) || !isWordAt(text, last - 2))
    return false
  return !stillPitches(text, c, allowDomains)
}

/**
 * True for a sound-alike that swaps a classifier in right after a numeral of the hit, then ends in goods: the last
 * character and the next make a word or end in goods (GOODS_ENDS): a count of boxes or packs (`六盒彩片`, `三箱彩纸`).
 * `六盒彩开奖`, `六盒彩资料` and the term as written stay hits.
 */
export function countsGoods(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if ((c.kind !== 'homophone' && c.kind !== 'toneless') || !c.form || c.end - c.start !== c.form.length) return false
  const classifiers = wordTables().classifiers
  let counted = false
  for (let i = 1; i < c.form.length - 1 && !counted; i++)
    counted = c.form[i] !== c.term[i] && classifiers.has(c.form[i]) && NUMERALS.has(text[c.start + i - 1])
  if (!counted || c.end >= text.length) return false
  return (isWordAt(text, c.end - 1) || GOODS_ENDS.has(text[c.end])) && !stillPitches(text, c, allowDomains)
}
