/**
 * A secret's leak told as an incident (issue #22, f45): `内部资料外泄的事查清楚了`, `客户名单泄露一事公司会追责`. The
 * leak is what happened, nothing is handed over. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillLeaks } from './secret-guard.js'

/**
 * Right after the hit, its leak made a noun of an incident: maybe 被 and who did it, a verb of leaking, taking or going
 * missing, then `的事`, `的事情`, `事件`, `一事`, `的问题`, `的情况`, `案`: `外泄的事`, `被泄露一事`, `流出的问题`,
 * `被同事拷走的事情`, `丢失事件`.
 */
const LEAK_EVENT =
  /^(?:被[^，,；;。！!？?\n]{0,3}?)?(?:外泄|泄露|泄漏|泄密|流出|外流|被盗|丢失|被偷|拍照传|拷走|传)(?:出去|出来)?(?:了)?(?:的(?:事情?|事故|问题|情况|案子|经过|原因|责任)|事件|一事|这件事|那件事|案)/u

/**
 * True for a confidential hit whose leak right after it is named as an incident (see LEAK_EVENT): `进货价外泄的事件还在
 * 调查`, `底价流出的问题老板很生气`. A stash, a handover, a turn to the speaker's exception or a value told
 * (`…的事别管了，我这有全套，私聊`, `…，名单我截图了`) and a message that still pitches keep the hit (see stillLeaks).
 */
export function toldAsLeak(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.category !== 'confidential' || !LEAK_EVENT.test(text.slice(c.end, c.end + 12))) return false
  return !stillLeaks(text, c, allowDomains)
}
