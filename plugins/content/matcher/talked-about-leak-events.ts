/**
 * A secret's leak told as an incident (issue #22, f45): `内部资料外泄的事查清楚了`, `客户名单泄露一事公司会追责`. The
 * leak is what happened, nothing is handed over. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesAround, pitchesBeside, stillPitches } from './pitch-guard.js'
import { invitedAfter } from './talked-about-offers.js'

/**
 * Right after the hit, its leak made a noun of an incident: maybe 被, a verb of leaking or going missing, then
 * `的事`, `的事情`, `事件`, `一事`, `的问题`, `的情况`, `案`: `外泄的事`, `被泄露一事`, `流出的问题`, `丢失事件`.
 */
const LEAK_EVENT =
  /^(?:被[^，,；;。！!？?\n]{0,3}?)?(?:外泄|泄露|泄漏|泄密|流出|外流|被盗|丢失|被偷|拍照传|拷走|传)(?:出去|出来)?(?:了)?(?:的(?:事情?|事故|问题|情况|案子|经过|原因|责任)|事件|一事|这件事|那件事|案)/u

/** The speaker's own stash or a handover beside it: `我这有全套`, `要的找我`. */
const OWN_STASH = /我(?:这里?|这边|手上|手里)(?:有|还有|都有)|找我|私聊|私我|发你|给你/u

/**
 * True for a confidential hit whose leak right after it is named as an incident (see LEAK_EVENT): `进货价外泄的事件还在
 * 调查`, `底价流出的问题老板很生气`. The speaker's stash or a handover (`…的事别管了，我这有全套，私聊`, see OWN_STASH,
 * invitedAfter) and a message that still pitches (see stillPitches, pitchesAround, pitchesBeside) keep the hit.
 */
export function toldAsLeak(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.category !== 'confidential' || !LEAK_EVENT.test(text.slice(c.end, c.end + 12))) return false
  if (OWN_STASH.test(text) || invitedAfter(text, c.end)) return false
  const rest = `${text.slice(0, c.start)}${'　'.repeat(c.end - c.start)}${text.slice(c.end)}`
  return (
    !stillPitches(rest, c, allowDomains) && !pitchesAround(text, c.start, c.end) && !pitchesBeside(text, c.start, c.end)
  )
}
