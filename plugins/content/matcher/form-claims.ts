/**
 * Readings of a claim about a product as something else: denied, asked about, a first place praised, an
 * institution or the state's inspection named, a document counted valid, a shelf life told. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SALE_WORDS } from './form-work.js'

/** Claims about a product: a term holding one of these (永久有效, 绝对安全, 全网最低, 第一品牌). */
const CLAIM = /有效|安全|最低|最高|第一|百病|国家级|免检|根治|无副作用|零风险/u
/** A denial directly before a claim: `没有`, `哪有`, `不存在`, `不可能`, `谈不上`. */
const DENIED_BEFORE = /(?:没有|哪有|哪里有|不存在|不可能|不会|谈不上|称不上|算不上)$/u

/**
 * True for a claim about a product right after a denial: the speaker says no such thing holds, and claims
 * nothing (`世上没有绝对安全的插座`, `哪有永久有效的滤芯`, `吃药也不可能包治百病`). `绝对安全，没有副作用` and
 * `没有人比我们更低，全网最低` (the claim not denied) stay hits.
 */
export function deniesClaim(text: string, c: Candidate): boolean {
  return CLAIM.test(c.term) && DENIED_BEFORE.test(text.slice(Math.max(0, c.start - 3), c.start))
}

/** A yes-no question before a claim: `是`, `真的是`, `是不是`, `是否`. */
const ASKED_BEFORE = /(?:是|是不是|是否|真的是|真是|真的)$/u
/** The question's end after a claim: `吗`, `么`, `嘛`, maybe past `的`. */
const ASKED_AFTER = /^的?[吗么嘛]/u

/**
 * True for a claim about a product asked as a yes-no question: the speaker asks whether it holds, and claims
 * nothing (`这个滤芯是绝对安全的吗`, `保修是不是永久有效`). `本品永久有效` and `是永久有效！` stay hits.
 */
export function asksClaim(text: string, c: Candidate): boolean {
  if (!CLAIM.test(c.term) || !ASKED_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start))) return false
  const after = text.slice(c.end, c.end + 3)
  return ASKED_AFTER.test(after) || /(?:是不是|是否)$/u.test(text.slice(Math.max(0, c.start - 3), c.start))
}

/** Words of praise or a reward for a result: `恭喜`, `表扬`, `奖金`, `锦旗`. */
const PRAISED = /恭喜|祝贺|表扬|嘉奖|奖金|奖励|锦旗|颁奖|获奖|喜报|光荣榜|鼓掌|👏/u

/**
 * True for a claim of first place (销量第一, 第一品牌) in a message praising or rewarding it, with no word of a
 * sale: a team's ranking celebrated (`华东区这个月销量第一，恭喜`, `上季度门店销量第一，发了奖金`), not an ad's claim.
 * `喜报！本品全国销量第一，欢迎购买` stays a hit.
 */
export function praisesRank(text: string, c: Candidate): boolean {
  return c.term.includes('第一') && PRAISED.test(text) && !SALE_WORDS.test(text)
}

/** An institution's kind after a claim in its clause: `…检验中心`, `…研究院`, `…实验室`. */
const INSTITUTION_AFTER =
  /^[^，,；;。！!？?\n\s]{0,10}?(?:中心|研究院|研究所|检验所|检测所|检测站|质检站|实验室|监督局|管理局)/u

/** The state's supervision of product quality, right after a claim ending in 产品: `质量监督抽查`, `质量监督检验`. */
const SUPERVISION_AFTER = /^质量监督(?:抽查|抽检|检查|检验)/u

/**
 * True for a claim of the state (国家级产品, 国家免检) that starts an institution's name, its kind in the clause
 * after it: a testing body named (`报告是国家级产品质量监督检验中心出的`), not a claim; or, for one ending in 产品,
 * the state's supervision of product quality (`通过了国家级产品质量监督抽查`: 国家级 says whose inspection).
 * `国家级产品，放心用` and `国家级产品质量好` stay hits.
 */
export function namesInstitution(text: string, c: Candidate): boolean {
  if (!c.term.startsWith('国家')) return false
  const after = text.slice(c.end, c.end + 14)
  return INSTITUTION_AFTER.test(after) || (c.term.endsWith('产品') && SUPERVISION_AFTER.test(after))
}

/**
 * True for a claim ending in 有效 followed by 期: the word 有效期, a product's shelf life told (`这批奶粉100%有效期在
 * 一年以上`), no claim of effect. `这款药100%有效，期待您的好评` stays a hit.
 */
export function tellsShelfLife(text: string, c: Candidate): boolean {
  return c.term.endsWith('有效') && text[c.end] === '期'
}

/** A thing counted or filed as valid, before 有效 in its clause: `问卷`, `选票`, `样本`, `发票`. */
const VALID_THING =
  /(?:问卷|答卷|试卷|调查表|样本|选票|票数|投票|发票|证件|证书|签名|报名表|申请表|回执)[^，,；;。！!？?\n\d]{0,3}[\d%]*$/u

/**
 * True for a claim of 有效 (100%有效, 永久有效) about a survey, a ballot or a document in its clause: valid, not
 * effective (`这次客户满意度问卷100%有效，没有废卷`, `选票全部有效`). `这款滤芯100%有效` stays a hit.
 */
export function countsValid(text: string, c: Candidate): boolean {
  if (!c.term.includes('有效')) return false
  const from = Math.max(0, c.start - 12)
  const before = text.slice(from, c.start)
  const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('。')) + 1)
  return VALID_THING.test(clause)
}
