/**
 * Readings of a hit from what is counted or named around it: a span of time, a verb with its complement,
 * companies counted, waste. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SOUND_KINDS } from './expand.js'
import { pitchesOrAims, stillPitches } from './pitch-guard.js'
import { clauseBefore } from './form-clause.js'
import { wordTables } from './expansion-data.js'

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
 * After a swap form, an amount of what its last character does (`量`: 跑量, the distance run) or a distance counted
 * (`三百公里`, `50km`): what is done per unit of time.
 */
const RATE_AFTER =
  /^(?:量|[0-9０-９]+(?:\.[0-9]+)?\s*(?:公里|千米|km|KM|Km|k|K)|[一二两三四五六七八九十百千几]+(?:公里|千米))/u

/**
 * True for a homophone form whose swapped first character is a unit of time and whose last character, a verb, is
 * followed by its amount or a distance (see RATE_AFTER): what is done per month or week (约炮 → 月跑 in `月跑量破百的会员`,
 * `月跑三百公里`). A message that still pitches or aims the hit at someone (see pitchesOrAims) stays a hit.
 */
export function ratesSwap(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind) || !c.form || c.form[0] === c.term[0] || !TIME_UNITS.has(c.form[0])) return false
  return RATE_AFTER.test(text.slice(c.end, c.end + 8)) && !pitchesOrAims(text, c, allowDomains)
}

/** A count of an action after a verb, never after a noun: `一下`, `一脚`, `两下`, `几下`. */
const ACTION_COUNTED = /^(?:一下|一脚|两下|几下)/u

/**
 * True for a homophone form whose swapped last character takes the complement particle 得 after it, or a count of
 * the action: a verb or adjective (网赌 → 网堵 in `晚上网堵得厉害`, 时时彩 → 时时踩 in `下坡时时踩一下刹车`). A count
 * in a message that still pitches (see stillPitches) stays a hit.
 */
export function takesComplement(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind) || !c.form || c.form.at(-1) === c.term.at(-1)) return false
  if (text[c.end] === '得') return true
  return ACTION_COUNTED.test(text.slice(c.end, c.end + 2)) && !stillPitches(text, c, allowDomains)
}

/** More than one counted, just before a noun: `几家`, `三家`, `一些`, `这些`. */
const COUNTED_MANY = /(?:(?:几|多|两|数|[二三四五六七八九十百]|\d)家|一些|有些|某些|好些|这些|那些)$/u

/**
 * True for a hit that ends in 公司 after a count of more than one: other companies talked about, not the
 * speaker's (`曝光了几家黑心公司`, `这些垃圾公司`); `这家黑心公司` and `垃圾公司` stay hits.
 */
export function countsCompanies(text: string, c: Candidate): boolean {
  return text.endsWith('公司', c.end) && COUNTED_MANY.test(text.slice(Math.max(0, c.start - 3), c.start))
}

/** Kinds that write the term's own characters: a homophone of 垃圾 (辣鸡) is chosen, no waste. */
const WRITTEN_KINDS = new Set(['exact', 'normalised'])
/** What waste is (垃圾, 废物, as a term's part), the words a term naming it holds. */
const WASTE = /垃圾|废物/u
/** A kind of waste before it: 工业废物, 医疗废物, 建筑垃圾, 生活垃圾, 包装废物, 大件废物 (furniture, a toilet), 其他垃圾. */
const WASTE_KIND_BEFORE =
  /(?:工业|医疗|危险|固体|固态|液体|建筑|生活|厨余|餐厨|电子|有害|化工|装修|包装|放射性|可回收|大件|大宗|其他|其它)$/u
/**
 * Disposing of it after, maybe past when and how (`周五统一`, `都`, `明天全部`, `每天早上六点来`): 处理, 清理, 清运, 回收, 扔掉,
 * 拉走, 带走, 分类, 台账 (a register of waste), or collecting waste (`来收建筑垃圾`: a waste firm); `垃圾东西周五统一清走`,
 * `泡沫这些垃圾东西带走`.
 */
