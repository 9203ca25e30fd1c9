import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'
import { archiveConfigSchema } from '../../../plugins/archive/config.js'
import type { RuntimeOptions } from '../../helpers/harness.js'
import { admin, auditor, CONFIG, customer, customers, sales, setup, tempArchiveDir, zhang } from './setup.js'

const DAY = 86_400_000

/** Messages on Monday 2026-11-30 in both groups and privately, then the clock moved `days` ahead. */
async function aged(days: number, config = CONFIG) {
  const h = await setup({ config })
  await h.say(zhang, '内部群的旧消息', sales)
  await h.say(customer, '客户群的旧消息', customers)
  await h.say(customer, '私聊的旧消息')
  await h.clock.advance(days * DAY)
  const kept = async () => ({
    internal: (await h.records('r-sales')).length,
    customer: (await h.records('r-cust')).length,
    private: (await h.records('private:c1')).length,
  })
  const purges = () =>
    h.rt.audit.query({ plugin: 'archive', days: 3, limit: 100 }).filter(e => e.rule === 'archive.purge')
  return { ...h, kept, purges }
}

describe('archive: retention', () => {
  it('deletes export files after a week (by the time in their name), in the daily purge, and leaves other files', async () => {
    const h = await aged(0)
    await h.say(auditor, '#记录 导出 客户群')
    const exported = () => readdirSync(h.outputDir).filter(f => f.startsWith('信息记录-'))
    const first = exported()
    expect(first).toHaveLength(1)
    writeFileSync(join(h.outputDir, '周报-2026-11-30.csv'), 'not an export')
    await h.clock.advance(4 * DAY)
    await h.say(auditor, '#记录 导出 客户群 昨天')
    expect(exported()).toHaveLength(2)
    await h.clock.advance(4 * DAY) // the first is 8 days old at the next purge, the second 4
    await h.records('r-cust') // the purge queued by the clock move has run
    expect(exported()).toEqual(exported().filter(f => !first.includes(f)))
    expect(exported()).toHaveLength(1)
    expect(existsSync(join(h.outputDir, '周报-2026-11-30.csv'))).toBe(true)
    expect(h.purges().map(e => e.text)).toContain(
      '信息记录到期清理：删除 0 个日记录文件，共 0 条；法律保全未清理：无；删除过期导出文件 1 个',
    )
  })

  it('keeps everything inside the retention period, and audits each daily purge', async () => {
    const h = await aged(3)
    expect(await h.kept()).toEqual({ internal: 1, customer: 1, private: 1 })
    const runs = h.purges()
    expect(runs.length).toBeGreaterThanOrEqual(2)
    expect(runs[0].text).toBe('信息记录到期清理：删除 0 个日记录文件，共 0 条；法律保全未清理：无')
  })

  it('purges internal groups and private chats after a year and keeps customer groups (three years by default)', async () => {
    const h = await aged(367)
    expect(archiveConfigSchema.parse({}).retentionDays).toEqual({
      customer: 1095,
      internal: 365,
      broadcast: 365,
      private: 365,
    })
    expect(await h.kept()).toEqual({ internal: 0, customer: 1, private: 0 })
    expect(h.purges().map(e => e.text)).toContain('信息记录到期清理：删除 2 个日记录文件，共 2 条；法律保全未清理：无')
    const log = await h.backend.readAccess('2026-01-01', '2030-12-31')
    // The first purge takes the two files. The auditor's private chat of the first daily check code (the bot's own
    // message of 2026-12-01) goes at whichever later run its day is due, as the store's outbox dated it: within these
    // 367 days on the file store, not yet on PostgreSQL (BOT_TEST_STORE=pg); either way nothing else is purged.
    const purged = log.filter(e => e.action === 'purge' && e.count).map(e => [e.who, e.count])
    expect(purged[0]).toEqual(['job', 2])
    expect(purged.slice(1).every(([who, count]) => who === 'job' && count === 1)).toBe(true)
  })

  it('purges a customer group once its own retention (per kind, in days) has passed', async () => {
    const h = await aged(
      31,
      CONFIG.replace('groups:', 'plugins: { archive: { retentionDays: { customer: 30 } } }\ngroups:'),
    )
    expect(await h.kept()).toEqual({ internal: 1, customer: 0, private: 1 })
  })

  it('never purges a group on legal hold from config', async () => {
    const h = await aged(
      367,
      CONFIG.replace(
        '{ name: 销售群, topic: 销售部工作群, kind: internal }',
        '{ name: 销售群, topic: 销售部工作群, kind: internal, plugins: { archive: { legalHold: true } } }',
      ),
    )
    expect(await h.kept()).toEqual({ internal: 1, customer: 1, private: 0 })
    expect(h.purges().at(-1)?.text).toContain('法律保全未清理：销售部工作群')
  })

  it('an admin places and lifts a legal hold in chat; the purge waits while it holds', async () => {
    const h = await setup()
    await h.say(zhang, '要保全的消息', sales)
    await h.say(admin, '#记录 保全 销售群')
    expect(h.to('admin1')).toContain('已对「销售部工作群」设置法律保全：到期记录暂停清理。')
    await h.clock.advance(400 * DAY)
    expect(await h.records('r-sales')).toHaveLength(1)
    await h.say(admin, '#记录 保全')
    expect(h.to('admin1')).toMatch(/法律保全中的群：\n· 销售部工作群（11-30 09:00 起）/)
    await h.say(admin, '#记录 保全 销售群 关')
    expect(h.to('admin1')).toContain('已解除「销售部工作群」的法律保全。')
    await h.clock.advance(DAY)
    expect(await h.records('r-sales')).toHaveLength(0)
    // 401 daily runs: anchors, check codes (sent and recorded) and purges
    const rules = h.rt.audit.query({ plugin: 'archive', days: 500, limit: 5000 }).map(e => e.rule)
    expect(rules).toContain('archive.hold')
    expect(rules).toContain('archive.release')
  })

  it('an auditor may not place a legal hold', async () => {
    const h = await setup()
    await h.say(zhang, '消息', sales)
    await h.say(auditor, '#记录 保全 销售群')
    expect(h.to('aud1')).toContain('⛔ 没有权限：法律保全需要「管理员」角色。')
    expect(h.rt.audit.query({ plugin: 'archive' }).map(e => e.rule)).toContain('archive.hold-refused')
  })
})

