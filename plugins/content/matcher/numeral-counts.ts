import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { wordTables } from './expansion-data.js'
import { pitchesOrAims } from './pitch-guard.js'

/** Numerals a homophone form may swap in for a term's last character (去死 → 去四, 去世 → 去十). */
const NUMERALS = new Set('〇零一二三四五六七八九十两')
/**
 * What a number counts or orders besides CC-CEDICT's classifiers: a number (号), a floor or a building (楼), a day, a
 * week, a month, a box, a batch, a row, a class, a grade, a lane, a door, a warehouse (`四号会议室`, `四楼`, `四天`);
 * and the numbered institutions a town names by a numeral and one character, a hospital, a school, a works, a bureau,
 * a ward, a team, an office (`四院`, `四中`, `四小`, `四医`, `四厂`, `四局`, `四病区`, `四队`, `四所`, `四科`), each
 * followed by more of the clause (see INSTITUTION_AFTER).
 */
const ORDERED = /^(?:号|楼|天|周|月|箱|批|排|班|年级|道|门|车间|仓|库|区|栋|单元|室|路|线)/u
/**
 * Scorn in the message: then a numbered institution is where someone is told to go (`去四院看看你那脑子吧`, `没用的东西，
 * 去四中重读`, `活着干嘛，去四院躺着吧`; rev5051).
 */
const SCORNED =
  /脑子|有病|神经|疯|滚|傻|蠢|笨|废物|垃圾|智障|脑残|白痴|弱智|人渣|畜生|贱|恶心|丢人|没用的|活着(?:干|有什么|有啥)|东西/u
/** A numbered institution and what the clause goes on with: no particle or the clause's end (`去四院吧` stays one). */
const INSTITUTION_AFTER = /^(?:院|中|小|医|厂|局|病区|队|所|科|监|期|届)(?![吧啊呀吗呢了！!？?，,。.~～]|$)/u

/**
 * True for a homophone form whose swapped last character is a numeral the term does not have, followed by a
 * classifier or a word a number counts or orders (see ORDERED): the numeral starts a number (`去四号会议室`,
 * `去四楼开会`, `去四个人就够`), no end of the term. `你怎么还不去四`, `去四吧你` and a message that still pitches or
 * aims at someone (see pitchesOrAims: `@张三 去四号`) stay hits.
 */
export function startsNumber(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined) return false
  const last = c.form.at(-1) ?? ''
  if (!NUMERALS.has(last) || c.term.includes(last) || text[c.end - 1] !== last) return false
  const after = text.slice(c.end, c.end + 3)
  if (!wordTables().classifiers.has(after[0] ?? '') && !ORDERED.test(after) && !INSTITUTION_AFTER.test(after))
    return false
  if (!ORDERED.test(after) && !wordTables().classifiers.has(after[0] ?? '') && SCORNED.test(text)) return false
  return !pitchesOrAims(text, c, allowDomains)
}

/** A numbered institution's character right after a numeral, wherever the clause goes (`四院`, `四病区`). */
const INSTITUTION = /^(?:院|中|小|医|厂|局|病区|队|所|科)/u

/**
 * True for a homophone's swapped-in numeral that starts a numbered institution (see INSTITUTION) in a message of scorn
 * (SCORNED): someone is told where to go, the term said (`你有病就去四院`, `脑子不好去四院`; rev5051). A word the
 * segmenter makes of the numeral and the institution cuts no such hit.
 */
export function scornsToInstitution(text: string, c: Candidate): boolean {
  const last = c.form?.at(-1) ?? ''
  if (!NUMERALS.has(last) || c.term.includes(last) || text[c.end - 1] !== last) return false
  return INSTITUTION.test(text.slice(c.end)) && SCORNED.test(text)
}
