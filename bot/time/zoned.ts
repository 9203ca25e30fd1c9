/** Calendar arithmetic in a configured IANA timezone, independent of the machine's. */

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(tz, f)
  }
  return f
}

/** Wall-clock fields of an instant in a timezone. */
export interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: number
}

/** An instant as a file name's stamp in `tz`'s wall clock: `20261207T093600` (what the people there read). */
export function fileStamp(ms: number, tz: string): string {
  const p = zonedParts(ms, tz)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${p.year}${two(p.month)}${two(p.day)}T${two(p.hour)}${two(p.minute)}${two(p.second)}`
}

/** Split an instant into wall-clock fields in `tz` (weekday 0 = Sunday). */
export function zonedParts(ms: number, tz: string): ZonedParts {
  const d = new Date(ms + offsetMs(ms, tz))
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  }
}

// Intl.formatToParts costs microseconds; a zone's offset only changes on (half-)hour
// boundaries, so it is looked up once per zone and UTC half-hour and cached.
const offsets = new Map<string, Map<number, number>>()

/** The zone's offset from UTC (ms) at an instant. */
function offsetMs(ms: number, tz: string): number {
  let byBucket = offsets.get(tz)
  if (!byBucket) offsets.set(tz, (byBucket = new Map()))
  const bucket = Math.floor(ms / 1_800_000)
  let off = byBucket.get(bucket)
  if (off === undefined) {
    if (byBucket.size > 50_000) byBucket.clear()
    const p: Record<string, string> = {}
    const at = bucket * 1_800_000
    for (const part of formatter(tz).formatToParts(new Date(at))) p[part.type] = part.value
    off = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - at
    byBucket.set(bucket, off)
  }
  return off
}

const DAY_MS = 86_400_000
// Events mostly fall on the same day as the one before: the last day key is kept per zone (no Date, no string).
const lastDays = new Map<string, { n: number; key: string }>()

/** `YYYY-MM-DD` of an instant in `tz`. */
export function dayKey(ms: number, tz: string): string {
  const n = Math.floor((ms + offsetMs(ms, tz)) / DAY_MS)
  const last = lastDays.get(tz)
  if (last?.n === n) return last.key
  const d = new Date(n * DAY_MS)
  const key = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  lastDays.set(tz, { n, key })
  return key
}

/** Hour of the day (0–23) of an instant in `tz`. */
export function zonedHour(ms: number, tz: string): number {
  const local = ms + offsetMs(ms, tz)
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / 3_600_000)
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

/**
 * `MM-DD HH:mm` of an instant in `tz` when it falls in `now`'s year, else `YYYY-MM-DD HH:mm`: a date in a chat reply
 * never hides that it is in another year.
 */
export function nearDateTime(ms: number, now: number, tz: string): string {
  const year = zonedParts(ms, tz).year
  return `${year === zonedParts(now, tz).year ? '' : `${year}-`}${shortDateTime(ms, tz)}`
}

/** A day key as `MM-DD` when it is in `now`'s year in `tz`, else whole (`YYYY-MM-DD`). */
export function nearDay(day: string, now: number, tz: string): string {
  return day.slice(0, 4) === dayKey(now, tz).slice(0, 4) ? day.slice(5) : day
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

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** `YYYY-MM-DD` when `s` is a real calendar day (zero-padded), else undefined. */
export function validDay(s: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (!m) return undefined
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return undefined
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
}
