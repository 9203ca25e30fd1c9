import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type BotProcess, startBot, waitUntil } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { freePort, type PuppetService, startPuppetService } from './puppet-service.js'

let bot: BotProcess | undefined
let service: PuppetService | undefined
let silent: Server | undefined
const sockets: Socket[] = []

afterEach(async () => {
  bot?.kill('SIGKILL')
  await bot?.exited
  await service?.stop()
  for (const s of sockets) s.destroy()
  await new Promise(r => (silent ? silent.close(r) : r(undefined)))
  bot = service = silent = undefined
})

/** Short bounds so each case ends in seconds. */
const BOUNDS = { BOT_STARTUP_TIMEOUT: '4s', BOT_RELOGIN_TIMEOUT: '4s', BOT_STALL_TIMEOUT: '4s' }

/** Run the bot until it exits; returns the exit code and how long it took from its first log line (start-up done). */
async function runToExit(b: BotProcess): Promise<{ code: number | null; ms: number }> {
  await b.waitFor(/starting with puppet/)
  const t0 = Date.now()
  const code = await b.exited
  return { code, ms: Date.now() - t0 }
}

/** The ERROR lines the bot printed. */
const errors = (b: BotProcess) =>
  b
    .output()
    .split('\n')
    .filter(l => / ERROR /.test(l))

