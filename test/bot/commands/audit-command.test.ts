import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PLUGINS } from '../../../plugins/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const sales = group('r-sales@chatroom', '示例科技销售部工作群', 'internal', '销售部工作群')
const cust = group('r-cust@chatroom', '示例科技张三交流群', 'customer', '客户交流群')
const customer = member('wxid_c3', '优惠多多')
const other = member('wxid_c1', '刘总')
const admin = member('wxid_admin', '陈管理', '行政部-陈静')
const zhangsan = member('wxid_zhangsan', '张三', '销售部-张三')

/** The example config with every plugin, two customers breaking a rule in their group. */
async function start() {
  const yaml = readFileSync('data/bot.config.example.yaml', 'utf8').replace(
    'roster: demo/roster.csv',
    `roster: ${process.cwd()}/data/demo/roster.csv`,
  )
  const h = await makeRuntime(yaml, PLUGINS, { file: 'data/bot.config.example.yaml' })
  h.wechat.addGroup(sales, [admin, zhangsan])
  h.wechat.addGroup(cust, [zhangsan, customer, other, admin])
  await h.rt.handle(text(customer, '兼职刷单日赚五百', h.clock.now(), cust))
  await h.clock.advance(10_000)
  await h.rt.handle(text(other, '兼职刷单日赚八百', h.clock.now(), cust))
  await h.clock.advance(10_000)
  return h
}

describe('#审计', () => {
  it('filters by a WeChat name or a WeChat id as well as by an @', async () => {
    const { rt, clock, wechat } = await start()
    for (const who of ['优惠多多', 'wxid_c3']) {
      await rt.handle(text(admin, `#审计 ${who}`, clock.now()))
      await clock.advance(10_000)
      const listed = wechat.textsTo('wxid_admin').at(-1)!
      expect(listed).toContain('@优惠多多')
      expect(listed).not.toContain('刘总')
    }
  })

  it('a word that names no member and no plugin is answered with what went wrong and the usage, not the whole log', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(admin, '#审计 xyz', clock.now()))
    await clock.advance(10_000)
    const answer = wechat.textsTo('wxid_admin').at(-1)!
    expect(answer).toContain('找不到成员或插件「xyz」')
    expect(answer).toContain('用法：#审计')
    expect(answer).not.toContain('优惠多多')
  })

  it('typed in an internal group, the list goes to the admin privately and nothing of it to the group', async () => {
    const { rt, clock, wechat } = await start()
    const before = wechat.textsTo(sales.id).length
    await rt.handle(text(admin, '#审计', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo(sales.id).length).toBe(before)
    expect(wechat.textsTo('wxid_admin').at(-1)).toContain('@优惠多多')
  })
})
