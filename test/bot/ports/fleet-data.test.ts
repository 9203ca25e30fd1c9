import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { definePlugin, type PluginDefinition } from '../../../bot/core/plugin.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { archivePlugin } from '../../../plugins/archive/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { PgArchive } from '../../../plugins/archive/store/pg-backend.js'
import { type ArchiveRecord, RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'
import { freshSchema, usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'

const { url, schemas, closers } = await usePgFixture()

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], auditor: [aud1], staff: [zhang] }
groups:
  - { name: 销售一群, topic: 销售一群, kind: customer }
  - { name: 销售二群, topic: 销售二群, kind: customer }
`
const one = group('r1', '销售一群', 'customer', '销售一群')
const two = group('r2', '销售二群', 'customer', '销售二群')

/** Strikes a member who says 广告 (an audit entry with the member and the group). */
const strikes = definePlugin({
  name: 'strikes',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: () => ({
    onEvent: ev => {
      if (ev.type !== 'message' || !ev.group || !ev.text.includes('广告')) return []
      return [{ type: 'strike', memberId: ev.sender.id, category: 'ad', groupId: ev.group.id, ttlMs: 0, rule: 'ad' }]
    },
  }),
})

/** One bot account on the shared database (schema), in `groups`. */
async function bot(
  schema: string,
  account: string,
  groups: string[],
  config = CONFIG,
  plugins: PluginDefinition[] = [strikes, archivePlugin],
) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const fleet = testFleet(store, groups)
  const h = await makeRuntime(config, plugins, { store, gate: fleet })
  closers.push(async () => {
    await h.rt.stop()
    await store.close()
  })
  /** Deliver a message and let replies go out (3 s between two sends to one chat). */
  const say = async (from: ReturnType<typeof member>, body: string, g?: typeof one) => {
    await h.rt.enqueue(text(from, body, h.clock.now(), g))
    await h.clock.advance(5_000)
  }
  return { ...h, say, archive: new PgArchive(store.db, account) }
}

async function fleetOfTwo(config?: string, plugins?: PluginDefinition[]) {
  const schema = freshSchema()
  schemas.push(schema)
  return [
    await bot(schema, 'sales1', ['r1'], config, plugins),
    await bot(schema, 'sales2', ['r2'], config, plugins),
  ] as const
}

describe.skipIf(!url)('fleet-wide data on PostgreSQL', () => {
  it('lists an audit entry written through account A in #审计 asked through account B', async () => {
    const [a, b] = await fleetOfTwo()
    await a.say(member('spammer', '王五'), '加我发广告', one)
    await a.store.flush() // the interval flush of account A
    await b.say(member('admin1', '陈管理'), '#审计 strikes')
    await vi.waitFor(() =>
      expect(b.wechat.textsTo('admin1').join('\n')).toMatch(/A\d+@sales1 .* 记违规 strikes .*@(王五|spammer)/),
    )
    // Account A's own listing names its entry without the account.
    await a.say(member('admin1', '陈管理'), '#审计 strikes')
    await vi.waitFor(() =>
      expect(a.wechat.textsTo('admin1').join('\n')).toMatch(/^A\d+ .* 记违规 strikes .*@(王五|spammer)/m),
    )
  })

  it('finds through account B a message only account A received, and keeps a message both received once', async () => {
    const [a, b] = await fleetOfTwo()
    await a.say(member('c1', '刘总'), '想了解商用净水器的价格', one)
    // The same group message delivered to both accounts (each puppet gives it its own id).
    const at = a.clock.now()
    await a.rt.enqueue(text(member('c2', '赵总'), '净水器什么时候到货', at, one, { id: 'acct1-msg' }))
    await b.rt.enqueue(text(member('c2', '赵总'), '净水器什么时候到货', at, one, { id: 'acct2-msg' }))
    await vi.waitFor(async () => {
      const records = []
      for await (const seg of a.archive.scan({ chats: ['r1'], from: '2000-01-01', to: '2999-12-31' }))
        records.push(...seg.records)
      // In the order the accounts' writes committed (arrival order across the fleet; docs/fleet.md, Limits): under
      // load account B's write of the shared message may commit before account A's earlier one.
      expect(records.map(r => r.text).sort()).toEqual(['净水器什么时候到货', '想了解商用净水器的价格'].sort())
    })
    await b.say(member('aud1', '王审计'), '#记录 搜索 净水器')
    await vi.waitFor(() => {
      const answer = b.wechat.textsTo('aud1').join('\n')
      expect(answer).toContain('共 2 条')
      expect(answer).toContain('想了解商用净水器的价格')
    })
  })

  it('archives a batch in its order across chats, a message both accounts received once, and nothing of a refused batch', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const archives = []
    for (const account of ['sales1', 'sales2']) {
      const store = await PgStore.open({ url: url as string, schema, account })
      closers.push(() => store.close())
      archives.push(new PgArchive(store.db, account))
    }
    const [a, b] = archives
    const rec = (chat: string, id: string, text: string, at: number): ArchiveRecord => ({
      ...{ v: RECORD_VERSION, seq: 0, id, at, chat, sender: { id: 'c1', name: '刘总' } },
      ...{ type: 'text', text, mentions: [] },
    })
    const day = '2026-12-04'
    await a.appendMany(
      [rec('r1', 'a1', '第一条', 1), rec('r2', 'a2', '二群', 2), rec('r1', 'a3', '都收到了', 3)].map(record => ({
        record,
        day,
      })),
    )
    // Account B received a3 too (its own id) and one message A did not.
    await b.appendMany(
      [rec('r1', 'b1', '都收到了', 3), rec('r1', 'b2', '只有B收到', 4)].map(record => ({ record, day })),
    )
    const ids = async (chat: string) => (await a.tail(chat, 10)).map(r => r.id)
    expect(await ids('r1')).toEqual(['a1', 'a3', 'b2'])
    expect(await ids('r2')).toEqual(['a2'])
    // B's batch again (a retried write) and A's copy of B's message: all known, nothing added. A batch of a known
    // record and a new one adds the new one, found by its words.
    await b.appendMany(
      [rec('r1', 'b1', '都收到了', 3), rec('r1', 'b2', '只有B收到', 4)].map(record => ({ record, day })),
    )
    await a.appendMany([{ record: rec('r1', 'a9', '只有B收到', 4), day }])
    expect(await ids('r1')).toEqual(['a1', 'a3', 'b2'])
    await b.appendMany([rec('r1', 'b1', '都收到了', 3), rec('r2', 'b3', '第五条', 5)].map(record => ({ record, day })))
    expect(await ids('r1')).toEqual(['a1', 'a3', 'b2'])
    expect(await ids('r2')).toEqual(['a2', 'b3'])
    const found = await a.search({ from: '2000-01-01', to: '2999-12-31', words: ['第五'] }, 5)
    expect(found.hits.map(h => h.record.id)).toEqual(['b3'])
    // A batch with a record PostgreSQL refuses (a time that is not an integer) writes none of its records.
    const refused = [rec('r1', 'a4', '第四条', 5), rec('r1', 'a5', '坏时间', 5.5)].map(record => ({ record, day }))
    await expect(a.appendMany(refused)).rejects.toThrow()
    expect(await ids('r1')).toEqual(['a1', 'a3', 'b2'])
    expect(await ids('r2')).toEqual(['a2', 'b3'])
  })

  it('shows B’s admins a content incident in account A’s group, with A’s audit id', async () => {
    const config = `${CONFIG}plugins:
  content: { dictionaries: [test/plugins/content/fixtures/test-dictionary.yaml], watch: false }
