import { validDay } from './zoned.js'

/** An inclusive range of calendar days (`YYYY-MM-DD`) in the configured timezone. */
export interface DayRange {
  from: string
  to: string
}

/** Days as typed by a person: the range, or why it cannot be used (zh-CN, for a chat answer or a page). */
export type DayRangeResult = { ok: true; range: DayRange } | { ok: false; error: string }

const DAY = String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`
const ONE = new RegExp(`^${DAY}$`)
const RANGE = new RegExp(String.raw`^(${DAY})\s*(?:~|～|至|到|--)\s*(${DAY})$`)

/**
 * Read a day `2026-11-30` (also `2026/11/30`, `2026.11.30`) or a range `2026-11-01~2026-11-30` (`～`, `至`, `到`,
 * `--`). Undefined when the text is not written like a date (a search word); an error when it is, but a day does not
 * exist (`2026-13-01`) or the range runs backwards: such text is never searched as a word.
 */
export function readDayRange(text: string): DayRangeResult | undefined {
  const s = text.trim()
  const range = RANGE.exec(s)
  if (!range && !ONE.test(s)) return undefined
  return checkDayRange(range ? range[1] : s, range ? range[2] : s)
}

/** Where a range's two days were typed: a chat command, a page's 从/到 date fields, a command line's --from/--to. */
export type DayRangeSource = 'chat' | 'pickers' | 'cli'

/**
 * Check a range given as two typed days: both real days, the first not after the second. A backwards range is
 * explained in the words of where they were typed (`source`): chat syntax, the page's 从/到 fields, or the options.
 */
export function checkDayRange(fromText: string, toText: string, source: DayRangeSource = 'chat'): DayRangeResult {
  const from = validDay(fromText.trim().replace(/[/.]/g, '-'))
  const to = validDay(toText.trim().replace(/[/.]/g, '-'))
  if (!from || !to) {
    const bad = (from ? toText : fromText).trim()
    return { ok: false, error: `${bad ? `「${bad}」不是有效的日期` : '缺少日期'}，请写成年-月-日，例如 2026-12-01。` }
  }
  if (from > to)
    return {
      ok: false,
      error:
        source === 'pickers'
          ? `「从」${from} 晚于「到」${to}：请把「从」改为 ${to}、「到」改为 ${from}。`
          : source === 'cli'
            ? `--from ${from} 晚于 --to ${to}，请对调两个日期。`
            : `日期范围的开始 ${from} 晚于结束 ${to}，请写成 ${to}~${from}。`,
    }
  return { ok: true, range: { from, to } }
}
