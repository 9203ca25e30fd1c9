/**
 * Adding Group Guard's rules to a Wechaty bot you already run. In your project:
 *
 *   npm install wechat-group-guard wechaty
 *   import { GroupGuard } from 'wechat-group-guard'
 *
 * Run this example from the repository with `npx tsx examples/embed.ts` (it uses WECHATY_PUPPET,
 * the token and the endpoint from the environment or .env, like `npm start`).
 */
import { WechatyBuilder } from 'wechaty'
import { GroupGuard } from '../bot/index.js'

const bot = WechatyBuilder.build({ name: 'my-bot' })

// Your own commands keep working: Group Guard answers only the commands it knows.
bot.on('message', async msg => {
  if (msg.text() === '#天气') await msg.say('今天晴')
})

// A bad config throws here, listing every problem with its line.
bot.use(GroupGuard({ configFile: 'bot.config.yaml', dataDir: 'data/state' }))

bot.on('scan', (qrcode, status) =>
  console.log(`scan (${status}): https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`),
)
await bot.start()
