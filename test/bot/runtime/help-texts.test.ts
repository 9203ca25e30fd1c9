import { describe, expect, it } from 'vitest'
import { admin, cust, exampleRuntime, sales, zhangsan } from '../../helpers/example-world.js'
import { member, text } from '../../helpers/harness.js'

/** The example config with every plugin and the demo roster: a sales group and a customer group. */
async function start() {
  const h = await exampleRuntime()
  h.wechat.addGroup(sales, [admin, zhangsan])
  h.wechat.addGroup(cust, [{ ...zhangsan, groupAlias: '销售部-张三' }, member('wxid_c1', '刘总')])
  return h
}

describe('#帮助 and refusals say what works for the asker, where they ask', () => {
  it('in a customer group staff are not offered the case commands that refuse there; in their work group they are', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zhangsan, '#帮助', clock.now(), cust))
    await clock.advance(10_000)
    const inCustomerGroup = wechat.textsTo('wxid_zhangsan').join('\n')
    await rt.handle(text(zhangsan, '#帮助', clock.now(), sales))
    await clock.advance(10_000)
    const inSales = wechat.textsTo(sales.id).join('\n')
    for (const c of ['#案例', '#成交', '#问题', '#经验']) {
      expect(inCustomerGroup).not.toContain(`\n${c}`)
      expect(inSales).toContain(`\n${c}`)
    }
    expect(inCustomerGroup).toContain('\n#投诉')
  })

  it("a member's #帮助 has no admin's or trainer's wording; an admin's names what they may do", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zhangsan, '#帮助', clock.now()))
    await rt.handle(text(admin, '#帮助', clock.now()))
    await clock.advance(10_000)
    const member = wechat.textsTo('wxid_zhangsan').join('\n')
    expect(member).toContain('\n#罚款  查看自己的罚款\n')
    expect(member).toMatch(/\n#案例 <内容>；.* {2}分享销售案例；搜索、查看案例库\n/)
    expect(member).not.toMatch(/管理员查看全部|培训师看周报/)
    const admins = wechat.textsTo('wxid_admin').join('\n')
    expect(admins).toMatch(/\n#罚款；#罚款 全部；.* {2}查看自己的罚款；查看全部；确认结清；免除\n/)
    expect(admins).toContain('分享销售案例；搜索、查看案例库；删除案例；看周报')
  })

  it('a refusal names every role that may, admins included', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zhangsan, '#记录', clock.now()))
    await clock.advance(10_000)
    await rt.handle(text(zhangsan, '#排期 列表', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_zhangsan')).toEqual([
      '⛔ 没有权限：#记录 需要「审计员」或「管理员」角色。',
      '⛔ 没有权限：#排期 列表 需要「排期编辑」、「排期审核」或「管理员」角色。',
    ])
  })
})

describe('#帮助 in a work group', () => {
  it("an admin's list goes privately, the group reads one line; a colleague without a role is answered in the group", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(admin, '#帮助', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo(sales.id)).toEqual(['你可以使用的命令已私聊发给你。'])
    const [list] = wechat.textsTo(admin.id)
    expect(list).toMatch(/^可用命令（\d+）：\n#帮助 /)
    expect(list).toContain('\n#撤销')
    await rt.handle(text(zhangsan, '#帮助', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo(sales.id).at(-1)).toMatch(/^可用命令（\d+）：\n#帮助 /)
    expect(wechat.textsTo(zhangsan.id)).toEqual([])
  })
})