`
    const [a, b] = await fleetOfTwo(config, [contentPlugin])
    a.wechat.addGroup(one, [member('c3', '优惠多多')])
    b.wechat.addGroup(two, [member('c1', '刘总')])
    await a.say(member('c3', '优惠多多'), '兼 职 刷 单，加 v', one)
    await vi.waitFor(() => expect(a.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))
    await a.store.flush()
    await b.say(member('admin1', '陈管理'), '#违规')
    await vi.waitFor(() =>
      expect(b.wechat.textsTo('admin1').join('\n')).toMatch(
        /V1@sales1 .* 销售一群 优惠多多：.*记违规；审计 A\d+@sales1（机器人账号 「小助手sales1」\(sales1\) 记录，在该账号撤销）/,
      ),
    )
    // B's own incidents and A's, in one list: B's group spammer is listed beside A's.
    await b.say(member('c1', '刘总'), '兼 职 刷 单，加 v', two)
    await b.say(member('admin1', '陈管理'), '#违规')
    // The answer goes out 3 s after the last one to admin1 left (the durable flush before it is real I/O while
    // the simulated clock moves): move the clock on while waiting.
    await vi.waitFor(async () => {
      await b.clock.advance(1_000)
      expect(b.wechat.textsTo('admin1').at(-1)).toMatch(/共 2 件[\s\S]*V1 [\s\S]*V1@sales1/)
    })
  })

  it('counts both accounts’ groups in one report: #活跃度 through B shows A’s group too, each message once', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [activityPlugin])
    await a.say(member('zhang', '张三'), '早上好，今天的报价发群里了', one)
    await a.say(member('c1', '刘总'), '收到，谢谢', one)
    await b.say(member('zhang', '张三'), '下午三点开会', two)
    await a.store.flush() // A's open day (its activity-current document)
    await b.say(member('admin1', '陈管理'), '#活跃度')
    await vi.waitFor(() => {
      const answer = b.wechat.textsTo('admin1').join('\n')
      expect(answer).toContain('2 个群共 3 条消息，2 人发言。')
      expect(answer).toMatch(/销售一群.*2 条/)
      expect(answer).toMatch(/销售二群.*1 条/)
      expect(answer).toMatch(/张三 2 条/)
    })
  })

  it('applies a roster reloaded through account A in account B too', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'roster.csv')
    writeFileSync(file, '姓名,部门,微信ID\n张三,销售部,zhang\n')
    const [a, b] = await fleetOfTwo(`${CONFIG}roster: ${file}\n`, [])
    writeFileSync(file, '姓名,部门,微信ID\n张三,销售部,zhang\n李四,销售部,li\n王五,客服部,wang\n')
    await a.clock.advance(60_000) // a reload after both accounts started (the newer roster wins)
    await a.say(member('admin1', '陈管理'), '#花名册 重载')
    await vi.waitFor(() => expect(a.wechat.textsTo('admin1').join('\n')).toContain('✅ 花名册已重载：3 人。'))
    await a.store.flush()
    await b.say(member('admin1', '陈管理'), '#花名册')
    await vi.waitFor(() => expect(b.wechat.textsTo('admin1').join('\n')).toContain('当前花名册 3 人'))
    expect(b.rt.loaded.roster.byContact('wang')?.dept).toBe('客服部')
  })
})
