/**
 * Shared setup for sandbox tests: a real Wechaty on the sandbox puppet with a
 * small cast, logged in, plus a polling helper.
 */
import { WechatyBuilder, type Contact, type Room, type Wechaty } from 'wechaty'
import {
  createSandbox,
  type SandboxOptions,
  type SandboxPuppet,
  type SandboxWorld,
} from '../../../bot/sandbox/index.js'

/** Contact and room ids of the standard cast. */
export const IDS = {
  bot: 'bot',
  zhang: 'zhang',
  li: 'li',
  wang: 'wang',
  room: 'sales@chatroom',
} as const

/** A running Wechaty on a sandbox, with the cast's Wechaty objects. */
export interface Harness {
  bot: Wechaty
  world: SandboxWorld
  puppet: SandboxPuppet
  /** Every `error` Wechaty emitted (it emits some for room events; see the sandbox docs). */
  errors: unknown[]
  room: Room
  contact: (id: string) => Promise<Contact>
}

/**
 * Cast: bot 群管家 (owner of 销售部), 张三 (group alias 销售部-张三) and 李四 in
 * 销售部, 王五 outside it.
 */
export async function startSandbox(options?: SandboxOptions): Promise<Harness> {
  const { puppet, world } = createSandbox(options)
  const bot = WechatyBuilder.build({ puppet })
  const errors: unknown[] = []
  bot.on('error', e => {
    errors.push(e)
  })
  world.createContact({ id: IDS.bot, name: '群管家' })
  world.createContact({ id: IDS.zhang, name: '张三' })
  world.createContact({ id: IDS.li, name: '李四' })
  world.createContact({ id: IDS.wang, name: '王五' })
  world.createRoom({ id: IDS.room, topic: '销售部', memberIds: [IDS.bot, IDS.zhang, IDS.li], ownerId: IDS.bot })
  world.setGroupAlias(IDS.room, IDS.zhang, '销售部-张三')
  await bot.start()
  const loggedIn = new Promise(resolve => bot.once('login', resolve))
  world.login(IDS.bot)
  await loggedIn
  const room = await bot.Room.find({ id: IDS.room })
  if (!room) throw new Error('room not found')
  const contact = async (id: string) => {
    const found = await bot.Contact.find({ id })
    if (!found) throw new Error(`contact ${id} not found`)
    return found
  }
  return { bot, world, puppet, errors, room, contact }
}

/** Poll (every few ms) until `probe` returns something other than undefined. */
export async function until<T>(probe: () => T | undefined, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('until(): timed out')
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}
