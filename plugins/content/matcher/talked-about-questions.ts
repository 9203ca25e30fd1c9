/**
 * Questions, labels and rumours around a hit, for talkedAbout (talked-about.ts): a value asked or looked up
 * (`成本价是多少`), a question reported (`客户问能不能包治百病`), a scam's label (`兼职刷单都是诈骗套路`) and a rumour
 * (`有人造谣说公司要倒闭`).
 */

import { ownTake } from './talked-about-handled.js'
import { reportedFrom } from './talked-about-reports.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/**
 * A refusal to tell, after a reported question in the sentence: `客户问进货价的，一律回复不方便透露`; or no answer given,
 * ending its clause: `有人问底价，我没回`, `我没理他`, `没告诉她`.
 */
export const REFUSED =
  /(?:不方便|不便|不能|不可|不予|不)(?:透露|告知|回答|对外)|无可奉告|婉拒|谢绝|(?:一律|直接|统一)拒绝|说不(?:清楚|知道|了解)|(?:没|没有|未|不)(?:回|回复|回答|理|理会|搭理|告诉)(?:他|她|对方|人家)?(?:[了呢哦啊]|$|[，,；;。！!？?\n\s])/u
/**
 * An answer deferred to a source, after a reported question in the sentence: `客户问进货价的，统一回复以系统报价为准`,
 * `有人问底价就说按官网价格为准`. Who points the asker to the price list tells no secret; a figure (`以980为准`, `按一百二
 * 为准`) or the speaker's own channel (`以我朋友圈为准`) as the source tells or hands over the price.
 */
export const ANSWER_DEFERRED =
  /(?:以|按)(?![^，,；;。！!？?\n]{0,12}?(?:[0-9]|[一二两三四五六七八九十][十百千万块元]|朋友圈|主页|私))[^，,；;。！!？?\n]{1,12}?为准/u
/** A bound before a price, which it names without giving it: `低于成本价的促销`, `按进货价算`. */
export const PRICE_BOUND = /(?:低于|高于|不低于|不高于|接近|超过|按|照)$/u
/**
 * A plea to keep it secret, after a price: `千万别跟其他代理说`, `别告诉别人`, `别外传`, `悄悄的`. A price bound told
 * so (`按进货价给你，别跟别人说`) is a secret deal, the price given away.
 */
export const CONFIDED =
  /(?:别|不要|不能|莫)(?:(?:跟|和|对|同|向|让)[^，,；;。！!？?\n]{0,6}?(?:说|讲|提|知道|透露)|告诉)|别外传|不要外传|别说出去|别声张|别到处说|偷偷|悄悄/u
/** A question about a value right after a term, in its clause: `全网最低卖多少`, `成本价是多少`, `底价什么价`. */
export const VALUE_ASKED = /^[^，,；;。！!？?\n]{0,3}?(?:多少|什么价|啥价|几块|几折)/u
/** Who looks a value up or asks for it, before a term in its sentence: `帮我查下`, `问一下`, `比价`. */
export const LOOKED_UP = /查|问|打听|搜一下|搜下|比价|了解/u
/** A quotation that is a question: `“你们公司骗人吗”`, reported after 问. */
export const QUESTION_END = /[吗呢？?]$/u
/**
 * Who asks 是不是 reports a question (`客户问是不是包治百病`); `你是不是脑残` says it. Not 问题, a matter
 * (`档期问题加我微信，群里不回`: the speaker's own answer is where to ask; frec3).
 */
export const ASKED = /问(?!题)|咨询|打听|想知道/u
/**
 * A question reported, directly before a term: `客户问能不能包治百病`, `有人咨询是否永久有效`. Who asks about a claim
 * does not make it.
 */
export const ASKED_WHETHER =
  /(?:问|咨询|打听|想知道)[^，,；;。！!？?\n]{0,6}?(?:能不能|是不是|是否|会不会|可不可以|有没有|能否|算不算)$/u
/**
 * After a term (maybe past the rest of its item), maybe past other items of a list and a word that names them, a
 * label of a scam or a crime in its clause: `兼职刷单、日赚几百、扫码进群都是诈骗套路`, `这类号一般是骗子`; not a denial
 * (`兼职刷单不是骗局`).
 */
