import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import type { Logger } from '../process/logger.js'
import type { ExportFormat } from '../../plugins/archive/export/export.js'
import type { ArchiveSearch } from '../../plugins/archive/views.js'
import { dayKey } from '../time/zoned.js'
import { dateRange, groupsChartPng, groupsPage, todayFacts } from './pages/activity.js'
import { type ArchiveForm, archivePage, archiveQuery } from './pages/archive.js'
import { campaignsPage } from './pages/campaigns.js'
import { dictionaryPage } from './pages/dictionary.js'
import { noticesPage } from './pages/notices.js'
import type { ConsoleAuth, Session } from './auth.js'
import { casePage, casesPage } from './pages/cases.js'
import { CSS, h, layout, type Html } from './html.js'
import { auditTable, loginPage, overviewPage, settingsPage, violationsPage } from './pages.js'
import type { Access, ConsoleSource } from './source.js'

/** Cookie of a signed-in session. */
export const SESSION_COOKIE = 'gg_console'
const PRE_COOKIE = 'gg_console_pre'
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

type Env = { Variables: { session: Session; access: Access }; Bindings: { incoming?: IncomingMessage } }

/**
 * The console's HTTP app: sign-in, then server-rendered pages. Every request
 * but sign-in needs a session; every POST after sign-in needs the session's
 * CSRF token; every change goes through `ConsoleSource`, which audits it.
 */
