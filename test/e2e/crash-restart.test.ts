import { afterAll, describe, expect, it } from 'vitest'
import { exportJson, startBot, teardown, waitUntil, type BotProcess } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { startPuppetService, type PuppetService } from './puppet-service.js'

const SALES = 'r-sales@chatroom'
const NANNING = 'r-nanning@chatroom'
let service: PuppetService | undefined
let bot: BotProcess | undefined

afterAll(() => teardown(bot, service))

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const sent = (chat: string, pattern: RegExp) =>
  service!.world.sent.filter(s => (s.roomId ?? s.toContactId) === chat && pattern.test(s.text ?? ''))

/** Ids of the cases in the bot's store, read with the cases export from its data dir. */
const storedCases = (dataDir: string, configFile: string): string[] =>
  exportJson<{ id: string }[]>(['cases', 'export'], dataDir, configFile).map(c => c.id)

/** Messages the activity plugin counted in one group, read with the stats export from the bot's data dir. */
const counted = (dataDir: string, configFile: string, groupId: string): number =>
  exportJson<{ groups: { group_id: string; messages: number }[] }>(['stats'], dataDir, configFile)
    .groups.filter(g => g.group_id === groupId)
    .reduce((a, g) => a + g.messages, 0)

describe('SIGKILL in the middle of a burst, then a restart', () => {
  it('keeps open notices and their timers, loses at most a flush interval of counting, and sends nothing twice', async () => {
    service = await startPuppetService()
    const { configFile, dataDir } = e2eConfig(cfg => {
      cfg.plugins.ack.deadline = '40s'
      cfg.plugins.ack.remindBefore = '15s'
    })
    bot = startBot(service, configFile, dataDir)
    await bot.waitFor(/就绪 ready/)

    service.world.say('wxid_boss', { room: SALES }, '【通知】周五前提交月报，收到请回复')
    await waitUntil(() => sent(SALES, /已登记通知 N1/).length > 0, 30_000, 'the notice to be tracked')
    service.world.say('wxid_zhangsan', { room: SALES }, '收到')
    service.world.say('wxid_du', { room: NANNING }, '#经验 客户说太贵时，先问预算再推荐套餐，比直接降价成交率高')
    await waitUntil(() => sent(NANNING, /C1/).length > 0, 30_000, 'the case confirmation')

    // A burst in another group; kill -9 half way through.
    const sentAt: number[] = []
    for (let i = 0; i < 200; i++) {
      service.world.say(i % 2 ? 'wxid_du' : 'wxid_lisi', { room: NANNING }, `第${i}条：今天拜访了两家客户`)
      // Cases shared during the burst, some around the kill.
      if (i % 20 === 10) service.world.say('wxid_lisi', { room: NANNING }, `#经验 第${i}条经验：先听客户说完再报价`)
      sentAt.push(Date.now())
      if (i === 100) bot.kill('SIGKILL')
      await sleep(15)
    }
    const killedAt = sentAt[100]
    expect(await bot.exited).not.toBe(0)

    bot = startBot(service, configFile, dataDir)
    await bot.waitFor(/就绪 ready/)
    await waitUntil(() => sent('wxid_admin', /异常退出/).length > 0, 30_000, 'the admins to hear about the crash')

    // The confirmed case survived.
    service.world.say('wxid_du', { room: NANNING }, '#案例 查看 C1')
    await waitUntil(
      () => sent(NANNING, /先问预算再推荐套餐/).length > 0,
      30_000,
      'the case to be shown after the restart',
    )

    // The notice survived: it is still listed, and its reminder and report each come exactly once.
    service.world.say('wxid_boss', { room: SALES }, '#通知 列表')
    await waitUntil(
      () => sent(SALES, /N1/).some(s => /列表|进行中|1\/4|回复/.test(s.text ?? '') && !/已登记/.test(s.text ?? '')),
      30_000,
      'the notice list',
    )
    await waitUntil(() => sent('wxid_boss', /截止报告/).length > 0, 60_000, 'the deadline report')
    await sleep(5000)
    expect(sent('wxid_boss', /截止报告/)).toHaveLength(1)
    expect(sent(SALES, /将于 .* 截止/).length).toBeLessThanOrEqual(1)
    expect(sent(SALES, /已登记通知 N1/)).toHaveLength(1)

    // Counting: everything that arrived before the last flush (1 s) before the kill is kept.
    bot.kill('SIGTERM') // npm itself dies of the signal; the bot flushes and exits
    await bot.exited
    expect(bot.output()).toMatch(/SIGTERM: flushing state and stopping/)
    bot = undefined
    // Every case stored got exactly one confirmation, and every confirmed case is stored.
    const stored = storedCases(dataDir, configFile)
    // Confirmations queued together are merged into one message: every line counts.
    const confirmed = sent(NANNING, /已记录经验案例 C\d+/).flatMap(s =>
      [...(s.text ?? '').matchAll(/已记录经验案例 (C\d+)/g)].map(m => m[1]),
    )
    expect(new Set(confirmed).size).toBe(confirmed.length)
    expect([...confirmed].sort()).toEqual([...stored].sort())
    expect(stored.length).toBeGreaterThan(5) // C1 and the burst's cases before the kill
    const n = counted(dataDir, configFile, NANNING)
    const surelyFlushed = sentAt.filter(t => t < killedAt - 3000).length // 1 s flush interval + delivery slack
    expect(n).toBeGreaterThanOrEqual(surelyFlushed)
    expect(n).toBeLessThanOrEqual(101 + 99) // never more than was sent
  })
})
