import { addDays, dayKey } from '../../../bot/time/zoned.js'
import { looksLikeClock, parseClock, parseDay, weekdayOf, WHEN_EXAMPLES } from '../../../bot/time/time-args.js'

/** Word that lets a post go out on a weekend or statutory holiday. */
export const ANY_DAY_WORD = '节假日照发'

/** Parsed `#排期 添加` arguments. */
export interface PostRequest {
  day: string
  time?: string
  anyDay: boolean
  body: string
  /** `| 图片 [名称]`: '' asks for the image just sent to the bot, a name for a media-folder file. */
  image?: string
}

/** Read `<日期> [HH:mm] [节假日照发] <内容> [| 图片 [名称]]`. */
export function parsePostArgs(
  args: string,
  now: number,
  tz: string,
): { ok: true; req: PostRequest } | { ok: false; error: string } {
  const [main, ...extras] = args.split(/\s*[|｜]\s*/)
  const words = main.trim().split(/\s+/)
  const day = parseDay(words[0] ?? '', now, tz)
  if (!day) return { ok: false, error: `无法识别的日期「${words[0] ?? ''}」。${WHEN_EXAMPLES}` }
  let i = 1
  const time = parseClock(words[i] ?? '')
  if (time) i++
  else if (looksLikeClock(words[i] ?? '')) return { ok: false, error: `无效的时间「${words[i]}」，例如 08:30、8点半。` }
  const anyDay = words[i] === ANY_DAY_WORD
  if (anyDay) i++
  const body = words.slice(i).join(' ').trim()
  if (!body) return { ok: false, error: '缺少排期内容。' }
  const imageExtra = extras.map(e => /^图片[:：]?\s*(.*)$/.exec(e.trim())).find(Boolean)
  return { ok: true, req: { day, time, anyDay, body, image: imageExtra?.[1].trim() } }
}

/** Monday..Sunday of this week (or next week) as day keys. */
export function weekRange(now: number, tz: string, next: boolean): [string, string] {
  const today = dayKey(now, tz)
  const monday = addDays(today, -((weekdayOf(today, tz) + 6) % 7) + (next ? 7 : 0))
  return [monday, addDays(monday, 6)]
}
