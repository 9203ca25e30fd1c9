import { describe, expect, it, vi } from 'vitest'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { casesPlugin } from '../../../plugins/cases/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'
import { freshSchema, usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'
import { countingStrikes } from './counting-strikes.js'

const { url, schemas, closers } = await usePgFixture()

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], trainer: [trainer1], staff: [zhang] }
groups:
  - { name: 销售一群, topic: 销售一群, kind: internal }
  - { name: 销售二群, topic: 销售二群, kind: internal }
`
const one = group('r1', '销售一群', 'internal', '销售一群')
const two = group('r2', '销售二群', 'internal', '销售二群')

/** One bot account on the shared database, holding `groups`. */
async function bot(schema: string, account: string, groups: string[]) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const fleet = testFleet(store, groups)
  const h = await makeRuntime(CONFIG, [countingStrikes, casesPlugin], { store, gate: fleet })
  closers.push(async () => {
    await h.rt.stop()
    await store.close()
  })
  return h
}

describe.skipIf(!url)('fleet-wide records on PostgreSQL', () => {
  it('counts a spammer’s strikes from another account’s group, and finds a case captured through another account', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const a = await bot(schema, 'sales1', ['r1'])
    const b = await bot(schema, 'sales2', ['r2'])

    await a.rt.enqueue(text(member('spammer'), '加我发广告', a.clock.now(), one))
    await vi.waitFor(() => expect(a.wechat.textsTo('r1')).toEqual(['第 1 次']))
    await b.rt.enqueue(text(member('spammer'), '广告又来了', b.clock.now(), two))
    await vi.waitFor(() => expect(b.wechat.textsTo('r2')).toEqual(['第 2 次']))

    await a.rt.enqueue(
      text(member('zhang', '张三'), '#成交\n客户：刘总\n产品：商用净水器\n结果：签约', a.clock.now(), one),
    )
    await a.clock.advance(5_000) // the 3 s gap between two sends to one chat
    await vi.waitFor(() => expect(a.wechat.textsTo('r1').join('\n')).toMatch(/已记录成交案例 C1/))
    await b.rt.enqueue(text(member('trainer1', '刘老师'), '#案例 搜索 净水器', b.clock.now(), two))
    await b.clock.advance(5_000)
    await vi.waitFor(() => expect(b.wechat.textsTo('r2').join('\n')).toMatch(/C1@sales1【成交】/))
    await b.rt.enqueue(text(member('trainer1', '刘老师'), '#案例 查看 C1@sales1', b.clock.now(), two))
    await b.clock.advance(5_000)
    await vi.waitFor(() => expect(b.wechat.textsTo('r2').join('\n')).toMatch(/📄 C1@sales1【成交】/))
  })
})
