import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config/load-config.js'
import { runtimeSource, WebConsole } from '../../../bot/console/index.js'
import { createConsoleApp } from '../../../bot/console/server.js'
import { FakeClock } from '../../../bot/ports/clock.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { createLogger } from '../../../bot/process/logger.js'
import { BotRuntime } from '../../../bot/runtime/host/runtime.js'
import { PLUGINS } from '../../../plugins/index.js'
import { folderName } from '../../../plugins/archive/store/file-backend.js'
import { group, MONDAY_9AM, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], trainer: [trainer1], leader: [boss], editor: [boss, ed1], approver: [admin1], auditor: [aud1] }
fleet: { peers: [bot2] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 客户群, topic: 张三交流群, kind: customer }
plugins:
  ack: { fines: { enabled: true } }
  campaign: { queue: { targets: { kinds: [internal] } } }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')
const customers = group('r2', '张三交流群', 'customer', '客户群')

/**
 * The runtime with every shipped plugin, a sales group of four and a console app (over `config`, default `CONFIG`);
 * `as(who)` signs someone in.
 */
async function setup(config = CONFIG) {
  const clock = new FakeClock(MONDAY_9AM)
  const wechat = new SimulatedWeChat(clock)
  wechat.addGroup(sales, [
    member('boss', '王经理'),
    member('u1', '张三'),
    member('u2', '李四'),
    member('admin1', '陈管理'),
    member('bot2', '群管家B'),
  ])
  wechat.addGroup(customers, [member('u1', '张三'), member('c1', '刘总')])
  const log = createLogger('silent')
  const web = new WebConsole({ host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1:8080' }, log, () => clock.now())
  const rt = new BotRuntime({
    loaded: parseConfig(config, 'test.yaml', PLUGINS),
    plugins: PLUGINS,
    clock,
    store: new MemoryStore(),
    directory: wechat,
    roomAdmin: wechat,
    sender: wechat,
    log,
    outputDir: '/tmp/bot-test-output',
    random: () => 0.5,
    commands: web.commands,
  })
  await rt.start()
  const app = createConsoleApp({ source: runtimeSource(rt), auth: web.auth, log })
  const say = async (who: string, body: string, inGroup: boolean | typeof sales = true) => {
    const g = inGroup === true ? sales : inGroup || undefined
    await rt.handle(text(member(who, who === 'c1' ? '刘总' : who), body, clock.now(), g))
    await clock.advance(10_000)
  }
  const as = async (who: string) => {
    const code = web.auth.issueCode({ id: who, name: who })
    const pre = 'test-pre-token-0000000'
    const res = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ pre, code }),
      headers: { Cookie: `gg_console_pre=${pre}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    const sid = /gg_console=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1]
    const headers = { Cookie: `gg_console=${sid}` }
    const get = (path: string) => app.request(path, { headers })
    const home = await get('/')
    const first = home.status === 303 ? await get(home.headers.get('location') ?? '/') : home
    const csrf = /name="csrf" value="([^"]+)"/.exec(await first.text())?.[1] as string
    const post = (path: string, form: Record<string, string>, withCsrf = true) =>
      app.request(path, {
        method: 'POST',
        body: new URLSearchParams(withCsrf ? { ...form, csrf } : form),
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      })
    return { get, post }
  }
  return { rt, clock, wechat, say, as }
}

describe('web console pages over the plugins views', () => {
  it('shows who acknowledged a notice and who has not', async () => {
    const { say, as } = await setup()
    await say('boss', '#通知 下午三点开会，请回复收到')
    await say('u1', '收到')
    const page = await (await (await as('admin1')).get('/notices')).text()
    expect(page).toContain('下午三点开会')
    expect(page).toMatch(/已回复 1\/\d/)
    expect(page).toMatch(/张三<small>/)
    expect(page).toMatch(/未回复 \d+/)
    expect(page).toContain('李四')
  })

  it("settles a fine as #罚款 结清 does, for admins only, with a CSRF token, audited under the admin's name", async () => {
    const { say, as, rt, clock } = await setup()
    await say('boss', '#通知 下午三点开会，请回复收到')
    await clock.advance(31 * 60_000)
    const [fine] = rt.ledger.openFines('u1')
    expect(fine).toBeDefined()
    const admin = await as('admin1')
    expect(await (await admin.get('/notices')).text()).toContain(`aria-label="结清罚款 ${fine.id}">结清 5 元</button>`)

    const trainer = await as('trainer1')
    expect((await trainer.post('/notices/settle', { id: fine.id })).status).toBe(403)
    expect((await admin.post('/notices/settle', { id: fine.id }, false)).status).toBe(403)
    expect(rt.ledger.openFines('u1')).toHaveLength(1)

    const res = await admin.post('/notices/settle', { id: fine.id.toLowerCase() })
    expect(res.status).toBe(303)
    await clock.advance(10_000)
    expect(rt.ledger.openFines('u1')).toEqual([])
    const page = await (await admin.get('/notices')).text()
    expect(page).toContain(`› #罚款 结清 ${fine.id}`)
    expect(page).toContain(`已确认 张三 的罚款 ${fine.id}（未按时回复通知 N1）5 元已结清。`)
    expect(page).toContain('已缴 5 元')
    const audit = rt.audit.query({ days: 1, limit: 200 })
    expect(audit).toContainEqual(
      expect.objectContaining({
        rule: 'console.fine-settle',
        memberId: 'admin1',
        text: `admin1 在网页后台结清罚款 ${fine.id}（5 元）`,
      }),
    )
    expect(audit).toContainEqual(expect.objectContaining({ rule: 'ack.fine-settled', reason: '由 admin1 确认结清' }))

    // Settling it again runs the command (which finds no open fine) and audits nothing more.
    await admin.post('/notices/settle', { id: fine.id })
    expect(await (await admin.get('/notices')).text()).toContain(`找不到未缴的罚款 ${fine.id}。`)
    expect(rt.audit.query({ days: 1, limit: 200 }).filter(e => e.rule === 'console.fine-settle')).toHaveLength(1)
  })

  it('in a fleet shows, settles and waives fines by their fleet ids (F1@sales1), each audited under the admin', async () => {
    const { say, as, rt, clock } = await setup()
    // What the runtime sets in fleet mode (`BOT_ACCOUNT=sales1`): this account's fines then read `F1@sales1`.
    rt.ledger.account = 'sales1'
    await say('boss', '#通知 下午三点开会，请回复收到')
    await clock.advance(31 * 60_000)
    const [first, second] = rt.ledger.openFines().map(f => rt.ledger.label(f))
    expect([first, second]).toEqual(['F1@sales1', 'F2@sales1'])
    const admin = await as('admin1')
    const page = await (await admin.get('/notices')).text()
    expect(page).toContain(`<td class="nw">${first}</td>`)
    expect(page).toContain(`aria-label="结清罚款 ${first}">结清 5 元</button>`)
    expect(page).toContain(`aria-label="免除 ${second} 的原因"`)

    await admin.post('/notices/settle', { id: first.toLowerCase() })
    await admin.post('/notices/waive', { id: second, reason: '系统故障没收到通知' })
    await clock.advance(10_000)
    expect(rt.ledger.openFines()).toHaveLength(rt.ledger.fines().length - 2)
    const after = await (await admin.get('/notices')).text()
    expect(after).toContain(`› #罚款 免除 ${second} 系统故障没收到通知`)
    expect(after).toContain(`已免除 李四 的罚款 ${second}（未按时回复通知 N1），原因：系统故障没收到通知`)
    expect(after).toContain('已缴 5 元')
    expect(after).toContain('已免除</span>')
    const audit = rt.audit.query({ days: 1, limit: 200 })
    expect(audit.filter(e => e.rule.startsWith('console.fine')).map(e => e.text)).toEqual([
      `admin1 在网页后台免除罚款 ${second}，原因：系统故障没收到通知`,
      `admin1 在网页后台结清罚款 ${first}（5 元）`,
    ])
    expect(audit).toContainEqual(
      expect.objectContaining({
        type: 'waive',
        rule: 'ack.fine-waived',
        text: `罚款 ${second} 已免除：系统故障没收到通知`,
      }),
    )
  })

  it('approves a queued post by running #排期 通过 as the admin: audited, the editor told, the answer shown', async () => {
    const { say, as, rt, wechat, clock } = await setup()
    await say('boss', '#排期 添加 明天 新品到货，欢迎咨询', false)
    const admin = await as('admin1')
    expect(await (await admin.get('/campaigns')).text()).toContain('新品到货')
    const denied = await admin.post('/campaigns/decide', { id: '1', decision: 'approve' }, false)
    expect(denied.status).toBe(403)
    expect(await (await admin.get('/campaigns')).text()).toContain('待审核')
    const res = await admin.post('/campaigns/decide', { id: '1', decision: 'approve' })
    expect(res.status).toBe(303)
    await clock.advance(10_000)
    const after = await (await admin.get('/campaigns')).text()
    expect(after).toContain('› #排期 通过 1')
    expect(after).toContain('已通过')
    expect(
      rt.audit.query({ days: 1, limit: 100 }).some(e => e.rule === 'command.排期' && e.memberId === 'admin1'),
    ).toBe(true)
    expect(wechat.textsTo('admin1').join('\n')).toContain('通过')
  })

  it('gives no page to someone without a console role (an editor), even with a code', async () => {
    const { as } = await setup()
    const editor = await as('ed1')
    const res = await editor.get('/campaigns')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/login')
  })

  it('sends auditors and leaders a sign-in link and names every role that may sign in when refusing', async () => {
    const { say, wechat } = await setup()
    for (const who of ['aud1', 'boss']) {
      await say(who, '#后台', false)
      expect(wechat.textsTo(who).at(-1)).toContain('/login?code=')
    }
    await say('ed1', '#后台', false)
    expect(wechat.textsTo('ed1').at(-1)).toBe(
      '⛔ 没有权限：#后台 需要「管理员」、「领导」、「培训师」或「审计员」角色。',
    )
  })

  it('gives an auditor the archive only: search and export, and no other page', async () => {
    const { say, as } = await setup()
    await say('u1', '报价单今天发给刘总')
    const auditor = await as('aud1')
    const home = await auditor.get('/')
    expect(home.headers.get('location')).toBe('/archive')
    const page = await (await auditor.get(`/archive?q=${encodeURIComponent('报价单')}`)).text()
    expect(page).toContain('报价单今天发给刘总')
    expect(page).not.toContain('href="/violations"')
    // Dates that run backwards are said so, and nothing is searched (not the default week in their place).
    const reversed = await (
      await auditor.get(`/archive?q=${encodeURIComponent('报价单')}&from=2026-12-01&to=2026-11-01`)
    ).text()
    // In the words of the page's date fields, not chat syntax; the fields keep what was typed, and no export box
    // offers a range nobody entered.
    expect(reversed).toContain(
      '<p class="error" role="alert">「从」2026-12-01 晚于「到」2026-11-01：请把「从」改为 2026-11-01、「到」改为 2026-12-01。',
    )
    expect(reversed).not.toContain('~')
    expect(reversed).toContain('name="from" value="2026-12-01"')
    expect(reversed).toContain('name="to" value="2026-11-01"')
    expect(reversed).not.toContain('导出当前条件')
    expect(reversed).not.toContain('报价单今天发给刘总')
    expect(await (await auditor.post('/archive/export', { q: '报价单', format: 'csv' })).text()).toContain('刘总')
    for (const path of ['/violations', '/groups', '/cases', '/settings']) {
      const res = await auditor.get(path)
      expect(res.status).toBe(403)
    }
    expect(await (await auditor.get('/violations')).text()).toBe('没有权限：此页面需要「管理员」角色')
    expect((await auditor.post('/settings/dry-run', { plugin: 'content', on: '1' })).status).toBe(403)
    for (const path of ['/VIOLATIONS', '/violations/', '/archive/../settings', '//settings'])
      expect((await auditor.get(path)).status).not.toBe(200)
  })

  it('lists a managed group with no message in the range too, everyone in it as not having spoken', async () => {
    const { say, as } = await setup()
    await say('u1', '早上好')
    const page = await (await (await as('boss')).get('/groups?days=1')).text()
    expect(page).toMatch(/<tr><td>张三交流群<\/td><td>0<\/td><td>0<\/td><td>0\.0<\/td>/)
  })

  it('gives a leader the group activity, the customers waiting and the chart, read-only, and no admin page', async () => {
    const { say, as } = await setup()
    await say('u1', '早上好')
    const leader = await as('boss')
    expect((await leader.get('/')).headers.get('location')).toBe('/groups') // they land on 群活跃, not the notices
    await say('c1', '请问这个套餐怎么收费？', customers)
    const page = await (await leader.get('/groups?days=1')).text()
    expect(page).toContain('销售部工作群')
    expect(page).toContain('张三交流群')
    expect(page).toMatch(
      /<h2>正在等待回复<\/h2><ul><li>张三交流群：刘总（\d\d:\d\d 起，工作时间已等 10秒）<\/li><\/ul>/,
    )
    // The group's 未回复 counts the same waiting message (one source: the waiting list), not 0 until the day closes.
    expect(page).toMatch(/<tr><td>张三交流群<\/td>(?:<td>[^<]*<\/td>\s*){6}<td>1<\/td>/)
    expect(page).toContain('href="/groups"')
    expect(page).not.toContain('href="/archive"')
    expect((await leader.get('/groups/chart.png?days=1')).headers.get('content-type')).toBe('image/png')
    for (const path of ['/violations', '/archive', '/campaigns', '/cases'])
      expect((await leader.get(path)).status).toBe(403)
  })

  it('offers a leader this week and last week (Monday to Sunday, as #周榜) besides today, 7 and 30 days', async () => {
    const { say, as, clock } = await setup()
    await say('u1', '周一早上好') // Monday 2026-11-30
    await clock.advance(2 * 24 * 3600_000) // Wednesday
    await say('u1', '周三跟进客户')
    const leader = await as('boss')
    const week = await (await leader.get('/groups?week=this')).text()
    expect(week).toContain('<strong>本周</strong>')
    expect(week).toContain('<a href="/groups?week=last">上周</a>')
    expect(week).toContain('2026-11-30 至 2026-12-02，共 2 条消息')
    const last = await (await leader.get('/groups?week=last')).text()
    expect(last).toContain('<strong>上周</strong>')
    expect(last).toContain('<a href="/groups?week=this">本周</a>')
    expect(last).toMatch(/2026-11-23 至 2026-11-29，共 0 条消息/)
  })

  it('gives a leader the notices they post, read-only: no fines, no settling or waiving', async () => {
    const { say, as, rt, clock } = await setup()
    await say('boss', '#通知 下午三点开会，请回复收到')
    await say('u1', '收到')
    await clock.advance(31 * 60_000)
    const leader = await as('boss')
    const page = await (await leader.get('/notices')).text()
    expect(page).toContain('href="/notices"')
    expect(page).toContain('下午三点开会')
    expect(page).toMatch(/已回复 1\/\d/)
    expect(page).toContain('<p class="muted">罚款的结清与免除由管理员处理。</p>')
    expect(page).not.toContain('<h2>罚款</h2>')
    expect(page).not.toContain('/notices/settle')
    const [fine] = rt.ledger.openFines('u2')
    expect(fine).toBeDefined()
    const refused = await leader.post('/notices/settle', { id: fine.id })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toBe('没有权限：此页面需要「管理员」角色')
    expect((await leader.post('/notices/waive', { id: fine.id, reason: '出差' })).status).toBe(403)
    expect(rt.ledger.openFines('u2')).toHaveLength(1)
  })

  it('keeps trainers out of every admin page and change', async () => {
    const { as } = await setup()
    const trainer = await as('trainer1')
    for (const path of ['/notices', '/campaigns', '/dictionary', '/archive', '/groups', '/settings'])
      expect((await trainer.get(path)).status).toBe(403)
    expect(await (await trainer.get('/archive')).text()).toBe('没有权限：此页面需要「管理员」或「审计员」角色')
    expect((await trainer.post('/dictionary', { op: 'add', term: '测试词' })).status).toBe(403)
    expect((await trainer.post('/archive/export', { format: 'csv' })).status).toBe(403)
    expect((await trainer.get('/cases')).status).toBe(200)
  })

  it('tests a sentence with #词库 测试 and shows the bot answer', async () => {
    const { as } = await setup()
    const admin = await as('admin1')
    await admin.post('/dictionary', { op: 'test', text: '加我微信看内部价格表' })
    const page = await (await admin.get('/dictionary')).text()
    expect(page).toContain('› #词库 测试 加我微信看内部价格表')
    expect(page).toContain('命中')
  })

  it('adds a term by running #词库 添加 as the admin and shows whatever the bot answered', async () => {
    const { as, rt } = await setup()
    const admin = await as('admin1')
    expect((await admin.post('/dictionary', { op: 'add', term: '内部底价单' })).status).toBe(303)
    const page = await (await admin.get('/dictionary')).text()
    expect(page).toContain('› #词库 添加 内部底价单')
    expect(page).toMatch(/› #词库 添加 内部底价单\n\S/)
    const asked = rt.audit.query({ days: 1, limit: 50 }).filter(e => e.rule.startsWith('command.词库'))
    expect(asked.some(e => e.memberId === 'admin1')).toBe(true)
  })

  it('shows an add example that the bot takes as a category and a term', async () => {
    const { as } = await setup()
    const admin = await as('admin1')
    const form = await (await admin.get('/dictionary')).text()
    const example = form.match(/name="term"[^>]*placeholder="[^"]*如：([^（"]+)/)?.[1]
    expect(example).toBe('ad 代购')
    await admin.post('/dictionary', { op: 'add', term: example ?? '' })
    const page = await (await admin.get('/dictionary')).text()
    expect(page).toContain('› #词库 添加 ad 代购')
    // Only the shipped dictionary in this config: the example reaches the file check, not a usage or category error.
    expect(page).toContain('配置里只有自带词库，不能改它')
    expect(page).not.toContain('这个类别')
  })

  it('searches and exports the archive, each written to the audit log', async () => {
    const { say, as, rt } = await setup()
    await say('u1', '报价单今天发给刘总')
    await say('u2', '收到')
    const admin = await as('admin1')
    const found = await (await admin.get(`/archive?q=${encodeURIComponent('报价单')}`)).text()
    expect(found).toContain('报价单今天发给刘总')
    expect(found).toContain('共 1 条')
    const csv = await admin.post('/archive/export', { q: '报价单', format: 'csv' })
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment;/)
    const body = await csv.text()
    expect(body).toContain('报价单今天发给刘总')
    expect(body).not.toContain('收到')
    const rules = rt.audit.query({ days: 1, limit: 100 }).map(e => e.rule)
    expect(rules).toContain('console.archive-search')
    expect(rules).toContain('console.archive-export')
    // One chat chosen: the download is named after it, so two customers' exports are not both 信息记录-….csv.
    const one = await admin.post('/archive/export', { chat: 'r1', format: 'html' })
    const day = /filename="archive-(\d{4}-\d\d-\d\d)-/.exec(one.headers.get('content-disposition') ?? '')?.[1]
    expect(one.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`信息记录-销售部工作群-${day}-`)}`,
    )
  })

  it('lets an auditor read one chat page by page, newest or oldest first, each page audited', async () => {
    const { say, as, rt } = await setup()
    for (let i = 1; i <= 55; i++) await say('u1', `跟进第${i}次`)
    await say('u1', '#帮助')
    const auditor = await as('aud1')
    const page = await (await auditor.get('/archive?chat=r1')).text()
    expect(page).toContain('销售部工作群（内部群） · ')
    expect(page).toMatch(/共 55 条，最新在前。另有 \d+ 条命令\/机器人消息（默认不搜索），勾选「含命令」查看。/)
    expect(page).toMatch(
      /第 1\/2 页 · <a href="\/archive\?chat=r1&amp;from=[\d-]+&amp;to=[\d-]+&amp;order=newest&amp;page=2">下一页 ›<\/a>/,
    )
    expect(page.indexOf('跟进第55次')).toBeLessThan(page.indexOf('跟进第54次'))
    expect(page).not.toContain('跟进第5次<')
    const oldest = await (await auditor.get('/archive?chat=r1&order=oldest&page=2')).text()
    expect(oldest).toContain('<option value="oldest" selected>最早在前</option>')
    expect(oldest).toContain('跟进第55次')
    expect(oldest).not.toContain('跟进第50次<')
    expect(oldest).toContain('‹ 上一页</a> · 第 2/2 页')
    const audited = rt.audit.query({ days: 1, limit: 400 }).filter(e => e.rule === 'console.archive-browse')
    expect(audited.map(e => e.text).sort()).toEqual([
      'aud1 在网页后台浏览信息记录：销售部工作群（内部群） · 2026-11-24 至 2026-11-30 · 第 1/2 页，显示 50 条',
      'aud1 在网页后台浏览信息记录：销售部工作群（内部群） · 2026-11-24 至 2026-11-30 · 第 2/2 页，显示 5 条',
    ])
    // Nothing chosen: the page says what to do, and reads nothing.
    expect(await (await auditor.get('/archive')).text()).toContain(
      '只选一个会话（不填关键词和成员）可按时间浏览它的消息',
    )
  })

  it('checks a day’s archive check code: what the archive gives now, against the code kept and the one sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-archive-'))
    const { say, as, rt, clock, wechat } = await setup(
      CONFIG.replace('plugins:\n', `plugins:\n  archive: { dir: ${dir} }\n`),
    )
    await say('u1', '报价单今天发给刘总')
    await clock.advance(86_400_000) // 2026-12-01 09:00: the daily job of 03:30 sent the code of 11-30
    const code = /存档校验码 2026-11-30：(\S{24})（/.exec(wechat.textsTo('aud1').join('\n'))?.[1] ?? 'none'
    const auditor = await as('aud1')
    const ok = await (await auditor.get(`/archive?codeDay=2026-11-30&code=${code.toLowerCase()}`)).text()
    // the group, and the private chats the other plugins' messages of that day opened
    expect(ok).toMatch(new RegExp(`🔐 存档校验码 2026-11-30：${code}（共 \\d+ 个会话文件，按现存记录重新计算）`))
    expect(ok).toContain('✅ 与你保存的校验码一致：当天的记录没有被改动。')
    expect(ok).toContain('✅ 与 12-01 03:30 发出的校验码一致')
    const file = join(dir, 'chats', folderName('r1'), '2026-11-30.jsonl')
    writeFileSync(file, readFileSync(file, 'utf8').replace('报价单今天发给刘总', '报价单昨天发给刘总'))
    const edited = await (await auditor.get(`/archive?codeDay=2026-11-30&code=${code}`)).text()
    expect(edited).toContain(`⚠️ 与你保存的 ${code} 不同：当天的记录被改动过，或校验码抄错了。`)
    // the message is the file’s first line: the link of the line after it breaks
    expect(edited).toContain(`chats/${folderName('r1')}/2026-11-30.jsonl：哈希链断开`)
    const today = await (await auditor.get('/archive?codeDay=2026-12-01')).text()
    expect(today).toContain('2026-12-01 的记录还在写入')
    const rules = rt.audit.query({ days: 2, limit: 200 }).map(e => e.rule)
    expect(rules.filter(r => r === 'console.archive-check-code')).toHaveLength(2)
  })

  it('audits an export when it starts: a download cancelled half-way leaves a trace of who read what', async () => {
    const { say, as, rt } = await setup()
    for (let i = 0; i < 60; i++) await say(`p${i}`, `报价单 第${i}条 ${'很长的内容'.repeat(40)}`, false)
    const auditor = await as('aud1')
    const res = await auditor.post('/archive/export', { format: 'csv' })
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    let read = '' // the first records, then the auditor cancels the download
    while (!read.includes('报价单')) read += new TextDecoder().decode((await reader.read()).value)
    await reader.cancel()
    await new Promise(r => setTimeout(r, 100))
    const texts = rt.audit.query({ days: 1, limit: 100 }).filter(e => e.rule === 'console.archive-export')
    expect(texts.map(e => e.text).join('\n')).toMatch(/aud1 在网页后台开始导出信息记录：/)
  })

  it('refuses an export format it does not know (constructor, __proto__) with a 400, before anything is read', async () => {
    const { say, as, rt } = await setup()
    await say('u1', '报价单今天发给刘总')
    const auditor = await as('aud1')
    for (const format of ['constructor', '__proto__', 'toString', 'pdf']) {
      const res = await auditor.post('/archive/export', { format })
      expect(res.status).toBe(400)
      expect(await res.text()).toBe('不支持的导出格式：请选择 CSV、Markdown、JSONL 或 HTML。')
    }
    expect(rt.audit.query({ days: 1, limit: 100 }).filter(e => e.rule === 'console.archive-export')).toEqual([])
    // A format it knows starts, ends and says so.
    const md = await auditor.post('/archive/export', { format: 'md' })
    expect(md.status).toBe(200)
    expect(await md.text()).toContain('报价单今天发给刘总')
    const texts = rt.audit.query({ days: 1, limit: 100 }).filter(e => e.rule === 'console.archive-export')
    expect(texts.map(e => e.text).sort()).toEqual([
      expect.stringMatching(/^aud1 在网页后台导出信息记录：.* · md，共 \d+ 条$/),
      expect.stringMatching(/^aud1 在网页后台开始导出信息记录：.* · md$/),
    ])
  })

  it('leaves command conversations with the bot out of an archive search, as chat search does', async () => {
    const { say, as } = await setup()
    await say('u1', '报价单今天发给刘总')
    await say('admin1', '#记录 搜索 报价单', false)
    const admin = await as('admin1')
    const found = await (await admin.get(`/archive?q=${encodeURIComponent('报价单')}`)).text()
    expect(found).toContain('报价单今天发给刘总')
    expect(found).toContain('共 1 条')
    expect(found).not.toContain('#记录 搜索 报价单')
  })

  it('shows a prefixed message that names no command, and all a person said in a customer group', async () => {
    const { say, as } = await setup()
    await say('u1', '#私下转账给我 给你打8折 别告诉公司', customers)
    await say('u1', '#帮助', customers) // a command, but the customer read it (the bot's answer there is left out)
    await say('u1', '#帮助') // in the internal group: left out
    const auditor = await as('aud1')
    const found = await (await auditor.get(`/archive?q=${encodeURIComponent('打8折')}`)).text()
    expect(found).toContain('#私下转账给我 给你打8折 别告诉公司')
    const page = await (await auditor.get('/archive?chat=r2')).text()
    expect(page).toContain('#私下转账给我 给你打8折 别告诉公司')
    expect(page).toContain('#帮助')
    expect(page).toContain('张三交流群（客户群） · 2026-11-24 至 2026-11-30 · 共 2 条，最新在前。')
    expect(await (await auditor.get('/archive?chat=r1')).text()).not.toContain('#帮助')
  })

  it('searches command conversations too when 含命令 is ticked, as #记录 搜索 … 含命令 does, and audits that', async () => {
    const { say, as, rt } = await setup()
    await say('u1', '报价单今天发给刘总')
    await say('admin1', '#记录 搜索 报价单', false)
    const admin = await as('admin1')
    const form = await (await admin.get('/archive')).text()
    expect(form).toContain('<input type="checkbox" name="commands" value="1"> 含命令</label>')
    const found = await (await admin.get(`/archive?q=${encodeURIComponent('报价单')}&commands=1`)).text()
    expect(found).toContain('报价单今天发给刘总')
    expect(found).toContain('#记录 搜索 报价单')
    expect(found).toContain('<input type="checkbox" name="commands" value="1" checked> 含命令</label>')
    const searches = rt.audit.query({ days: 1, limit: 200 }).filter(e => e.rule === 'console.archive-search')
    expect(searches.map(e => e.text)).toContainEqual(expect.stringMatching(/：「报价单」 · .* · 含命令，命中 \d+ 条$/))
    // Only command talk says 搜索 报价单: unticked, the page says how many 含命令 would find.
    const hidden = await (await admin.get(`/archive?q=${encodeURIComponent('搜索 报价单')}`)).text()
    expect(hidden).toMatch(/没有找到记录。另有 \d+ 条命令\/机器人消息（默认不搜索），勾选「含命令」查看。/)
  })

  it("names a private chat the archive titled with a contact id by the person's name in the group", async () => {
    const { rt, clock, as } = await setup()
    await rt.act('runtime', [{ type: 'say', to: { contact: 'u2' }, text: '请查收报价单', rule: 'test' }])
    await clock.advance(10_000)
    const admin = await as('admin1')
    const page = await (await admin.get('/archive')).text()
    expect(page).toContain('李四（私聊）')
    expect(page).not.toContain('u2（私聊）')
    // Read and exported, the chat keeps its mark: the person's name alone reads like a group's.
    expect(await (await admin.get('/archive?chat=private:u2')).text()).toContain('李四（私聊） · ')
    const file = await admin.post('/archive/export', { chat: 'private:u2', format: 'md' })
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('信息记录-李四（私聊）-'))
  })

  it('says a case shared privately with the bot came from a private chat, as chat does', async () => {
    const { say, as } = await setup()
    await say('boss', '#经验 客户嫌贵时先讲三年滤芯成本', false)
    const one = await (await (await as('trainer1')).get('/cases/C1')).text()
    expect(one).toMatch(/C1 · #经验 · boss · 私聊 · /)
  })

  it("counts neither the bot nor the fleet's other account among the silent members, and shows the group size", async () => {
    const { say, as } = await setup()
    await say('u1', '早上好')
    const page = await (await (await as('admin1')).get('/groups?days=1')).text()
    const row = /<tr><td>销售部工作群<\/td>[\s\S]*?<\/tr>/.exec(page)?.[0] ?? ''
    expect(row).toContain('<summary>3 人</summary>')
    expect(row).toContain('王经理、李四、陈管理')
    expect(row).not.toContain('群管家B')
    expect(row).toContain('<td>4</td>')
  })

  it('names plugins in Chinese in #状态 and the console, and says in words where a recent change came from', async () => {
    const { say, wechat, as } = await setup()
    await say('admin1', '#状态', false)
    expect(wechat.textsTo('admin1').at(-1)).toContain('插件：通知回复跟踪（ack）、群活跃度与客户响应统计（activity）')
    const admin = await as('admin1')
    expect(await (await admin.get('/')).text()).toContain('<td>违规内容（content）</td>')
    await admin.get(`/archive?q=${encodeURIComponent('报价')}`)
    await admin.post('/settings/dry-run', { plugin: 'content', on: '1' })
    const settings = await (await admin.get('/settings')).text()
    expect(settings).toContain('违规内容（content）观察模式已开启')
    expect(settings).toContain('<th>信息记录（archive）</th>')
    // Reading the archive is no setting change: it is in the audit log, not under 最近的设置变更与撤销.
    expect(settings).toContain('网页后台 · 观察模式')
    expect(settings).not.toContain('网页后台 · 搜索信息记录')
    expect(settings).not.toContain('runtime/console.')
  })

  it('answers 404 without details for unknown pages after sign-in', async () => {
    const { as } = await setup()
    const res = await (await as('admin1')).get('/nope/../../etc/passwd')
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('页面不存在')
  })
})
