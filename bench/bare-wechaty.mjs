/**
 * Bare Wechaty, for the start-up and memory workloads' comparison: the same
 * Node, the same Wechaty, one `message` listener, no bot. Plain JavaScript
 * (no tsx) so it starts like the compiled bot does.
 *
 *   node bench/bare-wechaty.mjs service         (WECHATY_PUPPET_SERVICE_* in the environment)
 *   node bench/bare-wechaty.mjs service-rooms   (the same, ready once every room and its members are loaded)
 *   node bench/bare-wechaty.mjs sandbox         (the demo world, from dist/)
 *
 * Prints `{"phase":"ready"}` once logged in (with `service-rooms`: after `Room.findAll()`, which loads every
 * room and its members' contacts, as the bot does at login), then `{"phase":"seen","messages":N}` every
 * 1,000 messages.
 */
import { WechatyBuilder } from 'wechaty'

const mode = process.argv[2]
const say = data => process.stdout.write(`${JSON.stringify(data)}\n`)

let bot
let login
if (mode === 'sandbox') {
  const { createSandbox } = await import('../dist/bot/sandbox/index.js')
  const { populateWorld, readWorld } = await import('../dist/bot/sandbox/load-world.js')
  const spec = readWorld('data/demo/world.yaml')
  const sandbox = createSandbox()
  populateWorld(sandbox.world, spec)
  bot = WechatyBuilder.build({ puppet: sandbox.puppet })
  login = () => sandbox.world.login(spec.bot.id)
} else {
  bot = WechatyBuilder.build({ puppet: 'wechaty-puppet-service' })
  login = () => {}
}
let seen = 0
bot.on('error', () => {})
bot.on('message', () => {
  if (++seen % 1000 === 0) say({ phase: 'seen', messages: seen })
})
bot.once('login', async () => {
  if (mode === 'service-rooms') await bot.Room.findAll()
  say({ phase: 'ready' })
})
await bot.start()
login()
