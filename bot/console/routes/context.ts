import type { IncomingMessage } from 'node:http'
import type { Context, Hono } from 'hono'
import type { Logger } from '../../process/logger.js'
import type { ConsoleAuth, Session } from '../auth.js'
import { type Html, layout } from '../html.js'
import type { Access } from '../access.js'
import type { ConsoleSource } from '../source.js'

/** Hono environment of the console: the signed-in session and its access, the raw request. */
export type Env = { Variables: { session: Session; access: Access }; Bindings: { incoming?: IncomingMessage } }

/** The console app being built. */
export type ConsoleHono = Hono<Env>

/** Cookie options shared by every cookie the console sets. */
export interface CookieOptions {
  httpOnly: true
  sameSite: 'Strict'
  path: '/'
  secure: boolean
}

/** What every route module is given. */
export interface RouteContext {
  source: ConsoleSource
  auth: ConsoleAuth
  log: Logger
  cookie: CookieOptions
  /** Render a page in the signed-in layout (consumes the session's flash notice). */
  view(c: Context<Env>, path: string, title: string, body: Html): Response | Promise<Response>
  /** Run a chat command as the signed-in admin and show the bot's answers on the next page. */
  runCommand(c: Context<Env>, command: string, back: string): Promise<Response>
}

/** The route context over a source, an auth and a logger. */
export function routeContext(source: ConsoleSource, auth: ConsoleAuth, log: Logger, secure: boolean): RouteContext {
  return {
    source,
    auth,
    log,
    cookie: { httpOnly: true, sameSite: 'Strict', path: '/', secure },
    view: (c, path, title, body) => {
      const s = c.get('session')
      const notice = s.flash
      s.flash = undefined
      return c.html(layout(title, body, { path, user: s.actor.name, csrf: s.csrf, notice, access: c.get('access') }))
    },
    runCommand: async (c, command, back) => {
      const s = c.get('session')
      const typed = `${source.prefix()}${command}`
      const answers = await source.command(s.actor, typed)
      s.flash = `› ${typed}\n${answers.join('\n') || '机器人没有回答（插件没有启用？）'}`
      return c.redirect(back, 303)
    },
  }
}

/** A trimmed, bounded form field. */
export function field(v: unknown, max: number): string {
  return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ').slice(0, max) : ''
}

/** A day count from a query parameter, 1–90, or the fallback. */
export function clampDays(v: string | undefined, fallback: number): number {
  const n = Number(v)
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : fallback
}
