import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PuppetService as ServiceClient } from 'wechaty-puppet-service'
import { type App, createApp } from '../../../bot/app.js'
import { createLogger } from '../../../bot/process/logger.js'
import { superviseConnection } from '../../../bot/wechaty/supervise.js'
import { waitUntil } from '../../e2e/bot-process.js'
import { e2eConfig } from '../../e2e/e2e-config.js'
import { type PuppetService, startPuppetService } from '../../e2e/puppet-service.js'

const services: PuppetService[] = []
const home = process.env.HOME

// wechaty-puppet-service keeps its cache under ~/.wechaty: a temp home keeps it out of the user's.
beforeAll(() => {
  process.env.HOME = mkdtempSync(join(tmpdir(), 'graceful-stop-home-'))
})
afterAll(async () => {
  for (const s of services) await s.stop()
  process.env.HOME = home
})

/** A bot on a fresh puppet service (the demo world over gRPC, TLS off), ready. */
async function readyBot(before: (app: App) => void = () => {}) {
  const service = await startPuppetService()
  services.push(service)
  const { configFile, dataDir } = e2eConfig()
  const app = createApp({
    configFile,
    dataDir,
    log: createLogger('silent'),
    puppet: new ServiceClient({ token: service.token, endpoint: service.endpoint, tls: { disable: true } }),
  })
  before(app)
  await app.runtime.prepare()
  await app.bot.start()
  await app.ready
  return { service, app }
}

describe('a graceful stop over wechaty-puppet-service (SIGTERM → app.stop → Wechaty.stop → puppet-service)', () => {
  it('asks the service to stop the puppet and never to log the hosted account out', async () => {
    const warnings: string[] = []
    let supervision: ReturnType<typeof superviseConnection> | undefined
    // Supervised from before the start, as the CLI does.
    const { service, app } = await readyBot(a => {
      supervision = superviseConnection(
        a.bot,
        a.runtime,
        createLogger('warn', 'bot', l => warnings.push(l)),
        {
          bounds: { startupMs: 60_000, reloginMs: 60_000, stallMs: 60_000 },
          onExit: () => {},
        },
      )
    })
    expect(service.calls).toEqual([])
    // What the CLI's SIGTERM handler runs before it exits: the supervision ends, then the app stops.
    supervision?.stop()
    await app.stop('stopped')
    await waitUntil(() => service.calls.length > 0, 5000, 'the stop call to reach the service')
    await new Promise(r => setTimeout(r, 1000))
    expect(service.calls).toEqual(['stop'])
    // Wechaty's stop emits a local `logout` ("puppet stop()"): not read as the connection going down.
    expect(warnings.join('\n')).not.toMatch(/连接异常/)
  })

  it('would see a logout: the service records one when the bot asks for it (what the stop never does)', async () => {
    const { service, app } = await readyBot()
    await app.bot.logout()
    await waitUntil(() => service.calls.includes('logout'), 5000, 'the logout call to reach the service')
    await app.stop('stopped')
    expect(service.calls[0]).toBe('logout')
  })
})
