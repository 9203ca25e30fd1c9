/**
 * A secret whose access a rule keeps to a role (issue #22, f45): `成本价和进货价只有采购部能看`, `客户名单仅限店长查看`.
 * The secret is named as what others may not see, not handed over. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesAround, pitchesBeside, stillPitches } from './pitch-guard.js'
import { CLAUSE_END, edgeAfter } from './talked-about-clauses.js'
import { invitedAfter } from './talked-about-offers.js'

/**
 * In the hit's clause after it, who alone may see it, not the speaker: `只有采购部能看`, `仅限店长查看`, `只对主管开放`,
 * `只有老板知道`, `只能财务查`; maybe after other items of a list (`和进货价`). Not `只有我知道`, `只有我们有`.
 */
const KEPT_TO_ROLE =
  /^[^，,；;。！!？?\n]{0,8}?(?:只有|只限|仅限|仅|只对|只给|只能由|只能|唯有)(?!我|咱)[^，,；;。！!？?\n我咱]{1,8}?(?:才)?(?:能|可以|可|有权|有权限)?(?:看|查看|查阅|查|知道|接触|访问|过问|调阅|开放|掌握|经手)/u

/** The speaker's own stash, a price got from them or one handed over privately: `我这有`, `找我拿`, `偷偷发你`. */
const OWN_STASH = /我(?:这里?|这边|手上|手里)(?:有|还有|都有)|找我|私聊|私我|发你|给你|问我/u

/**
 * True for a confidential hit kept to a role in its clause (see KEPT_TO_ROLE): `底价只有财务能查，业务员别打听`. The
 * speaker as who knows it, a stash or a handover (`进货价只有我知道，想要的私聊`, `…，不过我可以偷偷发你`, see OWN_STASH,
 * invitedAfter) and a message that still pitches (see stillPitches, pitchesAround, pitchesBeside) keep the hit.
 */
export function keptToRole(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.category !== 'confidential') return false
  if (!KEPT_TO_ROLE.test(text.slice(c.end, edgeAfter(text, c.end, CLAUSE_END)))) return false
  if (OWN_STASH.test(text) || invitedAfter(text, c.end)) return false
  const rest = `${text.slice(0, c.start)}${'　'.repeat(c.end - c.start)}${text.slice(c.end)}`
  return (
    !stillPitches(rest, c, allowDomains) && !pitchesAround(text, c.start, c.end) && !pitchesBeside(text, c.start, c.end)
  )
}
