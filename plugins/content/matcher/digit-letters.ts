/** A letter beside 0 or 1: the one sign of a word that may write a letter as a digit (`lia0`, `J1anzhi`). */
const DIGIT_BY_LETTER = /[a-z][01]|[01][a-z]/i
/** A run of ASCII letters and digits, as a word in pinyin or a code is written. */
const LATIN_RUN = /[a-z0-9]+/gi
/** A consonant letter: 1 after one is the vowel i (`j1an`); elsewhere it starts a syllable as l (`1iao`). */
const CONSONANT = /[b-df-hj-np-tv-z]/i

/**
 * The text with the digits 0 and 1 read as the letters they are drawn like, inside words in letters
 * (`lia0` liao, `J1anzhi` jianzhi, `1uo liao` luo liao), or null when it has none: 0 is o, 1 is i after a
 * consonant (j1an) and l elsewhere (1iao). Only a word of three letters or more with at most two such
 * digits and no other digit is read so: codes and handles (`mm520`, `hg88`, `A10`) keep their digits.
 * The same length as the text, so offsets stay; the matcher scans it too, as it does textWithEmojiGaps.
 */
export function textWithDigitLetters(text: string): string | null {
  if (!DIGIT_BY_LETTER.test(text)) return null
  let changed = false
  const read = text.replace(LATIN_RUN, run => {
    const digits = run.replace(/[^0-9]/g, '')
    if (run.length - digits.length < 3 || digits.length > 2 || /[2-9]/.test(digits)) return run
    changed = true
    let out = ''
    for (let i = 0; i < run.length; i++) {
      const ch = run[i]
      if (ch === '0') out += 'o'
      else if (ch === '1') out += i > 0 && CONSONANT.test(run[i - 1]) ? 'i' : 'l'
      else out += ch
    }
    return out
  })
  return changed ? read : null
}
