import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../bot/app.js'
import type { PluginDefinition } from '../../bot/core/plugin.js'
import { FakeClock, flushMicrotasks } from '../../bot/ports/clock.js'
import { createLogger, type Logger } from '../../bot/process/logger.js'
import { createSandbox } from '../../bot/sandbox/index.js'
import { populateWorld, readWorld } from '../../bot/sandbox/load-world.js'
import { MONDAY_9AM } from './harness.js'
import { testStore } from './test-store.js'

/** The full bot (real Wechaty + sandbox puppet + runtime) on the demo world, with a fake clock. */
export async function startSandboxApp(
  configYaml: string,
  plugins: PluginDefinition[] = [],
  opts: {
    start?: number
    beforeStart?: (sandbox: ReturnType<typeof createSandbox>) => void
    /** Where the bot's log lines go (default: nowhere). */
    log?: Logger
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'bot-sandbox-'))
  const configFile = join(dir, 'bot.config.yaml')
  writeFileSync(configFile, configYaml)
  const clock = new FakeClock(opts.start ?? MONDAY_9AM)
  const sandbox = createSandbox({ now: () => clock.now() })
  const spec = readWorld('data/demo/world.yaml')
  populateWorld(sandbox.world, spec)
  const store = await testStore()
  const app = createApp({
    configFile,
    dataDir: dir,
    log: opts.log ?? createLogger('silent'),
    puppet: sandbox.puppet,
    clock,
    store,
    plugins,
    printQr: false,
  })
  opts.beforeStart?.(sandbox)
  await app.bot.start()
  sandbox.world.login(spec.bot.id)
  await app.ready
  /** Let Wechaty deliver pending puppet events and the runtime handle them. */
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await flushMicrotasks()
      await app.idle()
    }
  }
  /** Move the fake clock (timers, cron jobs and the outbox run), settling before and after. */
  const advance = async (ms: number) => {
    await settle()
    await clock.advance(ms)
    await settle()
  }
  return { app, world: sandbox.world, clock, store, settle, advance, dir, stop: () => app.stop() }
}

/** Demo config with roster and groups, plus extra YAML appended. */
export function demoConfig(extra = ''): string {
  return `company: 示例科技
roles: { admin: [wxid_admin], leader: [wxid_boss], trainer: [wxid_trainer] }
roster: ${join(process.cwd(), 'data/demo/roster.csv')}
groups:
  - { name: 销售部工作群, topic: 示例科技销售部工作群, kind: internal }
  - { name: 客户交流群, topicPattern: "^示例科技.+交流群$", kind: customer }
${extra}`
}
