/**
 * Waste a trade names (issue #22, f47): a farm's leavings (`秸秆是农业废物`) and the firm or the truck that collects
 * rubbish (`收垃圾公司`, `运垃圾的车`). It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { clauseBefore } from './form-clause.js'
import { CLAUSE_END, edgeAfter } from './talked-about-clauses.js'
import { pitchesOrAims } from './pitch-guard.js'

/** Kinds that write the term's own characters: a homophone of 垃圾 (辣鸡) is chosen, no waste. */
const WRITTEN_KINDS = new Set(['exact', 'normalised'])
/** A farm's kind of waste just before the term: 农业废物, 畜禽养殖废物, 农村生活垃圾, 园林垃圾. */
const FARM_WASTE_BEFORE = /(?:农业|农作物|农田|农村|畜禽|养殖|种植|园林|园艺|秸秆)$/u
/** Collecting rubbish just before the term: `收垃圾公司`, `运垃圾的`, `清垃圾`, `拉垃圾`. */
const COLLECTED_BEFORE = /(?:收|运|清|拉|倒|捡|回收|清运|转运)$/u
/**
 * A rubbish firm's truck or crew right after the term, or its coming to collect (`垃圾公司的车`, `垃圾公司明早来清运`;
 * fnames), in a message that tells what it collects (HAULED).
 */
const HAULER_AFTER = /^(?:的(?:车|垃圾车|清运车|车辆|师傅|工人)|[^，,；;。！!？?\n]{0,6}来(?:清运|收运|拉|运|收))/u
/** Rubbish collected, elsewhere in the message: `清运装修垃圾`, `把垃圾拉走`. */
const HAULED =
  /(?:清运|收运|转运|拉走|运走|清走|回收|收|拉|运)[^，,；;。！!？?\n]{0,4}垃圾|垃圾[^，,；;。！!？?\n]{0,4}(?:拉走|运走|清走|清运)/u
/** A firm pointed at with contempt in the clause before: `这家`, `那家`, `什么`, `破`. */
const SCORNED_BEFORE = /[这那]家|什么|破/u
/** Scorn anywhere in the message (`这破公司真垃圾`, `一群垃圾`; revnames): then the hauler is defamed too. */
const SCORNED_ANYWHERE =
  /破公司|[真太很好就]垃圾|[一群帮伙窝]垃圾|垃圾(?:东西|玩意|人)|骗子|黑心|收费黑|坑人|乱收费|素质|[真太很好]差/u

/**
 * Someone the clause before speaks of or to, a classifier that counts people or a person's post: then the waste is a
 * person (`这群农业废物`, `我们组长农业废物一个`, `某些同事`; rev47).
 */
const PERSON_IN_CLAUSE = /[他她]|[个位群帮伙]$|人|领导|组长|经理|主管|同事|老板|员工|某些|家伙/u
/** A copula before the kind: what the clause says is waste may be a person (`老王是农业废物`). */
const CALLED_BEFORE = /(?:是|算|属于)$/u
/** A farm's leavings as what a copula calls waste: `秸秆是`, `畜禽粪便属于`, `这些是` (rev47; not `小李就是`). */
const FARM_THING = /秸秆|稻草|麦秆|麦秸|粪|地膜|农膜|薄膜|枝|叶|壳|芯|渣|藤|蔓|果皮|菜|残|料|瓶|袋|这些|它/u
/**
 * The rest of a farm waste's clause after it: nothing, or what is done with it or said of it (`要集中处理`,
 * `的处理`, `资源化利用`), not a name or a count that calls a person it (`农业废物老张`, `农业废物一个`; rev47).
 */
const FARM_AFTER =
  /^(?:$|\s*$|[的要需应可和与及、等在是也都如占不有用来由]|如何|怎么|怎样|处理|利用|还田|资源|治理|收集|清运|回收|综合|污染|问题|堆|焚烧|排放|[0-9])/u
