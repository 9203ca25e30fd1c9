import { describe, expect, it, vi } from 'vitest'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { REVIEWS_DOC, REVIEWS_NAME } from '../../../plugins/content/state.js'
import { group, member } from '../../helpers/harness.js'
import { CONTENT_CONFIG as CONFIG, one, spammer, two } from './content-customers.js'
import { eventually, fleetBot, fleetOfTwo, url } from './two-accounts.js'

const admin = member('admin1', '陈管理')
const other = member('c7', '小王')
const LEASE_MS = 1_200

/** The ids of an account's review questions, as its store holds them. */
const reviewIds = (h: {
  store: { doc: typeof import('../../../bot/ports/postgres/pg-store.js').PgStore.prototype.doc }
}) => h.store.doc(REVIEWS_NAME, REVIEWS_DOC).data.reviews.map(r => r.id)

/**
 * sales1 holds 销售一群 (sales2 is in it too) and asks about the spammer's pinyin insult there (its R1); sales2 holds
 * 销售二群 and asks about another customer's (its own R1). Then sales1 is killed and sales2 takes 销售一群 over.
 */
async function askedThenKilled() {
  const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin], [['r1'], ['r1', 'r2']], {}, LEASE_MS)
  a.wechat.addGroup(one, [spammer])
  b.wechat.addGroup(one, [spammer])
  b.wechat.addGroup(two, [other])
  await a.say(spammer, '客服都是shabi吗', one)
  await eventually(a, () => expect(a.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
  await b.say(other, '你是不是shabi啊', two)
  await eventually(b, () => expect(b.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
  await a.kill()
  await vi.waitFor(() => expect(reviewIds(b)).toContain('R1@sales1'), { timeout: 4 * LEASE_MS, interval: 100 })
  return { a, b }
}

describe.skipIf(!url)('review questions move with their group at a takeover', () => {
  it('answered through the account now serving the group by either id: a repeat joins it, warned and struck once', async () => {
    const { b } = await askedThenKilled()
    expect(b.fleet.holds('r1')).toBe(true)
    // Two open questions answer to R1 there: the admin is asked which, nothing is done.
    await b.say(admin, '#确认 R1')
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain(
        '「R1」对应 2 条待确认：R1（小王：侮辱性言论，群「销售二群」）、R1@sales1（优惠多多：侮辱性言论，群「销售一群」）。请写完整编号，例如 #确认 R1@sales1；本账号「小助手sales2」(sales2)自己的 R1 也可写 R1@sales2。',
      ),
    )
    // The same evasion again in the moved group joins the moved question: nobody is asked twice.
    await b.say(spammer, '又来 SHA-bi', one)
    await b.say(admin, '#确认 R1@sales1')
    await eventually(b, () => expect(b.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain('已确认 R1@sales1（优惠多多：侮辱性言论；共 2 条'),
    )
    expect(b.wechat.textsTo('admin1').filter(t => t.includes('🔎 待确认'))).toHaveLength(1)
    expect(b.wechat.textsTo('r1').filter(t => t.includes('违反群规'))).toHaveLength(1)
    expect(b.rt.ledger.activeStrikes('c3', b.clock.now()).filter(s => !s.id.includes('/'))).toHaveLength(1)
    // Its own R1 is still open, and is R1 again now that it is the only open one.
    await b.say(admin, '#忽略 R1')
    await eventually(b, () => expect(b.wechat.textsTo('admin1').at(-1)).toContain('已忽略 R1（小王：侮辱性言论）'))
  })

  it('sales1 back says where its moved question went, by the id it has there and the WeChat name of the account, and acts in no group', async () => {
    const { a, b } = await askedThenKilled()
    const back = await fleetBot(a.schema, 'sales1', ['r1'], CONFIG, [contentPlugin], {}, LEASE_MS)
    back.wechat.addGroup(one, [spammer])
    await back.say(admin, '#确认 R1')
    await eventually(back, () =>
      expect(back.wechat.textsTo('admin1').at(-1)).toBe(
        'R1 已随群「销售一群」转给机器人账号「小助手sales2」(sales2)（本账号离线时由它接管该群），请私聊「小助手sales2」发送：#确认 R1@sales1',
      ),
    )
    expect(back.fleet.holds('r1')).toBe(false)
    expect(back.wechat.textsTo('r1')).toEqual([])
    expect(reviewIds(back)).toEqual([])
    expect(reviewIds(b).sort()).toEqual(['R1', 'R1@sales1'])
  })

  it('sales1 back, after the moved question was answered where it went, says so instead of sending the admin there', async () => {
    const { a, b } = await askedThenKilled()
    await b.say(admin, '#确认 R1@sales1')
    await eventually(b, () => expect(b.wechat.textsTo('admin1').join('\n')).toContain('已确认 R1@sales1'))
    const back = await fleetBot(a.schema, 'sales1', ['r1'], CONFIG, [contentPlugin], {}, LEASE_MS)
    back.wechat.addGroup(one, [spammer])
    await back.say(admin, '#确认 R1')
    await eventually(back, () =>
      expect(back.wechat.textsTo('admin1').at(-1)).toBe(
        'R1 已随群「销售一群」转给机器人账号「小助手sales2」(sales2)，已在那里由 陈管理 确认，按违规处理，不再处理。',
      ),
    )
    expect(back.wechat.textsTo('r1')).toEqual([])
  })
})

/** Customer groups whose customers wait for 张三 (activity), with the shipped dictionary (content). */
const WAITING_CONFIG = `
company: 示例科技
roles: { admin: [admin1], staff: [wxid_zhangsan] }
groups:
  - { name: 客户交流群, topicPattern: "交流群$", kind: customer, responsible: [wxid_zhangsan] }
plugins:
  activity: { responseThreshold: 10m }
  content: { watch: false }
`
const zhang = { ...member('wxid_zhangsan', '张三'), roles: ['staff' as const], isStaff: true }
const liu = member('c1', '刘总')
const g1 = group('r-c1', '示例科技张三交流群', 'customer', '客户交流群')
const g2 = group('r-c2', '示例科技李四交流群', 'customer', '客户交流群')
const MIN = 60_000

const plugins = [activityPlugin, contentPlugin]

/**
 * sales1 holds both customer groups (sales2 is in 张三's too) and holds 刘总's message for the admins in both (one
 * question: the second is its repeat, so 张三 is not reminded meanwhile); sales1 is killed, sales2 takes 张三's group
 * over with the question, and the admin answers it there: `#忽略 R1`.
 */
async function ignoredAfterTakeover() {
  const [a, b] = await fleetOfTwo(WAITING_CONFIG, plugins, [['r-c1', 'r-c2'], ['r-c1']], {}, LEASE_MS)
  for (const g of [g1, g2]) a.wechat.addGroup(g, [zhang, liu])
  b.wechat.addGroup(g1, [zhang, liu])
  await a.say(liu, '加我微信 liu2026，报价发我', g1)
  await a.say(liu, '加我微信 liu2026，报价发我', g2)
  await eventually(a, () => expect(a.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
  await a.kill()
  await vi.waitFor(() => expect(reviewIds(b)).toEqual(['R1@sales1']), { timeout: 4 * LEASE_MS, interval: 100 })
  await b.say(admin, '#忽略 R1')
  await eventually(b, () => expect(b.wechat.textsTo('admin1').join('\n')).toContain('已忽略 R1@sales1'))
  return { a, b }
}

describe.skipIf(!url)('a customer message held for the admins is released wherever the fleet holds it', () => {
  it('#忽略 through the account that took one group over releases it there, and sales1 back releases it in the other', async () => {
    const { a, b } = await ignoredAfterTakeover()
    await b.clock.advance(11 * MIN)
    await eventually(b, () => expect(b.wechat.textsTo('wxid_zhangsan').join('\n')).toContain('客户等待提醒'))
    expect(b.wechat.textsTo('wxid_zhangsan').join('\n')).toMatch(/张三交流群[\s\S]*刘总/)
    expect(b.wechat.textsTo('wxid_zhangsan').join('\n')).not.toMatch(/李四交流群|等管理员确认/)

    // sales1 back, before the customer's deadline, serves the group nobody took over: the customer waits there again
    // (reminded once, as any customer, not as a message the admins still look at).
    const back = await fleetBot(a.schema, 'sales1', ['r-c1', 'r-c2'], WAITING_CONFIG, plugins, {}, LEASE_MS)
    for (const g of [g1, g2]) back.wechat.addGroup(g, [zhang, liu])
    await back.clock.advance(2 * MIN)
    expect(back.fleet.holds('r-c2')).toBe(true)
    await back.clock.advance(10 * MIN)
    await eventually(back, () => expect(back.wechat.textsTo('wxid_zhangsan').join('\n')).toContain('客户等待提醒'))
    await back.clock.advance(30 * MIN)
    const reminders = back.wechat.textsTo('wxid_zhangsan').filter(t => t.includes('客户等待提醒'))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toMatch(/李四交流群[\s\S]*刘总/)
    expect(reminders[0]).not.toContain('张三交流群')
    expect(reminders[0]).not.toContain('等管理员确认')
  })

  it('sales1 back more than a day after the #忽略 through the account that took a group over still releases the message', async () => {
    const { a, b } = await ignoredAfterTakeover()

    // Back two days later: the admins answered long ago, so the customer is waiting for 张三 like any other.
    const start = b.clock.now() + 50 * 60 * MIN
    const back = await fleetBot(a.schema, 'sales1', ['r-c1', 'r-c2'], WAITING_CONFIG, plugins, { start }, LEASE_MS)
    for (const g of [g1, g2]) back.wechat.addGroup(g, [zhang, liu])
    await eventually(back, () => expect(back.fleet.holds('r-c2')).toBe(true))
    await back.clock.advance(2 * MIN)
    await back.say(admin, '#响应')
    await eventually(back, () => expect(back.wechat.textsTo('admin1').join('\n')).toContain('客户响应'))
    // Listed as waiting (a message still held for the admins is not): 张三's answer ends the wait and counts.
    expect(back.wechat.textsTo('admin1').at(-1)).toMatch(/【正在等待】\n· 示例科技李四交流群：刘总/)
  })
})
