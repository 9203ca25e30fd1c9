import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, loadConsole, type App } from '../../bot/app.js'
import { FakeClock, flushMicrotasks } from '../../bot/ports/clock.js'
import { MemoryStore } from '../../bot/ports/store/memory-store.js'
import { createLogger } from '../../bot/process/logger.js'
import { createSandbox, type SandboxWorld } from '../../bot/sandbox/index.js'
import { populateWorld, readWorld } from '../../bot/sandbox/load-world.js'
import { PLUGINS } from '../../plugins/index.js'
import { MONDAY_9AM } from '../helpers/harness.js'
import { demoConfig } from '../helpers/sandbox-app.js'

/** Screenshots land here for a person to look at (docs/console/ holds copies of them). */
const OUTPUT = join(process.cwd(), 'test-output', 'console')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const SALES = 'r-sales@chatroom'
const CAMPAIGN = `plugins:
  ack: { fines: { enabled: true } }
  campaign:
    queue: { targets: { kinds: [internal] } }
    campaigns:
      - id: double12
        title: 双十二净水器特惠
        text: RO 反渗透净水器直降 600 元，请把活动链接转发到朋友圈并配一句推荐语。
        start: '2026-12-01'
        deadline: '2026-12-04 18:00'
`

let app: App
let world: SandboxWorld
let clock: FakeClock
let browser: Browser
let base: string
/** The admin's signed-in tab, shared by the tests below (they run in order). */
let admin: Page

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bot-console-'))
  const configFile = join(dir, 'bot.config.yaml')
  // The demo roles, with the manager queueing daily posts and the admin approving them; one share campaign.
  writeFileSync(
    configFile,
    demoConfig(CAMPAIGN).replace(
      'trainer: [wxid_trainer] }',
      'trainer: [wxid_trainer], auditor: [wxid_zhaoliu], editor: [wxid_boss], approver: [wxid_admin] }',
    ),
  )
  clock = new FakeClock(MONDAY_9AM)
  const sandbox = createSandbox({ now: () => clock.now() })
  const spec = readWorld('data/demo/world.yaml')
  populateWorld(sandbox.world, spec)
  world = sandbox.world
  await loadConsole()
  app = createApp({
    configFile,
    dataDir: dir,
    log: createLogger('silent'),
    puppet: sandbox.puppet,
    clock,
    store: new MemoryStore(),
    plugins: PLUGINS,
    printQr: false,
    console: { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1' },
  })
  const address = await app.web?.listen()
  base = `http://127.0.0.1:${address?.port}`
  await app.bot.start()
  world.login(spec.bot.id)
  await app.ready
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  mkdirSync(OUTPUT, { recursive: true })
  await demoDay()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Let the bot handle what the sandbox delivered and move the fake clock so the outbox sends. */
async function settle(ms = 10_000): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushMicrotasks()
    await app.idle()
  }
  await clock.advance(ms)
}

/** A morning in the demo world: a notice and answers, a violation, a queued post, a case, ordinary talk. */
async function demoDay(): Promise<void> {
  world.say('wxid_boss', { room: SALES }, '#通知 周三下午三点开季度复盘会，请准备好本月客户跟进表')
  await settle()
  world.say('wxid_zhangsan', { room: SALES }, '收到')
  world.say('wxid_lisi', { room: SALES }, '收到，我准备一下')
  world.say('wxid_zhangsan', { room: SALES }, '大家早上好，今天的报价单发群里了')
  world.say('wxid_wangwu', { room: SALES }, '刘总那边要的内部·价格·表我晚点私发给他，大家有需要也可以找我要')
  world.say('wxid_boss', { to: 'wxid_bot' }, '#排期 添加 明天 新品净水器本周到货，欢迎各位咨询下单')
  world.say('wxid_trainer', { room: SALES }, '#案例 客户嫌净水器贵，先讲滤芯五年成本，再给套餐价，当天成交')
  await settle()
}

/** Ask the bot for a sign-in link in a private chat, as `who`; returns the link it sent. */
async function linkFor(who: string): Promise<string> {
  const before = world.sent.length
  world.say(who, { to: 'wxid_bot' }, '#后台')
  await settle()
  const message = world.sent.slice(before).find(r => r.toContactId === who && r.text?.includes('login?code='))
  const link = /(http:\/\/\S+\/login\?code=[A-Z0-9]+)/.exec(message?.text ?? '')?.[1]
  expect(link).toBeDefined()
  return (link as string).replace('http://127.0.0.1', base)
}

