import { FOLDED_LOOKALIKES } from './data/folded-lookalikes.js'

/**
 * Characters written by a component of theirs standing alone, which cjk-decomp gives as no swap of a component (虍 for
 * 虎: 老虍机). The component is a rare character of its own, in no everyday word.
 */
const BARE_COMPONENTS = '虍虎'

/**
 * Characters drawn like a common character, by the character they stand for, that the expansion tables cannot
 * hold: common ones (入 for 人: 成入视频; a common look-alike makes everyday words: 收入, 进入), and those that
 * normalisation folds to a third, common character (徵 for 微, folded to 征: 加我徵信; 征信 is a word), which
 * generate.ts derives (FOLDED_LOOKALIKES), and a component written for its character (see BARE_COMPONENTS). These
 * are read at scan time, in the text before folding, and a hit read so is review-only (see Compiled.scan).
 */
const COMMON_LOOKALIKES: Readonly<Record<string, string>> = {
  入: '人',
  ...pairsOf(BARE_COMPONENTS),
  ...pairsOf(FOLDED_LOOKALIKES),
}
/** The pairs of a string of characters back to back (徵微...), as look-alike -> character. */
function pairsOf(backToBack: string): Record<string, string> {
  const pairs: Record<string, string> = {}
  for (let i = 0; i + 1 < backToBack.length; i += 2) pairs[backToBack[i]] = backToBack[i + 1]
  return pairs
}
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
  return text.replace(LOOKALIKE, c => COMMON_LOOKALIKES[c])
}