describe('archive: file back end purge', () => {
  it('deletes whole day files and the media kept for those days, nothing newer', async () => {
    const backend = new FileArchive(tempArchiveDir())
    const rec = (id: string, day: string) => ({
      v: 1 as const,
      seq: Number(id.slice(1)),
      id,
      at: Date.parse(`${day}T01:00:00Z`),
      chat: 'r-sales',
      sender: { id: 'zhang', name: '张三' },
      type: 'image' as const,
      text: '[图片]',
      mentions: [],
      attachment: { fileName: 'a.jpg' },
    })
    await backend.append(rec('m1', '2025-01-01'), '2025-01-01')
    await backend.append(rec('m2', '2025-01-01'), '2025-01-01')
    await backend.append(rec('m3', '2025-01-02'), '2025-01-02')
    const oldMedia = await backend.storeMedia(rec('m1', '2025-01-01'), '2025-01-01', new Uint8Array([1]))
    const newMedia = await backend.storeMedia(rec('m3', '2025-01-02'), '2025-01-02', new Uint8Array([2]))
    expect(await backend.purgeBefore('r-sales', '2025-01-02')).toEqual({ segments: 1, records: 2 })
    expect(existsSync(join(backend.dir, oldMedia))).toBe(false)
    expect(existsSync(join(backend.dir, newMedia))).toBe(true)
    expect((await backend.tail('r-sales', 10)).map(r => r.id)).toEqual(['m3'])
  })
})

/** An archive whose chat list lost the sales group's line (torn by a crash), opened again with the bot in `groups`. */
async function tornSales(groups: RuntimeOptions['groups']) {
  const dir = tempArchiveDir()
  const h = await setup({ backend: new FileArchive(dir) })
  await h.say(customer, '客户群的旧退款消息', customers)
  await h.say(customer, '私聊的旧消息')
  await h.say(zhang, '内部群的旧退款消息', sales)
  await h.rt.stop()
  // The process died while appending the sales group's line to the chat list (its last): half of it is on disk.
  const log = join(dir, 'chats.log.jsonl')
  expect(readFileSync(log, 'utf8').trim().split('\n').at(-1)).toContain('r-sales')
  truncateSync(log, statSync(log).size - 12)
  return setup({ backend: new FileArchive(dir), groups })
}

describe('archive: a chat whose line in the chat list was torn by a crash', () => {
  it('is listed again at the restart: searched, exported with the others and purged on time', async () => {
    const b = await tornSales([
      [sales, [zhang]],
      [customers, [customer]],
    ])
    await b.say(auditor, '#记录 搜索 退款')
    expect(b.to('aud1')).toContain('全部会话：共 2 条')
    expect(b.to('aud1')).toContain('[销售部工作群（群）] 11-30 09:00 张三：内部群的旧退款消息')
    await b.say(auditor, '#记录 导出 2026-11-30 html')
    const html = readFileSync(b.wechat.sent.find(s => s.file)?.file ?? '', 'utf8')
    expect(html).toContain('<h2>销售部工作群（群）</h2>')
    expect(html).toContain('内部群的旧退款消息')
    // A year on, the purge finds the group among those the bot is in (an internal group) and deletes its old day.
    await b.clock.advance(367 * DAY)
    expect(await b.records('r-sales')).toHaveLength(0)
    expect(await b.records('r-cust')).toHaveLength(1)
  })

  it('keeps a group the bot is no longer in for the longest retention of the group kinds (its kind is unknown)', async () => {
    const b = await tornSales([[customers, [customer]]])
    await b.clock.advance(367 * DAY)
    expect([(await b.records('r-sales')).length, (await b.records('private:c1')).length]).toEqual([1, 0])
    await b.clock.advance(729 * DAY)
    expect([(await b.records('r-sales')).length, (await b.records('r-cust')).length]).toEqual([0, 0])
  })
})
