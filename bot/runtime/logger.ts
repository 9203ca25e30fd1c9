/** Log levels, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
const ORDER: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent']

/** A small leveled logger; plugins get a child tagged with their name. */
export interface Logger {
  debug(msg: string, extra?: unknown): void
  info(msg: string, extra?: unknown): void
  warn(msg: string, extra?: unknown): void
  error(msg: string, extra?: unknown): void
  child(tag: string): Logger
}

/** A logger writing `time level [tag] message` lines to stderr, filtered by `level`. */
export function createLogger(
  level: LogLevel = 'info',
  tag = 'bot',
  write: (line: string) => void = l => process.stderr.write(`${l}\n`),
): Logger {
  const min = ORDER.indexOf(level)
  const emit = (lv: LogLevel) => (msg: string, extra?: unknown) => {
    if (ORDER.indexOf(lv) < min) return
    const detail = extra === undefined ? '' : ` ${extra instanceof Error ? extra.message : JSON.stringify(extra)}`
    write(`${new Date().toISOString()} ${lv.toUpperCase()} [${tag}] ${msg}${detail}`)
  }
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (t: string) => createLogger(level, `${tag}:${t}`, write),
  }
}

/** Parse `LOG_LEVEL`, defaulting to `info`. */
export function logLevelFromEnv(value: string | undefined): LogLevel {
  return ORDER.includes(value as LogLevel) ? (value as LogLevel) : 'info'
}
