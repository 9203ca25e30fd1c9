/**
 * A rule that forbids handing something over, with 把 or 将 before it: `不要把报价单拷到个人电脑`, `严禁将合同发到外面的
 * 群`, `别把底价告诉客户`. The thing is kept back, not offered. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'
import { CLAUSE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'
import { invitedAfter } from './talked-about-offers.js'

/**
 * A prohibition, maybe a word of doing it on one's own, then 把 or 将, right before the hit: `不要把`, `严禁将`, `千万别
 * 私自把`, `请勿随意将`.
 */
const BAN_WITH_BA =
  /(?:不要|不能|不准|不许|不得|不可以?|禁止|严禁|切勿|请勿|勿|别|杜绝|千万别)(?:再|随意|随便|私自|擅自|私下|偷偷)?(?:把|将)$/u
/**
 * A verb of handing over, copying or taking out after the hit (past a noun's tail of up to four ideographs: 表,
 * 文件, 截图; no figure, which tells the secret): `拷到`, `拷贝`, `复制`, `发到`, `发给`, `传到`, `带出`, `拍照`, `告诉`,
 * `外传`, `泄露`, `转给`, `卖给`, `上传`, `导出`, `打印`, `截图`, `交给`, `透露`, `存到`. Not 当 or 看成 (`别把人当…`): a
 * name called then.
 */
const HANDED_AFTER =
  /^\p{Script=Han}{0,4}?(?:拷|复制|发到|发给|发去|发群|发出|传到|传给|外传|外发|外泄|带出|带走|带回家|拍照|拍下|拍给|告诉|泄露|透露|转给|转发|转到|卖给|上传|导出|打印|截图|交给|给外人|给客户|存到|存进|放到|贴到|贴在|晒)/u

/**
 * True for a hit forbidden to be handed over (see BAN_WITH_BA, HANDED_AFTER) in its clause: `不要把客户资料拷到自己
 * 电脑`, `严禁将进货价发到客户群`, `别把内部报价告诉对方`. A ban followed by an invitation or a handover to the reader
 * (`别把底价告诉别人，我私下发你`, see invitedAfter), a message that still pitches (see stillPitches) and a name called
 * (`别把人当傻子`) stay hits.
 */
export function forbidsHandover(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.start < 2 || (text[c.start - 1] !== '把' && text[c.start - 1] !== '将')) return false
  const before = text.slice(edgeBefore(text, c.start, CLAUSE_END), c.start)
  const after = text.slice(c.end, edgeAfter(text, c.end, CLAUSE_END))
  if (!BAN_WITH_BA.test(before) || !HANDED_AFTER.test(after)) return false
  return !invitedAfter(text, c.end) && !stillPitches(text, c, allowDomains)
}