/** Open a sign-in link and press the confirm button; the link alone signs nobody in. */
async function signIn(page: Page, link: string): Promise<void> {
  await page.goto(link)
  expect(await page.locator('h1').textContent()).toBe('登录')
  await page.getByRole('button', { name: '确认登录' }).click()
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('document.fonts.ready')
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true })
}

async function open(label: string): Promise<string> {
  await admin.getByRole('navigation').getByRole('link', { name: label, exact: true }).click()
  await expect.poll(() => admin.locator('h1').textContent()).toBe(label)
  return (await admin.locator('main').textContent()) ?? ''
}

describe('admin web console in Chromium', () => {
  it('signs in with the link the bot sends (confirm page, then a POST) and shows the overview', async () => {
    const link = await linkFor('wxid_admin')
    admin = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await signIn(admin, link)
    await admin.waitForURL(`${base}/`, { timeout: 5000 })
    await expect.poll(() => admin.locator('h1').textContent()).toBe('概览')
    const overview = (await admin.locator('main').textContent()) ?? ''
    expect(overview).toContain('正常')
    expect(overview).toContain('示例科技销售部工作群')
    expect(overview).toMatch(/进行中的通知\s*1 条/)
    await shot(admin, 'overview')

    // The link was single-use: opening it again and confirming is refused.
    const again = await browser.newPage()
    await signIn(again, link)
    await expect.poll(() => again.getByRole('alert').textContent()).toContain('登录码无效')
    await again.close()
  })

  it('undoes a violation in the browser, and the member is told in the sandbox chat', async () => {
    expect(await open('违规记录')).toContain('内部·价格·表')
    await shot(admin, 'violations')
    await admin
      .getByRole('textbox', { name: /撤销 A\d+ 的原因/ })
      .first()
      .fill('经理特批，误判')
    await admin.getByRole('button', { name: '撤销' }).first().click()
    await expect.poll(() => admin.getByRole('status').textContent()).toMatch(/已撤销 A\d+/)
    await settle()
    expect(world.sent.some(r => r.toContactId === 'wxid_wangwu' && r.text?.includes('管理员已撤销'))).toBe(true)
  })

  it("shows a customer's ad by the customer's name, under its category label, with readable evidence", async () => {
    world.say('wxid_c3', { room: 'r-cust-zhangsan@chatroom' }, '兼职刷单，日赚三百，私聊我')
    await settle()
    await open('违规记录')
    const newest = (await admin.locator('tbody tr').first().textContent()) ?? ''
    expect(newest).toContain('优惠多多')
    expect(newest).not.toContain('wxid_c3')
    expect(newest).toContain('无关商业广告：「兼职刷单」位置 0–4')
    const categories = (await admin.locator('main p').nth(1).textContent()) ?? ''
    expect(categories).toMatch(/无关商业广告（\d+）/)
    expect(categories).not.toMatch(/content\.|report|strike|warn/)
    await admin.getByRole('link', { name: /^无关商业广告（/ }).click()
    await admin.waitForURL(/category=ad/, { timeout: 5000 })
    expect(await admin.locator('tbody').textContent()).toContain('优惠多多')
    expect(await admin.locator('tbody').textContent()).not.toContain('内部·价格·表')
  })

  it('shows who acknowledged a notice and who has not, and settles the fine of the silent one', async () => {
    await settle(31 * 60_000) // past the notice's deadline: 王五 did not answer and owes a fine
    const fine = app.runtime.ledger.openFines('wxid_wangwu').find(f => f.violation === '未按时回复通知 N1')
    expect(fine).toBeDefined()
    const page = await open('通知与罚款')
    expect(page).toContain('季度复盘会')
    expect(page).toMatch(/已回复 2\/\d+/)
    expect(page).toContain('未回复')
    await shot(admin, 'notices')

    await admin.getByRole('button', { name: `结清罚款 ${fine?.id}`, exact: true }).click()
    await expect
      .poll(() => admin.getByRole('status').textContent())
      .toContain(`罚款 ${fine?.id}（未按时回复通知 N1）5 元已结清`)
    expect(app.runtime.ledger.openFines('wxid_wangwu').map(f => f.id)).not.toContain(fine?.id)
    await expect.poll(() => admin.locator('main table').first().textContent()).toContain('已缴 5 元')
    const audit = app.runtime.audit.query({ days: 1, limit: 500 })
    expect(audit).toContainEqual(
      expect.objectContaining({ rule: 'console.fine-settle', text: `陈管理 在网页后台结清罚款 ${fine?.id}（5 元）` }),
    )
  })

  it('approves a queued post through the #排期 command path', async () => {
    const page = await open('活动与排期')
    expect(page).toContain('新品净水器本周到货')
    expect(page).toContain('待审核')
    await shot(admin, 'campaigns')
    await admin
      .getByRole('button', { name: /^通过排期 \d+$/ })
      .first()
      .click()
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('通过')
    expect(await admin.locator('main table').first().textContent()).toContain('已通过')
    await settle()
    expect(world.sent.some(r => r.toContactId === 'wxid_boss' && r.text?.includes('通过'))).toBe(true)
    const audit = app.runtime.audit.query({ days: 1, limit: 200 })
    expect(audit.some(e => e.memberId === 'wxid_admin' && e.rule === 'command.排期')).toBe(true)
  })

  it('tests a sentence against the dictionary with the #词库 command', async () => {
    await open('词库')
    await admin.getByRole('button', { name: /查看词库状态/ }).click()
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('词库版本')
    await admin.getByRole('textbox', { name: '要测试的文字' }).fill('加我微信看内部价格表')
    await admin.getByRole('button', { name: '测试', exact: true }).click()
    await expect.poll(async () => ((await admin.getByRole('status').textContent()) ?? '').length).toBeGreaterThan(5)
    await shot(admin, 'dictionary')
  })

  it('searches the archive and exports the same selection as CSV', async () => {
    await open('信息记录')
    await admin.getByRole('searchbox', { name: '关键词' }).fill('报价单')
    await admin.getByRole('button', { name: '搜索' }).click()
    await expect.poll(() => admin.locator('main').textContent()).toContain('今天的报价单发群里了')
    await shot(admin, 'archive')
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'CSV（Excel）' }).click(),
    ])
    const csv = readFileSync((await download.path()) as string, 'utf8')
    expect(csv).toContain('今天的报价单发群里了')
    expect(csv).not.toContain('收到，我准备一下')
  })

  it('shows group activity over a date range, who has not spoken, and the chat reports chart', async () => {
    await open('群活跃')
    await expect.poll(() => admin.locator('table').first().textContent()).toContain('示例科技销售部工作群')
    await admin.locator('details summary').first().click()
    expect(await admin.locator('details').first().textContent()).toContain('陈静')
    const src = await admin.locator('.chart img').getAttribute('src')
    const chart = await admin.request.get(`${base}${src}`)
    expect(chart.headers()['content-type']).toBe('image/png')
    expect((await chart.body()).length).toBeGreaterThan(1000)
    await shot(admin, 'groups')
  })

  it('switches observe mode and shows the audit entry', async () => {
    await open('设置')
    await admin.getByRole('button', { name: '开启违规内容（content）观察模式' }).click()
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('违规内容（content）观察模式已开启')
    expect(await admin.locator('main').textContent()).toContain('陈管理 在控制台开启了违规内容（content）的观察模式')
    expect(app.runtime.modes.of('content').observing).toBe(true)
    await shot(admin, 'settings')
  })

  it('gives a trainer the cases and their weekly digest, and refuses the violations page', async () => {
    const trainer = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await signIn(trainer, await linkFor('wxid_trainer'))
    await trainer.waitForURL(`${base}/cases`, { timeout: 5000 })
    expect(await trainer.locator('main').textContent()).toContain('滤芯五年成本')
    expect(await trainer.getByRole('navigation').textContent()).not.toContain('违规记录')
    await trainer.getByRole('button', { name: '生成案例周报' }).click()
    await expect.poll(() => trainer.getByRole('status').textContent()).toContain('› #案例 周报')
    expect(await trainer.getByRole('status').textContent()).toContain('滤芯五年成本')
    await shot(trainer, 'cases')
    const refused = await trainer.goto(`${base}/violations`)
    expect(refused?.status()).toBe(403)
    expect(await trainer.locator('body').textContent()).toContain('没有权限')
    await trainer.close()
  })

  it('gives a leader the group activity and notices, with nothing to change, and refuses the archive', async () => {
    const leader = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await signIn(leader, await linkFor('wxid_boss'))
    // Their first page: how the groups are doing, read-only, with this week and last week a click away.
    await leader.waitForURL(`${base}/groups`, { timeout: 5000 })
    expect(await leader.locator('table').first().textContent()).toContain('示例科技销售部工作群')
    expect(await leader.locator('main form[method="post"], main form[method="POST"]').count()).toBe(0)
    await leader.getByRole('link', { name: '上周' }).click()
    await leader.waitForURL(`${base}/groups?week=last`, { timeout: 5000 })
    expect(await leader.locator('main strong').first().textContent()).toBe('上周')
    expect((await leader.getByRole('navigation').getByRole('link').allTextContents()).sort()).toEqual(
      ['群活跃', '通知与罚款'].sort(),
    )
    await leader.goto(`${base}/notices`)
    expect(await leader.locator('main').textContent()).toContain('罚款的结清与免除由管理员处理。')
    expect(await leader.locator('main form[method="post"], main form[method="POST"]').count()).toBe(0)
    for (const path of ['/archive', '/settings', '/violations']) {
      const refused = await leader.goto(`${base}${path}`)
      expect(refused?.status(), path).toBe(403)
      expect(await leader.locator('body').textContent()).toContain('没有权限')
    }
    await leader.close()
  })

  it('gives an auditor the archive: searched and exported, each logged under the auditor’s name', async () => {
    const auditor = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await signIn(auditor, await linkFor('wxid_zhaoliu'))
    await auditor.waitForURL(`${base}/archive`, { timeout: 5000 })
    expect(await auditor.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['信息记录'])
    await auditor.getByRole('searchbox', { name: '关键词' }).fill('内部')
    await auditor.getByRole('button', { name: '搜索' }).click()
    await expect.poll(() => auditor.locator('main').textContent()).toContain('价格·表我晚点私发给他')
    const [download] = await Promise.all([
      auditor.waitForEvent('download'),
      auditor.getByRole('button', { name: 'CSV（Excel）' }).click(),
    ])
    expect(readFileSync((await download.path()) as string, 'utf8')).toContain('价格·表我晚点私发给他')
    // One chat chosen and no keyword: its messages, page by page, to read before exporting.
    await auditor.getByRole('searchbox', { name: '关键词' }).fill('')
    await auditor.getByRole('combobox', { name: '会话' }).selectOption({ label: '示例科技销售部工作群（内部群）' })
    await auditor.getByRole('combobox', { name: '顺序' }).selectOption({ label: '最早在前' })
    await auditor.getByRole('button', { name: '搜索' }).click()
    await expect.poll(() => auditor.locator('main').textContent()).toContain('最早在前。')
    expect(await auditor.locator('main table').textContent()).toContain('价格·表我晚点私发给他')
    for (const path of ['/groups', '/cases', '/settings']) {
      const refused = await auditor.goto(`${base}${path}`)
      expect(refused?.status(), path).toBe(403)
    }
    await auditor.close()
    // Each reading is in the audit log under the auditor's name (#审计), not among the settings page's changes.
    const readings = app.runtime.audit
      .query({ days: 1, limit: 500 })
      .filter(e => e.rule.startsWith('console.archive-'))
      .map(e => e.text ?? '')
      .join('\n')
    expect(readings).toMatch(/小赵[^。]*搜索信息记录/)
    expect(readings).toMatch(/小赵[^。]*导出信息记录/)
    expect(readings).toMatch(/小赵[^。]*浏览信息记录/)
    const settings = await open('设置')
    expect(settings.slice(settings.indexOf('最近的设置变更与撤销'))).not.toContain('信息记录')
  })

  it('refuses a link older than 10 minutes', async () => {
    const link = await linkFor('wxid_admin')
    await clock.advance(11 * 60_000)
    const late = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await signIn(late, link)
    await expect.poll(() => late.getByRole('alert').textContent()).toContain('登录码无效、已使用或已过期')
    await shot(late, 'expired-link')
    await late.close()
  })
})
