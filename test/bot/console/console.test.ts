import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseConfig } from '../../../bot/config/load-config.js'
import {
  ConsoleSettingsError,
  listenError,
  readConsoleSettings,
  runtimeSource,
  WebConsole,
} from '../../../bot/console/index.js'
import { createConsoleApp } from '../../../bot/console/server.js'
import { definePlugin, type PluginDefinition } from '../../../bot/core/plugin.js'
import { CaseStore } from '../../../plugins/cases/store/case-store.js'
import { casesPlugin } from '../../../plugins/cases/index.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { createArchivePlugin } from '../../../plugins/archive/index.js'
import { MemoryArchive } from '../../../plugins/archive/store/memory-backend.js'
import { FakeClock } from '../../../bot/ports/clock.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { createLogger } from '../../../bot/process/logger.js'
import { BotRuntime } from '../../../bot/runtime/host/runtime.js'
import { group, MONDAY_9AM, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], trainer: [trainer1] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')

/** Stands in for the content plugin: a strike with evidence for every 广告 message. */
const content = definePlugin({
  name: 'content',
  description: 'test content plugin',
  configSchema: z.object({}).strict(),
  create: () => ({
    onEvent: ev =>
      ev.type === 'message' && ev.group && ev.text.includes('广告')
        ? [
            {
              type: 'strike',
              memberId: ev.sender.id,
              groupId: ev.group.id,
              category: 'ad',
              ttlMs: 86_400_000,
              rule: 'ad',
              reason: '发广告',
              evidence: { messageId: ev.id, text: ev.text },
            },
          ]
        : [],
  }),
})

async function setup(plugins: PluginDefinition[] = [content]) {
  const clock = new FakeClock(MONDAY_9AM)
  const wechat = new SimulatedWeChat(clock)
  const log = createLogger('silent')
  const web = new WebConsole({ host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1:8080' }, log, () => clock.now())
  const rt = new BotRuntime({
    loaded: parseConfig(CONFIG, 'test.yaml', plugins),
    plugins,
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
  /** An admin asks for a code in a private chat; returns the code the bot sent. */
  const askCode = async (who = 'admin1') => {
    await rt.handle(text(member(who), '#后台', clock.now()))
    await clock.advance(10_000)
    const reply = wechat.textsTo(who).at(-1) ?? ''
    return /login\?code=([A-Z0-9]+)/.exec(reply)?.[1]
  }
  /** GET /login for the pre-login cookie, then POST the code; returns the response. */
  const login = async (code: string) => {
    const page = await app.request('/login')
    const pre = cookie(page, 'gg_console_pre')
    return app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ pre, code }),
      headers: { Cookie: `gg_console_pre=${pre}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
  }
  const signedIn = async (who = 'admin1') => {
    const res = await login((await askCode(who)) as string)
    const sid = cookie(res, 'gg_console')
    const get = (path: string) => app.request(path, { headers: { Cookie: `gg_console=${sid}` } })
    const post = (path: string, form: Record<string, string>) =>
      app.request(path, {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { Cookie: `gg_console=${sid}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      })
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await get('/cases')).text())?.[1] as string
    return { get, post, csrf }
  }
  return { rt, clock, wechat, app, askCode, login, signedIn }
}

function cookie(res: Response, name: string): string {
  const line = res.headers.getSetCookie().find(c => c.startsWith(`${name}=`)) ?? ''
  return line.slice(name.length + 1).split(';')[0]
}

