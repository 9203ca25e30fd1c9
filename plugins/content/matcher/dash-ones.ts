/**
 * Dashes drawn like 一 (the em dash, the horizontal bar, the box-drawing line, the en dash, the full-width
 * hyphen-minus, the katakana prolonged sound mark): normalisation skips them as separators.
 */
export const DASHES = '\u2014\u2015\u2500\u2013\uff0d\u30fc'
/** A dash of DASHES between two ideographs (`第—品牌`): a text without one has no 一 written as a dash. */
const DASH_BETWEEN_IDEOGRAPHS = new RegExp(`(?<=\\p{Script=Han})[${DASHES}](?=\\p{Script=Han})`, 'gu')
/** Any dash of DASHES: the cheap test before DASH_BETWEEN_IDEOGRAPHS. */
const ANY_DASH = new RegExp(`[${DASHES}]`)

/**
 * The text with every dash drawn like 一 between two ideographs read as 一 (`第—品牌` 第一品牌), or null when it
 * has none. The same length as the text, so offsets stay; the matcher scans it too, as it does
 * textWithJoinedSplits, and reports what it finds there as look-alikes (a dash between two characters of a
 * term is otherwise a separator: `加—微—信` stays 加微信 in the text itself).
 */
export function textWithDashOnes(text: string): string | null {
  if (!ANY_DASH.test(text)) return null
  DASH_BETWEEN_IDEOGRAPHS.lastIndex = 0
  if (!DASH_BETWEEN_IDEOGRAPHS.test(text)) return null
  DASH_BETWEEN_IDEOGRAPHS.lastIndex = 0
  return text.replace(DASH_BETWEEN_IDEOGRAPHS, '一')
}
