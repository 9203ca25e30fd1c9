import { isWordOf } from './expansion-data.js'
import { IDEOGRAPHS } from './said-nouns.js'

/** The categories whose terms name a thing someone owns (a leak's 客户名单, 内部资料): see possessiveForms. */
const OWNED_THINGS = new Set(['confidential'])

/**
 * A term naming a thing of its owner, said with 的 between them (客户名单 → 客户的名单, 内部资料 → 内部的资料,
 * 提成比例 → 提成的比例; frec3): for a term of a category of owned things (OWNED_THINGS), of four ideographs or
 * more, whose first two and next two characters are words. Not 成本价 (three characters: 成本的价 says no price) nor
 * a term of another category (`绝对的安全`, `不走的公司` are other sentences).
 */
export function possessiveForms(category: string | undefined, term: string): string[] {
  if (category === undefined || !OWNED_THINGS.has(category) || term.length < 4 || !IDEOGRAPHS.test(term)) return []
  const [a, b, c, d] = [0, 1, 2, 3].map(i => term.charCodeAt(i))
  if (!isWordOf(a, b) || !isWordOf(c, d) || term[2] === '的') return []
  return [`${term.slice(0, 2)}的${term.slice(2)}`]
}
