import { parse, validateDetailed } from 'node-cron'
import { addDays, dayKey, zonedInstant, zonedParts } from './zoned.js'
import type { WorkCalendar } from './workdays.js'

/** A cron expression compiled once (node-cron's parser) for next-run arithmetic in a timezone. */
export interface CompiledCron {
  expression: string
  next(after: number): number | undefined
}

/** Validate and compile a cron expression; throws with node-cron's field messages when invalid. */
export function compileCron(expression: string, tz: string, calendar?: WorkCalendar): CompiledCron {
  const check = validateDetailed(expression)
  if (!check.valid) throw new Error(`invalid cron "${expression}": ${check.errors.map(cronProblem).join('; ')}`)
  const f = parse(expression)
  const dom = new Set(f.dayOfMonth.map(Number))
  const dow = new Set(f.dayOfWeek.map(d => Number(d) % 7))
  const domAll = dom.size >= 31
  const dowAll = dow.size >= 7
  const seconds = [...f.second].sort((a, b) => a - b)
  const times = f.hour.flatMap(h => f.minute.map(m => `${pad(h)}:${pad(m)}`)).sort()
  const dayMatches = (day: string, weekday: number, date: number, month: number) => {
    if (!f.month.includes(month)) return false
    const byDom = dom.has(date)
    const byDow = dow.has(weekday)
    const ok = domAll ? byDow : dowAll ? byDom : byDom || byDow
    return ok && (!calendar || calendar.isWorkday(day))
  }
  return {
    expression,
    next(after: number) {
      let day = dayKey(after, tz)
      for (let i = 0; i < 400; i++, day = addDays(day, 1)) {
        const p = zonedParts(zonedInstant(day, '12:00', tz), tz)
        if (!dayMatches(day, p.weekday, p.day, p.month)) continue
        for (const t of times) {
          for (const sec of seconds) {
            const at = zonedInstant(day, t, tz) + sec * 1000
            if (at > after) return at
          }
        }
      }
      return undefined
    },
  }
}

/** node-cron's fields: Chinese and English names and what each allows. */
const CRON_FIELDS: Record<string, { zh: string; en: string; allowed: string }> = {
  second: { zh: '秒', en: 'second', allowed: '0-59' },
  minute: { zh: '分钟', en: 'minute', allowed: '0-59' },
  hour: { zh: '小时', en: 'hour', allowed: '0-23' },
  dayOfMonth: { zh: '日', en: 'day of month', allowed: '1-31' },
  month: { zh: '月', en: 'month', allowed: '1-12 or JAN-DEC' },
  dayOfWeek: { zh: '星期', en: 'weekday', allowed: '0-7 (0 and 7 = Sunday) or SUN-SAT' },
}

/** One field's problem named in Chinese and English with its allowed range: `小时字段 "25" 无效 (hour "25": allowed 0-23)`. */
function cronProblem(e: { field: string; value?: string; message: string }): string {
  const field = CRON_FIELDS[e.field]
  if (!field || e.value === undefined) return `应为 5 或 6 个字段 (${e.message})`
  return `${field.zh}字段 "${e.value}" 无效 (${field.en} "${e.value}": allowed ${field.allowed}, also *, lists a,b, ranges a-b and steps */n)`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
