import { describe, expect, it } from 'vitest'
import { member, text } from '../../helpers/harness.js'
import { makeRuntime } from '../../helpers/harness.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { ackPlugin } from '../../../plugins/ack/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { ConfigError } from '../../../bot/config/load-config.js'
import {
  at,
  config as ackConfig,
  boss,
  li,
  sales as ackSales,
  wang,
  zhang as ackZhang,
  admin,
} from '../../plugins/ack/helpers.js'
import { cust, config as contentConfig, customer, MIN, sales, spammer, zhangsan } from '../../plugins/content/setup.js'
import { sales as rnSales, start as realnameStart } from '../../plugins/realname/setup.js'

/** The other bot account of the company, in the same groups. */
const bot2 = member('wxid_bot2', '群管家销售二号')
const FLEET = 'company: 示例科技\nfleet: { peers: [wxid_bot2] }'
const SHIPPED = 'data/dictionaries/default.yaml'

/** Content on the shipped dictionary, with `bot2` in the customer group as a fleet peer. */
async function contentRuntime(fleet = FLEET, roles?: string) {
  const yaml = contentConfig('', [SHIPPED]).replace('company: 示例科技', fleet)
  const h = await makeRuntime(roles ? yaml.replace(/^roles:.*$/m, roles) : yaml, [contentPlugin])
  h.wechat.addGroup(sales, [zhangsan, member('wxid_admin', '陈管理')])
  h.wechat.addGroup(cust, [zhangsan, customer, spammer, bot2])
  return h
}