describe('web console sign-in', () => {
  it('refuses every page and change without a session', async () => {
    const { app } = await setup()
    const pages = ['/', '/violations', '/notices', '/campaigns', '/dictionary', '/archive', '/settings', '/groups']
    for (const path of [...pages, '/cases', '/groups/chart.png', '/nope']) {
      const res = await app.request(path)
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/login')
    }
    const post = await app.request('/settings/dry-run', {
      method: 'POST',
      body: new URLSearchParams({ plugin: 'content', on: '1' }),
    })
    expect(post.status).toBe(401)
    for (const path of [
      '/campaigns/decide',
      '/notices/waive',
      '/notices/settle',
      '/dictionary',
      '/archive/export',
      '/violations/undo',
    ])
      expect((await app.request(path, { method: 'POST', body: new URLSearchParams({ id: '1' }) })).status).toBe(401)
    const forged = await app.request('/', { headers: { Cookie: 'gg_console=forged' } })
    expect(forged.status).toBe(303)
  })

  it('sends an admin a link privately that signs in exactly once, and keeps the link out of the audit log', async () => {
    const { askCode, login, wechat, rt } = await setup()
    const code = await askCode()
    expect(code).toMatch(/^[A-Z0-9]{16}$/)
    expect(wechat.textsTo('admin1').at(-1)).toContain(`http://127.0.0.1:8080/login?code=${code}`)
    const logged = JSON.stringify(rt.audit.query({ days: 1, limit: 100 }))
    expect(logged).toContain('[敏感内容，未记录]')
    expect(logged).not.toContain(code)
    const first = await login(code as string)
    expect(first.status).toBe(303)
    const set = first.headers.getSetCookie().find(c => c.startsWith('gg_console='))
    expect(set).toMatch(/HttpOnly/)
    expect(set).toMatch(/SameSite=Strict/)
    expect(set).toMatch(/Max-Age=\d+/)
    const again = await login(code as string)
    expect(again.status).toBe(401)
    expect(await again.text()).toContain('登录码无效、已使用或已过期')
  })

  it("keeps the link out of the message archive: an auditor reading the admin's private chat cannot sign in", async () => {
    const archive = new MemoryArchive()
    const { askCode, wechat, rt, clock } = await setup([content, createArchivePlugin({ backend: () => archive })])
    rt.outbox.enqueue({ chat: { contact: 'admin1' }, text: '另一条私聊提醒' }) // queued beside it: never merged with it
    const code = (await askCode()) as string
    await clock.advance(10_000)
    const texts = wechat.textsTo('admin1')
    expect(texts.find(t => t.includes(code))).not.toContain('另一条私聊提醒')
    const records = []
    for await (const seg of archive.scan({ chats: ['private:admin1'], from: '2000-01-01', to: '2999-12-31' }))
      records.push(...seg.records)
    expect(JSON.stringify(records)).not.toContain(code)
    expect(records.filter(r => r.fromBot).map(r => r.text)).toEqual(
      expect.arrayContaining(['[敏感内容，未记录]', '另一条私聊提醒']),
    )
  })

  it('refuses an expired code and gives members no code', async () => {
    const { askCode, login, clock, wechat, rt } = await setup()
    const code = await askCode()
    await clock.advance(11 * 60_000)
    expect((await login(code as string)).status).toBe(401)
    await rt.handle(text(member('u1'), '#控制台', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('u1').join('\n')).not.toContain('login?code=')
  })

  it('throttles wrong codes after 10 from one address, yet signs in a valid code from that address', async () => {
    const { login, askCode } = await setup()
    for (let i = 0; i < 10; i++) expect((await login('WRONGCODE1')).status).toBe(401)
    const throttled = await login('WRONGCODE1')
    expect(throttled.status).toBe(429)
    expect(await throttled.text()).toContain('近期错误尝试过多')
    expect((await login((await askCode()) as string)).status).toBe(303)
  })

  it('sends security headers that forbid framing and foreign content, and refuses oversized requests', async () => {
    const { app } = await setup()
    const res = await app.request('/login')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const huge = await app.request('/login', { method: 'POST', body: 'x'.repeat(100_000) })
    expect(huge.status).toBe(413)
  })
})

describe('web console pages and changes', () => {
  it('shows the overview with the facts of #状态', async () => {
    const { signedIn } = await setup()
    const { get } = await signedIn()
    const html = await (await get('/')).text()
    expect(html).toContain('健康')
    expect(html).toContain('content')
    expect(html).toContain('发送队列')
    expect((await get('/nope')).status).toBe(404)
  })

  it('warns as #状态 does: a configured group the bot is not in is named on the overview until it joins', async () => {
    const { signedIn, rt, clock, wechat } = await setup()
    const { get } = await signedIn()
    await rt.handle(text(member('admin1'), '#状态', clock.now()))
    await clock.advance(5000)
    expect(wechat.textsTo('admin1').at(-1)).toContain('健康：⚠️ 1 个配置的群未找到')
    const html = await (await get('/')).text()
    expect(html).toMatch(/健康<\/div><div class="v bad">1 个配置的群未找到/)
    expect(html).toContain('未找到的群：')
    expect(html).toContain('销售部工作群')
    wechat.addGroup(sales, [member('admin1')])
    expect(await (await get('/')).text()).toMatch(/健康<\/div><div class="v ok">正常/)
  })

  it('rejects a change without the CSRF token and leaves the mode as it was', async () => {
    const { signedIn, rt } = await setup()
    const { post } = await signedIn()
    const res = await post('/settings/dry-run', { plugin: 'content', on: '1', csrf: 'wrong' })
    expect(res.status).toBe(403)
    expect(rt.modes.of(rt.plugins[0].name).observing).toBe(false)
    expect(rt.audit.query({ plugin: 'runtime' }).some(e => e.rule === 'console.dry-run')).toBe(false)
  })

  it('switches observe mode through the runtime and audits who did it', async () => {
    const { signedIn, rt } = await setup()
    const { post, get, csrf } = await signedIn()
    const res = await post('/settings/dry-run', { plugin: 'content', on: '1', csrf })
    expect(res.status).toBe(303)
    expect(rt.modes.of(rt.plugins[0].name).observing).toBe(true)
    const entry = rt.audit.query({ plugin: 'runtime' }).find(e => e.rule === 'console.dry-run')
    expect(entry?.reason).toBe('网页后台开启 content 的观察模式，admin1')
    const page = await (await get('/settings')).text()
    expect(page).toContain('content观察模式已开启（已写入审计日志）')
    expect(page).toContain('admin1 在控制台开启了content的观察模式')
  })

  it('lists only setting changes under 最近的设置变更与撤销, not archive reading, exports or fines', async () => {
    const { signedIn, rt } = await setup()
    const { post, get, csrf } = await signedIn()
    const source = runtimeSource(rt)
    const auditor = { id: 'aud1', name: '吴审计' }
    source.record(auditor, 'console.archive-browse', '吴审计 在网页后台浏览信息记录：张三交流群（客户群）')
    source.record(auditor, 'console.archive-export', '吴审计 在网页后台导出信息记录')
    source.record(auditor, 'console.archive-search', '吴审计 在网页后台搜索信息记录：退款')
    await post('/settings/dry-run', { plugin: 'content', on: '1', csrf })
    const page = await (await get('/settings')).text()
    const recent = page.slice(page.indexOf('最近的设置变更与撤销'))
    expect(recent).toContain('admin1 在控制台开启了content的观察模式')
    expect(recent).not.toContain('信息记录')
    expect(rt.audit.query({ plugin: 'runtime' }).filter(e => e.rule.startsWith('console.archive-'))).toHaveLength(3)
  })

  it('lists violations with evidence per category and undoes one with a reason, telling the member', async () => {
    const { signedIn, rt, clock, wechat } = await setup()
    await rt.handle(text(member('u1'), '加我微信买广告位', clock.now(), sales))
    const { get, post, csrf } = await signedIn()
    const list = await (await get('/violations')).text()
    expect(list).toContain('加我微信买广告位')
    expect(list).toContain('ad（1）')
    expect(await (await get('/violations?category=ad')).text()).toContain('加我微信买广告位')
    expect(await (await get('/violations?category=flood')).text()).not.toContain('加我微信买广告位')
    const id = rt.audit.query({ plugin: 'content' })[0].id
    const res = await post('/violations/undo', { id, reason: '误判', csrf })
    expect(res.status).toBe(303)
    await clock.advance(10_000)
    expect(rt.ledger.activeStrikes('u1', clock.now())).toHaveLength(0)
    expect(wechat.textsTo('u1').join('\n')).toMatch(
      /管理员已撤销你 \d\d-\d\d \d\d:\d\d (在「.+」)?的一次违规记录，相关处罚已取消。/,
    )
    expect(wechat.textsTo('u1').join('\n')).not.toMatch(/A\d+/)
    const undo = rt.audit.query({ plugin: 'runtime' }).find(e => e.type === 'undo')
    expect(undo?.reason).toContain(`undo ${id} by admin1: 误判`)
    const after = await (await get('/violations')).text()
    expect(after).toContain(`已撤销 ${id}：违规记录 1 条。原因：误判。已通知成员。`)
    expect(after).toMatch(/【已撤销】[^<：]+：误判</)
    expect(await (await get('/violations')).text()).toMatch(/【已撤销】[^<：]+：误判</)
  })

  it('names a member by WeChat name with a copied group nickname apart, never by the nickname alone', async () => {
    const { signedIn, rt, clock, wechat } = await setup([contentPlugin])
    const liu = member('wxid_liu', '刘总', '行政部-陈静')
    wechat.addGroup(sales, [member('admin1'), liu])
    await rt.handle(text(liu, '兼职刷单，日赚三百', clock.now(), sales))
    const { get } = await signedIn()
    const page = await (await get('/violations')).text()
    expect(page).toContain('<td class="nw">刘总（群昵称：行政部-陈静）</td>')
    expect(page).not.toContain('<td class="nw">行政部-陈静</td>')
  })

  it("shows the content plugin's entries in chat's words: the member's name, category labels, quoted evidence", async () => {
    const { signedIn, rt, clock } = await setup([contentPlugin])
    await rt.handle(text(member('wxid_c3', '优惠多多'), '兼职刷单，日赚三百', clock.now(), sales))
    const { get } = await signedIn()
    const page = await (await get('/violations')).text()
    const cells = (tag: string) => [...page.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map(m => m[1])
    expect(page).toContain('<td class="nw">优惠多多</td>')
    expect(page).not.toContain('wxid_c3')
    // One message, one incident: its warning and strike are two rows but count once.
    expect(page.match(/V1 无关商业广告/g)?.length).toBeGreaterThan(1)
    expect(page).toContain('<a href="/violations?days=7&amp;category=ad">无关商业广告（1）</a>')
    expect(page).toContain('全部（1）')
    expect(page).not.toMatch(/content\.(warn|strike|report)/)
    expect(cells('div')).toContain('无关商业广告：「兼职刷单」位置 0–4；无关商业广告：「日赚」位置 5–7')
    expect(page).toMatch(/V1 无关商业广告/)
    expect(await (await get('/violations?category=ad')).text()).toContain('优惠多多')
  })

  it('escapes message text so a message cannot inject markup', async () => {
    const { signedIn, rt, clock } = await setup()
    await rt.handle(text(member('u1'), '广告<script>alert(1)</script>', clock.now(), sales))
    const { get } = await signedIn()
    const html = await (await get('/violations')).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;script&gt;')
  })
})

describe('web console roles', () => {
  it('ends the session of someone who is no longer an admin', async () => {
    const { signedIn, rt } = await setup()
    const { get } = await signedIn()
    expect((await get('/')).status).toBe(200)
    rt.loaded.config.roles.admin = []
    expect((await get('/')).status).toBe(303)
  })

  it('gives a trainer the cases page only, as in chat', async () => {
    const { signedIn } = await setup()
    const { get, post, csrf } = await signedIn('trainer1')
    const home = await get('/')
    expect(home.status).toBe(303)
    expect(home.headers.get('location')).toBe('/cases')
    const cases = await (await get('/cases')).text()
    expect(cases).not.toContain('违规记录')
    for (const path of ['/violations', '/settings', '/groups', '/groups/chart.png']) {
      const res = await get(path)
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('没有权限')
    }
    expect((await post('/settings/dry-run', { plugin: 'content', on: '1', csrf })).status).toBe(403)
  })

  it('signs in with the environment token and records changes as token', async () => {
    const { rt, clock } = await setup()
    const web = new WebConsole(
      { host: '127.0.0.1', port: 0, publicUrl: 'http://x', token: 'a-long-enough-secret-token-123' },
      createLogger('silent'),
      () => clock.now(),
    )
    const app = createConsoleApp({ source: runtimeSource(rt), auth: web.auth, log: createLogger('silent') })
    const page = await app.request('/login')
    const pre = cookie(page, 'gg_console_pre')
    expect(await page.text()).toContain('使用访问令牌登录')
    const res = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ pre, token: 'a-long-enough-secret-token-123' }),
      headers: { Cookie: `gg_console_pre=${pre}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(303)
    const wrong = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ pre, token: 'a-long-enough-secret-token-124' }),
      headers: { Cookie: `gg_console_pre=${pre}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(wrong.status).toBe(401)
  })
})

describe('web console read-only pages', () => {
  it('searches cases by words on the cases plugin index and shows no activity without the activity plugin', async () => {
    const { signedIn, rt, clock } = await setup([content, casesPlugin])
    const cases = new CaseStore(rt.deps.store, 'Asia/Shanghai')
    const base = { authorId: 'u1', author: '张三', at: clock.now(), fields: {}, images: [] }
    await cases.add({ ...base, tag: '成交', text: '客户：刘总 13812348001\n产品：净水器', title: '刘总 净水器' })
    await cases.add({ ...base, tag: '问题', text: '客户嫌价格高', title: '价格异议' })
    await rt.applyConfig(rt.loaded) // the plugin indexes the stored cases when it starts
    const { get } = await signedIn()
    const found = await (await get('/cases?q=净水器')).text()
    expect(found).toContain('找到 1 个案例')
    expect(found).toContain('刘总 净水器')
    expect(found).not.toContain('价格异议')
    expect(found).toContain('138****8001')
    expect(found).not.toContain('13812348001')
    // The digest's default period says how many days it covers (digest.days), as #案例 周报 without a period does.
    expect(found).toContain('<option value="">最近 7 天</option>')
    const id = /href="\/cases\/(C\d+)"><strong>刘总 净水器/.exec(found)?.[1]
    const one = await (await get(`/cases/${id}`)).text()
    expect(one).toContain('产品')
    expect(one).toContain('138****8001')
    expect((await get('/cases/C999')).status).toBe(404)
    expect(await (await get('/groups')).text()).toContain('这段时间没有活跃度数据（需要启用 activity 插件）')
  })

  it('says only that there is no data yet when the activity plugin runs but counted nothing', async () => {
    const { signedIn } = await setup([content, activityPlugin])
    const { get } = await signedIn()
    const page = await (await get('/groups')).text()
    expect(page).toContain('这段时间还没有活跃度数据。')
    expect(page).not.toContain('需要启用 activity 插件')
  })

  it('shows why dates that run backwards or do not exist were not used, on the groups page', async () => {
    const { signedIn } = await setup([content, activityPlugin])
    const { get } = await signedIn()
    const reversed = await (await get('/groups?from=2026-12-01&to=2026-11-01')).text()
    expect(reversed).toContain(
      '<p class="error" role="alert">「从」2026-12-01 晚于「到」2026-11-01：请把「从」改为 2026-11-01、「到」改为 2026-12-01。下面仍是',
    )
    expect(await (await get('/groups?from=2026-02-30&to=2026-03-01')).text()).toContain('「2026-02-30」不是有效的日期')
    expect(await (await get('/groups?from=2026-11-01&to=2026-11-02')).text()).not.toContain('role="alert"')
  })

  it('signs out: the session cookie no longer opens pages', async () => {
    const { signedIn } = await setup()
    const { get, post, csrf } = await signedIn()
    expect((await post('/logout', { csrf })).status).toBe(303)
    const after = await get('/')
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/login')
  })
})

describe('console settings from the environment', () => {
  it('is off without BOT_CONSOLE_LISTEN and binds 127.0.0.1 for a bare port', () => {
    expect(readConsoleSettings({})).toBeUndefined()
    expect(readConsoleSettings({ BOT_CONSOLE_LISTEN: '8080' })).toEqual({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'http://127.0.0.1:8080',
      token: undefined,
    })
  })

  it('fails at start when the address is already taken', async () => {
    const { rt } = await setup()
    const log = createLogger('silent')
    const settings = { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1' }
    const first = new WebConsole(settings, log, () => 0)
    first.attach(runtimeSource(rt))
    const { port } = await first.listen()
    const second = new WebConsole({ ...settings, port }, log, () => 0)
    second.attach(runtimeSource(rt))
    await expect(second.listen()).rejects.toThrow(
      `网页后台无法在 127.0.0.1:${port} 监听：端口 ${port} 已被其他程序占用：请把 BOT_CONSOLE_LISTEN 改为空闲的端口`,
    )
    await expect(second.listen()).rejects.toThrow(/\(listen EADDRINUSE/) // the system's words kept at the end
    const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' })
    expect(res.status).toBe(303)
    await first.close()
  })

  it('names BOT_CONSOLE_LISTEN in Chinese when the address is not this machine’s or the port needs root', () => {
    const lacking = Object.assign(new Error('listen EADDRNOTAVAIL: address not available 10.9.9.9:8080'), {
      code: 'EADDRNOTAVAIL',
    })
    expect(listenError(lacking, '10.9.9.9', 8080).message).toBe(
      '网页后台无法在 10.9.9.9:8080 监听：本机没有地址 10.9.9.9：请把 BOT_CONSOLE_LISTEN 改为本机的地址（如 127.0.0.1:8080，或只写端口 8080） (listen EADDRNOTAVAIL: address not available 10.9.9.9:8080)',
    )
    const root = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES' })
    expect(listenError(root, '0.0.0.0', 80).message).toMatch(/^网页后台无法在 0\.0\.0\.0:80 监听：没有权限使用端口 80/)
  })

  it('refuses to listen on every address without BOT_CONSOLE_URL: a link to 0.0.0.0 opens nowhere else', () => {
    const lan = () => ['192.168.1.20', '10.0.0.5']
    for (const listen of ['0.0.0.0:18793', '[::]:18793'])
      expect(() => readConsoleSettings({ BOT_CONSOLE_LISTEN: listen }, lan)).toThrow(
        `BOT_CONSOLE_LISTEN=${listen} 监听本机所有地址，但登录链接不能写 ${listen.startsWith('[') ? '::' : '0.0.0.0'}（别的电脑打不开）：请同时设置 BOT_CONSOLE_URL 为同事能打开的地址，如 BOT_CONSOLE_URL=http://192.168.1.20:18793（本机局域网地址：192.168.1.20、10.0.0.5）`,
      )
    expect(
      readConsoleSettings({ BOT_CONSOLE_LISTEN: '0.0.0.0:18793', BOT_CONSOLE_URL: 'http://192.168.1.20:18793' }, lan),
    ).toMatchObject({ host: '0.0.0.0', port: 18793, publicUrl: 'http://192.168.1.20:18793' })
    expect(readConsoleSettings({ BOT_CONSOLE_LISTEN: '192.168.1.20:18793' }, lan)).toHaveProperty(
      'publicUrl',
      'http://192.168.1.20:18793',
    )
  })

  it('refuses a malformed address, or a short or guessable token, at start', () => {
    expect(() => readConsoleSettings({ BOT_CONSOLE_LISTEN: 'localhost' })).toThrow(ConsoleSettingsError)
    expect(() => readConsoleSettings({ BOT_CONSOLE_LISTEN: '8080', BOT_CONSOLE_TOKEN: 'short' })).toThrow(
      ConsoleSettingsError,
    )
    expect(() => readConsoleSettings({ BOT_CONSOLE_LISTEN: '8080', BOT_CONSOLE_TOKEN: 'short' })).toThrow(
      'BOT_CONSOLE_TOKEN 太短：至少 24 个字符，现在 5 个（must be at least 24 characters）',
    )
    expect(() => readConsoleSettings({ BOT_CONSOLE_LISTEN: '8080', BOT_CONSOLE_TOKEN: 'ab'.repeat(15) })).toThrow(
      /^BOT_CONSOLE_TOKEN 太容易猜：只用了 2 种字符/,
    )
    expect(() => readConsoleSettings({ BOT_CONSOLE_LISTEN: '8080', BOT_CONSOLE_URL: 'bot.example.com' })).toThrow(
      /^BOT_CONSOLE_URL 应以 http:\/\/ 或 https:\/\/ 开头/,
    )
  })
})
