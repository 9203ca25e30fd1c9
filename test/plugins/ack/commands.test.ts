import { describe, expect, it } from 'vitest'
import { member, text } from '../../helpers/harness.js'
import { admin, at, boss, li, sales, salesRuntime, wang, zhang } from './helpers.js'

describe('ack commands', () => {
  it('#通知 posts the notice through the bot; quoting that post answers it; 关闭 stops it', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '#通知 今天下班前更新CRM客户跟进记录 截止 1小时', at('08:55'), sales))
    await clock.advance(5_000)
    const post = wechat.textsTo('r1')[0]
    expect(post).toBe(
      '【通知】今天下班前更新CRM客户跟进记录\n（销售部-王强发布，编号 N1；请 3 位同事在 09:55 前回复「收到」）',
    )
    await rt.handle(text(zhang, '好的，马上更新', clock.now(), sales, { quote: { senderName: '小助手', text: post } }))
    await rt.handle(text(li, '收到', clock.now(), sales))
    await rt.handle(text(boss, '#通知 关闭 N1', clock.now(), sales))
    await clock.advanceTo(at('11:00'))
    expect(wechat.textsTo('r1')).toContain('已关闭通知 N1：已回复 2/3，不再提醒和统计。')
    expect(wechat.sent.filter(s => s.text?.startsWith('⏰'))).toEqual([])
    expect(wechat.textsTo('boss')).toEqual([])
    expect(rt.ledger.openFines()).toEqual([])
  })

  it('a mistyped subcommand (#通知 关比 N1) is answered with the nearest one, not posted to the group as a notice', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '#通知 关比 N1', at('08:55'), sales))
    await rt.handle(text(boss, '#通知 列彪', at('08:56'), sales))
    await rt.handle(text(boss, '#通知 统一 明天穿工装', at('08:57'), sales))
    await clock.advance(20_000)
    const texts = wechat.textsTo('r1')
    expect(texts.filter(t => t.startsWith('【通知】'))).toEqual([
      '【通知】统一 明天穿工装\n（销售部-王强发布，编号 N1；请 3 位同事在 09:27 前回复「收到」）',
    ])
    const typos = texts.filter(t => t.includes('没有作为通知发布'))
    expect(typos).toHaveLength(2)
    expect(typos[0]).toContain('#通知 没有「关比」这个用法。您是不是要找 #通知 关闭？')
    expect(typos[1]).toContain('您是不是要找 #通知 列表？')
  })

  it('refuses #通知 to members and in private tells where to post', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(zhang, '#通知 明天放假', at('08:55'), sales))
    await rt.handle(text(boss, '#notice 明天放假', at('08:55')))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1')[0]).toContain('没有权限')
    expect(wechat.textsTo('boss')[0]).toBe('请在内部工作群里发送通知。')
  })

  it('a private message naming the notice answers it; an excuse accepted later waives the fine', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await clock.advanceTo(at('09:00'))
    await rt.handle(text(zhang, 'N1 收到', clock.now()))
    await rt.handle(text(li, '收到', clock.now(), sales))
    await rt.handle(text(wang, '说明：上午在客户现场，下午赶回来', clock.now(), sales))
    await clock.advanceTo(at('09:30'))
    expect(wechat.textsTo('u1')).toEqual(['已记录你对通知 N1 的回复。'])
    expect(wechat.textsTo('boss')[0]).toContain('有说明待确认（1）：销售部-王五（说明：上午在客户现场，下午赶回来）')
    expect(rt.ledger.openFines('u3')).toHaveLength(1)

    await rt.handle(text(admin, '#通知 接受 N1 @王五', clock.now(), sales, { mentions: ['u3'] }))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toContain('已接受 销售部-王五 对通知 N1 的说明，并免除罚款 F1')
    expect(rt.ledger.openFines('u3')).toEqual([])
  })

  it('privately, #通知 接受 takes the name of the member who sent the excuse (no @ is possible there)', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await clock.advanceTo(at('09:00'))
    await rt.handle(text(wang, '说明：上午在客户现场，下午赶回来', clock.now(), sales))
    await clock.advanceTo(at('09:30'))
    await rt.handle(text(admin, '#通知 接受 N1 @王五', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('admin1').join('\n')).toMatch(/已接受 销售部-王五 对通知 N1 的说明，并免除罚款 F\d/)
    expect(rt.ledger.openFines('u3')).toEqual([])
  })

  it('#通知 接受 accepts only the member @-mentioned, and asks back when a typed name means two who gave excuses', async () => {
    const wang2 = member('u4', '王五', '售后部-王五')
    const { rt, clock, wechat } = await salesRuntime(undefined, [boss, admin, zhang, li, wang, wang2])
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await clock.advanceTo(at('09:00'))
    await rt.handle(text(wang, '说明：上午在客户现场', clock.now(), sales))
    await rt.handle(text(wang2, '说明：今天请假', clock.now(), sales))
    await clock.advanceTo(at('09:30'))
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
    expect(rt.ledger.openFines('u4')).toHaveLength(1)

    await rt.handle(text(admin, '#通知 接受 N1 王五', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('admin1').at(-1)).toBe(
      '「王五」对应 2 个人（销售部-王五 u3、售后部-王五 u4），请用 @成员 或微信 ID 指明是哪一位。',
    )
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
    expect(rt.ledger.openFines('u4')).toHaveLength(1)

    await rt.handle(text(admin, '#通知 接受 N1 @王五', clock.now(), sales, { mentions: ['u3'] }))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toContain('已接受 销售部-王五 对通知 N1 的说明，并免除罚款')
    expect(rt.ledger.openFines('u3')).toEqual([])
    expect(rt.ledger.openFines('u4')).toHaveLength(1)
  })

  it("#罚款 结清 and 免除 with a name instead of a fine id list that member's open fines, changing nothing", async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await clock.advanceTo(at('11:30'))
    await rt.handle(text(admin, '#罚款 结清 王五', clock.now()))
    await clock.advance(10_000)
    await rt.handle(text(admin, '#罚款 免除 王五 当天请假', clock.now()))
    await clock.advance(10_000)
    await rt.handle(text(admin, '#罚款 结清 赵六', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('admin1')).toEqual([
      '请写罚款编号：销售部-王五 未缴 F3（未按时回复通知 N1，现应缴 10 元）。例如 #罚款 结清 F3',
      '请写罚款编号：销售部-王五 未缴 F3（未按时回复通知 N1，现应缴 10 元）。例如 #罚款 免除 F3 当天请假',
      '找不到未缴的罚款 赵六。',
    ])
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
  })

  it("#罚款 shows one's own balance; 全部 and 免除 are for admins", async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await clock.advanceTo(at('11:30'))
    await rt.handle(text(wang, '#罚款', clock.now(), sales))
    await rt.handle(text(zhang, '#罚款 全部', clock.now(), sales))
    await rt.handle(text(admin, '#罚款 全部', clock.now(), sales))
    await clock.advance(20_000)
    // The outbox merges replies queued for one chat into one message.
    const replies = wechat.textsTo('r1').slice(-2).join('\n')
    expect(replies).toContain('你有 1 笔未缴罚款，共 10 元：\nF3 未按时回复通知 N1（11-30 09:25），现应缴 10 元')
    expect(replies).toContain('⛔ 只有管理员可以查看全部罚款、确认结清或免除罚款。')
    expect(replies).toContain('未缴罚款 3 人，共 30 元：\n销售部-张三：1 笔，现应缴 10 元（F1）')

    await rt.handle(text(admin, '#罚款 免除 F3', clock.now(), sales))
    await rt.handle(text(admin, '#罚款 免除 F3 当天请假', clock.now(), sales))
    await clock.advance(20_000)
    const replies2 = wechat.textsTo('r1').slice(-2).join('\n')
    expect(replies2).toContain('用法：#罚款 免除')
    expect(replies2).toContain('已免除 销售部-王五 的罚款 F3（未按时回复通知 N1），原因：当天请假')
    expect(rt.ledger.openFines('u3')).toEqual([])
    // One audit entry, the waive itself, naming the fine, why and (in #审计's brackets) who.
    const waives = rt.audit.query({ plugin: 'ack' }).filter(e => e.type === 'waive')
    expect(waives).toEqual([
      expect.objectContaining({
        rule: 'ack.fine-waived',
        memberId: 'u3',
        text: '罚款 F3 已免除：当天请假',
        reason: `由 ${admin.name} 免除`,
        dryRun: false,
      }),
    ])
  })

  it("#撤销 on the fine's audit id undoes it", async () => {
    const { rt, clock } = await salesRuntime()
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await clock.advanceTo(at('09:30'))
    const fine = rt.audit.query({ plugin: 'ack', memberId: 'u3' }).find(e => e.type === 'fine')!
    await rt.handle(text(admin, `#撤销 ${fine.id}`, clock.now(), sales))
    expect(rt.ledger.openFines('u3')).toEqual([])
  })

  it("#通知 统计 gives each member's rate and median response time", async () => {
    const { rt, clock, wechat } = await salesRuntime('{ statsReport: { cron: "0 18 * * *", days: 7 } }')
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await rt.handle(text(zhang, '收到', at('08:57'), sales))
    await clock.advanceTo(at('09:45'))
    await rt.handle(text(li, '收到', clock.now(), sales))
    await rt.handle(text(boss, '#通知 统计', clock.now(), sales))
    await clock.advance(10_000)
    const stats = wechat.textsTo('r1').at(-1)!
    expect(stats.split('\n')).toEqual([
      '📊 近 7 天通知回复统计（销售部工作群）（1 条通知，3 人）',
      '销售部-李四：按时 0/1（0%），响应中位数 50分钟',
      '销售部-王五：按时 0/1（0%），未回复 1 次',
      '销售部-张三：按时 1/1（100%），响应中位数 2分钟',
    ])
    expect(rt.ledger.openFines()).toEqual([])
    await clock.advanceTo(at('18:01'))
    expect(wechat.textsTo('boss').at(-1)).toBe(stats)
    // The days as people write them: 三天 and 3天 read as 3.
    for (const days of ['三天', '3天']) {
      await rt.handle(text(boss, `#通知 统计 ${days}`, clock.now(), sales))
      await clock.advance(10_000)
      expect(wechat.textsTo('r1').at(-1)).toMatch(/^📊 近 3 天通知回复统计/)
    }
  })
})

describe('ack config', () => {
  it('counts deadlines in working hours when configured (posted 17:50 -> due next morning)', async () => {
    const { rt, clock, wechat } = await salesRuntime('{ workingHours: { enabled: true } }')
    await clock.advanceTo(at('17:50'))
    await rt.handle(text(boss, '【通知】明早例会改到9点半', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1')[0]).toContain('在 12-01 09:20 前回复')
    expect(
      rt.timers
        .pending('ack')
        .map(t => t.at)
        .sort(),
    ).toEqual([at('09:10', '2026-12-01'), at('09:20', '2026-12-01')])
  })

  it('fails at creation with the key when working windows overlap', async () => {
    await expect(salesRuntime('{ workingHours: { windows: ["09:00-12:30", "12:00-18:00"] } }')).rejects.toThrow(
      /plugins\.ack\.workingHours\.windows: working windows "09:00-12:30" and "12:00-18:00" overlap/,
    )
  })
})
