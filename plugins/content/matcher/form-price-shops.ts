/**
 * A price term as the kind of shop it names: `成本价折扣店`, `底价超市`, `进货价专卖店`. It runs on the candidates of a scan
 * only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'

/**
 * A shop that sells at that price, right after the term, maybe past a word of how it sells: `折扣店`, `超市`,
 * `直销店`, `专卖店`, `特卖场`, `商城`.
 */
const SHOP_AFTER = /^(?:折扣|直销|特卖|批发|清仓|仓储|专卖|会员|精品)?(?:店(?![长员主])|超市|商城|卖场|商场|门市|专柜)/u

/**
 * True for a price term (ending in 价: 成本价, 底价, 进货价) followed by the shop it names (see SHOP_AFTER): a shop's
 * kind or name that sells at such prices, no price told or leaked (`对面开了家成本价折扣店`, `街口的成本价超市关门了`).
 * A message that still pitches (see stillPitches: `成本价折扣店开业，加我微信拿货`) and `成本价发你` stay hits.
 */
export function namesPriceShop(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!c.term.endsWith('价') || !SHOP_AFTER.test(text.slice(c.end, c.end + 5))) return false
  return !stillPitches(text, c, allowDomains)
}
