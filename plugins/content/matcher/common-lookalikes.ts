/**
 * Common characters drawn like another common character, by the character they stand for (入 for 人: 成入视频).
 * The expansion tables take only rare look-alikes (a common one makes everyday words: 收入, 进入), so these
 * are read at scan time instead, and a hit read so is review-only (see Compiled.scan).
 */
const COMMON_LOOKALIKES: Readonly<Record<string, string>> = { 入: '人' }
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
