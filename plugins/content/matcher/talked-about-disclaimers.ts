/**
 * A claim the speaker declines to make, right before it: `我们不承诺“终身保修”`, `本店从不保证百分百有效`. The
 * claim is disowned, not made. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'
import { CONDITION } from './talked-about-bans.js'
import { CLAUSE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'

/**
 * A negated verb of promising, maybe before an opening quotation mark, right before the hit: `不承诺`, `从不保证`, `绝不
 * 号称`, `不敢打包票说`, `不做“`.
 */
const DISCLAIMED =
  /(?:不|从不|绝不|并不|从来不|不会|不敢|不能|无法|没有|从没|从未)(?:承诺|保证|担保|打包票|号称|宣称|标榜|夸口|许诺)(?:过|说)?[“‘「『"]?$/u
/** A rhetorical frame around the denial: `谁说不承诺…`, `难道不保证…`, `不保证…还能…吗`. */
const RHETORICAL = /谁说|难道|怎么能|哪里/u

/**
 * True for a hit right after a negated verb of promising in its clause (see DISCLAIMED): `光伏补贴以文件为准，不承诺
 * “长期有效”`, `我们不保证百分百治愈`. A promise made after all (`不保证全网最低就退差价`, see CONDITION), a rhetorical
 * denial (`谁说我们不保证第一品牌`) and a message that still pitches (see stillPitches) stay hits.
 */
export function disclaimsClaim(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  const before = text.slice(edgeBefore(text, c.start, CLAUSE_END), c.start)
  if (!DISCLAIMED.test(before) || RHETORICAL.test(before)) return false
  const after = text.slice(c.end, edgeAfter(text, c.end, CLAUSE_END))
  return !CONDITION.test(after) && !stillPitches(text, c, allowDomains)
}
