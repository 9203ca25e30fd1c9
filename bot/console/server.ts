import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { Logger } from '../process/logger.js'
import type { ConsoleAuth } from './auth.js'
import { CSS } from './html.js'
import { adminRoutes } from './routes/admin.js'
import { archiveRoutes } from './routes/archive.js'
import { type ConsoleHono, type Env, routeContext } from './routes/context.js'
import { requireSession, signInRoutes } from './routes/sign-in.js'
import { workRoutes } from './routes/work.js'
import type { ConsoleSource } from './source.js'

const FONT_FILE = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
)
let fontBytes: Buffer | undefined

/** What the console app is built from. */
export interface ConsoleAppOptions {
  source: ConsoleSource
  auth: ConsoleAuth
  log: Logger
  /** Set `Secure` on cookies (the public URL is https, i.e. behind a TLS proxy). */
  secureCookies?: boolean
}

/**
 * The console's HTTP app: sign-in, then server-rendered pages. Every request
 * but sign-in needs a session; every POST after sign-in needs the session's
 * CSRF token; every change goes through `ConsoleSource`, which audits it.
 */
export function createConsoleApp(opts: ConsoleAppOptions): ConsoleHono {
  const { log } = opts
  const ctx = routeContext(opts.source, opts.auth, log, opts.secureCookies ?? false)
  const app = new Hono<Env>()
  hardening(app)
  staticRoutes(app)
  signInRoutes(app, ctx)
  requireSession(app, ctx)
  adminRoutes(app, ctx)
  workRoutes(app, ctx)
  archiveRoutes(app, ctx)
  app.notFound(c => c.text('页面不存在', 404))
  app.onError((e, c) => {
    log.error('console request failed', e)
    return c.text('出错了，详情见机器人日志', 500)
  })
  return app
}

/** Security headers (strict CSP, no framing), a small body limit, and no caching unless a route allows it. */
function hardening(app: ConsoleHono): void {
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  )
  app.use('*', bodyLimit({ maxSize: 16 * 1024, onError: c => c.text('请求过大', 413) }))
  app.use('*', async (c, next) => {
    await next()
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
  })
}

/** The stylesheet, the favicon and the shipped CJK font: no session needed. */
function staticRoutes(app: ConsoleHono): void {
  app.get('/console.css', c => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
  app.get('/favicon.ico', c => c.body(null, 204))
  // The shipped CJK font, last in the CSS font stack: browsers with a Chinese system font never fetch it.
  app.get('/font.ttf', c => {
    fontBytes ??= readFileSync(FONT_FILE)
    return c.body(new Uint8Array(fontBytes), 200, {
      'Content-Type': 'font/ttf',
      'Cache-Control': 'private, max-age=604800, immutable',
    })
  })
}
