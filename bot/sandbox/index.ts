/**
 * Sandbox WeChat: a wechaty-puppet-mock based puppet plus a "world" that tests,
 * replay and the console drive. `createSandbox()` wires the two together:
 *
 *   const { puppet, world } = createSandbox()
 *   const bot = WechatyBuilder.build({ puppet })
 *   bot.on('error', log)          // Wechaty emits `error` around room events (dirty RoomMember quirk)
 *   world.createContact(...); world.createRoom(...)
 *   await bot.start(); world.loginBot('群管家')
 *   world.say('zhang', { room }, '@李四 你好', { mentions: ['li'] })
 *
 * What the bot reads through Wechaty: group nickname `room.alias(contact)`;
 * mentions `message.mentionList()`; quotes by parsing `message.text()` (see
 * `formatQuote`); leave vs kick from `room-leave`: remover id === leaver id
 * means the member left on their own.
 */
import { SandboxPuppet } from './sandbox-puppet.js'
import { SandboxStore } from './store.js'
import { SandboxWorld } from './world.js'

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** Clock for message and event timestamps (ms). Default `Date.now`; replay passes its fake clock. */
  now?: () => number
}

/** A puppet for `WechatyBuilder.build({ puppet })` (or PuppetServer) and the world that drives it. */
export interface Sandbox {
  puppet: SandboxPuppet
  world: SandboxWorld
}

/** Create a sandbox WeChat: empty world, bot not logged in. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const store = new SandboxStore(options.now ?? Date.now)
  const puppet = new SandboxPuppet({ store })
  return { puppet, world: new SandboxWorld(puppet, store) }
}

export { SandboxPuppet } from './sandbox-puppet.js'
export { SandboxWorld, type SentListener } from './world.js'
export { formatQuote, QUOTE_SEPARATOR } from '../wechaty/parse-quote.js'
export type * from './types.js'
