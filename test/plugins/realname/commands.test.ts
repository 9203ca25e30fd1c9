import { describe, expect, it } from 'vitest'
import { Roster } from '../../../bot/roster/roster.js'
import { STATE_DOC } from '../../../plugins/realname/state.js'
import { member, text } from '../../helpers/harness.js'
import { testStore } from '../../helpers/test-store.js'
import { cust, H, MIN, sales, start } from './setup.js'

const admin = member('wxid_admin', '陈管理', '行政部-陈静')
const zhang = member('wxid_zhangsan', '张三', '销售部-张三')

describe('realname commands', () => {
  it('#实名检查 privately lists every group with what is wrong for each member, noting WeChat-name fallbacks', async () => {
    const { rt, clock, wechat } = await start()
    wechat.addMembers(sales.id, [member('wxid_sunqi', '孙七七'), member('wxid_family', '张三家属', '销售部-张三家属')])
    wechat.rename(cust.id, 'wxid_zhangsan', '示例科技张三13900000000')
    await rt.handle(text(admin, '#实名检查', clock.now()))
    await clock.advance(MIN)
    expect(wechat.textsTo('wxid_admin')).toEqual([
      [
        '「示例科技销售部工作群」：5 人需实名，2 人有问题',
        '- 孙七七（未设置群昵称或未能读取，按微信名「孙七七」判断）：格式不符，应为 部门-姓名 或 地区-姓名',
        '- 张三家属（群昵称「销售部-张三家属」）：姓名「张三家属」不在花名册上',
        '「示例科技张三交流群」：1 人需实名，1 人有问题',
        '- 张三（群昵称「示例科技张三13900000000」）：手机号与花名册登记的不一致',
        '注：未设置群昵称（或机器人未能读取）的成员按微信名判断。',
      ].join('\n'),
    ])
  })

  it('follows a reloaded roster without a restart', async () => {
    const { rt, clock, wechat } = await start()
    wechat.addMembers(sales.id, [member('wxid_new', '小周', '销售部-周八')])
    await rt.handle(text(admin, '#实名检查', clock.now(), sales))
    await clock.advance(MIN)
    rt.loaded.roster = new Roster([...rt.loaded.roster.entries, { name: '周八', dept: '销售部', line: 9 }])
    await rt.handle(text(admin, '#实名检查', clock.now(), sales))
    await clock.advance(MIN)
    expect(wechat.textsTo(sales.id)).toEqual([
      '「示例科技销售部工作群」：4 人需实名，1 人有问题\n- 小周（群昵称「销售部-周八」）：姓名「周八」不在花名册上',
      '「示例科技销售部工作群」：4 人需实名，全部合规 ✅',
    ])
  })

  it('#实名检查 in a group covers only that group, members may not use it, and #帮助 lists it for admins', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(admin, '#实名检查', clock.now(), sales))
    await rt.handle(text(zhang, '#实名检查', clock.now(), sales))
    await clock.advance(MIN)
    await rt.handle(text(admin, '#帮助', clock.now()))
    await clock.advance(MIN)
    const [reply, refused] = wechat.textsTo(sales.id)
    expect(reply).toBe('「示例科技销售部工作群」：3 人需实名，全部合规 ✅')
    expect(refused).toContain('没有权限')
    expect(wechat.textsTo('wxid_admin')[0]).toMatch(/#实名检查[\s\S]*#实名豁免/)
  })

  it('#实名豁免 @成员 stops the escalation, lists exemptions, and can be undone', async () => {
    const { rt, clock, wechat, join } = await start()
    const sun = member('wxid_sunqi', '孙七七')
    await join(sales, [sun], zhang)
    await clock.advance(11 * MIN)
    expect(wechat.textsTo('wxid_sunqi')).toHaveLength(1)
    await rt.handle(text(admin, '#实名豁免 @孙七七', clock.now(), sales, { mentions: ['wxid_sunqi'] }))
    await clock.advance(5 * H)
    expect(wechat.textsTo(sales.id).at(-1)).toBe('已豁免 孙七七 的实名昵称要求。')
    expect(wechat.sent.filter(s => s.mentions?.includes('wxid_sunqi'))).toHaveLength(1) // the welcome, no @ step
    expect(wechat.textsTo('wxid_admin')).toEqual([])
    await rt.handle(text(sun, '收到', clock.now(), sales))
    await rt.handle(text(admin, '#实名豁免', clock.now()))
    await rt.handle(text(admin, '#实名豁免 取消 wxid_sunqi', clock.now()))
    await rt.handle(text(sun, '好的', clock.now(), sales))
    await clock.advance(MIN)
    expect(wechat.textsTo('wxid_admin')).toEqual([
      '实名豁免名单：孙七七',
      '已取消 孙七七 的实名豁免，下次检查起恢复要求。',
    ])
    expect(wechat.textsTo('wxid_sunqi')).toHaveLength(2)
  })

  it('#实名豁免 <名字> privately exempts the member that name means, once, and refuses names it cannot resolve', async () => {
    const { rt, clock, wechat, join } = await start()
    const sun = member('wxid_sunqi', '孙七七')
    await join(sales, [sun], zhang)
    await clock.advance(11 * MIN)
    await rt.handle(text(admin, '#实名豁免 @孙七七', clock.now())) // typed privately: no real @-mention
    await rt.handle(text(admin, '#实名豁免 @孙七七', clock.now(), sales, { mentions: ['wxid_sunqi'] }))
    await rt.handle(text(admin, '#实名豁免 小赵', clock.now()))
    await rt.handle(text(admin, '#实名豁免', clock.now()))
    await rt.handle(text(admin, '#状态', clock.now()))
    await clock.advance(5 * H)
    const told = wechat.textsTo('wxid_admin').join('\n')
    expect(told).toContain('已豁免 孙七七 的实名昵称要求。')
    expect(told).toContain('找不到成员「小赵」，未作更改。')
    expect(told).toContain('实名豁免名单：孙七七\n') // one name, though exempted twice (by name and by @)
    expect(told).toContain('豁免 1 人')
    expect(wechat.sent.filter(s => s.mentions?.includes('wxid_sunqi'))).toHaveLength(1) // the welcome, no @ step
  })

  it('#实名豁免 asks which one when a name means two members, and exempts neither', async () => {
    const { rt, clock, wechat } = await start()
    wechat.addMembers(sales.id, [member('wxid_xz1', '小赵')])
    wechat.addMembers(cust.id, [member('wxid_xz2', '小赵')])
    await rt.handle(text(admin, '#实名豁免 小赵', clock.now()))
    await rt.handle(text(admin, '#实名豁免', clock.now()))
    await clock.advance(MIN)
    expect(wechat.textsTo('wxid_admin')).toEqual([
      '「小赵」对应 2 个人（小赵（示例科技销售部工作群） wxid_xz1、小赵（示例科技张三交流群） wxid_xz2），请用 @成员 或微信 ID 指明是哪一位。',
      '没有豁免的成员。用法：#实名豁免 [取消] @成员',
    ])
  })

  it('moves exemptions stored under a name to the contact at start, and drops those naming nobody', async () => {
    const store = await testStore()
    const by = { by: 'wxid_admin', at: 1 }
    store.doc('realname-state', STATE_DOC).data.exempt = {
      王五: by,
      wxid_wangwu: by,
      赵六: by,
      小赵: by,
      wxid_gone: by,
    }
    const { rt, clock, wechat } = await start('', { store })
    await rt.handle(text(admin, '#实名豁免', clock.now()))
    await rt.handle(text(admin, '#状态', clock.now()))
    await clock.advance(MIN)
    // 王五 is wxid_wangwu (listed once); 赵六 has no contact on the roster, 小赵 is nobody's name now: both exempted
    // nobody; wxid_gone may be someone in no group now.
    const told = wechat.textsTo('wxid_admin').join('\n')
    expect(told).toContain('实名豁免名单：王五、wxid_gone\n')
    expect(told).toContain('豁免 2 人')
  })
})
