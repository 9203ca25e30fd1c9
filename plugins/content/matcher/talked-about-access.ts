/**
 * A secret whose access a rule keeps to a role (issue #22, f45): `成本价和进货价只有采购部能看`, `客户名单仅限店长查看`.
 * The secret is named as what others may not see, not handed over. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillLeaks } from './secret-guard.js'
import { restrictionUndone } from './talked-about-restricted.js'
import { CLAUSE_END, edgeAfter } from './talked-about-clauses.js'

/**
 * In the hit's clause after it, who alone may see it, not the speaker: `只有采购部能看`, `仅限店长查看`, `只对主管开放`,
 * `只有老板知道`, `只能财务查`; maybe after other items of a list (`和进货价`). Not `只有我知道`, `只有我们有`.
 */
const KEPT_TO_ROLE =
  /^[^，,；;。！!？?\n]{0,8}?(?:只有|只限|仅限|仅|只对|只给|只能由|只能|唯有)(?!我|咱)[^，,；;。！!？?\n我咱]{1,8}?(?:才)?(?:能|可以|可|有权|有权限)?(?:看|查看|查阅|查|知道|接触|访问|过问|调阅|开放|掌握|经手)/u

/**
 * True for a confidential hit kept to a role in its clause (see KEPT_TO_ROLE): `底价只有财务能查，业务员别打听`. The
 * speaker as who knows it (`进货价只有我知道`), a stash, a handover, a turn to the speaker's exception or a value told
 * (`…，不过我可以偷偷发你`, `…，其实就是六十五`) and a message that still pitches keep the hit (see stillLeaks), as does a
 * rule undone as talked-about-restricted.ts reads it (restrictionUndone: `客户名单只给同事看，要的说`).
 */
export function keptToRole(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.category !== 'confidential') return false
  if (!KEPT_TO_ROLE.test(text.slice(c.end, edgeAfter(text, c.end, CLAUSE_END)))) return false
  return !restrictionUndone(text, c) && !stillLeaks(text, c, allowDomains)
}
