/** The measure words a noun after 是 takes in speech: 是个骗子, 是一个骗子. */
const MEASURE_WORDS = ['个', '一个']

/** Ideographs of the CJK Unified Ideographs block, one UTF-16 unit each. */
const IDEOGRAPHS = /^[\u4e00-\u9fff]+$/

/**
 * The ways a term saying what someone or something is (`老板是骗子`, `产品是垃圾`) is said with a measure
 * word before the noun: `老板是个骗子`, `老板是一个骗子`. Only for a term of ideographs with one character
 * or more before 是 and two or more after it (the noun of a name-calling; `是否` or a term ending 是X is no
 * such sentence), whose noun has no measure word yet. The forms are the term's own (the same hit as the
 * term, read as normalised), not an expansion.
 */
export function measureWordForms(term: string): string[] {
  if (!IDEOGRAPHS.test(term)) return []
  const at = term.indexOf('是')
  if (at < 1 || term.length - at - 1 < 2) return []
  const noun = term.slice(at + 1)
  if (MEASURE_WORDS.some(w => noun.startsWith(w))) return []
  return MEASURE_WORDS.map(w => `${term.slice(0, at + 1)}${w}${noun}`)
}