export function createConsoleApp(opts: ConsoleAppOptions): Hono<Env> {
  const { source, auth, log } = opts
  const app = new Hono<Env>()
  const cookie = { httpOnly: true, sameSite: 'Strict' as const, path: '/', secure: opts.secureCookies ?? false }

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
    if (result === 'locked') return again('尝试次数过多，请 10 分钟后再试。', 429)
    if (result === 'invalid') return again('登录码无效、已使用或已过期。请在微信里重新发送 #后台。', 401)
    deleteCookie(c, PRE_COOKIE, { path: '/' })
    setCookie(c, SESSION_COOKIE, result.id, { ...cookie, maxAge: auth.sessionSeconds })
    log.info(`console: ${result.actor.name} (${result.actor.id}) signed in`)
    return c.redirect('/', 303)
  })

  // Everything below needs a session; POSTs also need its CSRF token.
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

  // Trainers see the cases only, as in chat; every other page is for admins.
  app.use('*', async (c, next) => {
    if (c.get('access') === 'admin' || TRAINER_PATHS.has(c.req.path) || /^\/cases\/C\d+$/i.test(c.req.path))
      return next()
    if (c.req.path === '/' && c.req.method === 'GET') return c.redirect('/cases', 303)
    return c.text('没有权限：此页面需要管理员角色', 403)
  })

  /** Run a chat command as the signed-in admin and show the bot's answers on the next page. */
  const runCommand = async (c: Context<Env>, command: string, back: string) => {
    const s = c.get('session')
    const typed = `${source.prefix()}${command}`
    const answers = await source.command(s.actor, typed)
    s.flash = `› ${typed}\n${answers.join('\n') || '机器人没有回答（插件没有启用？）'}`
    return c.redirect(back, 303)
  }

  const view = (c: Context<Env>, path: string, title: string, body: Html) => {
    const s = c.get('session')
    const notice = s.flash
    s.flash = undefined
    return c.html(
      layout(title, body, { path, user: s.actor.name, csrf: s.csrf, notice, admin: c.get('access') === 'admin' }),
    )
  }

  app.get('/', c => view(c, '/', '概览', overviewPage(source.status(), todayFacts(source))))

  app.get('/violations', async c => {
    const days = clampDays(c.req.query('days'), 7)
    return view(
      c,
      '/violations',
      '违规记录',
      violationsPage(await source.violations(days), {
        days,
        category: c.req.query('category')?.slice(0, 60),
        tz: source.timezone(),
        csrf: c.get('session').csrf,
      }),
    )
  })

  app.post('/violations/undo', async c => {
    const form = await c.req.parseBody()
    const s = c.get('session')
    const reason = String(form.reason ?? '')
      .trim()
      .slice(0, 200)
    s.flash = reason ? await source.undo(String(form.id ?? '').toUpperCase(), s.actor, reason) : '请填写撤销原因。'
    return c.redirect('/violations', 303)
  })

  app.get('/settings', async c => {
    const recent = (await source.audit({ plugin: 'runtime', days: 7, limit: 50 }))
      .filter(e => !e.rule.startsWith('command'))
      .slice(0, 15)
    const body = h`${settingsPage(source.plugins(), source.groupModes(), c.get('session').csrf)}
<h2>最近的设置变更与撤销</h2>
${auditTable(recent, source.timezone())}`
    return view(c, '/settings', '设置', body)
  })

  app.post('/settings/dry-run', async c => {
    const form = await c.req.parseBody()
    const s = c.get('session')
    const plugin = String(form.plugin ?? '')
    const on = form.on === '1'
    if (!source.plugins().some(p => p.name === plugin)) return c.text('没有这个插件', 400)
    source.setDryRun(plugin, on, s.actor)
    s.flash = `${plugin} 观察模式已${on ? '开启' : '关闭'}（已写入审计日志）。`
    return c.redirect('/settings', 303)
  })

  app.get('/groups', async c =>
    view(
      c,
      '/groups',
      '群活跃',
      await groupsPage(
        source,
        dateRange(source, q => c.req.query(q)),
      ),
    ),
  )
  app.get('/groups/chart.png', c =>
    c.body(
      new Uint8Array(
        groupsChartPng(
          source,
          dateRange(source, q => c.req.query(q)),
        ),
      ),
      200,
      {
        'Content-Type': 'image/png',
      },
    ),
  )

  app.get('/cases', c => view(c, '/cases', '案例', casesPage(source, c.req.query('q') ?? '', c.get('session').csrf)))
  app.post('/cases/digest', async c => {
    const form = await c.req.parseBody()
    const period = field(form.period, 30)
    return runCommand(c, `案例 周报${period ? ` ${period}` : ''}`, '/cases')
  })
  app.get('/cases/:id{[Cc][0-9]+}', c => {
    const body = casePage(source, c.req.param('id'))
    return body ? view(c, '/cases', '案例', body) : c.text('页面不存在', 404)
  })

  app.get('/notices', c =>
    view(c, '/notices', '通知与罚款', noticesPage(source.views('ack'), source.timezone(), c.get('session').csrf)),
  )
  app.post('/notices/waive', async c => {
    const form = await c.req.parseBody()
    const id = field(form.id, 20)
    const reason = field(form.reason, 200)
    if (!/^F\d+$/i.test(id) || !reason) return c.text('请填写罚款编号和免除原因', 400)
    return runCommand(c, `罚款 免除 ${id} ${reason}`, '/notices')
  })

  app.get('/campaigns', c => {
    const today = dayKey(source.now(), source.timezone())
    return view(
      c,
      '/campaigns',
      '活动与排期',
      campaignsPage(source.views('campaign'), today, source.timezone(), c.get('session').csrf),
    )
  })
  app.post('/campaigns/decide', async c => {
    const form = await c.req.parseBody()
    const id = field(form.id, 20)
    const reason = field(form.reason, 200)
    if (!/^\d+$/.test(id)) return c.text('没有这条排期', 400)
    if (form.decision === 'approve') return runCommand(c, `排期 通过 ${id}`, '/campaigns')
    if (form.decision === 'reject' && reason) return runCommand(c, `排期 驳回 ${id} ${reason}`, '/campaigns')
    return c.text('请选择通过，或填写驳回原因', 400)
  })

  app.get('/dictionary', c => view(c, '/dictionary', '词库', dictionaryPage(c.get('session').csrf)))
  app.post('/dictionary', async c => {
    const form = await c.req.parseBody()
    const op = String(form.op ?? '')
    if (op === 'status') return runCommand(c, '词库', '/dictionary')
    if (op === 'test') {
      const text = String(form.text ?? '').slice(0, 2000)
      if (!text.trim()) return c.text('请输入要测试的文字', 400)
      return runCommand(c, `词库 测试 ${text}`, '/dictionary')
    }
    const term = field(form.term, 100)
    if (!term || (op !== 'add' && op !== 'remove')) return c.text('请填写词条', 400)
    return runCommand(c, `词库 ${op === 'add' ? '添加' : '删除'} ${term}`, '/dictionary')
  })

  app.get('/archive', async c => {
    const views = source.views('archive')
    if (!views) return view(c, '/archive', '信息记录', h`<p class="muted">信息记录（archive 插件）没有启用。</p>`)
    const today = dayKey(source.now(), source.timezone())
    const { form, query, note } = archiveQuery(q => c.req.query(q), today, views.maxDays())
    const s = c.get('session')
    let result: ArchiveSearch | undefined
    if (query.words || query.member) {
      result = await views.search(query, s.actor.id)
      source.record(
        s.actor,
        'console.archive-search',
        `网页后台搜索信息记录：${describe(form)}，命中 ${result.total} 条`,
      )
    }
    const chats = await views.chats()
    return view(
      c,
      '/archive',
      '信息记录',
      archivePage({ chats, form, result, note, tz: source.timezone(), csrf: s.csrf }),
    )
  })
  app.post('/archive/export', async c => {
    const views = source.views('archive')
    if (!views) return c.text('信息记录没有启用', 404)
    const form = await c.req.parseBody()
    const format: ExportFormat =
      String(form.format ?? '') in EXPORT_TYPES ? (String(form.format) as ExportFormat) : 'csv'
    const today = dayKey(source.now(), source.timezone())
    const { form: f, query } = archiveQuery(
      k => (typeof form[k] === 'string' ? form[k] : undefined),
      today,
      views.maxDays(),
    )
    const s = c.get('session')
    const encoder = new TextEncoder()
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>()
    const writer = writable.getWriter()
    views
      .exportTo(query, format, s.actor.id, chunk => writer.write(encoder.encode(chunk)))
      .then(count => {
        source.record(
          s.actor,
          'console.archive-export',
          `网页后台导出信息记录：${describe(f)} · ${format}，共 ${count} 条`,
        )
        return writer.close()
      })
      .catch(e => {
        log.error('console: archive export failed', e)
        return writer.abort(e)
      })
    const name = `信息记录-${query.from}-${query.to}.${format}`
    return c.body(readable, 200, {
      'Content-Type': EXPORT_TYPES[format],
      'Content-Disposition': `attachment; filename="archive-${query.from}-${query.to}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    })
  })

  app.post('/logout', c => {
    auth.logout(c.get('session').id)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.redirect('/login', 303)
  })

  app.notFound(c => c.text('页面不存在', 404))
  app.onError((e, c) => {
    log.error('console request failed', e)
    return c.text('出错了，详情见机器人日志', 500)
  })
  return app
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Paths a trainer may open (as in chat, trainers see the cases). */
const TRAINER_PATHS = new Set(['/cases', '/cases/digest', '/logout'])

const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/** A trimmed, bounded form field. */
function field(v: unknown, max: number): string {
  return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ').slice(0, max) : ''
}

function describe(f: ArchiveForm): string {
  return [f.q && `「${f.q}」`, f.member && `成员 ${f.member}`, f.chat && `会话 ${f.chat}`, `${f.from} 至 ${f.to}`]
    .filter(Boolean)
    .join(' · ')
}

function clampDays(v: string | undefined, fallback: number): number {
  const n = Number(v)
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : fallback
}
