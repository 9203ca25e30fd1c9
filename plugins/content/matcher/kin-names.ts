import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { wordTables } from './expansion-data.js'
import { pitchesOrAims } from './pitch-guard.js'

/**
 * A child's or a parent's name at a school or a kindergarten: a swap form whose swapped first character is a
 * surname, maybe one more given character, then a word for a child or a kin (`罗廖奶奶`, `司丹妈妈`). Decided per
 * hit from the characters after it.
 */

/** A swapped surname reads as a name only in a term of at most this many characters (a surname and a given one or two). */
const NAME_LENGTH = 3
/**
 * A child, a pupil or a kin after a name, past at most one more given character (what surname-names.ts' titles leave
 * out): 小朋友, 宝宝, 宝贝, 妈妈, 爸爸, 家长, 奶奶, 爷爷, 外婆, 姥姥…
 */
const KIN_AFTER =
  /^[^\P{Script=Han}的是和跟与给找问让叫请被把对向在了就都也还要去来]?(?:小朋友|宝宝|宝贝|妈妈|爸爸|家长|奶奶|爷爷|外婆|外公|姥姥|姥爷|小姐姐|哥哥|姐姐|弟弟|妹妹|的(?:妈妈|爸爸|家长|奶奶|爷爷))/u

/**
 * True for a homophone, toneless or look-alike hit of a term of up to NAME_LENGTH characters whose swapped first
 * character is a surname, before a word for a child or a kin (see KIN_AFTER): `袁交宇小朋友的书包`, `罗廖奶奶来接了`. A
 * message that still pitches or aims the hit at someone (see pitchesOrAims: `曲思妈妈，加我V信`, `@王五 沙比妈妈`) keeps the hit.
 */
export function namesByKin(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined) return false
  const form = [...c.form]
  const term = [...c.term]
  if (term.length > NAME_LENGTH || form.length !== term.length || form[0] === term[0]) return false
  if (!wordTables().surnames.has(form[0])) return false
  return KIN_AFTER.test(text.slice(c.end, c.end + 5)) && !pitchesOrAims(text, c, allowDomains)
}
