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
})
