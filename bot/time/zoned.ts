/** Calendar arithmetic in a configured IANA timezone, independent of the machine's. */

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
    })
    formatters.set(tz, f)
  }
  return f
}

/** Wall-clock fields of an instant in a timezone. */
export interface ZonedParts { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number }

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

/** Split an instant into wall-clock fields in `tz` (weekday 0 = Sunday). */
export function zonedParts(ms: number, tz: string): ZonedParts {
  const p: Record<string, string> = {}
  for (const part of formatter(tz).formatToParts(new Date(ms))) p[part.type] = part.value
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second, weekday: WEEKDAYS[p.weekday] ?? 0 }
}

/** `YYYY-MM-DD` of an instant in `tz`. */
export function dayKey(ms: number, tz: string): string {
  const p = zonedParts(ms, tz)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** `HH:mm` of an instant in `tz`. */
export function clockTime(ms: number, tz: string): string {
  const p = zonedParts(ms, tz)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** `MM-DD HH:mm` of an instant in `tz`, for chat messages. */
export function shortDateTime(ms: number, tz: string): string {
  const p = zonedParts(ms, tz)
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** The instant at wall-clock `day` (`YYYY-MM-DD`) and `time` (`HH:mm`) in `tz`. */
export function zonedInstant(day: string, time: string, tz: string): number {
  const [y, mo, d] = day.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  const guess = Date.UTC(y, mo - 1, d, h, mi)
  // Correct by the zone offset at the guess, then once more across DST edges.
  let t = guess - offsetMs(guess, tz)
  t = guess - offsetMs(t, tz)
  return t
}

/** Midnight starting the day that contains `ms` in `tz`. */
export function startOfDay(ms: number, tz: string): number {
  return zonedInstant(dayKey(ms, tz), '00:00', tz)
}

/** The day key `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

function offsetMs(ms: number, tz: string): number {
  const p = zonedParts(ms, tz)
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000
}

function pad(n: number): string { return String(n).padStart(2, '0') }
