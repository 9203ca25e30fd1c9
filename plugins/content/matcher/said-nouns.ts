/** Ideographs of the CJK Unified Ideographs block, one UTF-16 unit each. */
export const IDEOGRAPHS = /^[\u4e00-\u9fff]+$/

/**
 * Where the noun of a term saying what someone or something is starts (`老板是骗子`: 3, at 骗): a term of ideographs
 * with one character or more before 是 and two or more after it; -1 for any other term.
 */
export function nounSaidOf(term: string): number {
  if (!IDEOGRAPHS.test(term)) return -1
  const at = term.indexOf('是')
  return at < 1 || term.length - at - 1 < 2 ? -1 : at + 1
}
