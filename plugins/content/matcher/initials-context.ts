import type { Candidate } from './allow-filter.js'
import { findUrls, isAllowedHost } from './links.js'

/**
 * What confirms short initials besides a context word of their category: what is done with the thing they name,
 * written right beside them. They run on the initials candidates of a scan only (see Matcher.confirmed).
 */

/** True for initials of a price term of three characters or more (成本价 `cbj`, 进货价 `jhj`). */
function priceInitials(c: Candidate): boolean {
  return c.kind === 'initials' && c.term.endsWith('价') && c.term.length >= 3
}

/** How far after a price's initials a verb of handing it over may stand (`jhj，我直接给他看了`). */
const HAND_OVER_REACH = 8

/**
 * Handing something over to someone, or putting it in a group: 给你了, 发你, 给他看, 发给客户, 拉到群里; or a copy
 * of it asked for: 发我一份, 给我一份. A give verb before a verb (`给你打电话`) is a preposition, and a send verb
 * before a noun (`发你邮箱`) sends that noun.
 */
const HANDED_OVER =
  /(?:发|给|传)(?:给)?(?:你|您|他|她|客户)(?:了|看|吧|啊|[\s，,。！!？?；;])|(?:发|给|传)(?:给)?我一份|(?:拉|发)(?:到|进)群/u

/**
 * A list of the price right after its initials, said to be at hand: `cbj表在这`, `jhj 清单我这有`, `cbj明细我有` (frec3),
 * `cbj表在我这`, `jhj 清单在我手上` (f45). `cbj 表格那一栏` and `jhj 清单在做了` stay without.
 */
const LIST_AT_HAND =
  /^[ \t]?(?:表|清单|明细|单子?)[ \t]?(?:在这(?![一个些])|在我(?:这|那|手上|手里|手头|电脑上)|我这有|我有|我手上有)/u
/**
 * The price itself said to be at hand right after its initials, ending its clause: `这几款的cbj我都有`, `jhj我这有`,
 * `cbj在我手上` (f5051). `cbj我有疑问` and `jhj在我这边核算` stay without.
 */
const PRICE_AT_HAND =
  /^[ \t]?(?:我(?:这边?|那边?)?(?:都|也|全)?有|在我(?:这|那|手上|手里|手头|电脑上)(?:边|里)?)(?:的|了|呢|啊|哦|呀)?(?:[ \t，,。！!？?；;\n]|$)/u

/** What ends a sentence: a hand-over verb is looked for in the initials' sentence only. */
const SENTENCE_END = /[。！!？?\n]/u

/**
 * True for initials of a price term (`cbj` 成本价, `jhj` 进货价) followed, in their sentence and at most
 * HAND_OVER_REACH characters on, by a verb handing it to someone (`cbj 给你了`, `这款的cbj我发你`,
 * `客户问我 jhj，我直接给他看了`) or asking for a copy (`jhj 清单发我一份`), or by a list of it or the price itself
 * at hand (see LIST_AT_HAND, PRICE_AT_HAND): the price is passed on, as a leak word of the category would say.
 * `cbj 给你打电话了` (a name), `jhj 发你邮箱了` and a tender's `cbj 那一栏` stay without.
 */
export function handsOverPrice(text: string, c: Candidate): boolean {
  if (!priceInitials(c)) return false
  const reach = text.slice(c.end, c.end + HAND_OVER_REACH)
  const end = reach.search(SENTENCE_END)
  // The text's end ends the sentence too (`cbj我发你`); the reach's end does not.
  const sentence = end >= 0 ? reach.slice(0, end + 1) : c.end + HAND_OVER_REACH >= text.length ? `${reach}。` : reach
  return HANDED_OVER.test(sentence) || LIST_AT_HAND.test(reach) || PRICE_AT_HAND.test(reach)
}

/** A verb that takes an order or goes a way before initials of an order term (走私单, 接私单, 做私单), past a space. */
const ORDER_VERB_BEFORE = /[走接做跑][ \t]?$/u

/**
 * What may follow the order initials when they are the whole object: a sentence particle, an adverb that starts
 * the predicate after it (`走 sd 就行`), punctuation, the end.
 */
const OBJECT_END_AFTER = /^[ \t]?(?:[吗吧呢啊呀了就也都还才，,。！!？?；;\n]|$)/u

/**
 * True for initials of an order term (`sd` 私单) as the whole object of a verb that takes orders: `走 sd，比官网便宜`,
 * `接 sd 吗？`, `走 sd 就行`. Followed by a noun they name something else (`走 sd 流程`, `接 sd 卡`).
 */
export function takesAnOrder(text: string, c: Candidate): boolean {
  return c.kind === 'initials' && isObjectOfOrderVerb(text, c)
}

/**
 * True for a hit of an order term (one ending in 单: 私单) that the words around take as the order, where the
 * segmenter reads another word across its edge (see word-context.ts cutsWords): the whole object of a verb that
 * takes orders, written right before it (`这单走私单，不开票`: 走私|单, smuggling), or the order priced, 价 right
 * after it (`私单价更低`, `禾厶单价更低`: 私|单价, a unit price, leaves 私 alone, and no clause is that one bound
 * character). Followed by another noun it is another word (`走私单位`, `走私单据`), and 价值 is no price.
 */
export function isOrderTaken(text: string, c: Candidate): boolean {
  return isObjectOfOrderVerb(text, c) || isOrderPriced(text, c)
}