describe('fleet peers (fleet.peers)', () => {
  it("never warns, strikes or reports another bot's warning text, and still warns a customer once", async () => {
    const h = await contentRuntime()
    await h.rt.handle(
      text(bot2, '@优惠多多 你的消息涉及「赌博」，违反群规：禁止发布赌博相关内容。', h.clock.now(), cust),
    )
    await h.clock.advance(MIN)
    expect(h.wechat.sent).toEqual([])
    expect(h.rt.ledger.activeStrikes('wxid_bot2', h.clock.now())).toEqual([])
    expect(h.rt.audit.query({ plugin: 'content', days: 1, limit: 100 })).toEqual([])

    await h.rt.handle(text(spammer, '来网赌吧，赌博稳赚', h.clock.now(), cust))
    await h.clock.advance(MIN)
    const warnings = h.wechat.textsTo(cust.id)
    expect(warnings).toEqual([expect.stringContaining('您的消息违反群规：禁止发布涉赌内容。')])
    // Read back by the other bot, the warning is not a violation either (no category name, no dictionary word).
    await h.rt.handle(text(customer, warnings[0], h.clock.now(), cust))
    await h.clock.advance(MIN)
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    expect(h.rt.ledger.activeStrikes('wxid_c1', h.clock.now())).toEqual([])
  })

  it("ignores a peer's commands without a role, answers them with one, and #状态 shows the fleet", async () => {
    const h = await contentRuntime()
    await h.rt.handle(text(bot2, '#状态', h.clock.now()))
    await h.clock.advance(MIN)
    expect(h.wechat.textsTo('wxid_bot2')).toEqual([])

    const withRole = await contentRuntime(FLEET, 'roles: { admin: [wxid_admin, wxid_bot2] }')
    await withRole.rt.handle(text(bot2, '#状态', withRole.clock.now()))
    await withRole.clock.advance(MIN)
    const [status] = withRole.wechat.textsTo('wxid_bot2')
    expect(status).toContain('机器人账号组：本账号 bot 与 1 个同伴账号（彼此不警告、不统计、不等待回复）')
    expect(status).toContain('· wxid_bot2：在 1/2 个群（示例科技张三交流群）')
  })

  it('refuses a peer written as a name, like a role', async () => {
    await expect(contentRuntime('company: 示例科技\nfleet: { peers: [群管家销售二号] }')).rejects.toThrow(
      /fleet\.peers\[0\]: "群管家销售二号" 像是名字，不是微信 ID/,
    )
  })

  it('lists no peer as a silent member and never waits on a peer as a customer (an unknown account: both)', async () => {
    const run = async (fleet: string) => {
      const cfg = `
${fleet}
roles: { admin: [admin1], leader: [boss], staff: [zhang] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 客户群, topicPattern: "交流群$", kind: customer }
plugins:
  activity: { dailyReport: { time: "18:00" } }
`
      const h = await makeRuntime(cfg, [activityPlugin])
      const zhang = member('zhang', '张三')
      const salesGroup = { id: 'r1', topic: '销售部工作群', kind: 'internal' as const, configName: '销售群' }
      const custGroup = { id: 'c1', topic: '示例科技张三交流群', kind: 'customer' as const, configName: '客户群' }
      h.wechat.addGroup(salesGroup, [zhang, member('boss', '王经理'), bot2])
      h.wechat.addGroup(custGroup, [zhang, bot2, member('cust1', '刘总')])
      await h.rt.handle(text(bot2, '请问这个套餐怎么收费？', h.clock.now(), custGroup))
      await h.clock.advance(30 * MIN)
      const reminders = h.wechat.textsTo('zhang')
      await h.clock.advanceTo(Date.parse('2026-12-04T09:00:00+08:00'))
      await h.rt.handle(text(member('boss', '王经理'), '#沉默成员 3', h.clock.now(), salesGroup))
      await h.clock.advance(MIN)
      return { reminders, silent: h.wechat.textsTo('r1').at(-1) }
    }
    const peer = await run(FLEET)
    expect(peer.reminders).toEqual([])
    expect(peer.silent).toContain('张三')
    expect(peer.silent).not.toContain('群管家销售二号')
    const stranger = await run('company: 示例科技')
    expect(stranger.reminders).toEqual([expect.stringContaining('群管家销售二号 已等待')])
    expect(stranger.silent).toContain('群管家销售二号')
  })

  it('does not ask a peer that joins an internal group to change its nickname (an unknown account: asked)', async () => {
    const run = async (fleet: boolean) => {
      const { clock, wechat, join } = await realnameStart('', { fleet })
      await join(rnSales, [bot2], member('wxid_zhangsan', '张三', '销售部-张三'))
      await clock.advance(30 * MIN)
      return [...wechat.textsTo('wxid_bot2'), ...wechat.textsTo('wxid_admin')].join('\n')
    }
    expect(await run(true)).toBe('')
    expect(await run(false)).toContain('「示例科技销售部工作群」要求使用实名群昵称')
  })

  it('does not expect a peer to acknowledge a notice', async () => {
    const env = await makeRuntime(ackConfig().replace('company: 示例科技', FLEET), [ackPlugin], { start: at('08:55') })
    env.wechat.addGroup(ackSales, [boss, admin, ackZhang, li, wang, bot2])
    await env.clock.advanceTo(at('09:00'))
    await env.rt.handle(text(boss, '【通知】今天下午3点开月度复盘会，收到请回复', env.clock.now(), ackSales))
    await env.clock.advanceTo(at('09:21'))
    const [confirm, reminder] = env.wechat.sent.filter(s => 'room' in s.chat)
    expect(confirm.text).toContain('请 3 位同事在 09:30 前回复「收到」')
    expect(reminder.mentions).not.toContain('wxid_bot2')
  })
})

describe('warning self-check', () => {
  // A warning that quotes the word beside its sanction (`…「赌博」。再次违规将被移出群聊`) reads as a message about a
  // violation and passes; one that quotes the word alone would be flagged by another bot of the fleet.
  it('refuses to start when a warning would quote a banned word, naming the template and category', async () => {
    const yaml = contentConfig('warnText: "你的消息涉及「{labels}」。"', [SHIPPED])
    const err = await makeRuntime(yaml, [contentPlugin]).catch(e => e)
    expect(err).toBeInstanceOf(ConfigError)
    expect(String(err.problems ?? err.message)).toMatch(/机器人自己对类别 gambling「赌博」的警告会被词库命中：「赌博」/)
  })

  it('starts with the shipped wording and dictionary', async () => {
    await expect(contentRuntime()).resolves.toBeDefined()
  })
})
