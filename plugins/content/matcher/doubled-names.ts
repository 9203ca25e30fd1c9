import type { Candidate } from './allow-filter.js'

/** A title of address after a pet name (薇薇姐, 伟伟哥, 丹丹老师): who the doubled character names. */
const TITLE_AFTER = /^(?:姐|哥|总|姨|叔|妹|老师|同学|师傅|阿姨)/u
/** An ideograph. */
const IDEOGRAPH = /^\p{Script=Han}$/u

/**
 * True for a hit whose last character is said again right after it and then a title of address: a pet name,
 * a person added or asked for (`记得加薇薇姐进项目群`, `找威威哥拿钥匙`; frec3). `加薇详聊` and `加薇薇，私聊` (no title)
 * stay hits.
 */
export function namesByDoubledName(text: string, c: Candidate): boolean {
  const last = text[c.end - 1]
  return text[c.end] === last && IDEOGRAPH.test(last) && TITLE_AFTER.test(text.slice(c.end + 1, c.end + 4))
}
