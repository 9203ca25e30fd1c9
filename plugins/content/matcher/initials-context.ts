import type { Candidate } from './allow-filter.js'

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

/** What ends a sentence: a hand-over verb is looked for in the initials' sentence only. */
const SENTENCE_END = /[。！!？?\n]/u

/**
 * True for initials of a price term (`cbj` 成本价, `jhj` 进货价) followed, in their sentence and at most
 * HAND_OVER_REACH characters on, by a verb handing it to someone (`cbj 给你了`, `这款的cbj我发你`,
 * `客户问我 jhj，我直接给他看了`) or asking for a copy (`jhj 清单发我一份`): the price is passed on, as a leak word
 * of the category would say.
 * `cbj 给你打电话了` (a name), `jhj 发你邮箱了` and a tender's `cbj 那一栏` stay without.
 */
export function handsOverPrice(text: string, c: Candidate): boolean {
  if (!priceInitials(c)) return false
  const reach = text.slice(c.end, c.end + HAND_OVER_REACH)
  const end = reach.search(SENTENCE_END)
  // The text's end ends the sentence too (`cbj我发你`); the reach's end does not.
  const sentence = end >= 0 ? reach.slice(0, end + 1) : c.end + HAND_OVER_REACH >= text.length ? `${reach}。` : reach
  return HANDED_OVER.test(sentence)
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
  return c.kind === 'initials' && isOrderTaken(text, c)
}

/**
 * True for a hit of an order term (one ending in 单: 私单) as the whole object of a verb that takes orders, written
 * right before it (see takesAnOrder): `这单走私单，不开票`, where the segmenter reads 走私|单 (smuggling) though the
 * verb takes the order (see word-context.ts cutsWords). Followed by a noun it is another word (`走私单位`, `走私单据`).
 */
export function isOrderTaken(text: string, c: Candidate): boolean {
  return (
    c.term.endsWith('单') &&
    ORDER_VERB_BEFORE.test(text.slice(Math.max(0, c.start - 2), c.start)) &&
    OBJECT_END_AFTER.test(text.slice(c.end, c.end + 2))
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
