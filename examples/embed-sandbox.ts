/**
 * Your own bot with Group Guard and a plugin of your own, tried on the sandbox (no WeChat account). In your project,
 * with the tarball installed (see examples/embed.ts), the imports are
 *
 *   import { GroupGuard, PLUGINS, definePlugin, z } from 'wechat-group-guard'
 *   import { DEMO_WORLD, createSandbox, populateWorld, readWorld } from 'wechat-group-guard/sandbox'
 *
 * Run it from the repository with `npx tsx examples/embed-sandbox.ts`: it starts the bot on the demo company's
 * world, has a member ask `#天气` in the sales group, prints what the bot sends, and stops. The plugin's config
 * section is `plugins.weather` in the config file (optional: its schema gives the defaults).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WechatyBuilder } from 'wechaty'
import { GroupGuard, PLUGINS, definePlugin, z } from '../bot/index.js'
import { DEMO_WORLD, createSandbox, populateWorld, readWorld } from '../bot/sandbox/package-entry.js'
import { shipped } from '../bot/package-root.js'

/** A plugin of your own: `#天气` answers with the configured text (docs/plugins/README.md has the contract). */
const weather = definePlugin({
  name: 'weather',
  description: '天气：#天气 回复今天的天气',
  configSchema: z.object({ text: z.string().default('今天晴，适合拜访客户') }).strict(),
  create: ctx => ({
    commands: [
      {
        name: '天气',
        aliases: ['weather'],
        role: 'member',
        usage: '#天气',
        description: '今天的天气',
        // A command answers with actions (data); `inv.reply` is the answer to whoever asked.
        run: inv => [inv.reply(ctx.configFor().text)],
      },
    ],
  }),
})

const sandbox = createSandbox()
const world = readWorld(DEMO_WORLD)
populateWorld(sandbox.world, world)
sandbox.world.on('sent', sent =>
  console.log(`机器人 bot → ${sent.roomId ?? sent.toContactId}: ${sent.text ?? sent.kind}`),
)

const bot = WechatyBuilder.build({ name: 'my-bot', puppet: sandbox.puppet })
let ready!: Promise<void>
bot.use(
  GroupGuard({
    configFile: shipped('data/bot.config.example.yaml'), // your own bot.config.yaml in your project
    dataDir: mkdtempSync(join(tmpdir(), 'embed-sandbox-')),
    plugins: [...PLUGINS, weather],
    onApp: app => {
      ready = app.ready
    },
  }),
)
await bot.start()
sandbox.world.login(world.bot.id)
await ready
sandbox.world.say('wxid_zhangsan', { room: 'r-sales@chatroom' }, '#天气')
await new Promise(done => setTimeout(done, 1000)) // the outbox paces sends: give it a moment
await bot.stop()
