import { describe, expect, it } from 'vitest'
import { admin, cust, exampleRuntime, sales, zhangsan } from '../../helpers/example-world.js'
import { member, text } from '../../helpers/harness.js'

const customer = member('wxid_c3', '优惠多多')
const other = member('wxid_c1', '刘总')

/** The example config with every plugin, two customers breaking a rule in their group. */
async function start() {
  const h = await exampleRuntime()
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

  it('names a member by WeChat name with a copied group nickname apart, as the console does, never by the nickname alone', async () => {
    const h = await exampleRuntime()
    const liu = member('wxid_liu', '刘总', '行政部-陈静')
    h.wechat.addGroup(cust, [zhangsan, liu, admin])
    await h.rt.handle(text(liu, '兼职刷单日赚五百', h.clock.now(), cust))
    await h.clock.advance(10_000)
    for (const who of ['刘总', 'wxid_liu']) {
      await h.rt.handle(text(admin, `#审计 ${who}`, h.clock.now()))
      await h.clock.advance(10_000)
      const listed = h.wechat.textsTo('wxid_admin').at(-1)!
      expect(listed).toContain('@刘总（群昵称：行政部-陈静）')
      expect(listed).not.toContain('@行政部-陈静')
    }
    // The roster's 行政部-陈静 and the one who copied her name: asked which, each told apart.
    await h.rt.handle(text(admin, '#审计 行政部-陈静', h.clock.now()))
    await h.clock.advance(10_000)
    expect(h.wechat.textsTo('wxid_admin').at(-1)).toMatch(
      /^「行政部-陈静」对应 2 个人（.*刘总（群昵称：行政部-陈静）（示例科技张三交流群） wxid_liu/,
    )
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

  it('names a mistyped plugin after a member, instead of calling it a second member', async () => {
    const { rt, clock, wechat } = await start()
    for (const words of ['优惠多多 contnt', 'contnt']) {
      await rt.handle(text(admin, `#审计 ${words}`, clock.now()))
      await clock.advance(10_000)
      expect(wechat.textsTo('wxid_admin').at(-1)).toContain('您是不是要找插件 content？')
    }
    expect(wechat.textsTo('wxid_admin').at(-2)).toMatch(
      /^没有插件「contnt」，您是不是要找插件 content？插件：.*content/,
    )
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

describe('#审计 reads in Chinese', () => {
  it('names the plugin by its title and a refused command in Chinese, keeping the ids', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zhangsan, '#状态', clock.now(), sales))
    await clock.advance(10_000)
    // A refusal follows the group rules (only the answer to an admin is private): said in the internal group.
    expect(wechat.textsTo(sales.id).at(-1)).toBe('⛔ 没有权限：#状态 需要「管理员」角色。')
    await rt.handle(text(admin, '#审计', clock.now()))
    await clock.advance(10_000)
    const listed = wechat.textsTo('wxid_admin').at(-1)!.split('\n')
    expect(listed.find(l => l.includes('拒绝命令'))).toMatch(
      /^A\d+ \d\d-\d\d \d\d:\d\d 拒绝命令 系统（runtime） 群「示例科技销售部工作群」 @张三（张三 无权使用 #状态）/,
    )
    expect(listed.find(l => l.includes('@优惠多多'))).toMatch(
      / 违规内容（content） 群「示例科技张三交流群」 @优惠多多（V\d /,
    )
    // Nothing in English but the ids and the plugin names `#审计` filters by.
    const words = listed.join('\n').replace(/\b(?:A|V|R|C|N|F|T)\d+\b|wxid_\w+|（[a-z]+）/g, '')
    expect(words).not.toMatch(/[A-Za-z]{3,}/)
  })
})

describe('#状态 answers as #审计 does (one audience rule for answers showing the bot’s records)', () => {
  it('typed in an internal group, the status goes to the admin privately and nothing of it to the group', async () => {
    const { rt, clock, wechat } = await start()
    const before = wechat.textsTo(sales.id).length
    for (const command of ['#状态', '#审计']) {
      await rt.handle(text(admin, command, clock.now(), sales))
      await clock.advance(10_000)
    }
    expect(wechat.textsTo(sales.id).length).toBe(before)
    const [status, audit] = wechat.textsTo('wxid_admin').slice(-2)
    expect(status).toMatch(/^健康：/)
    expect(audit).toContain('@优惠多多')
  })
})

describe('#审计 names what each timer is for', () => {
  it("a notice's and a waiting customer's timers say which notice and what they will do", async () => {
    const h = await exampleRuntime()
    const boss = member('wxid_boss', '王总')
    h.wechat.addGroup(sales, [admin, zhangsan, boss])
    h.wechat.addGroup(cust, [zhangsan, other, admin])
    await h.rt.handle(text(boss, '【通知】下午三点开会', h.clock.now(), sales))
    await h.rt.handle(text(other, '请问什么时候发货', h.clock.now(), cust))
    await h.clock.advance(10_000)
    await h.rt.handle(text(admin, '#审计', h.clock.now()))
    await h.clock.advance(10_000)
    const timers = (h.wechat.textsTo('wxid_admin').at(-1) ?? '').split('\n').filter(l => / 定时 /.test(l))
    expect(timers).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ 定时 通知回复跟踪（ack） 群「示例科技销售部工作群」（通知 N1：截止前提醒未回复的人）$/),
        expect.stringMatching(/ 定时 通知回复跟踪（ack） 群「示例科技销售部工作群」（通知 N1：截止时统计未回复的人）$/),
        expect.stringMatching(
          / 定时 群活跃度与客户响应统计（activity） 群「示例科技张三交流群」 @刘总（客户等待回复：超时未获回复就提醒负责人）$/,
        ),
      ]),
    )
    expect(timers.filter(l => !/（.+）$/.test(l))).toEqual([])
  })
})
