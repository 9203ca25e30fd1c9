import { describe, expect, it } from 'vitest'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [wxid_admin] }
groups:
  - { name: 客户交流群, topicPattern: "交流群$", kind: customer, responsible: [wxid_zhangsan] }
plugins:
  activity: { responseThreshold: 10m, responsible: { 示例科技张三交流群: [wxid_zhangsan] } }
  content: { watch: false }
`
const cust = group('r-cust', '示例科技张三交流群', 'customer', '客户交流群')
const zhangsan = { ...member('wxid_zhangsan', '张三'), roles: ['staff' as const], isStaff: true }

describe('activity with moderation', () => {
  it('reminds the salesperson about a waiting customer, but not about an ad the moderation acted on', async () => {
    const { rt, clock, wechat } = await makeRuntime(
      CONFIG.replace('roles: { admin: [wxid_admin] }', 'roles: { admin: [wxid_admin], staff: [wxid_zhangsan] }'),
      [activityPlugin, contentPlugin],
    )
    wechat.addGroup(cust, [zhangsan, member('wxid_c1', '刘总'), member('wxid_c3', '优惠多多')])
    await rt.handle(text(member('wxid_c3', '优惠多多'), '兼 职 刷 单，日 赚 五百', clock.now(), cust))
    await clock.advance(30 * 60_000)
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).not.toContain('客户等待提醒')
    await rt.handle(text(member('wxid_c1', '刘总'), '请问滤芯多久换一次？', clock.now(), cust))
    await clock.advance(30 * 60_000)
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toMatch(/客户等待提醒[\s\S]*刘总/)
  })

  /** A customer's contact solicitation held for the admins (`#确认` / `#忽略`) 30 minutes past the 10-minute limit. */
  async function heldFor30Minutes() {
    const h = await makeRuntime(
      CONFIG.replace('roles: { admin: [wxid_admin] }', 'roles: { admin: [wxid_admin], staff: [wxid_zhangsan] }'),
      [activityPlugin, contentPlugin],
    )
    h.wechat.addGroup(cust, [zhangsan, member('wxid_c1', '刘总')])
    await h.rt.handle(text(member('wxid_c1', '刘总'), '加我微信 liu2026，报价发我', h.clock.now(), cust))
    await h.clock.advance(30 * 60_000)
    expect(h.wechat.textsTo('wxid_admin').join('\n')).toContain('🔎 待确认 R1')
    expect(h.wechat.textsTo('wxid_zhangsan').join('\n')).not.toContain('客户等待提醒')
    return h
  }

  it('does not remind about a customer message held for the admins; released, it waits from its own time', async () => {
    const { rt, clock, wechat } = await heldFor30Minutes()
    await rt.handle(text(member('wxid_admin', '管理员'), '#忽略 R1', clock.now()))
    await clock.advance(60_000)
    // Past its deadline already (sent 31 minutes ago): the reminder comes at once.
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toMatch(/客户等待提醒[\s\S]*刘总[\s\S]*加我微信 liu2026/)
  })

  it("a customer's complaint the admins are asked about still waits for an answer: it is not spam", async () => {
    const { rt, clock, wechat } = await makeRuntime(
      CONFIG.replace('roles: { admin: [wxid_admin] }', 'roles: { admin: [wxid_admin], staff: [wxid_zhangsan] }'),
      [activityPlugin, contentPlugin],
    )
    wechat.addGroup(cust, [zhangsan, member('wxid_c1', '刘总')])
    await rt.handle(text(member('wxid_c1', '刘总'), '你们就是骗子公司，滤芯一个月就坏了', clock.now(), cust))
    await clock.advance(30 * 60_000)
    expect(wechat.textsTo('wxid_admin').join('\n')).toContain('🔎 待确认 R1')
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toMatch(/客户等待提醒[\s\S]*刘总/)
  })

  it('never reminds about a held message the admins confirm, or one staff answered in the group meanwhile', async () => {
    for (const answer of ['#确认 R1', 'answered']) {
      const { rt, clock, wechat } = await heldFor30Minutes()
      if (answer === 'answered') {
        await rt.handle(text(zhangsan, '刘总您好，我加您', clock.now(), cust))
        await clock.advance(60_000)
        await rt.handle(text(member('wxid_admin', '管理员'), '#忽略 R1', clock.now()))
      } else await rt.handle(text(member('wxid_admin', '管理员'), answer, clock.now()))
      await clock.advance(60 * 60_000)
      expect(wechat.textsTo('wxid_zhangsan').join('\n'), answer).not.toContain('客户等待提醒')
    }
  })
})
