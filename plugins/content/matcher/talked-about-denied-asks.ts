/**
 * Something someone else passed on and asked the speaker about, whether it is the company's, answered no: `客户转发了
 * 一个X链接问是不是我们家的，不是`. The speaker disowns it, offers nothing. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'
import { SENTENCE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'

/**
 * Someone else who passed a thing on, before the hit in its sentence: `客户转发了一个`, `有个业主发来`, `朋友转给我一条`,
 * `顾客收到一个`.
 */
const PASSED_ON =
  /(?:客户|顾客|客人|有人|有个[^，,；;。！!？?\n]{0,3}?人|对方|朋友|家长|业主|同事|群友|网友|用户|买家|老人)[^，,；;。！!？?\n]{0,6}?(?:转发|转来|转给|转了|发来|发给|发了|收到|截图)/u
/**
 * The question asked about it, later in its sentence: whether it is ours, a partner's, official (`问是不是合作方`, `问
 * 是不是你们的`, `问是否官方的`).
 */
const ASKED_OURS =
  /问(?:我们?|一下)?(?:是不是|是否|是)[^，,；;。！!？?\n]{0,6}?(?:我们|咱们|你们|合作|官方|公司|本店|正规|真的)/u
/** The speaker's answer, a bare no ending the sentence: `，不是`, `，不是的`, `。并不是`, `，没合作`. */
const ANSWERED_NO =
  /[，,。；;]\s*(?:不是|并不是|都不是|没有合作|没合作|没有|不是我们的?)(?:的|啊|哈|哦|呢)?[。！!.～~]?\s*$/u

/**
 * True for a hit someone else passed on (see PASSED_ON) whose sentence asks whether it is ours (see ASKED_OURS) and
 * ends in the speaker's bare no (see ANSWERED_NO): `业主转给我一个X链接问是不是我们的活动，不是`. A question left
 * unanswered, an answer that offers (`不是，找我买`) and a message that still pitches (see stillPitches) stay hits.
 */
export function answersNotOurs(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  const from = edgeBefore(text, c.start, SENTENCE_END)
  if (!PASSED_ON.test(text.slice(from, c.start))) return false
  const rest = text.slice(c.end)
  const asked = ASKED_OURS.exec(rest.slice(0, edgeAfter(rest, 0, SENTENCE_END)))
  if (asked === null || !ANSWERED_NO.test(rest.slice(asked.index))) return false
  return !stillPitches(text, c, allowDomains)
}
