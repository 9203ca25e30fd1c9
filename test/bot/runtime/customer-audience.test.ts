import { describe, expect, it, vi } from 'vitest'
import { admin, cust, exampleRuntime, sales, zhangsan } from '../../helpers/example-world.js'
import { group, member, text } from '../../helpers/harness.js'

const customer = member('wxid_c1', '刘总')

/** The example config with every plugin, the demo roster and a customer group with a customer and staff in it. */
async function start(edit: (yaml: string) => string = y => y) {
  const h = await exampleRuntime(edit)
  h.wechat.addGroup(sales, [admin, zhangsan])
  h.wechat.addGroup(cust, [{ ...zhangsan, groupAlias: '销售部-张三' }, customer, { ...admin, groupAlias: '陈管理' }])
  return h
}

describe('what customers read in their group', () => {
  it('a customer typing every command, with and without arguments, sees nothing staff-only in the group', async () => {
    const { rt, clock, wechat } = await start()
    const p = rt.loaded.config.commandPrefix
    const names = rt.router.all().flatMap(c => [c.spec.name, ...(c.spec.aliases ?? [])])
    const args = [
      '',
      '全部',
      '列表',
      '搜索 价格',
      '新建 标题 | 内容 | 截止 明天',
      '免除 F1 原因',
      '__proto__',
      'constructor',
    ]
    for (const name of names) {
      for (const a of args) {
        await rt.handle(text(customer, `${p}${name} ${a}`.trim(), clock.now(), cust))
        await clock.advance(3_000)
      }
    }
    await rt.handle(text(customer, '#兼职刷单日赚五百加v详聊', clock.now(), cust))
    await rt.handle(text(customer, `#${'长'.repeat(350_000)}`, clock.now(), cust))
    await clock.advance(10 * 60_000)
    const inGroup = wechat.textsTo(cust.id).join('\n')
    const staffOnly = rt.router.all().filter(c => !c.spec.customerFacing)
    for (const c of staffOnly) expect(inGroup).not.toContain(`${p}${c.spec.name}`)
    for (const word of ['没有权限', '罚款', '员工', '未知命令', '兼职', '刷单', '长长长', 'Error']) {
      expect(inGroup).not.toContain(word)
    }
    expect(inGroup.length).toBeLessThan(2000)
    expect(rt.errors).toEqual([])
  }, 60_000)

  it("a leader's #活跃度 in a customer group is answered privately, about that group only (docs/plugins/activity.md)", async () => {
    const { rt, clock, wechat } = await start()
    const boss = { ...member('wxid_boss', '王经理'), groupAlias: '总经办-王经理' }
    wechat.addGroup(cust, [{ ...zhangsan, groupAlias: '销售部-张三' }, customer, boss])
    await rt.handle(text(customer, '请问什么时候发货', clock.now(), cust))
    await rt.handle(text(admin, '下午开会', clock.now(), sales))
    await clock.advance(60_000)
    await rt.handle(text(boss, '#活跃度', clock.now(), cust))
    await clock.advance(3_000)
    expect(wechat.textsTo(cust.id)).toEqual([])
    const [answer] = wechat.textsTo(boss.id)
    expect(answer).toContain(cust.topic)
    expect(answer).not.toContain(sales.topic)
  })

  it('a customer chatting privately with the bot sees no staff command: not listed, answered as unknown', async () => {
    const { rt, clock, wechat } = await start()
    for (const body of ['#帮助', '#经验 搜索 价格', '#案例 搜索 价格', '#通知 开会', '#我的ID']) {
      await rt.handle(text(customer, body, clock.now()))
      await clock.advance(3_000)
    }
    const [help, tips, cases, notice, id] = wechat.textsTo(customer.id)
    expect(help).toBe(
      [
        '可用命令（2）：',
        '#帮助  列出你可以使用的命令',
        '#我的ID  私聊告诉你自己的微信 ID（管理员据此在配置里绑定角色）',
      ].join('\n'),
    )
    for (const answer of [tips, cases, notice]) expect(answer).toBe('未知命令。发送 #帮助 查看你可以使用的命令。')
    expect(id).toContain('你的微信 ID：wxid_c1')
  })

  it("a customer asking #罚款 or #排期 privately is answered as a customer (unknown command), not with the staff's ledger", async () => {
    const { rt, clock, wechat } = await start()
    for (const body of ['#罚款', '#fines', '#排期 列表']) {
      await rt.handle(text(customer, body, clock.now()))
      await clock.advance(3_000)
    }
    expect(wechat.textsTo(customer.id)).toEqual(Array(3).fill('未知命令。发送 #帮助 查看你可以使用的命令。'))
    // Staff with no role but the roster's see their own fines privately.
    await rt.handle(text(zhangsan, '#罚款', clock.now()))
    await clock.advance(3_000)
    expect(wechat.textsTo(zhangsan.id).join('\n')).toContain('你没有未缴的罚款')
  })

  it('someone without a role who was fined sees their fines privately, and #帮助 lists #罚款 for them', async () => {
    const { rt, clock, wechat } = await start()
    rt.ledger.addFine({ memberId: customer.id, violation: '未按时回复通知 N1', at: clock.now() })
    await rt.handle(text(customer, '#罚款', clock.now()))
    await clock.advance(3_000)
    await rt.handle(text(customer, '#帮助', clock.now()))
    await clock.advance(3_000)
    const [fines, help] = wechat.textsTo(customer.id)
    expect(fines).toContain('F1')
    expect(fines).toContain('未按时回复通知 N1')
    expect(help).toContain('#罚款')
  })

  it("a customer's #帮助 in the group is told to ask in the group (no command list, no word of roles); staff asking there are answered privately", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(customer, '#帮助', clock.now(), cust))
    await rt.handle(text(customer, '#我的ID', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.textsTo(cust.id)).toEqual(['您好，有任何问题请直接在群里留言，我们的工作人员会尽快回复您。'])
    expect(wechat.textsTo(customer.id)).toEqual([]) // #我的ID is for staff: a customer is refused silently
    const news = group('r-news@chatroom', '示例科技公告群', 'broadcast', '公告群')
    wechat.addGroup(news, [customer])
    await rt.handle(text(customer, '#帮助', clock.now(), news))
    await clock.advance(10_000)
    // Announcements only: a customer is not told to ask there.
    expect(wechat.textsTo(news.id)).toEqual(['您好，本群用于发布通知；如有问题请联系您的对接同事。'])
    await rt.handle(text(admin, '#帮助', clock.now(), cust))
    await rt.handle(text(admin, '#状态', clock.now(), cust))
    await rt.handle(text(zhangsan, '#罚款', clock.now(), cust))
    await rt.handle(text(zhangsan, '#案例 搜索 价格', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.textsTo(cust.id)).toHaveLength(1)
    expect(wechat.textsTo('wxid_admin').join('\n')).toMatch(/#状态[\s\S]*健康：/)
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toContain('你没有未缴的罚款')
  })

  it('refuses a customer silently (audited): no private reply, which WeChat would not deliver to a non-friend', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(customer, '#罚款', clock.now(), cust))
    await rt.handle(text(customer, '#案例 搜索 价格', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.textsTo(cust.id)).toEqual([])
    expect(wechat.textsTo('wxid_c1')).toEqual([])
    expect(rt.audit.query({ memberId: 'wxid_c1' }).filter(e => e.type === 'refused')).toHaveLength(2)
  })

  it("a customer's unknown #… is ordinary talk: no reply, and it waits for staff like any question", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(customer, '#滤芯多少钱一支', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.sent).toEqual([])
    await clock.advance(3 * 3_600_000)
    expect(wechat.sent.map(s => s.text).join('\n')).toContain('客户等待提醒：「示例科技张三交流群」有 1 位客户')
  })

  it("a customer's refused #投诉 … is still their complaint: a ticket opens", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(customer, '#投诉 你们的净水器装了三天就漏水，太差了', clock.now(), cust))
    await clock.advance(10 * 60_000)
    expect(rt.audit.query({ memberId: 'wxid_c1' }).filter(e => e.type === 'refused')).toHaveLength(1)
    expect(wechat.textsTo('wxid_c1')).toEqual([])
    expect(rt.audit.query({ plugin: 'service' }).map(e => e.rule)).toContain('service.ticket-opened')
    // The complaint is what they wrote after the command word.
    expect(wechat.textsTo(zhangsan.id).join('\n')).toContain(
      '📣 新投诉 T1：「示例科技张三交流群」客户 刘总：「你们的净水器装了三天',
    )
  })

  it('staff still get a private answer to an unknown command in a customer group', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zhangsan, '#不存在', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toContain('未知命令')
    expect(wechat.textsTo(cust.id)).toEqual([])
  })

  it("an admin's commands in a customer group never count as speaking there: no public real-name reminder", async () => {
    const { rt, clock, wechat } = await start()
    const odd = { ...admin, groupAlias: '陈管理🌟' }
    wechat.rename(cust.id, admin.id, '陈管理🌟')
    for (let i = 0; i < 5; i++) {
      await rt.handle(text(odd, i % 2 ? '#状态' : '#不存在的命令', clock.now(), cust))
      await clock.advance(60_000)
    }
    await clock.advance(10 * 60_000) // a remark in the group would have opened a case with a reminder by now
    expect(wechat.sent.filter(s => 'room' in s.chat && s.chat.room === cust.id)).toEqual([])
    expect(wechat.textsTo('wxid_admin').join('\n')).not.toContain('不符合要求')
  })

  it('staff with a wrong nickname who speak in a customer group are reminded privately, never @-ed there', async () => {
    const { rt, clock, wechat } = await start()
    wechat.rename(cust.id, zhangsan.id, '张三🌟')
    await rt.handle(text({ ...zhangsan, groupAlias: '张三🌟' }, '刘总您好', clock.now(), cust))
    await clock.advance(5 * 3_600_000)
    expect(wechat.sent.filter(s => 'room' in s.chat && s.chat.room === cust.id)).toEqual([])
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toContain('不符合要求')
  })

  it('a staff member joining a customer group gets no customer welcome there; the nickname rule comes privately', async () => {
    const { rt, clock, wechat } = await start()
    const wang = member('wxid_wangwu', '王五', '王五') // on the demo roster: staff
    const guest = member('wxid_c2', '周姐')
    wechat.addGroup(cust, [{ ...zhangsan, groupAlias: '销售部-张三' }, customer, wang, guest])
    await rt.handle({ type: 'join', at: clock.now(), group: cust, members: [{ ...wang }, { ...guest }] })
    await clock.advance(15 * 60_000)
    const welcomes = wechat.sent.filter(s => 'room' in s.chat && s.chat.room === cust.id)
    expect(welcomes.map(s => s.mentions)).toEqual([['wxid_c2']]) // the customer who joined with him is welcomed
    expect(welcomes[0].text).toContain('欢迎加入')
    expect(welcomes[0].text).not.toMatch(/实名|群昵称|王五/)
    // On a PgStore the grace check's reads are real I/O: wait for the private rule rather than the clock alone.
    await vi.waitFor(() => expect(wechat.textsTo(wang.id).join('\n')).toContain('不符合要求'), { timeout: 5_000 })
  })

  it('staff breaking a group rule in a customer group are warned privately; a customer is warned in the group', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zhangsan, '刘总，报价见 https://shop.other-water.cn/price', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.textsTo(cust.id)).toEqual([])
    const told = wechat.textsTo('wxid_zhangsan').join('\n')
    expect(told).toContain('关于客户群「示例科技张三交流群」（只发给你，客户看不到）')
    expect(told).toContain('禁止发布未经许可的外部链接')
    await rt.handle(text(customer, '兼职刷单日赚五百', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.sent.filter(s => 'room' in s.chat && s.chat.room === cust.id)).toEqual([
      expect.objectContaining({ mentions: ['wxid_c1'], text: expect.stringContaining('违反群规') }),
    ])
    expect(wechat.textsTo('wxid_c1')).toEqual([])
  })

  it("in observe mode the audit says a staff member's warning in a customer group would have gone privately", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(admin, '#观察 content 开', clock.now()))
    await rt.handle(text(zhangsan, '刘总，报价见 https://shop.other-water.cn/price', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.textsTo(cust.id)).toEqual([])
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).not.toContain('禁止发布未经许可的外部链接')
    await rt.handle(text(admin, '#审计 content', clock.now()))
    await clock.advance(10_000)
    const listed = wechat.textsTo('wxid_admin').at(-1)!
    expect(listed).toMatch(/【观察】提醒 违规内容（content） 群「示例科技张三交流群」 → 私聊 张三.*：你的消息/)
    expect(listed).not.toMatch(/【观察】警告/)
  })

  it('a salesperson named only as responsible (not on the roster) is staff: told of a complaint privately', async () => {
    const { rt, clock, wechat } = await start(y =>
      y.replaceAll('示例科技张三交流群: [wxid_zhangsan]', '示例科技张三交流群: [wxid_newhire]'),
    )
    await rt.handle(text(customer, '净水器又漏水了，我要投诉', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_newhire').join('\n')).toContain('新投诉')
    expect(rt.audit.query({}).map(e => e.text ?? '')).not.toContainEqual(expect.stringContaining('未发送'))
  })

  it("a customer's angry words about the company open a complaint; no rule is cited to them in front of others", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(customer, '你们这是欺骗消费者，骗子公司', clock.now(), cust))
    await clock.advance(10_000)
    const inGroup = wechat.textsTo(cust.id).join('\n')
    expect(inGroup).not.toContain('违反群规')
    expect(inGroup).toContain('您反馈的问题我们已经记录')
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).toContain('新投诉')
  })

  it("undoing a customer's strike tells them in the group (no audit id), never privately", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(customer, '兼职刷单日赚五百', clock.now(), cust))
    await clock.advance(10_000)
    const strike = rt.audit.query({ memberId: 'wxid_c1' }).find(e => e.type === 'strike')!
    await rt.handle(text(admin, `#撤销 ${strike.id}`, clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_admin').join('\n')).toContain(`已撤销 ${strike.id}`)
    expect(wechat.textsTo('wxid_c1')).toEqual([])
    const undone = wechat.sent.filter(s => 'room' in s.chat && s.chat.room === cust.id).at(-1)
    expect(undone).toEqual(
      expect.objectContaining({
        mentions: ['wxid_c1'],
        text: expect.stringMatching(/^管理员已撤销对您 \d\d-\d\d \d\d:\d\d 的一次违规记录，抱歉打扰。$/),
      }),
    )
  })

  it('in private, #撤销 takes a member name or WeChat id as well as an audit id', async () => {
    const { rt, clock, wechat } = await start()
    rt.ledger.addStrike({
      memberId: 'wxid_zhangsan',
      category: 'ad',
      at: clock.now(),
      expiresAt: clock.now() + 86_400_000,
      auditId: 'A999',
    })
    rt.audit.append({
      plugin: 'content',
      rule: 'content.strike',
      type: 'strike',
      dryRun: false,
      memberId: 'wxid_zhangsan',
    })
    await rt.handle(text(admin, '#撤销 wxid_wangwu', clock.now()))
    await clock.advance(10_000)
    // wxid_wangwu is on the roster: found, with nothing to undo.
    expect(wechat.textsTo('wxid_admin').at(-1)).toContain('此成员最近 30 天没有可撤销的处罚。')
    expect(wechat.textsTo('wxid_admin').join('\n')).not.toContain('找不到审计编号 wxid')
  })
})

