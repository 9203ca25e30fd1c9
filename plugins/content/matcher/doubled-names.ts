import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'

/** A title of address after a pet name (薇薇姐, 伟伟哥, 丹丹老师): who the doubled character names. */
const TITLE_AFTER = /^(?:姐|哥|总|姨|叔|妹|老师|同学|师傅|阿姨)/u
/** An ideograph. */
const IDEOGRAPH = /^\p{Script=Han}$/u

/**
 * True for a hit whose last character is said again right after it and then a title of address: a pet name,
 * a person added or asked for (`记得加薇薇姐进项目群`, `找威威哥拿钥匙`; frec3). `加薇详聊` and `加薇薇，私聊` (no title)
 * stay hits, and so does a pet name the message gives an account, a number or an offer with (`加薇薇姐：abc12345`,
 * `加薇薇妹 188…`, `想看片的加薇薇姐`, `加薇薇姐，备注来意`: see stillPitches of pitch-guard.ts).
 */
export function namesByDoubledName(text: string, c: Candidate): boolean {
  const last = text[c.end - 1]
  if (text[c.end] !== last || !IDEOGRAPH.test(last) || !TITLE_AFTER.test(text.slice(c.end + 1, c.end + 4))) return false
  return !stillPitches(text, c) && !INVITED_BEFORE.test(text.slice(0, c.start))
}

/** Whoever wants something, right before the name (`想看片的加薇薇姐`): an invitation, not a colleague. */
const INVITED_BEFORE = /(?:想|要|需要)[^，,；;。！!？?\n]{0,6}的$/u
