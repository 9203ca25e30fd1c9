import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { exportJson, startBot, teardown, waitUntil, type BotProcess } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { startPuppetService, type PuppetService } from './puppet-service.js'

const GROUPS = 20
const PER_GROUP = 10
const MESSAGES = 2000
let service: PuppetService | undefined
let bot: BotProcess | undefined

afterAll(() => teardown(bot, service))

/** 20 customer groups of 10 customers each (200 members); the admin is in the first. */
function burstWorld(dir: string): string {
  const contacts = [{ id: 'wxid_admin', name: '陈管理' }]
  const groups = Array.from({ length: GROUPS }, (_, g) => {
    const members: Record<string, string | null> = g === 0 ? { wxid_admin: '行政部-陈静' } : {}
    for (let m = 0; m < PER_GROUP; m++) {
      const id = `cust_${g}_${m}`
      contacts.push({ id, name: `客户${g}-${m}` })
      members[id] = null
    }
    return { id: `burst-${g}@chatroom`, topic: `示例科技客户${g}交流群`, owner: 'wxid_bot', members }
  })
  const file = join(dir, 'world.yaml')
  writeFileSync(file, stringify({ bot: { id: 'wxid_bot', name: '小助手' }, contacts, groups }))
  return file
}

describe('a burst of 2,000 messages from 200 members in 20 groups within a minute', () => {
  it('counts every message, acts on every banned one, keeps the send limits and keeps answering #状态', async () => {
    const { dir, configFile, dataDir } = e2eConfig()
    service = await startPuppetService(burstWorld(dir))
    bot = startBot(service, configFile, dataDir)
    await bot.waitFor(/就绪 ready/)
    const banned: string[] = []
    const started = Date.now()
    for (let i = 0; i < MESSAGES; i++) {
      const g = i % GROUPS
      const from = `cust_${g}_${Math.floor(i / GROUPS) % PER_GROUP}`
      const isBanned = i % 100 === 7
      const id = service.world.say(
        from,
        { room: `burst-${g}@chatroom` },
        isBanned ? `兼 职 刷 单，日 赚 五百，第${i}条` : `第${i}条：请问这款净水器的滤芯多久换一次？`,
      )
      if (isBanned) banned.push(id)
      if (i === MESSAGES / 2) service.world.say('wxid_admin', { room: 'burst-0@chatroom' }, '#状态')
      await new Promise(r => setTimeout(r, 20))
    }
    expect(Date.now() - started).toBeLessThan(60_000)

    // Still answering while it digests the burst; memory bounded.
    await waitUntil(() => service!.world.sent.some(s => /健康：/.test(s.text ?? '')), 90_000, 'the #状态 reply')
    const status = service.world.sent.find(s => /健康：/.test(s.text ?? ''))!.text!
    // RSS mid-burst: 304 MB was seen once after the archive index, fleet and expansion tables landed (2026-12-03);
    // the memory goal itself is judged by `npm run bench` (issue #18), this bound only catches a runaway.
    expect(Number(/内存 (\d+) MB/.exec(status)![1])).toBeLessThan(350)

    // Let the outbox work for a while, then stop cleanly so counters are flushed.
    await new Promise(r => setTimeout(r, 20_000))
    bot.kill('SIGTERM')
    await bot.exited
    bot = undefined

    // The send limits held: at most 40 in any 60 s, at least 3 s between two sends to one chat.
    const times = service.world.sent.map(s => s.at).sort((a, b) => a - b)
    for (let i = 40; i < times.length; i++) expect(times[i] - times[i - 40]).toBeGreaterThanOrEqual(60_000 - 50)
    const byChat = new Map<string, number[]>()
    for (const s of service.world.sent)
      byChat.set(s.roomId ?? s.toContactId!, [...(byChat.get(s.roomId ?? s.toContactId!) ?? []), s.at])
    for (const ts of byChat.values())
      for (let i = 1; i < ts.length; i++) expect(ts[i] - ts[i - 1]).toBeGreaterThanOrEqual(3000 - 50)

    // Every banned message is in the audit log as evidence of a content decision.
    const auditDir = join(dataDir, 'logs', 'audit')
    const audit = readdirSync(auditDir).flatMap(f =>
      readFileSync(join(auditDir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(l => JSON.parse(l)),
    )
    const evidenced = new Set(audit.filter(e => e.plugin === 'content').map(e => e.evidence?.messageId))
    expect(banned.filter(id => !evidenced.has(id))).toEqual([])

    // Every message was counted by the activity plugin.
    const stats = exportJson<{ groups: { group_id: string; messages: number }[] }>(['stats'], dataDir, configFile)
    const counted = stats.groups.filter(g => g.group_id.startsWith('burst-')).reduce((a, g) => a + g.messages, 0)
    expect(counted).toBe(MESSAGES) // commands such as #状态 are not counted as chat
  })
})
