import { afterAll, describe, expect, it } from 'vitest'
import { startBot, teardown, waitUntil, type BotProcess } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { startPuppetService, type PuppetService } from './puppet-service.js'

let service: PuppetService | undefined
let bot: BotProcess | undefined

afterAll(() => teardown(bot, service))

const GROUPS = ['r-sales@chatroom', 'r-nanning@chatroom', 'r-cust-zhangsan@chatroom']
const ASKERS = ['wxid_zhangsan', 'wxid_du', 'wxid_c1'] // in the customer group a customer asks: staff are answered privately there
/** The answer to #帮助: the command list, or (a customer in their group) where to ask instead. */
const HELP = /可用命令|有任何问题请直接在群里留言/

describe('the puppet service goes away while the bot runs', () => {
  it('exits with 75 for the supervisor, and after the restart delivers what was queued exactly once and tells the admins', async () => {
    service = await startPuppetService()
    const { configFile, dataDir } = e2eConfig()
    bot = startBot(service, configFile, dataDir)
    await bot.waitFor(/就绪 ready/)

    // Queue replies in three chats, then cut the connection before the outbox (3 s per chat, 1-3 s between chats) can send them all.
    for (const [i, g] of GROUPS.entries()) service!.world.say(ASKERS[i], { room: g }, '#帮助')
    await waitUntil(() => service!.world.sent.length >= 1, 20_000, 'the first reply')
    await service.stop()
    expect(await bot.exited).toBe(75)
    expect(bot.output()).toMatch(/connection lost/)

    // The supervisor (here: the test) starts a new process once the service is back.
    await service.restart()
    bot = startBot(service, configFile, dataDir)
    await bot.waitFor(/就绪 ready/)
    await waitUntil(
      () => GROUPS.every(g => service!.world.sent.some(s => s.roomId === g && HELP.test(s.text ?? ''))),
      60_000,
      'every queued reply',
    )
    await waitUntil(
      () => service!.world.sent.some(s => s.toContactId === 'wxid_admin' && /连接中断/.test(s.text ?? '')),
      30_000,
      'the note to the admins',
    )
    await new Promise(r => setTimeout(r, 5000))
    for (const g of GROUPS)
      expect(service.world.sent.filter(s => s.roomId === g && HELP.test(s.text ?? ''))).toHaveLength(1)
  })
})
