import { createRequire } from 'node:module'
import { dayKey } from './zoned.js'

/** Chinese statutory calendar: weekends, holidays and make-up workdays (调休). */
export interface WorkCalendar {
  /** True when `day` (`YYYY-MM-DD`) is a working day. */
  isWorkday(day: string): boolean
}

// The dataset the chinese-days package maintains. Its own `isWorkday` parses the day as
// UTC midnight and reads it back in the machine's timezone, which shifts every date by
// one west of UTC, so the lookup is done here on the calendar date itself.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

/** The years the package has holidays for (it is published once the State Council announces a year). */
const packageYears = new Set(Object.keys(data.holidays).map(yearOf))

/** Days the company lists itself (config `calendar`), each `YYYY-MM-DD`: they win over the package's data. */
export interface CompanyDays {
  holidays: readonly string[]
  workdays: readonly string[]
  /**
   * Years whose statutory holidays and make-up workdays the lists hold in full (`calendar.years`): only these (and
   * the package's) count as covered; a company day off alone says nothing of the year's Spring Festival.
   */
  years?: readonly number[]
}

/** No days of the company's own: the package's data and weekends only. */
const NO_DAYS: CompanyDays = { holidays: [], workdays: [], years: [] }

/**
 * The statutory calendar of one app: the company's own days (config `calendar`) first, then the chinese-days data
 * (holidays off, make-up workdays on), then weekends off, Monday to Friday on — the only rule for a year neither
 * lists. Each app (each account of a process) has its own, built from its config (start, `#重载配置`): one app's
 * days never reach another's.
 */
export function companyCalendar(days: CompanyDays = NO_DAYS): WorkCalendar {
  const off = new Set(days.holidays)
  const on = new Set(days.workdays)
  // Days already looked up (deadlines and response times ask about the same few days again and again).
  const known = new Map<string, boolean>()
  const lookUp = (day: string): boolean => {
    if (on.has(day)) return true
    if (off.has(day)) return false
    if (day in data.workdays) return true
    if (day in data.holidays) return false
    const [y, m, d] = day.split('-').map(Number)
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
    return weekday !== 0 && weekday !== 6
  }
  return {
    isWorkday(day: string): boolean {
      let workday = known.get(day)
      if (workday === undefined) {
        if (known.size > 2_000) known.clear()
        known.set(day, (workday = lookUp(day)))
      }
      return workday
    },
  }
}

/** The package's calendar alone (no company days): for tests and tools that run without a config. */
export const chineseCalendar: WorkCalendar = companyCalendar()

function yearOf(day: string): number {
  return Number(day.slice(0, 4))
}

/**
 * The years the calendar has no holidays for at `now` in `tz`: this year, and from December the next (deadlines and
 * reports reach into it). A year counts as known when the package has it or the company declares it whole
 * (`calendar.years`); days listed in a year not declared (a company outing) leave it unknown.
 */
export function missingCalendarYears(now: number, tz: string, days: CompanyDays = NO_DAYS): number[] {
  const [year, month] = dayKey(now, tz).split('-').map(Number)
  const years = month === 12 ? [year, year + 1] : [year]
  const declared = new Set(days.years ?? [])
  return years.filter(y => !packageYears.has(y) && !declared.has(y))
}

/** The years of `years` for which `holidays` list no day: declared whole (`calendar.years`) yet empty, a mistake. */
export function yearsWithoutHolidays(years: readonly number[], holidays: readonly string[]): number[] {
  const listed = new Set(holidays.map(yearOf))
  return years.filter(y => !listed.has(y))
}

/**
 * The warning for years without holiday data (undefined when none), for an admin who reads it on day one in chat
 * (`#状态`, the console): that the bot runs, what those years' days get wrong (and what that moves), and the fix.
 */
export function calendarWarning(years: readonly number[]): string | undefined {
  if (!years.length) return undefined
  const list = years.map(y => `${y} 年`).join('、')
  const last = Math.max(...packageYears)
  return (
    `⚠️ 节假日日历没有 ${list}的数据（chinese-days 只到 ${last} 年）。机器人照常运行，其他日期不受影响；` +
    `只是 ${list}的法定节假日会当工作日算、调休上班的周末当休息日算，这些天的通知期限、工作时间和定时报表会按普通周一到周五走。` +
    `补上的办法：在配置 calendar.holidays / calendar.workdays 列出${years.length > 1 ? '这些年' : '这一年'}全部的放假和调休日期，并写上 calendar.years: [${years.join(', ')}]（表示已列全）；或升级 chinese-days。`
  )
}

/** {@link calendarWarning} for the operator's log and `check-config`: Chinese first, English after. */
export function calendarWarningForLog(years: readonly number[]): string | undefined {
  const warning = calendarWarning(years)
  return (
    warning &&
    `${warning} (no holiday data for ${years.join(', ')}: the bot runs; those years only rest on weekends until calendar.holidays, calendar.workdays and calendar.years list them)`
  )
}
