import { describe, expect, it, vi } from 'vitest'
import type { PluginDefinition } from '../../../bot/core/plugin.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'
import { freshSchema, usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'
import { countingStrikes } from './counting-strikes.js'

const { url, schemas, closers } = await usePgFixture()

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], staff: [zhang] }
groups:
  - { name: 销售一群, topic: 销售一群, kind: internal }
  - { name: 销售二群, topic: 销售二群, kind: internal }
`
const one = group('r1', '销售一群', 'internal', '销售一群')
const two = group('r2', '销售二群', 'internal', '销售二群')

/** One bot account on the shared database, holding `groups`, syncing on change notifications as `start` runs it. */
async function bot(schema: string, account: string, groups: string[], plugins: PluginDefinition[]) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const fleet = testFleet(store, groups, {
    listen: () => store.listenConnection(),
    staleMs: 3_600_000, // never stale in the test: B reads A's change because it was told of it
  })
  const h = await makeRuntime(CONFIG, plugins, { store, gate: fleet })
  closers.push(async () => {
    await h.rt.stop()
    await store.close()
  })
  return { ...h, store, fleet }
}

async function fleetOfTwo(plugins: PluginDefinition[]) {
  const schema = freshSchema()
  schemas.push(schema)
  const bots = [await bot(schema, 'sales1', ['r1'], plugins), await bot(schema, 'sales2', ['r2'], plugins)] as const
  return bots
}

describe.skipIf(!url)('fleet-wide records read on change notifications', () => {
  it('counts through B a strike A just gave, once A’s change was announced', async () => {
    const [a, b] = await fleetOfTwo([countingStrikes])
    await b.rt.enqueue(text(member('zhang'), '早上好', b.clock.now(), two)) // B read the fleet's records once
    await a.rt.enqueue(text(member('spammer'), '加我发广告', a.clock.now(), one))
    await vi.waitFor(() => expect(a.wechat.textsTo('r1')).toEqual(['第 1 次']))
    // The warning went out after the strike was committed; B reads it at its next task once told.
    await vi.waitFor(() => expect(b.fleet.behind()).toBe(true))
    await b.rt.enqueue(text(member('spammer'), '广告又来了', b.clock.now(), two))
    await vi.waitFor(() => expect(b.wechat.textsTo('r2')).toEqual(['第 2 次']))
    // And back: A counts B's strike too.
    await vi.waitFor(() => expect(a.fleet.behind()).toBe(true))
    await a.clock.advance(5_000)
    await a.rt.enqueue(text(member('spammer'), '还是广告', a.clock.now(), one))
    await vi.waitFor(() => expect(a.wechat.textsTo('r1').at(-1)).toBe('第 3 次'))
  })

  it('shows through B the messages A counted, right after A’s flush (read when asked, not followed)', async () => {
    const [a, b] = await fleetOfTwo([activityPlugin])
    await b.rt.enqueue(text(member('zhang', '张三'), '下午三点开会', b.clock.now(), two))
    await a.rt.enqueue(text(member('zhang', '张三'), '早上好，今天的报价发群里了', a.clock.now(), one))
    await a.store.flush() // A's open day (its activity-current document)
    await b.rt.enqueue(text(member('admin1', '陈管理'), '#活跃度', b.clock.now()))
    await b.clock.advance(5_000)
    await vi.waitFor(() => {
      const answer = b.wechat.textsTo('admin1').join('\n')
      expect(answer).toContain('2 个群共 2 条消息')
      expect(answer).toMatch(/销售一群.*1 条/)
    })
  })
})
