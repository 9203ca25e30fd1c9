import { readDayRange } from '../../../bot/time/day-range.js'
import { periodFromWord, rangeInstants, type DayRange } from '../digest/period.js'

/** A parsed `#案例 搜索` request: free text plus filters. */
export interface SearchQuery {
  /** The words to look for (may be empty: then the newest matching cases are listed). */
  text: string
  tag?: string
  author?: string
  product?: string
  range?: DayRange
  /** Instants bounding `range`: [from, to). */
  from?: number
  to?: number
  /** A word written like a date is not a valid day or range: answered with this (zh-CN), nothing searched. */
  invalidDate?: string
}

const FILTER = /^(标签|tag|作者|author|产品|product)[:：](.+)$/i
const KEY: Record<string, 'tag' | 'author' | 'product'> = {
  标签: 'tag',
  tag: 'tag',
  作者: 'author',
  author: 'author',
  产品: 'product',
  product: 'product',
}

/**
 * Split search arguments into text and filters: `标签:成交`, `作者:张三`,
 * `产品:净水器`, date words (`本周`, `2026-11-01~2026-11-30`…; one written like a date that is not a valid day or
 * range sets `invalidDate`). Everything else is search text, taken literally (no regex or query syntax).
 */
export function parseSearchArgs(args: string, now: number, tz: string): SearchQuery {
  const q: SearchQuery = { text: '' }
  const words: string[] = []
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const f = FILTER.exec(word)
    const period = f ? undefined : periodFromWord(word, now, tz)
    const days = f ? undefined : readDayRange(word)
    if (days && !days.ok) q.invalidDate ??= days.error
    else if (f) q[KEY[f[1].toLowerCase()]] = f[2].replace(/^[#＃]/, '').trim()
    else if (period) q.range = period
    else words.push(word)
  }
  q.text = words.join(' ')
  if (q.range) Object.assign(q, rangeInstants(q.range, tz))
  return q
}
