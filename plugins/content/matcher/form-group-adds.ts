/**
 * A pet name added to a group (`我刚加薇薇进客户群了`: 加薇, then 薇 again, then into a group): a colleague put in a
 * group, not an account to add. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'

/** An ideograph. */
const IDEOGRAPH = /^\p{Script=Han}$/u
/** Into a group after the pet name, maybe named (`进客户群`, `拉进项目群`, `到群里`), maybe done (`了`, not `了解`). */
const INTO_GROUP = /^(?:拉)?(?:进|到|入)了?[^，,；;。！!？?\n]{0,6}?群(?:里|聊)?(了(?!解))?/u
/** Who did it or when, right before the hit: `我刚`, `已经`, `她昨天`, `帮你`. */
const DONE_BEFORE = /(?:我|他|她|我们|刚|刚刚|已|已经|昨天|今天|早上|帮你|帮她|帮他)$/u

/**
 * True for a hit whose last character is said again right after it (a pet name) and who is put into a group after
 * that (see INTO_GROUP), done by someone named before it or told done (`了`): `我刚加薇薇进客户群了`, `已经加薇薇到项目群`.
 * `加薇薇进群领红包` (no one did it), `加薇薇进群了解详情` and a message that still pitches (see
 * stillPitches: `我刚加薇薇进群了，想要的私聊`) stay hits.
 */
export function addsToGroup(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  const last = text[c.end - 1]
  if (text[c.end] !== last || !IDEOGRAPH.test(last) || !c.term.startsWith('加')) return false
  const into = INTO_GROUP.exec(text.slice(c.end + 1, c.end + 12))
  if (into === null || (into[1] === undefined && !DONE_BEFORE.test(text.slice(0, c.start)))) return false
  return !stillPitches(text, c, allowDomains)
}