const SCAM_LABELLED =
  /^[^，,；;。！!？?\n、]{0,4}?(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*\s*(?:这类|这些|这种|之类的?|等)?[^，,；;。！!？?\n]{0,4}?(?<![不没非])(?:是|属于)(?:典型的|常见的|一种)?(?:诈骗|骗局|骗人|骗子|钓鱼|传销|违法|赌博|虚假)/u
/** A label directly before a term, not denied: `一般是赌博广告`, `属于诈骗信息`. */
const LABEL_BEFORE = /(?<![不没非])(?:是|属于|涉嫌)(?:典型的|常见的|一种)?$/u
/** After a label's term, the kind of post or account it labels: `赌博广告`, `诈骗类信息`, `色情网站`. */
const LABEL_AFTER = /^类?的?(?:广告|信息|链接|网站|平台|内容|套路|骗局|号|账号|小号)/u
/** Who calls what follows a rumour or a smear, before a term in its clause: `有人造谣说公司要倒闭`, `诬蔑我们骗人`. */
export const RUMOURED = /(?:造谣|谣传|传谣|诽谤|污蔑|诬蔑|诬陷|抹黑)[^，,；;。！!？?\n]{0,8}$/u
/**
 * Someone else who claims it of themselves, directly before a term: `竞品老说自己是第一品牌`, `同行都宣传自家是全网最低`,
 * `别家号称`. A rival's claim reported is not the speaker's.
 */
export const CLAIMED_BY_OTHERS =
  /(?:竞品|同行|别家|别的(?:品牌|商家|厂家|公司|店)|对手|友商|隔壁|人家|他们家|那家|有的(?:商家|品牌|厂家)|有些(?:商家|品牌|厂家)|某些(?:商家|品牌|厂家))[^，,；;。！!？?\n]{0,6}?(?:(?:说|称|吹|宣传|标榜|吹嘘)(?:自己|自家)(?:是|为)?|号称|自称|自诩|标着|写着|打着)[“‘「『"]?$/u
/**
 * Who passed it on, asked about before the term: `谁把内部资料转到客户群了？`, `是谁将客户名单发出去的？`. With a question
 * about what was done (see passedOnAsked), the speaker asks who leaked it, and leaks nothing.
 */
const WHO_PASSED = /谁(?:把|将)$/u
/** The rest of a question about a thing passed on, after its term: `转到客户群了？`, `发出去的？`. */
const PASSED_ASKED =
  /^[^，,；;。！!？?\n]{0,10}?(?:发|转|传|泄露|泄漏|贴|拿|带|拍)[^，,；;。！!？?\n]{0,8}?[了的][吗呢啊呀]?[？?]/u

/** True for a term asked who passed it on (`谁把内部资料转到客户群了？`), with no offer to the reader outside it. */
export function passedOnAsked(term: TermAt): boolean {
  return WHO_PASSED.test(term.before) && PASSED_ASKED.test(term.text.slice(term.end)) && unoffered(term)
}
/**
 * True for a term labelled a scam with the other items of its list (`兼职刷单、扫码进群都是诈骗套路`: an offer among
 * the items is no offer), or a term that is the label of a post reported (`这类缩写一般是赌博广告，请直接举报`), with no
 * offer to the reader outside.
 */
export function labelled(term: TermAt): boolean {
  const scam = SCAM_LABELLED.exec(term.after)
  if (scam !== null) return unoffered(term, term.clauseFrom, term.end + scam[0].length)
  if (!LABEL_BEFORE.test(term.before) || !LABEL_AFTER.test(term.after)) return false
  return reportedFrom(term.text, term.end) && unoffered(term)
}

/**
 * Who asks what a term means or does not know it, before it in its clause: `客户问“`, `有个租客问我`, `学员打听`,
 * `我不知道`.
 */
const MEANING_ASKER = /(?:问|咨询|打听|请教|不知道|不懂|不明白|想知道)[^，,；;。！!？?\n“‘「『"]{0,3}?[“‘「『"]?$/u
/**
 * A question of what the term means or is, right after it (maybe past its closing quote), ending its clause:
 * `”是什么意思`, `是啥意思`, `到底指什么`, `是什么东西`, `什么意思啊`.
 */
const MEANING_AFTER =
  /^[”’」』"]?\s*(?:到底|究竟)?(?:是|指|指的是)?(?:什么|啥)(?:意思|东西|玩意儿?)?[吗呢啊呀]?\s*(?:[，,；;。！!？?\n]|$)/u
/** A question of what a term is, right before it: `什么叫`, `啥是“`; the term then ends its clause (MEANING_ENDED). */
const MEANING_BEFORE = /(?:什么|啥)(?:叫|是)[“‘「『"]?$/u
/** The rest of the clause after a term MEANING_BEFORE asks about: nothing, its closing quote, a particle. */
const MEANING_ENDED = /^[”’」』"]?[吗呢啊呀]?$/u

/**
 * True for a term whose meaning is asked (MEANING_ASKER before it, MEANING_AFTER after it, or MEANING_BEFORE right
 * before it and its clause ended after it: `客户问什么叫飞单，…`): `客户问“私单”是什么意思，
 * 我解释了…`, `老人问网赌是什么东西，我劝他别碰`; with no offer to the reader outside the question (`…，想做的加我`) and
 * no take of the speaker's own after it (`…，来我这玩两把就知道了`, see ownTake).
 */
export function meaningAsked(term: TermAt): boolean {
  const asker = MEANING_ASKER.exec(term.before)
  if (asker === null || ownTake(term.text, term.end)) return false
  if (!MEANING_AFTER.test(term.after) && !(MEANING_BEFORE.test(term.before) && MEANING_ENDED.test(term.after)))
    return false
  return unoffered(term, term.clauseFrom + asker.index)
}