/** True for a hit of an order term as the whole object of a verb that takes orders (see isOrderTaken). */
function isObjectOfOrderVerb(text: string, c: Candidate): boolean {
  return (
    c.term.endsWith('单') &&
    ORDER_VERB_BEFORE.test(text.slice(Math.max(0, c.start - 2), c.start)) &&
    OBJECT_END_AFTER.test(text.slice(c.end, c.end + 2))
  )
}

/**
 * True for a hit of an order term of two characters, not taken by a verb that makes its first character a word of
 * its own (走私), with 价 right after it, not 价值 (see isOrderTaken).
 */
function isOrderPriced(text: string, c: Candidate): boolean {
  return (
    c.kind !== 'initials' &&
    c.term.length === 2 &&
    c.term.endsWith('单') &&
    text[c.end] === '价' &&
    text[c.end + 1] !== '值' &&
    !ORDER_VERB_BEFORE.test(text.slice(Math.max(0, c.start - 2), c.start))
  )
}

/** Football competitions bet on, written right before initials (past a space): `欧洲杯dq群`. */
const COMPETITION_BEFORE = /(?:欧冠|欧联|欧洲杯|世界杯|亚洲杯|美洲杯|英超|西甲|意甲|德甲|法甲|中超)[ \t]?$/u

/**
 * True for initials right after the name of a football competition (`欧冠 dq 群`, `欧洲杯dq`): what is done on that
 * competition, 赌球 or 下注. Only beside it: `世界杯期间 dq 经理值班` and `看欧冠吃DQ` are no bet, and an
 * abbreviation (`世界杯 DQ 冰淇淋`) needs a context word of its category as ever.
 */
export function followsACompetition(text: string, c: Candidate): boolean {
  return c.kind === 'initials' && COMPETITION_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start))
}

/** True for initials of a lottery term, one ending in 彩 (六合彩 `lhc`, 时时彩 `ssc`). */
function lotteryInitials(c: Candidate): boolean {
  return c.kind === 'initials' && c.term.endsWith('彩')
}

/**
 * The draw asked about or told right after a lottery's initials (past a space, maybe a word of when): which
 * number or sign it draws, `开几号`, `开什么码`, `今晚开啥肖`.
 */
const DRAW_AFTER =
  /^[ \t]?(?:今晚|今天|明晚|明天|昨晚|这期|本期|上期)?[ \t]?开(?:了)?(?:几个?|什么|啥|哪个|哪几个|多少)(?:号|码|肖|波)/u

/**
 * True for initials of a lottery term followed by the draw they name (`lhc开几号`, `ssc 今晚开什么码`): what is
 * asked of a lottery. A person's or a desk's initials open other things (`lhc 开会去了`, `ssc 开了几个工单`).
 */
export function asksTheDraw(text: string, c: Candidate): boolean {
  return lotteryInitials(c) && DRAW_AFTER.test(text.slice(c.end, c.end + 12))
}

/**
 * Keeping it from someone: 别告诉, 不要告诉, 别跟…说, 别让…知道 (not `别告诉我`, the speaker's own impatience,
 * `别告诉我你又忘了`).
 */
const KEPT_FROM =
  /(?:别|不要|千万别|千万不要|不能)(?:告诉(?!我)|跟(?!我)[^，,。！!？?\s]{1,6}?(?:说|讲|提)|让(?!我)[^，,。！!？?\s]{1,6}?知道)/u

/** How far after a price's initials a request to keep it from someone may end (`jhj 千万别让门店知道`). */
const KEEP_REACH = 12

/**
 * True for initials of a price term followed, in their sentence and at most KEEP_REACH characters on, by a
 * request to keep it from someone (`cbj你别告诉采购`, `jhj 千万别让门店知道`): the price is a secret passed on, as
 * a leak word of the category would say. `cbj 别告诉我你又算错了` is no secret.
 */
export function keepsPriceFrom(text: string, c: Candidate): boolean {
  if (!priceInitials(c)) return false
  const reach = text.slice(c.end, c.end + KEEP_REACH)
  const end = reach.search(SENTENCE_END)
  return KEPT_FROM.test(end >= 0 ? reach.slice(0, end) : reach)
}

/** The letter runs of a host's labels that hold a digit too (`bjl-88`, `lhc8`, `365ssc`): a site named by a number. */
function numberedRuns(host: string): string[] {
  const runs: string[] = []
  for (const label of host.split('.')) {
    if (!/\d/.test(label)) continue
    for (const run of label.match(/[a-z]+/g) ?? []) runs.push(run)
  }
  return runs
}

/**
 * True for initials whose letters name the site a link of the message goes to, a link of no allowed domain whose
 * host writes the same letters with a number (`欢迎来 bjl 群 https://bjl-88.vip/join`, `lhc 资料看 lhc8.cc`): the
 * message sends people to the thing the letters name. A company's own site (allowed), or a host that spells
 * other letters, confirms nothing.
 */
export function namesLinkedSite(text: string, c: Candidate, allowDomains: readonly string[]): boolean {
  if (c.kind !== 'initials') return false
  const letters = text
    .slice(c.start, c.end)
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  if (letters.length < 2) return false
  return findUrls(text).some(
    u =>
      !isAllowedHost(u.host, allowDomains) &&
      numberedRuns(u.host).includes(letters) &&
      (u.end <= c.start || u.start >= c.end),
  )
}
