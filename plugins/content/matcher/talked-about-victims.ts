/**
 * A victim's report, for talkedAbout (talked-about.ts): the term names what cheated someone (`被网赌平台骗了`,
 * `玩网赌被坑了两万`), told by whom it hurt or who asks how to get the money back.
 */

import { stillPitches } from './pitch-guard.js'
import type { TermAt } from './talked-about-term.js'

/** The agent's 被 right before a term, maybe past a pointer: `被`, `被一个`, `被那家`. */
const AGENT_BEFORE = /被(?:一个|一家|那个|那家|这个|这家|某个|某)?$/u
/** Where the term's thing ran, after it: `平台`, `网站`, `app`, `群`. */
const VENUE = '(?:的)?(?:平台|网站|网址|app|APP|App|软件|群|庄家|客服)?'
/** Cheated, right after the term as the agent (maybe past its venue): `骗了`, `坑了`, `黑了钱`. */
const CHEATED_BY = new RegExp(`^${VENUE}(?:给)?(?:骗|坑|套路|黑了|卷走|吞了)`, 'u')
/** Cheated after playing it, in the term's clause: `被骗了两万`, `被坑惨了`. */
const CHEATED_AFTER = new RegExp(`^${VENUE}[^，,；;。！!？?\\n]{0,4}?被(?:人)?(?:骗|坑|套路|黑)`, 'u')

/**
 * True for a term that names what cheated someone: the agent after 被 (`说被网赌平台骗了三万`), or played before being
 * cheated in its clause (`他玩网赌被骗了两万`), in a message that does not pitch (see stillPitches: an offer, a
 * contact, `回血` keep `网赌被骗了？加我帮你回血` a hit).
 */
export function cheatedBy(term: TermAt): boolean {
  const cheated = (AGENT_BEFORE.test(term.before) && CHEATED_BY.test(term.after)) || CHEATED_AFTER.test(term.after)
  if (!cheated) return false
  const hit = { category: '', term: '', start: term.start, end: term.end, allowPhrase: false, kind: 'exact' as const }
  return !stillPitches(term.text, hit, term.allowDomains)
}
