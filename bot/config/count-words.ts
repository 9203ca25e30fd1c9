const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/**
 * A count as people write it where durations are read: Arabic digits (`7`, `1.5`) or Chinese numerals up to 999
 * (`七`, `两`, `十五`, `二十`, `一百零五`, `一百五` = 150, `半` = 0.5). Undefined when it is neither.
 */
export function readCount(text: string): number | undefined {
  const s = text.trim()
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s)
  if (s === '半') return 0.5
  const m = /^(?:([一二两三四五六七八九])百)?(零)?(?:([一二两三四五六七八九])?(十))?([一二两三四五六七八九])?$/.exec(s)
  if (!m || !s) return undefined
  const [, hundreds, zero, tensDigit, ten, ones] = m
  if (zero && !hundreds) return undefined
  const tens = ten ? (tensDigit ? DIGITS[tensDigit] : 1) : 0
  // 一百五 is 150 as people say it (一百五十); 一百零五 is 105.
  if (hundreds && !zero && !ten && ones) return DIGITS[hundreds] * 100 + DIGITS[ones] * 10
  return (hundreds ? DIGITS[hundreds] * 100 : 0) + tens * 10 + (ones ? DIGITS[ones] : 0)
}

/** The leading count of a word like `七天` or `3天`, and the rest (the unit); undefined when none. */
export function splitCount(text: string): { count: number; rest: string } | undefined {
  const m = /^\s*(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百半]+)\s*(.*)$/.exec(text)
  const count = m ? readCount(m[1]) : undefined
  return m && count !== undefined ? { count, rest: m[2] } : undefined
}

/**
 * A whole count from 1 to 999 followed by a unit `unit` accepts (`7天`, `七天`, `十个工作日`, or `7` when the unit may
 * be left out): how commands read a number of days. Undefined otherwise.
 */
export function wholeCount(word: string, unit: RegExp): number | undefined {
  const split = splitCount(word)
  return split && unit.test(split.rest) && Number.isInteger(split.count) && split.count >= 1 && split.count < 1000
    ? split.count
    : undefined
}