describe('the bot never hangs on a puppet service that does not work', () => {
  it('no token: refuses at once with exit 1 (a person must set it), not 75 after the start-up bound', async () => {
    const { configFile, dataDir } = e2eConfig()
    bot = startBot({ endpoint: '127.0.0.1:1', token: '' }, configFile, dataDir, {
      ...BOUNDS,
      WECHATY_PUPPET_SERVICE_TOKEN: undefined,
    })
    const started = Date.now()
    const code = await bot.exited
    expect(code).toBe(1)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(errors(bot)[0]).toMatch(
      /needs WECHATY_PUPPET_SERVICE_TOKEN in the environment or \.env; leave WECHATY_PUPPET empty to use the sandbox: refusing to start/,
    )
    expect(bot.output()).not.toMatch(/start-up timeout|not logged in/)
  })

  it('a token without its SNI prefix, or a puppet package not installed: exit 1 at once, saying which', async () => {
    const { configFile, dataDir } = e2eConfig()
    const token = '0f5c1d2e-8b3a-4c7d-9e6f-112233445566'
    bot = startBot({ endpoint: '127.0.0.1:1', token }, configFile, dataDir, BOUNDS)
    let started = Date.now()
    expect(await bot.exited).toBe(1)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(errors(bot)[0]).toMatch(/has no SNI prefix, expected <sni>_<uuid> .*: refusing to start/)
    expect(bot.output()).not.toContain(token)
    expect(bot.output()).not.toMatch(/start-up timeout|not logged in/)
    const other = e2eConfig()
    bot = startBot({ endpoint: '127.0.0.1:1', token: 'insecure_x' }, other.configFile, other.dataDir, {
      ...BOUNDS,
      WECHATY_PUPPET: 'wechaty-puppet-servce',
    })
    started = Date.now()
    expect(await bot.exited).toBe(1)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(errors(bot)[0]).toMatch(/package "wechaty-puppet-servce" not found: install it .* or fix the name/)
    expect(bot.output()).not.toMatch(/Cannot find package|start-up timeout|not logged in/)
  })

  it('an endpoint that accepts and never answers: exit 75 after the start-up bound, saying it never logged in', async () => {
    const port = await freePort()
    silent = createServer(s => sockets.push(s)).listen(port, '127.0.0.1')
    const { configFile, dataDir } = e2eConfig()
    bot = startBot({ endpoint: `127.0.0.1:${port}`, token: 'insecure_silent' }, configFile, dataDir, BOUNDS)
    const { code, ms } = await runToExit(bot)
    expect(code).toBe(75)
    expect(ms).toBeGreaterThan(3_500)
    expect(ms).toBeLessThan(12_000)
    expect(errors(bot)[0]).toMatch(/not logged in within 4s after start \(start-up timeout\)/)
    expect(bot.output()).not.toMatch(/connection lost/)
  })

  it('a closed port: exit 75 at once, "could not connect … never logged in", not "connection lost"', async () => {
    const { configFile, dataDir } = e2eConfig()
    bot = startBot({ endpoint: '127.0.0.1:1', token: 'insecure_closed' }, configFile, dataDir, BOUNDS)
    const { code, ms } = await runToExit(bot)
    expect(code).toBe(75)
    expect(ms).toBeLessThan(8_000)
    expect(errors(bot)[0]).toMatch(/could not connect to the puppet service, never logged in \(14 UNAVAILABLE/)
    expect(bot.output()).not.toMatch(/connection lost/)
  })

  it('a token and no endpoint, with no discovery reachable: one clear error, exit 75, no rejection loop', async () => {
    const { configFile, dataDir } = e2eConfig()
    const token = 'insecure_nowhere_0123456789'
    bot = startBot({ endpoint: '', token }, configFile, dataDir, {
      ...BOUNDS,
      BOT_STARTUP_TIMEOUT: '60s',
      WECHATY_PUPPET_SERVICE_ENDPOINT: undefined,
    })
    const { code, ms } = await runToExit(bot)
    expect(code).toBe(75)
    expect(ms).toBeLessThan(8_000)
    expect(errors(bot)).toHaveLength(1)
    expect(errors(bot)[0]).toMatch(/puppet service discovery failed, never connected/)
    expect(bot.output()).not.toMatch(/unhandled rejection|onError is not a function/)
    expect(bot.output()).not.toContain(token)
  })

  it('a wrong token: a clear error and exit 1 (configuration), not silence', async () => {
    service = await startPuppetService()
    const { configFile, dataDir } = e2eConfig()
    bot = startBot({ endpoint: service.endpoint, token: 'insecure_wrong_token' }, configFile, dataDir, BOUNDS)
    const { code, ms } = await runToExit(bot)
    expect(code).toBe(1)
    expect(ms).toBeLessThan(8_000)
    expect(errors(bot)[0]).toMatch(/refused the token \(check WECHATY_PUPPET_SERVICE_TOKEN\)/)
    expect(bot.output()).not.toContain('insecure_wrong_token')
  })
})

describe('a puppet service that stops sending while the bot runs', () => {
  it('no heartbeat for the stall bound: sending pauses, then a verified re-login resumes it, or exit 75, within the bounds', async () => {
    service = await startPuppetService()
    const { configFile, dataDir } = e2eConfig()
    bot = startBot(service, configFile, dataDir, { ...BOUNDS, WECHATY_LOG: 'verbose' })
    await bot.waitFor(/就绪 ready/)
    service.silence()
    const t0 = Date.now()
    await bot.waitFor(/connection down, sending paused: no event or heartbeat from the puppet for \d+s/, 15_000)
    // The stall bound (4 s) plus the 1 s check interval, with slack for verbose logging on a loaded 2-core machine.
    expect(Date.now() - t0).toBeLessThan(4_000 + 6_000)
    // Within the re-login bound (plus the time to stop) it either logged in again or exited 75.
    await waitUntil(
      () => /connection restored/.test(bot!.output()) || bot!.child.exitCode !== null,
      15_000,
      're-login or exit',
    )
    if (bot.child.exitCode === null) {
      // Re-logged in: the outbox works again, a command gets its answer.
      service.world.say('wxid_zhangsan', { room: 'r-sales@chatroom' }, '#帮助')
      await waitUntil(
        () => service!.world.sent.some(s => s.roomId === 'r-sales@chatroom' && /可用命令/.test(s.text ?? '')),
        20_000,
        'the answer after the re-login',
      )
    } else {
      expect(bot.child.exitCode).toBe(75)
      expect(errors(bot).join('\n')).toMatch(/not logged in again within 4s after: no event or heartbeat/)
    }
    // WECHATY_LOG=verbose makes Wechaty print its options, the token included: never in our output.
    expect(bot.output()).toMatch(/\[bot:wechaty\]/)
    expect(bot.output()).not.toContain(service.token)
  })
})
