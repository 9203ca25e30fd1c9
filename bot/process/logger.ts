import pino from 'pino'

/** Log levels, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
const ORDER: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent']

/** `text`: one human-readable line per entry (default); `json`: one JSON object per line, for log collectors. */
export type LogFormat = 'text' | 'json'

/** A small leveled logger; plugins get a child tagged with their name. */
export interface Logger {
  debug(msg: string, extra?: unknown): void
  info(msg: string, extra?: unknown): void
  warn(msg: string, extra?: unknown): void
  error(msg: string, extra?: unknown): void
  child(tag: string): Logger
}

/** Output options: the format and the secret values that must never appear in a line. */
export interface LogOptions {
  format?: LogFormat
  /** Values replaced by `[redacted]` wherever they appear (message, error, stack, extra). */
  secrets?: readonly string[]
}

/** What a secret is replaced with in every log line. */
export const REDACTED = '[redacted]'

/**
 * A pino logger writing one line per entry through `write` (stderr by default), filtered by `level`.
 * Errors keep their stack (and cause), circular objects are safe, timestamps carry the local UTC offset,
 * and every secret is redacted from the finished line.
 */
export function createLogger(
  level: LogLevel = 'info',
  tag = 'bot',
  write: (line: string) => void = l => process.stderr.write(`${l}\n`),
  opts: LogOptions = {},
): Logger {
  const redact = redactor(opts.secrets ?? [])
  const json = opts.format === 'json'
  const root = pino(
    {
      level,
      base: undefined,
      timestamp: () => `,"time":"${isoWithOffset(new Date())}"`,
      formatters: { level: label => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
    },
    { write: (chunk: string) => write(redact(json ? chunk.trimEnd() : humanLine(chunk))) },
  )
  const wrap = (t: string): Logger => {
    const p = root.child({ tag: t })
    const emit = (lv: Exclude<LogLevel, 'silent'>) => (msg: string, extra?: unknown) => {
      if (!p.isLevelEnabled(lv)) return
      if (extra === undefined) p[lv](msg)
      else if (extra instanceof Error) p[lv]({ err: extra }, msg)
      else p[lv]({ extra }, msg)
    }
    return {
      debug: emit('debug'),
      info: emit('info'),
      warn: emit('warn'),
      error: emit('error'),
      child: (c: string) => wrap(`${t}:${c}`),
    }
  }
  return wrap(tag)
}

/** `2026-12-03T11:49:18.123+08:00`: ISO 8601 in local time with its offset. */
export function isoWithOffset(d: Date): string {
  const off = -d.getTimezoneOffset()
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, -1)
  const abs = Math.abs(off)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${local}${off < 0 ? '-' : '+'}${hh}:${mm}`
}

/**
 * Secrets told by their shape rather than by a value known at start: the console's single-use sign-in code in its
 * link (`…/login?code=…`), which Wechaty's and the puppet service's verbose lines print with the message they send.
 */
const SECRET_SHAPES = /(\/login\?code=)[A-Za-z0-9]+/g

/**
 * A function replacing every secret (and its JSON-escaped form) by `[redacted]`, and every secret of a known shape
 * ({@link SECRET_SHAPES}). Values shorter than 4 are ignored.
 */
export function redactor(secrets: readonly string[]): (s: string) => string {
  const forms = [...new Set(secrets.filter(s => s.length >= 4).flatMap(s => [s, JSON.stringify(s).slice(1, -1)]))]
  forms.sort((a, b) => b.length - a.length)
  return s => forms.reduce((out, f) => out.split(f).join(REDACTED), s).replace(SECRET_SHAPES, `$1${REDACTED}`)
}

/** Turn one pino JSON line into `time LEVEL [tag] message extra`, with an error's stack on the following lines. */
function humanLine(chunk: string): string {
  const { time, level, tag, msg, err, extra } = JSON.parse(chunk)
  const detail = err
    ? ` ${err.stack ?? err.message}${err.cause ? `\ncaused by: ${err.cause.stack ?? err.cause.message}` : ''}`
    : extra === undefined
      ? ''
      : ` ${typeof extra === 'string' ? extra : JSON.stringify(extra)}`
  return `${time} ${String(level).toUpperCase()} [${tag}] ${msg}${detail}`
}

/** Parse `LOG_LEVEL` (any case): `info` when unset or blank; an unknown value throws, naming the accepted ones. */
export function logLevelFromEnv(value: string | undefined): LogLevel {
  return oneOf('LOG_LEVEL', value, ORDER, 'info')
}

/** Parse `LOG_FORMAT` (any case): `text` (human-readable, when unset or blank) or `json` for log collectors; anything else throws. */
export function logFormatFromEnv(value: string | undefined): LogFormat {
  return oneOf('LOG_FORMAT', value, ['text', 'json'], 'text')
}

/** Levels of Wechaty's own log (`WECHATY_LOG`) that are no `LOG_LEVEL`: said when one is written there. */
const WECHATY_LEVELS = new Set(['verbose', 'silly'])

function oneOf<T extends string>(name: string, value: string | undefined, known: readonly T[], fallback: T): T {
  const text = value?.trim()
  if (!text) return fallback
  const hit = known.find(k => k === text.toLowerCase())
  if (!hit) {
    const near = name === 'LOG_LEVEL' && WECHATY_LEVELS.has(text.toLowerCase()) ? `；${text} 是 WECHATY_LOG 的级别` : ''
    throw new Error(`${name}="${text}": 应为 ${known.join('、')} 之一${near}（expected one of ${known.join(', ')}）`)
  }
  return hit
}
