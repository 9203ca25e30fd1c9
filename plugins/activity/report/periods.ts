import { addDays, dayKey, zonedInstant, zonedParts } from '../../../bot/time/zoned.js'

/** A reporting period: inclusive day keys and a Chinese label. */
export interface Period {
  from: string
  to: string
  label: string
}

/** Names of the periods commands accept. */
export type PeriodName = 'today' | 'week' | 'month'

const WORDS: Record<string, PeriodName> = {
  今日: 'today',
  今天: 'today',
  today: 'today',
  本周: 'week',
  这周: 'week',
  week: 'week',
  本月: 'month',
  这个月: 'month',
  month: 'month',
}

/** The period a command word names, if any. */
export function parsePeriodWord(word: string): PeriodName | undefined {
  return WORDS[word.toLowerCase()]
}

const WEEKDAY_LABEL = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** `11月30日 周一` for a day key. */
export function dayLabel(day: string, tz: string): string {
  const p = zonedParts(zonedInstant(day, '12:00', tz), tz)
  return `${p.month}月${p.day}日 ${WEEKDAY_LABEL[p.weekday]}`
}

/** Today, this week (Monday to today) or this month (1st to today) in `tz`. */
export function periodRange(name: PeriodName, now: number, tz: string): Period {
  const today = dayKey(now, tz)
  if (name === 'today') return { from: today, to: today, label: `今日（${dayLabel(today, tz)}）` }
  if (name === 'week') {
    const weekday = zonedParts(now, tz).weekday
    const from = addDays(today, -((weekday + 6) % 7))
    return { from, to: today, label: `本周（${from.slice(5)} 至 ${today.slice(5)}）` }
  }
  const from = `${today.slice(0, 8)}01`
  return { from, to: today, label: `本月（${from.slice(5)} 至 ${today.slice(5)}）` }
}

/** Every day key from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to && out.length < 3700; d = addDays(d, 1)) out.push(d)
  return out
}
