import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type App, createApp } from '../../../bot/app.js'
import { FakeClock, flushMicrotasks } from '../../../bot/ports/clock.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { createLogger } from '../../../bot/process/logger.js'
import { createSandbox } from '../../../bot/sandbox/index.js'
import { superviseConnection } from '../../../bot/wechaty/supervise.js'
import { populateWorld, readWorld } from '../../../bot/sandbox/load-world.js'
import { MONDAY_9AM } from '../../helpers/harness.js'
import { demoConfig } from '../../helpers/sandbox-app.js'

const SALES = 'r-sales@chatroom'
const BOUNDS = { startupMs: 60_000, reloginMs: 30_000, stallMs: 3_600_000 }
let app: App | undefined
let stopSupervision: (() => void) | undefined

afterEach(async () => {
  stopSupervision?.()
  await app?.stop()
  app = stopSupervision = undefined
})

/** The sandbox bot under the connection supervisor, on a fake clock; exits are recorded, not performed. */
async function start() {
  const dir = mkdtempSync(join(tmpdir(), 'bot-supervise-'))
  writeFileSync(join(dir, 'bot.config.yaml'), demoConfig())
  const clock = new FakeClock(MONDAY_9AM)
  const sandbox = createSandbox({ now: () => clock.now() })
  const spec = readWorld('data/demo/world.yaml')
  populateWorld(sandbox.world, spec)
  const log = createLogger('silent')
  app = createApp({
    configFile: join(dir, 'bot.config.yaml'),
    dataDir: dir,
    log,
    puppet: sandbox.puppet,
    clock,
    store: new MemoryStore(),
    printQr: false,
  })
  const exits: { code: number; reason: string }[] = []
  const s = superviseConnection(app.bot, app.runtime, log, {
    bounds: BOUNDS,
    now: () => clock.now(),
    tickMs: 5,
    onExit: (code, reason) => exits.push({ code, reason }),
  })
  stopSupervision = s.stop
  const a = app
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await flushMicrotasks()
      await a.idle()
    }
    await new Promise(r => setTimeout(r, 20)) // let the supervisor's tick run
  }
  const advance = async (ms: number) => {
    await settle()
    await clock.advance(ms)
    await settle()
  }
  return { app: a, world: sandbox.world, puppet: sandbox.puppet, botId: spec.bot.id, clock, exits, settle, advance }
}

const helpReplies = (world: Awaited<ReturnType<typeof start>>['world']) =>
  world.sent.filter(s => s.roomId === SALES && /可用命令/.test(s.text ?? ''))

describe('connection supervision on the real Wechaty with the sandbox puppet', () => {
  it('a logout pauses sending; the re-login within the bound sends what was queued and tells the admins', async () => {
    const s = await start()
    await s.app.bot.start()
    s.world.login(s.botId)
    await s.app.ready
    s.world.say('wxid_zhangsan', { room: SALES }, '#帮助')
    await s.puppet.logout()
    await s.advance(20_000)
    expect(helpReplies(s.world)).toHaveLength(0)

    s.world.login(s.botId)
    await s.advance(20_000)
    expect(helpReplies(s.world)).toHaveLength(1)
    expect(s.world.sent.some(m => m.toContactId === 'wxid_admin' && /已重新登录/.test(m.text ?? ''))).toBe(true)
    await s.advance(60_000)
    expect(s.exits).toEqual([])
  })

  it('a logout with no re-login within the bound: exit 75 with the reason', async () => {
    const s = await start()
    await s.app.bot.start()
    s.world.login(s.botId)
    await s.app.ready
    await s.puppet.logout()
    await s.advance(29_000)
    expect(s.exits).toEqual([])
    await s.advance(1_000)
    expect(s.exits).toEqual([
      { code: 75, reason: '30s 内未重新登录 not logged in again within 30s after: logged out (已登出)' },
    ])
  })

  it('never logged in within the start-up bound: exit 75 saying so', async () => {
    const s = await start()
    await s.app.bot.start()
    await s.advance(60_000)
    expect(s.exits).toEqual([
      { code: 75, reason: '启动后 60s 内未登录 not logged in within 60s after start (start-up timeout)' },
    ])
  })
})
