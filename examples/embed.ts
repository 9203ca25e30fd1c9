/**
 * Adding Group Guard's rules to a Wechaty bot you already run. The package is not on the npm registry:
 * build a tarball from a checkout (`npm ci && npm pack` makes `wechat-group-guard-<version>.tgz`), then in
 * your project:
 *
 *   npm install /path/to/wechat-group-guard-<version>.tgz wechaty
 *   import { GroupGuard } from 'wechat-group-guard'
 *
 * Run this example from the repository with `npx tsx examples/embed.ts`. A plugin never reads `.env` on its
 * own (the host bot owns its environment), so this example loads `./.env` itself, as a host would, and
 * refuses to start without WECHATY_PUPPET (Wechaty would otherwise fall back to its web puppet, which can
 * no longer log in). The puppet's token and endpoint come from the same variables as for `npm start`.
 */
import { existsSync } from 'node:fs'
import { WechatyBuilder } from 'wechaty'
import { ConfigError, GroupGuard } from '../bot/index.js'

if (existsSync('.env')) process.loadEnvFile('.env')
const puppet = process.env.WECHATY_PUPPET?.trim()
if (!puppet) {
  console.error(
    '❌ 未配置 WECHATY_PUPPET (no puppet configured): set it (and its token) in the environment or .env, ' +
      'see .env.example; to try the rules without WeChat, run `npm start` (the sandbox)',
  )
  process.exit(2)
}
if (puppet === 'wechaty-puppet-service' && !process.env.WECHATY_PUPPET_SERVICE_TOKEN?.trim()) {
  console.error('❌ wechaty-puppet-service 需要 WECHATY_PUPPET_SERVICE_TOKEN (set it in the environment or .env)')
  process.exit(2)
}

const bot = WechatyBuilder.build({ name: 'my-bot' })

// Your own commands keep working: Group Guard answers only the commands it knows.
bot.on('message', async msg => {
  if (msg.text() === '#天气') await msg.say('今天晴')
})

// A bad config throws here: its message lists every problem with its file and line.
try {
  bot.use(GroupGuard({ configFile: 'bot.config.yaml', dataDir: 'data/state' }))
} catch (e) {
  if (!(e instanceof ConfigError)) throw e
  console.error(e.message)
  process.exit(1)
}

bot.on('scan', (qrcode, status) =>
  console.log(`scan (${status}): https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`),
)
bot.on('login', user => console.log(`已登录 logged in as ${user.name()}`))
bot.on('error', e => console.error('Wechaty error:', e))
console.log(`starting with ${puppet}; waiting for the puppet to log in…`)
await bot.start()
