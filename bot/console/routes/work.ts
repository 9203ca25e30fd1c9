import { campaignsPage } from '../pages/campaigns.js'
import { casePage, casesPage } from '../pages/cases.js'
import { dictionaryPage } from '../pages/dictionary.js'
import { noticesPage } from '../pages/notices.js'
import type { Context } from 'hono'
import type { FineView } from '../../../plugins/ack/views.js'
import { type ConsoleHono, type Env, type RouteContext, field } from './context.js'
import { refusal } from '../access.js'

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

  app.get('/notices', c => {
    const fines = c.get('access').includes('admin') // leaders read the notices only, as in chat
    return view(
      c,
      '/notices',
      '通知与罚款',
      noticesPage(source.views('ack'), source.timezone(), c.get('session').csrf, fines),
    )
  })
  // Settling and waiving are an admin's (a leader opens the page for the notices).
  app.use('/notices/*', async (c, next) =>
    c.get('access').includes('admin')
      ? next()
      : c.text(refusal({ path: '/notices', label: '罚款', roles: ['admin'] }), 403),
  )
  // `#罚款 免除` / `#罚款 结清` as the signed-in person (the command checks the role), then, when the fine closed
  // (not in observe mode), the console's own audit entry naming them.
  app.post('/notices/waive', async c => {
    const form = await c.req.parseBody()
    const id = fineId(form.id)
    const reason = field(form.reason, 200)
    if (!id || !reason) return c.text('请填写罚款编号和免除原因', 400)
    return closeFine(c, ctx, id, 'waived', `罚款 免除 ${id} ${reason}`, `免除罚款 ${id}，原因：${reason}`)
  })
  app.post('/notices/settle', async c => {
    const id = fineId((await c.req.parseBody()).id)
    if (!id) return c.text('请填写罚款编号', 400)
    return closeFine(c, ctx, id, 'settled', `罚款 结清 ${id}`, f => `结清罚款 ${f.id}（${f.settledAmount} 元）`)
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

/** A fine id as the form sent it (`F3`, `f3`, in a fleet `F3@sales1`), its letter upper-cased; empty when it is none. */
function fineId(raw: unknown): string {
  const m = /^F(\d+(?:@[\w.-]{1,60})?)$/i.exec(field(raw, 80))
  return m ? `F${m[1]}` : ''
}

/**
 * Run the fine's command (`#罚款 结清`/`免除`) and, when it moved the fine from open to `to`, audit who did it
 * from the console (`console.fine-settle`/`console.fine-waive`): `what` says what, after the person's name.
 */
async function closeFine(
  c: Context<Env>,
  { source, runCommand }: RouteContext,
  id: string,
  to: 'settled' | 'waived',
  command: string,
  what: string | ((f: FineView) => string),
): Promise<Response> {
  const wasOpen = source.views('ack')?.fine(id)?.state === 'open'
  const res = await runCommand(c, command, '/notices')
  const fine = source.views('ack')?.fine(id)
  if (wasOpen && fine?.state === to) {
    const { actor } = c.get('session')
    const rule = to === 'settled' ? 'console.fine-settle' : 'console.fine-waive'
    source.record(actor, rule, `${actor.name} 在网页后台${typeof what === 'string' ? what : what(fine)}`)
  }
  return res
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
