import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'

/**
 * A word of days ending in 日 whose last two characters make no word of their own (礼拜日, 星期日, 工作日, 休息日,
 * 纪念日, 交易日, 结算日, 节假日, 双休日): the segmenter and CC-CEDICT's pairs do not see it (see cutsWords).
 */
const DAY_WORD = /(?:礼拜|星期|工作|休息|纪念|交易|结算|节假|双休|发薪|开学|开放|体验)$/u

/** A figure right after the hit: the sum a day earns, promised (`工作日赚五百`, `双休日赚800`). */
const FIGURE_AFTER = /^[0-9０-９一二两三四五六七八九十百千万几]/u

/**
 * True for a hit starting with 日 that closes a word of days before it (see DAY_WORD): the day is when
 * something happened (`星期日赚的钱都存起来了`, `工作日赚的比周末多`), no earnings a day promised. A message that still
 * pitches outside the hit (see stillPitches: `星期日赚了两千，想学的私信我`) or gives the sum right after it (see
 * FIGURE_AFTER: `工作日赚五百，周末翻倍`) keeps the hit.
 */
export function endsDayWord(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (text[c.start] !== '日') return false
  if (!DAY_WORD.test(text.slice(Math.max(0, c.start - 2), c.start))) return false
  if (FIGURE_AFTER.test(text.slice(c.end))) return false
  // The hit is blanked for the guard: 日赚 is itself among its pitches, which is what is asked here.
  const rest = text.slice(0, c.start) + ' '.repeat(c.end - c.start) + text.slice(c.end)
  return !stillPitches(rest, c, allowDomains)
}
