/**
 * Characters drawn like 一: those Unicode's confusables (confusables.txt) draw as 一 (its prototype ー: the em
 * dash, the horizontal bar, the box-drawing lines, the full-width hyphen-minus, the CJK stroke ㇐, the Hangul
 * vowel ㅡ and its jamo, the Latin epigraphic ꟷ; the test checks the list against the package), the katakana
 * prolonged sound mark ー itself, the en dash, the hyphens and the figure dash, and the bopomofo ㄧ (drawn as
 * 一 and read yi). Normalisation skips the dashes as separators.
 */
export const DASHES = '\u2014\u2015\u2500\u2501\uff0d\u31d0\u3161\u1173\ua7f7\u30fc\u2013\u2010\u2011\u2012\u3127'
/**
 * A dash of DASHES read as 一: between two ideographs (`第—品牌`), or before an ideograph where no ideograph
 * or dash comes before it (`—夜情` at the start of a text or after a space or a comma). A doubled dash (——, the
 * Chinese dash) and a dash after an ideograph that no ideograph follows (`销量第—，`) stay dashes.
 */
const DASH_ONE = new RegExp(`(?<![${DASHES}])[${DASHES}](?=\\p{Script=Han})`, 'gu')
/** Any dash of DASHES: the cheap test before DASH_ONE. */
const ANY_DASH = new RegExp(`[${DASHES}]`)

/**
 * The text with every dash drawn like 一 that stands for one read as 一 (see DASH_ONE: `第—品牌` 第一品牌,
 * `—夜情` 一夜情), or null when it has none. The same length as the text, so offsets stay; the matcher scans
 * it too, as it does textWithJoinedSplits, and reports what it finds there as look-alikes (a dash between two
 * characters of a term is otherwise a separator: `加—微—信` stays 加微信 in the text itself).
 */
export function textWithDashOnes(text: string): string | null {
  if (!ANY_DASH.test(text)) return null
  DASH_ONE.lastIndex = 0
  if (!DASH_ONE.test(text)) return null
  DASH_ONE.lastIndex = 0
  return text.replace(DASH_ONE, '一')
}
