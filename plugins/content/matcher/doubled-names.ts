import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { wordTables } from './expansion-data.js'
import { pitchesOrAims, stillPitches } from './pitch-guard.js'

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

/**
 * A word right before a hit that puts the term there, not a name: a classifier, a pointer, a pronoun, a verb of seeking,
 * meeting or adding (`你个沙比比`, `找罗聊聊`, `约罗聊聊`).
 */
const TERM_BEFORE = /[个是这那些我你他她们找约加玩买做当像就真]$/u

/**
 * True for a swap form of a term of two characters whose swapped first character is a surname and whose last
 * character is said again right after it: a full name of a surname and a doubled given name (`曲思思那台高尔夫`: 去死
 * written 曲思, then 思 again). Not after a word that puts the term there (TERM_BEFORE: `你个沙比比`), and not in a
 * message that still pitches or aims an insult at someone (see pitchesOrAims).
 */
export function namesByDoubledGivenName(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined) return false
  const form = [...c.form]
  const term = [...c.term]
  if (term.length !== 2 || form.length !== 2 || form[0] === term[0] || text[c.end] !== form[1]) return false
  if (!wordTables().surnames.has(form[0]) || TERM_BEFORE.test(text.slice(Math.max(0, c.start - 1), c.start)))
    return false
  return !pitchesOrAims(text, c, allowDomains)
}
