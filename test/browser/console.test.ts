import { mkdirSync } from 'node:fs'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../bot/app.js'
import { FakeClock, flushMicrotasks } from '../../bot/ports/clock.js'
import { MemoryStore } from '../../bot/ports/memory-store.js'
import { createLogger } from '../../bot/process/logger.js'
import { createSandbox, type SandboxWorld } from '../../bot/sandbox/index.js'
import { populateWorld, readWorld } from '../../bot/sandbox/load-world.js'
import { PLUGINS } from '../../plugins/index.js'
import { MONDAY_9AM } from '../helpers/harness.js'
import { demoConfig } from '../helpers/sandbox-app.js'

/** Screenshots land here for a person to look at. */
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

let app: App
let world: SandboxWorld
let clock: FakeClock
let browser: Browser
let base: string

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bot-console-'))
  const configFile = join(dir, 'bot.config.yaml')
  writeFileSync(configFile, demoConfig())
  clock = new FakeClock(MONDAY_9AM)
  const sandbox = createSandbox({ now: () => clock.now() })
  const spec = readWorld('data/demo/world.yaml')
  populateWorld(sandbox.world, spec)
  world = sandbox.world
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

describe('admin web console in Chromium', () => {
  it('signs in with the code the bot sends, shows the overview, undoes a violation and audits an observe-mode switch', async () => {
    world.say('wxid_admin', { to: 'wxid_bot' }, '#控制台')
    await settle()
    const message = world.sent.find(r => r.toContactId === 'wxid_admin' && r.text?.includes('登录码'))
    const code = /登录码：([A-Z0-9]+)/.exec(message?.text ?? '')?.[1]
    expect(code).toBeDefined()

    const page = await browser.newPage()
    await page.goto(`${base}/login?code=${code}`)
    await page.getByRole('button', { name: '确认登录' }).click()
    await page.waitForURL(`${base}/`, { timeout: 5000 })
    await expect.poll(() => page.locator('h1').textContent()).toBe('概览')
    const overview = await page.locator('main').textContent()
    expect(overview).toContain('正常')
    expect(overview).toContain('示例科技销售部工作群')
    await page.evaluate('document.fonts.ready')
    await page.screenshot({ path: join(OUTPUT, 'overview.png'), fullPage: true })

    world.say(
      'wxid_wangwu',
      { room: 'r-sales@chatroom' },
      '刘总那边要的内部·价格·表我晚点私发给他，大家有需要也可以找我要',
    )
    await settle()
    await page.getByRole('link', { name: '违规记录' }).click()
    await expect.poll(() => page.locator('main').textContent()).toContain('内部·价格·表')
    await page.screenshot({ path: join(OUTPUT, 'violations.png'), fullPage: true })
    await page
      .getByRole('textbox', { name: /撤销 A\d+ 的原因/ })
      .first()
      .fill('经理特批，误判')
    await page.getByRole('button', { name: '撤销' }).first().click()
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已撤销 A\d+/)
    await settle()
    expect(world.sent.some(r => r.toContactId === 'wxid_wangwu' && r.text?.includes('管理员已撤销'))).toBe(true)

    await page.getByRole('link', { name: '设置' }).click()
    await page.getByRole('button', { name: '开启 content 观察模式' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('content 观察模式已开启')
    expect(await page.locator('main').textContent()).toContain('陈管理 在控制台开启了 content 的观察模式')
    expect(app.runtime.modes.of('content').observing).toBe(true)
    await page.screenshot({ path: join(OUTPUT, 'settings.png'), fullPage: true })

    world.say('wxid_zhangsan', { room: 'r-sales@chatroom' }, '大家早上好，今天的报价单发群里了')
    await settle()
    await page.getByRole('link', { name: '群活跃' }).click()
    await expect.poll(() => page.locator('table').first().textContent()).toContain('示例科技销售部工作群')
    const chart = await page.request.get(`${base}/groups/chart.png?days=7`)
    expect(chart.headers()['content-type']).toBe('image/png')
    expect((await chart.body()).length).toBeGreaterThan(1000)
    await page.screenshot({ path: join(OUTPUT, 'groups.png'), fullPage: true })

    // The code was single-use: the same link no longer signs in.
    const other = await browser.newPage()
    await other.goto(`${base}/login?code=${code}`)
    await other.getByRole('button', { name: '确认登录' }).click()
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('登录码无效')
  })
})
