import { h } from '../html.js'
import { dateRange, groupsChartPng, groupsPage, todayFacts } from '../pages/activity.js'
import { auditTable, overviewPage, settingsPage, violationsPage } from '../pages.js'
import { type ConsoleHono, type RouteContext, clampDays } from './context.js'

/**
 * Whether a runtime audit entry changed a setting (observe mode, an undo, a reload) rather than recorded a command, a
 * person reading or exporting the archive (the audit view's), or a fine settled or waived (the notices page's).
 */
export function isSettingChange(e: { rule: string }): boolean {
  return !/^(?:command|console\.archive-|console\.fine-)/.test(e.rule)
}

/** The admin pages: overview, violations (with undo), settings (observe mode), group activity. */
export function adminRoutes(app: ConsoleHono, { source, view }: RouteContext): void {
  app.get('/', async c => view(c, '/', '概览', overviewPage(source.status(), await todayFacts(source))))

  app.get('/violations', async c => {
    const days = clampDays(c.req.query('days'), 7)
    const page = violationsPage(await source.violations(days), {
      days,
      category: c.req.query('category')?.slice(0, 60),
      tz: source.timezone(),
      csrf: c.get('session').csrf,
    })
    return view(c, '/violations', '违规记录', page)
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
    const recent = (await source.audit({ plugin: 'runtime', days: 7, limit: 200 })).filter(isSettingChange).slice(0, 15)
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
    const known = source.plugins().find(p => p.name === plugin)
    if (!known) return c.text('没有这个插件', 400)
    source.setDryRun(plugin, on, s.actor)
    s.flash = `${known.title}观察模式已${on ? '开启' : '关闭'}（已写入审计日志）。`
    return c.redirect('/settings', 303)
  })

  app.get('/groups', async c => {
    const range = dateRange(source, q => c.req.query(q))
    return view(c, '/groups', '群活跃', await groupsPage(source, range))
  })
  app.get('/groups/chart.png', async c => {
    const png = await groupsChartPng(
      source,
      dateRange(source, q => c.req.query(q)),
    )
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png' })
  })
}
