/**
 * The speaker's own contact offer after a warning of impostors: the warning quotes what the impostors do, a later
 * clause of the speaker's that asks the reader to reach the speaker is an offer all the same
 * (`有人冒充客服，提醒大家，要买的加我微信`).
 */

/** The reader asked to reach the speaker: `加我`, `联系我`, `找我`, `私我`, `我微信`, `我的vx`. */
const REACH_SPEAKER = /(?:加|联系|找|私|滴|扣|戳|call)我|我的?(?:微信|vx|wx|v信|威信|电话|手机|qq|QQ)/iu
/** What reports someone else's words or asks in the hit's clause: `让你`, `叫大家`, `说`, `称`, `要求`, `冒充`. */
const REPORTED = /让|叫|说|称|要求|冒充|假冒|假扮|冒用|伪装成|骗/u
/** What ends a clause. */
const CLAUSE_END = /[，,；;。！!？?\n]/u

/**
 * True for a hit in a clause of its own after the warning that asks the reader to reach the speaker (REACH_SPEAKER
 * within the hit's clause), with no one else's words reported in that clause before it (REPORTED): the speaker's
 * offer, not the impostor's doing. `有人冒充客服让你加我微信` (the impostor's words, one clause) stays the report.
 */
export function speakerOffersAfterWarning(text: string, start: number, end: number): boolean {
  let from = start
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--
  if (from === 0) return false
  let to = end
  while (to < text.length && !CLAUSE_END.test(text[to])) to++
  if (REPORTED.test(text.slice(from, start))) return false
  return REACH_SPEAKER.test(text.slice(from, to))
}
