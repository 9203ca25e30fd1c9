/**
 * A prohibition of any form of a deed right before its term (`不准搞任何赌钱的活动`, `禁止任何形式的私单`): a rule, for
 * talkedAbout (talked-about.ts).
 */

import { invitedAfter } from './talked-about-offers.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/**
 * A prohibition, maybe a verb of holding or taking part, then any or every form, right before a term: `不准搞任何`,
 * `禁止任何形式的`, `严禁出现一切`, `不得有任何`.
 */
const FORBIDDEN_ANY =
  /(?:禁止|严禁|不准|不许|不允许|不得|杜绝|不要|不能)(?:搞|有|出现|参与|从事|进行|组织)?(?:任何|一切)(?:形式|方式|性质)?的?$/u

/**
 * True for a term forbidden in any form right before it (see FORBIDDEN_ANY), with no invitation or offer after it:
 * `年会可以玩游戏，但不准搞任何赌钱的活动`. `不准搞任何赌钱的活动，想玩的私聊` stays a hit.
 */
export function forbiddenInAnyForm(term: TermAt): boolean {
  return FORBIDDEN_ANY.test(term.before) && !invitedAfter(term.text, term.end) && unoffered(term)
}
