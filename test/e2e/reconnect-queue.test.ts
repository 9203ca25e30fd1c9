import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { startBot, teardown, waitUntil, type BotProcess } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { startPuppetService, type PuppetService } from './puppet-service.js'

let service: PuppetService | undefined
let bot: BotProcess | undefined

afterAll(() => teardown(bot, service))

const ASKERS = Array.from({ length: 24 }, (_, i) => `wxid_ask${i}`)

/** The demo company plus 24 people who each ask the bot privately. */
function world(dir: string): string {
  const contacts = [{ id: 'wxid_admin', name: '陈管理' }, ...ASKERS.map((id, i) => ({ id, name: `同事${i}` }))]
  const groups = [
    {
      id: 'r-sales@chatroom',
      topic: '示例科技销售部工作群',
      owner: 'wxid_bot',
      members: { wxid_admin: '行政部-陈静' },
    },
  ]
  const file = join(dir, 'world.yaml')
  writeFileSync(file, stringify({ bot: { id: 'wxid_bot', name: '小助手' }, contacts, groups }))
  return file
}

const answersTo = (id: string) =>
  service!.world.sent.filter(s => s.toContactId === id && (s.text ?? '').includes(id)).length

describe('a connection loss with many replies queued', () => {
  it('after the restart, each of 24 queued replies is delivered exactly once', async () => {
    const { dir, configFile, dataDir } = e2eConfig()
    service = await startPuppetService(world(dir))
    bot = startBot(service, configFile, dataDir)
    await bot.waitFor(/就绪 ready/)
    for (const id of ASKERS) service.world.say(id, { to: 'wxid_bot' }, '#我的ID')
    await waitUntil(() => ASKERS.some(id => answersTo(id) > 0), 30_000, 'the first reply')
    await service.stop()
    expect(await bot.exited).toBe(75)
    const before = ASKERS.filter(id => answersTo(id) > 0).length
    expect(before).toBeLessThan(ASKERS.length - 20) // at least 20 were still queued at the cut

    await service.restart()
    bot = startBot(service, configFile, dataDir)
    await bot.waitFor(/就绪 ready/)
    await waitUntil(() => ASKERS.every(id => answersTo(id) > 0), 120_000, 'every queued reply')
    await new Promise(r => setTimeout(r, 4000))
    for (const id of ASKERS) expect(answersTo(id)).toBe(1)
  }, 240_000)
})
