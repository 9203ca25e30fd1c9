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
 * (`七`, `两`, `十五`, `二十`, `一百零五`, `半` = 0.5). Undefined when it is neither.
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
  return (hundreds ? DIGITS[hundreds] * 100 : 0) + tens * 10 + (ones ? DIGITS[ones] : 0)
}

/** The leading count of a word like `七天` or `3天`, and the rest (the unit); undefined when none. */
export function splitCount(text: string): { count: number; rest: string } | undefined {
  const m = /^\s*(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百半]+)\s*(.*)$/.exec(text)
  const count = m ? readCount(m[1]) : undefined
  return m && count !== undefined ? { count, rest: m[2] } : undefined
}
