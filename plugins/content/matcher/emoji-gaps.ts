import { EMOJI_READINGS } from './data/emoji-readings.js'
import { HUNDRED_POINTS } from './fold-table.js'

/** The emoji outside the BMP that normalisation reads as a character (🐷 猪, 🐎 马) or a number (💯): see fold-table.ts. */
const READING_EMOJI = new RegExp(
  `[${[...EMOJI_READINGS].filter((c, i) => i % 2 === 0 && c.codePointAt(0)! > 0xffff).join('')}${HUNDRED_POINTS}]`,
  'gu',
)

/**
 * The text with every emoji outside the BMP that reads as a character blanked (one space per UTF-16 unit,
 * so offsets stay), or null when it has none. An emoji put between the characters of a term as decoration
 * (`蠢🐷货`: 蠢货, not 蠢猪货) is read as a character by normalisation; the matcher scans this text too, where
 * the emoji is a separator, as every other emoji is. Such emoji send a text down the scan's slow path
 * (a plane-1 character that is not skipped), so only those texts are tested.
 */
export function textWithEmojiGaps(text: string): string | null {
  READING_EMOJI.lastIndex = 0
  if (!READING_EMOJI.test(text)) return null
  return text.replace(READING_EMOJI, emoji => ' '.repeat(emoji.length))
}
