import { randomBytes, timingSafeEqual } from 'node:crypto'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { layout } from '../html.js'
import { loginPage } from '../pages.js'
import { type Access, homeOf, mayOpen, pageOf, refusal } from '../access.js'
import type { ConsoleHono, RouteContext } from './context.js'

/** Cookie of a signed-in session. */
export const SESSION_COOKIE = 'gg_console'
const PRE_COOKIE = 'gg_console_pre'

/** The sign-in page and its form: a one-time code from `#后台`, or the environment token. */
export function signInRoutes(app: ConsoleHono, { auth, log, cookie }: RouteContext): void {
  app.get('/login', c => {
    // Keep an existing pre-login token: a second tab or a background request must not void the first form.
    const current = getCookie(c, PRE_COOKIE)
    const pre = current && /^[\w-]{22}$/.test(current) ? current : randomBytes(16).toString('base64url')
    setCookie(c, PRE_COOKIE, pre, { ...cookie, maxAge: 900 })
    const code = c.req.query('code')?.slice(0, 40)
    return c.html(layout('登录', loginPage({ code, pre, tokenEnabled: auth.hasToken })))
  })

  app.post('/login', async c => {
    const form = await c.req.parseBody()
    const pre = getCookie(c, PRE_COOKIE)
    const again = (error: string, status: 401 | 403 | 429) => {
      const next = randomBytes(16).toString('base64url')
      setCookie(c, PRE_COOKIE, next, { ...cookie, maxAge: 900 })
      return c.html(layout('登录', loginPage({ pre: next, error, tokenEnabled: auth.hasToken })), status)
    }
    if (!pre || !same(pre, String(form.pre ?? ''))) return again('登录页面已过期，请重新输入。', 403)
    const client = c.env?.incoming?.socket?.remoteAddress ?? 'local'
    const result =
      typeof form.token === 'string' && form.token
        ? auth.tokenLogin(form.token, client)
        : auth.redeem(String(form.code ?? ''), client)
    // Only a wrong code is throttled: a valid one has signed in above, whatever others tried.
    if (result === 'locked')
      return again('登录码无效，且近期错误尝试过多：请稍后再试，或在微信里重新发送 #后台 获取新链接。', 429)
    if (result === 'invalid') return again('登录码无效、已使用或已过期。请在微信里重新发送 #后台。', 401)
    deleteCookie(c, PRE_COOKIE, { path: '/' })
    setCookie(c, SESSION_COOKIE, result.id, { ...cookie, maxAge: auth.sessionSeconds })
    log.info(`console: ${result.actor.name} (${result.actor.id}) signed in`)
    return c.redirect('/', 303)
  })
}

/**
 * Everything registered after this needs a session (POSTs also its CSRF token) and a role that opens the page
 * (`access.ts`: admins every page, leaders the activity, trainers the cases, auditors the archive).
 */
export function requireSession(app: ConsoleHono, { auth, source }: RouteContext): void {
  app.use('*', async (c, next) => {
    let session = auth.session(getCookie(c, SESSION_COOKIE))
    const access = session && source.access(session.actor)
    if (session && !access) {
      auth.logout(session.id)
      session = undefined
    }
    if (!session) {
      if (c.req.method === 'GET') return c.redirect('/login', 303)
      return c.text('需要登录', 401)
    }
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody()
      if (!same(session.csrf, String(form.csrf ?? ''))) return c.text('CSRF 校验失败，请刷新页面后重试', 403)
    } else if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.text('不支持的请求', 405)
    }
    c.set('session', session)
    c.set('access', access as Access)
    await next()
  })
  app.use('*', async (c, next) => {
    const page = pageOf(c.req.path)
    const access = c.get('access')
    // Deny by default: a path of no page is only for admins (its 404) and signing out.
    if (page ? mayOpen(access, page) : c.req.path === '/logout' || access.includes('admin')) return next()
    if (!page) return c.text('页面不存在', 404)
    const home = homeOf(access)
    if (c.req.path === '/' && c.req.method === 'GET' && home) return c.redirect(home.path, 303)
    return c.text(refusal(page), 403)
  })
  app.post('/logout', c => {
    auth.logout(c.get('session').id)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.redirect('/login', 303)
  })
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
