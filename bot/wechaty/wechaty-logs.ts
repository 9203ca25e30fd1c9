import { format } from 'node:util'
import { log as wechatyLog } from 'wechaty'
import type { Logger, LogLevel } from '../process/logger.js'

type Printer = (levelTitle: string, text: string) => void
interface BrologLike {
  enableLogging(printer: Printer | boolean): unknown
  level(name?: string): string
}

const LEVELS: Record<string, Exclude<LogLevel, 'silent'>> = { ERR: 'error', WARN: 'warn', INFO: 'info' }

/**
 * Send Wechaty's own log (brolog: Wechaty, the puppets, wechaty-token) through our logger, so its lines get our
 * format, level filter and secret redaction (`WECHATY_LOG=verbose` prints the puppet token otherwise).
 * `WECHATY_LOG` still sets how much Wechaty says; its verbose and silly lines are logged at `debug`.
 */
export function routeWechatyLogs(log: Logger): void {
  const target = log.child('wechaty')
  const printer: Printer = (title, text) => {
    const line = text.replace(/^\d\d:\d\d:\d\d /, '').replace(/^(ERR|WARN|INFO|VERB|SILL) /, '')
    target[LEVELS[title] ?? 'debug'](line)
  }
  // Wechaty and the puppets share wechaty-puppet's instance; wechaty-token uses brolog's global one.
  const own = wechatyLog as unknown as BrologLike
  const global = (own.constructor as { instance?: () => BrologLike }).instance?.()
  for (const b of new Set([own, global])) b?.enableLogging(printer)
}

/**
 * Route `console.*` (libraries such as wechaty-token print raw errors there) through the logger at `debug`,
 * so nothing bypasses redaction and one failure is not told five times.
 */
export function routeConsole(log: Logger): void {
  const target = log.child('console')
  const write = (...args: unknown[]) => target.debug(format(...args))
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) console[m] = write
}