const DISPOSAL_AFTER =
  /^(?:每?周[一二三四五六日末]|每天|每周|每晚|每日|今天|明天|后天|早上|上午|中午|下午|晚上|凌晨|[0-9一二三四五六七八九十两]{1,3}点(?:半|钟)?|月底|本周|下周|定时|准时|统一|全部|一起|都|马上|赶紧|尽快|记得|要|请|来|过来|上门){0,4}(?:(?:收|拉|运|清)[^，,；;。！!？?\n]{0,4}?(?:垃圾|废物|废料|渣土)|处理|处置|清理|清运|清走|清掉|清除|清一下|清了|回收|扔掉|扔了|扔到|丢掉|拉走|运走|搬走|带走|收走|带下楼|分类|台账|堆放|收集|治理|净化|排放)/u
/** A place where waste lies, just before it: `楼道的`, `仓库里的`, `门口那堆`, `车间这些`. */
const WASTE_PLACE_BEFORE =
  /(?:楼道|楼梯|门口|楼下|仓库|走廊|地上|地下室|角落|院子|路边|工地|车间|车库|阳台|厨房|店门口)(?:里|上|边|口|下|内)?的?(?:那些|这些|那堆|这堆|一堆)?$/u
/** Who the clause before speaks of or to: then the waste is a person (`他是仓库里的废物`). */
const PERSON_BEFORE = /[你他她]|是/u
/** Whose the thing is, a person's, just before it: 你们这垃圾公司, 他家垃圾公司, 你那个废物. */
const OWNED_BY_PERSON = /[你您他她]们?(?:这|那|家)(?:个|家)?$/u
/** The firm accused after it (`来清运，骗子`, `收费离谱`): a firm called names, not named by its waste. */
const ACCUSED_AFTER = /骗|坑[人钱我]|黑心|无良|奸商|离谱|差劲|恶心/u
/** Someone the term is said of, just before it: 你这个垃圾东西, 他个废物, 是垃圾, 你这 (`你这大件废物`; rev48). */
const SAID_OF = /(?:[你他她它个是]|[你他她][这那](?:种|样的?)?)$/u

/**
 * True for a form by sound that keeps the term's 废 (waste) and swaps what follows: still a kind of waste, as
 * an industry names its emissions (废雾, paint mist; 废屋, a derelict house), not a form chosen to call names as
 * 辣鸡 is.
 */
function keepsWaste(text: string, c: Candidate): boolean {
  return SOUND_KINDS.has(c.kind) && c.term[0] === '废' && text[c.start] === '废'
}

/**
 * True for a term naming waste (垃圾东西, 废物, 垃圾公司) written as is, or by sound keeping its 废 (see keepsWaste:
 * `喷涂车间的废雾处理设备`), after a kind of waste said of no one
 * (`工业废物处理厂`, `建筑垃圾公司`, `包装废物请师傅带走`; not `你就是个包装废物`) or a place where it lies (`走廊的垃圾东西太多`), in a clause about no one, or followed by a word of
 * disposing of it (`楼道里的垃圾东西清理一下`), said of no one just before it: waste, not an insult.
 * `你这个垃圾东西`, `这家垃圾公司`, `你们这垃圾公司每天早上来清运都拖拖拉拉`, `他是仓库里的废物`, `废物一个`, `辣鸡东西清理一下` and a form by sound in a message that
 * still pitches (see stillPitches: `废雾处理设备，私聊`) stay hits.
 */
export function namesWaste(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!WASTE.test(c.term) || !(WRITTEN_KINDS.has(c.kind) || keepsWaste(text, c))) return false
  if (keepsWaste(text, c) && stillPitches(text, c, allowDomains)) return false
  const before = text.slice(Math.max(0, c.start - 3), c.start)
  const kind = WASTE_KIND_BEFORE.exec(before)
  if (kind !== null) return !SAID_OF.test(text.slice(0, c.start - kind[0].length))
  const clause = clauseBefore(text, c.start)
  if (WASTE_PLACE_BEFORE.test(clause) && !PERSON_BEFORE.test(clause)) return true
  if (OWNED_BY_PERSON.test(text.slice(Math.max(0, c.start - 4), c.start))) return false
  return (
    DISPOSAL_AFTER.test(text.slice(c.end, c.end + 12)) &&
    !SAID_OF.test(before) &&
    !ACCUSED_AFTER.test(text.slice(c.end))
  )
}
