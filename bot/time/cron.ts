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
  const written = writtenProblem(expression)
  if (written) throw new Error(`${cronPrefix(expression)}${written}`)
  const check = validateDetailed(expression)
  if (!check.valid) throw new Error(`${cronPrefix(expression)}${check.errors.map(cronProblem).join('; ')}`)
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

/** The start of every cron problem, Chinese first as the other config problems: `cron 表达式 "0 17 * * 8" 有误：`. */
function cronPrefix(expression: string): string {
  return `cron 表达式 "${expression}" 有误：`
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

/** The fields of a 5-field expression (a 6th, first, is the second). */
const FIVE = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek']
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 }
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
/** Chinese weekday and month names as people write them in a cron field: their number and cron's name. */
const CHINESE_NAMES: Record<string, { pattern: RegExp; number: (m: string) => number; name: (n: number) => string }> = {
  dayOfWeek: {
    pattern: /(?:周|星期|礼拜)([一二三四五六日天])/g,
    number: m => CN_DIGIT[m],
    name: n => WEEKDAY_NAMES[n],
  },
  month: {
    pattern: /(十[一二]?|[一二三四五六七八九])月/g,
    number: m => (m.startsWith('十') ? 10 + (CN_DIGIT[m[1]] ?? 0) : CN_DIGIT[m]),
    name: n => MONTH_NAMES[n - 1],
  },
}

/**
 * What node-cron would call only "illegal characters" or a wrong field count, said where it is: the number of
 * fields written, or the field that has a character cron does not know, with the fix for Chinese weekday and
 * month names (`周五` → `FRI 或 5`, `十二月` → `DEC 或 12`).
 */
function writtenProblem(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/).filter(Boolean)
  if (parts.length !== 5 && parts.length !== 6)
    return `应为 5 或 6 个字段（分 时 日 月 星期），写了 ${parts.length} 个 (expected 5 or 6 fields but got ${parts.length})`
  const names = parts.length === 6 ? ['second', ...FIVE] : FIVE
  for (const [i, part] of parts.entries()) {
    if (/^[\x21-\x7e]+$/.test(part)) continue
    const field = CRON_FIELDS[names[i]]
    const fix = fixOf(names[i], part)
    return (
      `${field.zh}字段 "${part}" 无效：只能写数字、英文缩写和 * , - /${fix ? `，请写 ${fix.join(' 或 ')}` : ''}` +
      ` (${field.en} "${part}": allowed ${field.allowed}${fix ? `; write ${fix.join(' or ')}` : ''})`
    )
  }
  return undefined
}

/** A Chinese weekday or month field rewritten with cron's names and with numbers, when it then reads as cron. */
function fixOf(field: string, part: string): string[] | undefined {
  const chinese = CHINESE_NAMES[field]
  if (!chinese) return undefined
  const byName = part.replace(chinese.pattern, (_, m: string) => chinese.name(chinese.number(m)))
  const byNumber = part.replace(chinese.pattern, (_, m: string) => String(chinese.number(m)))
  return /^[\x21-\x7e]+$/.test(byName) ? [byName, byNumber] : undefined
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
