import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WechatyBuilder } from 'wechaty'
import { describe, expect, it } from 'vitest'
import type { App } from '../../bot/app.js'
import { ConfigError, loadConfig } from '../../bot/config/load-config.js'
import { definePlugin } from '../../bot/core/plugin.js'
import { PLUGINS } from '../../plugins/index.js'
import { z } from '../../bot/index.js'
import { createLogger } from '../../bot/process/logger.js'
import { GroupGuard } from '../../bot/wechaty-plugin.js'
import { DEMO_WORLD, createSandbox, populateWorld, readWorld } from '../../bot/sandbox/package-entry.js'
import { demoConfig } from '../helpers/sandbox-app.js'

function files(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'guard-plugin-'))
  const configFile = join(dir, 'bot.config.yaml')
  writeFileSync(configFile, yaml)
  return { configFile, dataDir: join(dir, 'state') }
}

describe('GroupGuard as a Wechaty plugin', () => {
  it('runs the rules on an existing bot: a member asking #我的ID privately gets an answer', async () => {
    const sandbox = createSandbox()
    const spec = readWorld('data/demo/world.yaml')
    populateWorld(sandbox.world, spec)
    const bot = WechatyBuilder.build({ puppet: sandbox.puppet })
    let app: App | undefined
    bot.use(GroupGuard({ ...files(demoConfig()), log: createLogger('silent'), onApp: a => (app = a) }))
    await bot.start()
    sandbox.world.login(spec.bot.id)
    await app?.ready
    sandbox.world.say('wxid_zhangsan', { to: spec.bot.id }, '#我的ID')
    await expect
      .poll(() => sandbox.world.sent.find(r => r.toContactId === 'wxid_zhangsan')?.text, { timeout: 8000 })
      .toContain('wxid_zhangsan')
    await bot.stop()
    expect(bot.isLoggedIn).toBe(false)
  }, 15_000)

  it('installed after login it starts at once, and leaves the host its own commands (no 未知命令 for them)', async () => {
    const sandbox = createSandbox()
    const spec = readWorld('data/demo/world.yaml')
    populateWorld(sandbox.world, spec)
    const bot = WechatyBuilder.build({ puppet: sandbox.puppet })
    const hostAnswers: string[] = []
    bot.on('message', async msg => {
      if (msg.text() === '#天气' || msg.text() === '#后台') hostAnswers.push(msg.text()) // the host bot's own commands
    })
    await bot.start()
    sandbox.world.login(spec.bot.id)
    await expect.poll(() => bot.isLoggedIn).toBe(true)
    let app: App | undefined
    bot.use(GroupGuard({ ...files(demoConfig()), log: createLogger('silent'), onApp: a => (app = a) }))
    await app?.ready
    sandbox.world.say('wxid_lisi', { to: spec.bot.id }, '#天气')
    sandbox.world.say('wxid_admin', { to: spec.bot.id }, '#后台') // no console to tell about when embedded
    sandbox.world.say('wxid_zhangsan', { to: spec.bot.id }, '#我的ID')
    await expect
      .poll(() => sandbox.world.sent.find(r => r.toContactId === 'wxid_zhangsan')?.text, { timeout: 8000 })
      .toContain('wxid_zhangsan')
    expect(hostAnswers).toEqual(['#天气', '#后台'])
    expect(sandbox.world.sent.filter(r => r.toContactId === 'wxid_admin')).toEqual([])
    expect(sandbox.world.sent.filter(r => r.toContactId === 'wxid_lisi')).toEqual([])
    await bot.stop()
  }, 15_000)

  it('refuses a bad config when installed, listing the problem (never half-configured)', () => {
    const bot = WechatyBuilder.build({ puppet: createSandbox().puppet })
    expect(() => bot.use(GroupGuard({ ...files('company: 示例科技\ntimezone: Mars/Base\n') }))).toThrow(ConfigError)
  })

  it("runs a plugin of the host's own beside the shipped ones, on the package's sandbox entry (trial3)", async () => {
    const weather = definePlugin({
      name: 'weather',
      description: '天气：#天气 回复今天的天气',
      configSchema: z.object({ text: z.string().default('今天晴') }).strict(),
      create: ctx => ({
        commands: [
          {
            name: '天气',
            role: 'member',
            usage: '#天气',
            description: '今天的天气',
            run: inv => [inv.reply(ctx.configFor().text)],
          },
        ],
      }),
    })
    const sandbox = createSandbox()
    const spec = readWorld(DEMO_WORLD)
    populateWorld(sandbox.world, spec)
    const bot = WechatyBuilder.build({ puppet: sandbox.puppet })
    let app: App | undefined
    const config = files(demoConfig('plugins:\n  weather: { text: 下雨，带伞 }\n'))
    bot.use(
      GroupGuard({ ...config, log: createLogger('silent'), plugins: [...PLUGINS, weather], onApp: a => (app = a) }),
    )
    await bot.start()
    sandbox.world.login(spec.bot.id)
    await app?.ready
    sandbox.world.say('wxid_zhangsan', { room: 'r-sales@chatroom' }, '#天气')
    await expect
      .poll(() => sandbox.world.sent.find(r => r.roomId === 'r-sales@chatroom')?.text, { timeout: 8000 })
      .toBe('@销售部-张三 下雨，带伞')
    await bot.stop()
    // The command line knows only the shipped plugins: it names the section as a plugin, and who checks it.
    expect(() => loadConfig(config.configFile, PLUGINS)).toThrow(
      /plugins\.weather: 没有这个插件（已知：ack, activity, .*）。是自己的程序嵌入本包时加的插件，就由那个程序检查：loadConfig\(文件, \[\.\.\.PLUGINS, 你的插件\]\)/,
    )
    expect(loadConfig(config.configFile, [...PLUGINS, weather]).config.plugins.weather).toMatchObject({
      text: '下雨，带伞',
    })
  }, 15_000)
})