/** 垃圾 called of someone elsewhere in the message: `公司的人都是垃圾`, `老板是个垃圾人` (rev47). */
const CALLED_RUBBISH = /(?:是|真|太|纯)(?:个|一个|一群|一帮)?垃圾/u
/** What a farm does with its waste, in the message: then a copula calls a thing waste (`秸秆是农业废物，粉碎还田`). */
const FARM_USE = /还田|肥料|堆肥|沤肥|饲料|粉碎|焚烧|燃料|利用|回收|处理|处置|资源化|清运/u
/** The reader anywhere in the message: a farm's word may be aimed at them (`农业废物，说的就是你`). */
const READER = /[你您]/u

/**
 * True for a term naming waste (废物, 垃圾公司) written as is after a farm's kind of waste (FARM_WASTE_BEFORE:
 * `秸秆是农业废物`) or 垃圾 after a verb of collecting it (COLLECTED_BEFORE: `民宿签约的收垃圾公司`), in a clause about
 * no one, a message that names no reader (READER) and neither pitches nor aims at anyone (see pitchesOrAims); after a
 * copula, only of a farm's leavings in a message about what a farm does with it (FARM_THING, FARM_USE); a farm's
 * waste followed in its clause by nothing but what is done with it (FARM_AFTER); a collector of rubbish in a message
 * that calls no one 垃圾 (CALLED_RUBBISH), or 垃圾公司 before its truck or its coming to collect (HAULER_AFTER) in a
 * message that tells it collects rubbish (see hauls; fnames). `你就是个农业废物`, `他是农业废物`, `老王是农业废物`,
 * `小李就是农业废物，只配还田`, `农业废物老张`, `农业废物，说的就是你`, `这家垃圾公司` and `收垃圾公司的人都是垃圾` stay hits.
 */
export function namesTradeWaste(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!WRITTEN_KINDS.has(c.kind)) return false
  const hit = text.slice(c.start, c.end)
  if (hit === '垃圾公司' && HAULER_AFTER.test(text.slice(c.end)) && hauls(text, c, allowDomains)) return true
  const before = text.slice(Math.max(0, c.start - 3), c.start)
  const farm = hit.startsWith('废物') || hit.startsWith('垃圾') ? FARM_WASTE_BEFORE.exec(before) : null
  const collected = hit.startsWith('垃圾') ? COLLECTED_BEFORE.exec(before) : null
  const kind = farm ?? collected
  if (kind === null) return false
  const clause = clauseBefore(text, c.start - kind[0].length)
  if (READER.test(text) || PERSON_IN_CLAUSE.test(clause)) return false
  if (CALLED_BEFORE.test(clause) && !(FARM_USE.test(text) && FARM_THING.test(clause))) return false
  if (farm !== null && !FARM_AFTER.test(text.slice(c.end, edgeAfter(text, c.end, CLAUSE_END)))) return false
  if (collected !== null && CALLED_RUBBISH.test(`${text.slice(0, c.start)} ${text.slice(c.end)}`)) return false
  return !pitchesOrAims(text, c, allowDomains)
}

/**
 * True for 垃圾公司 as the firm that hauls rubbish (`城东垃圾公司的车明早六点来清运装修垃圾`; fnames): the message tells
 * it collects rubbish outside the hit (HAULED), the clause before scorns no firm (SCORNED_BEFORE) and names no person,
 * no reader is named, nothing is pitched or aimed. `这家垃圾公司的车天天乱停` stays a hit.
 */
function hauls(text: string, c: Candidate, allowDomains: readonly string[]): boolean {
  const outside = `${text.slice(0, c.start)}${' '.repeat(c.end - c.start)}${text.slice(c.end)}`
  const clause = clauseBefore(text, c.start)
  if (!HAULED.test(outside) || SCORNED_BEFORE.test(clause) || PERSON_IN_CLAUSE.test(clause)) return false
  if (SCORNED_ANYWHERE.test(outside)) return false
  return !READER.test(text) && !pitchesOrAims(text, c, allowDomains)
}
