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

  /** A customer's contact solicitation held for the admins (`#确认` / `#忽略`), `minutes` later (the limit is 10). */
  async function held(minutes: number) {
    const h = await makeRuntime(
      CONFIG.replace('roles: { admin: [wxid_admin] }', 'roles: { admin: [wxid_admin], staff: [wxid_zhangsan] }'),
      [activityPlugin, contentPlugin],
    )
    h.wechat.addGroup(cust, [zhangsan, member('wxid_c1', '刘总')])
    await h.rt.handle(text(member('wxid_c1', '刘总'), '加我微信 liu2026，报价发我', h.clock.now(), cust))
    await h.clock.advance(minutes * 60_000)
    expect(h.wechat.textsTo('wxid_admin').join('\n')).toContain('🔎 待确认 R1')
    return h
  }

  it('a held message whose review is still open at its deadline is reminded, marked as waiting for the admins', async () => {
    const { rt, clock, wechat } = await held(30)
    const reminders = wechat.textsTo('wxid_zhangsan').filter(t => t.includes('客户等待提醒'))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toContain(
      '「加我微信 liu2026，报价发我」（这条在等管理员确认是否违规；如果是正常咨询，请回复客户）',
    )
    // Released later: it was reminded already, so no second reminder.
    await rt.handle(text(member('wxid_admin', '管理员'), '#忽略 R1', clock.now()))
    await clock.advance(60 * 60_000)
    expect(wechat.textsTo('wxid_zhangsan').filter(t => t.includes('客户等待提醒'))).toHaveLength(1)
  })

  it('a held message newer than a staff answer delivered after it (out of order) is still reminded', async () => {
    const { rt, clock, wechat } = await held(3)
    // Written 5 minutes ago, before the customer's message, but delivered now.
    await rt.handle(text(zhangsan, '大家好，新品到货了', clock.now() - 5 * 60_000, cust))
    await clock.advance(30 * 60_000)
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toContain('这条在等管理员确认是否违规')
  })

  it('released before its deadline, a held message waits from its own time like any other', async () => {
    const { rt, clock, wechat } = await held(3)
    await rt.handle(text(member('wxid_admin', '管理员'), '#忽略 R1', clock.now()))
    await clock.advance(30 * 60_000)
    const reminder = wechat.textsTo('wxid_zhangsan').join('\n')
    expect(reminder).toMatch(/客户等待提醒[\s\S]*刘总[\s\S]*加我微信 liu2026/)
    expect(reminder).not.toContain('等管理员确认')
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
      const { rt, clock, wechat } = await held(3)
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
