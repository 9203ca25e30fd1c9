/**
 * A letter beside 0 or 1, or 3 between letters, maybe a space apart: the one sign of a word that may write a letter
 * as a digit (`lia0`, `J1anzhi`, `q 1 n g`, `ch3ng`).
 */
const DIGIT_BY_LETTER = /[a-z] ?[01]|[01] ?[a-z]|[a-z] ?3 ?[a-z]/i
/** A letter: 3 between two is e (`ch3ng`). */
const LETTER = /[a-z]/i
/**
 * A word in pinyin or a code: letters spaced out one by one (`s e q 1 n g`, three or more), else a run of
 * ASCII letters and digits.
 */
const LATIN_RUN = /(?:[a-z0-9] ){2,}[a-z0-9](?![a-z0-9])|[a-z0-9]+/gi
/** A consonant letter: 1 after one is the vowel i (`j1an`). */
const CONSONANT = /[b-df-hj-np-tv-z]/i
/** A vowel letter: 1 before one, and after no consonant, starts a syllable as l (`1iao`). */
const VOWEL = /[aeiouv]/i

/**
 * The text with the digits 0, 1 and 3 read as the letters they are drawn like, inside words in letters
 * (`lia0` liao, `J1anzhi` jianzhi, `1uo liao` luo liao, `we1xin` weixin, `ch3ng` cheng), also when the letters are
 * spaced out one by one (`s e q 1 n g`), or null when it has none: 0 is o; 1 is l where it starts a syllable (no
 * consonant before it, a vowel after it: `1iao`) and i elsewhere (`j1an`, `we1xin`); 3 is e between two letters
 * (a 3 anywhere else keeps the word's digits: `abc3`, `3d`). Only a word of three
 * letters or more with at most two such digits and no other digit is read so: codes and handles (`mm520`,
 * `hg88`, `A10`) keep their digits. The same length as the text, so offsets stay; the matcher scans it
 * too, as it does textWithEmojiGaps.
 */
export function textWithDigitLetters(text: string): string | null {
  if (!DIGIT_BY_LETTER.test(text)) return null
  let changed = false
  const read = text.replace(LATIN_RUN, run => {
    const chars = run.replace(/ /g, '')
    const digits = chars.replace(/[^0-9]/g, '')
    if (chars.length - digits.length < 3 || digits.length > 2 || /[2456789]/.test(digits)) return run
    if (
      digits.includes('3') &&
      ![...chars].every((ch, k) => ch !== '3' || (LETTER.test(chars[k - 1] ?? '') && LETTER.test(chars[k + 1] ?? '')))
    )
      return run
    changed = true
    let out = ''
    for (let i = 0, k = 0; i < run.length; i++) {
      const ch = run[i]
      if (ch === ' ') {
        out += ch
        continue
      }
      if (ch === '0') out += 'o'
      else if (ch === '3') out += 'e'
      else if (ch === '1') {
        const startsSyllable = !(k > 0 && CONSONANT.test(chars[k - 1])) && VOWEL.test(chars[k + 1] ?? '')
        out += startsSyllable ? 'l' : 'i'
      } else out += ch
      k++
    }
    return out
  })
  return changed ? read : null
}