describe('prototype keys from chat', () => {
  it('__proto__, constructor and toString are ordinary words to every command and subcommand', async () => {
    const { rt, clock, wechat } = await start()
    const p = rt.loaded.config.commandPrefix
    const words = ['__proto__', 'constructor', 'toString', 'hasOwnProperty']
    for (const c of rt.router.all()) {
      for (const w of words) {
        for (const body of [
          `${p}${c.spec.name} ${w}`,
          `${p}${c.spec.name} 进度 ${w}`,
          `${p}${c.spec.name} 查看 ${w}`,
        ]) {
          await rt.handle(text(admin, body, clock.now()))
          await rt.handle(text(admin, body, clock.now(), sales))
        }
      }
    }
    await clock.advance(30 * 60_000)
    expect(rt.errors).toEqual([])
    expect(wechat.textsTo('wxid_admin').join('\n')).not.toMatch(/undefined|\[object Object\]|function /)
  }, 60_000)

  it('repeats at most 20 characters of what someone typed, also to staff', async () => {
    const { rt, clock, wechat } = await start()
    const long = '很'.repeat(5000)
    await rt.handle(text(member('wxid_boss', '王经理'), `#活跃度 ${long}`, clock.now(), sales))
    await rt.handle(text(member('wxid_boss', '王经理'), `#通知 详情 ${long}`, clock.now(), sales))
    await rt.handle(text(admin, `#撤销 ${long}`, clock.now()))
    await rt.handle(text(zhangsan, `#罚款 免除 ${long}`, clock.now()))
    await clock.advance(10 * 60_000)
    for (const t of wechat.sent.map(s => s.text ?? '')) expect(t).not.toContain('很'.repeat(21))
    expect(wechat.textsTo(sales.id).join('\n')).toContain(`「${'很'.repeat(20)}…」`)
  })
})
