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
  if (!check.valid) throw new Error(`invalid cron "${expression}": ${check.errors.map(e => e.message).join('; ')}`)
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

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
