import { campaignsPage } from '../pages/campaigns.js'
import { casePage, casesPage } from '../pages/cases.js'
import { dictionaryPage } from '../pages/dictionary.js'
import { noticesPage } from '../pages/notices.js'
import { type ConsoleHono, type RouteContext, field } from './context.js'

/** The plugins' pages: cases (trainers too), notices and fines, campaigns, the dictionary. */
export function workRoutes(app: ConsoleHono, ctx: RouteContext): void {
  const { source, view, runCommand } = ctx
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
  // `#罚款 结清` as the signed-in person (the command checks the role), then the console's own audit entry naming them.
  app.post('/notices/settle', async c => {
    const id = field((await c.req.parseBody()).id, 20).toUpperCase()
    if (!/^F\d+$/.test(id)) return c.text('请填写罚款编号', 400)
    const wasOpen = source.views('ack')?.fine(id)?.state === 'open'
    const res = await runCommand(c, `罚款 结清 ${id}`, '/notices')
    const fine = source.views('ack')?.fine(id)
    if (wasOpen && fine?.state === 'settled') {
      const { actor } = c.get('session')
      source.record(actor, 'console.fine-settle', `${actor.name} 在网页后台结清罚款 ${id}（${fine.settledAmount} 元）`)
    }
    return res
  })

  app.get('/campaigns', c => {
    const page = campaignsPage(source.views('campaign'), source.now(), source.timezone(), c.get('session').csrf)
    return view(c, '/campaigns', '活动与排期', page)
  })
  app.post('/campaigns/decide', async c => {
    const form = await c.req.parseBody()
    const id = field(form.id, 80)
    const reason = field(form.reason, 200)
    // Another account's post of the fleet: `5@sales1`.
    if (!/^\d+(@[\w.-]{1,60})?$/.test(id)) return c.text('没有这条排期', 400)
    if (form.decision === 'approve') return runCommand(c, `排期 通过 ${id}`, '/campaigns')
    if (form.decision === 'reject' && reason) return runCommand(c, `排期 驳回 ${id} ${reason}`, '/campaigns')
    return c.text('请选择通过，或填写驳回原因', 400)
  })

  dictionaryRoutes(app, ctx)
}

function dictionaryRoutes(app: ConsoleHono, { view, runCommand }: RouteContext): void {
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
}
