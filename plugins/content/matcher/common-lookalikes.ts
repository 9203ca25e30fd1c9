import { FOLDED_LOOKALIKES } from './data/folded-lookalikes.js'
import { isWordOf } from './expansion-data.js'

/**
 * Characters written by a component of theirs standing alone, which cjk-decomp gives as no swap of a component (虍 for
 * 虎: 老虍机; 爰 for 援: 爰交, f52). The component is a rare character of its own, in no everyday word.
 */
const BARE_COMPONENTS = '虍虎爰援'

/**
 * Characters drawn like a common character, by the character they stand for, that the expansion tables cannot
 * hold: common ones (入 for 人: 成入视频, 目 for 日, 祝 for 视; a common look-alike makes everyday words: 收入, 进入), and those that
 * normalisation folds to a third, common character (徵 for 微, folded to 征: 加我徵信; 征信 is a word), which
 * generate.ts derives (FOLDED_LOOKALIKES), and a component written for its character (see BARE_COMPONENTS). These
 * are read at scan time, in the text before folding, and a hit read so is review-only (see Compiled.scan).
 */
const COMMON_LOOKALIKES: Readonly<Record<string, string>> = {
  入: '人',
  // 目 for 日 (目赚五百) and 祝 for 视 (成人祝频), outside words of their own: see WORD_BOUND.
  目: '日',
  祝: '视',
  // 笫 (a bed's mat, in 床笫 only) for 第: 国内笫一品牌 (f48).
  笫: '第',
  // 水 for 永 (水久有效; f45), outside words of its own as 目 and 祝.
  水: '永',
  // 卜 (a stroke short of 下) for 下 (卜注, 私卜交易; f5051), outside words of its own (占卜, 萝卜, 卜卦).
  卜: '下',
  // 授 for 援, one stroke group apart (学生妹授交; f52), outside words of its own (教授, 授课, 传授, 授权).
  授: '援',
  ...pairsOf(BARE_COMPONENTS),
  ...pairsOf(FOLDED_LOOKALIKES),
}
/** The pairs of a string of characters back to back (徵微...), as look-alike -> character. */
function pairsOf(backToBack: string): Record<string, string> {
  const pairs: Record<string, string> = {}
  for (let i = 0; i + 1 < backToBack.length; i += 2) pairs[backToBack[i]] = backToBack[i + 1]
  return pairs
}
/**
 * Look-alikes of COMMON_LOOKALIKES read as another character only where they make no word with a neighbour (项目,
 * 目前, 祝贺, 庆祝, 床笫, 喝水, 水果, 萝卜, 占卜, 教授, 授课): there they are themselves (`这个项目赚了不少` holds no 日赚).
 */
const WORD_BOUND = new Set('目祝笫水卜授')
/** The look-alikes of COMMON_LOOKALIKES, one string. */
export const COMMON_LOOKALIKE_CHARACTERS = Object.keys(COMMON_LOOKALIKES).join('')
const LOOKALIKE = new RegExp(`[${COMMON_LOOKALIKE_CHARACTERS}]`, 'g')

/**
 * The text with every common look-alike of COMMON_LOOKALIKES read as the character it stands for (成入 成人),
 * or null when it has none. The same length as the text, so offsets stay; the matcher scans it too, as it
 * does textWithDashOnes.
 */
export function textWithCommonLookalikes(text: string): string | null {
  LOOKALIKE.lastIndex = 0
  if (!LOOKALIKE.test(text)) return null
  LOOKALIKE.lastIndex = 0
  const read = text.replace(LOOKALIKE, (c: string, at: number) =>
    WORD_BOUND.has(c) && inWord(text, at) ? c : COMMON_LOOKALIKES[c],
  )
  return read === text ? null : read
}

/** True if the character at `at` makes a word with the one before it or the one after it. */
function inWord(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return (
    (at > 0 && isWordOf(text.charCodeAt(at - 1), code)) ||
    (at + 1 < text.length && isWordOf(code, text.charCodeAt(at + 1)))
  )
}
