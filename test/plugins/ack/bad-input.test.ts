import { describe, expect, it } from 'vitest'
import { member, text } from '../../helpers/harness.js'
import { admin, at, boss, customers, li, sales, salesRuntime, wang, zhang } from './helpers.js'

describe('ack: quotes, recalls and other bad input', () => {
  it('binds a quote to the quoted notice when several are open, a bare 收到 to the latest', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '【通知】周五前提交季度总结', at('08:55'), sales))
    await clock.advanceTo(at('08:57'))
    await rt.handle(text(boss, '【通知】今天下午3点开月度复盘会，收到请回复', clock.now(), sales))
    await clock.advanceTo(at('08:59'))
    await rt.handle(
      text(zhang, '好的', clock.now(), sales, {
        quote: { senderName: '销售部-王强', text: '【通知】周五前提交季度总结' },
      }),
    )
    await rt.handle(text(li, '收到', clock.now(), sales))
    await rt.handle(
      text(wang, '好的', clock.now(), sales, { quote: { senderName: '销售部-张三', text: '中午一起吃饭吗' } }),
    )
    await rt.handle(text(admin, '#通知 列表', clock.now(), sales))
    await clock.advance(20_000)
    const list = wechat.textsTo('r1').at(-1)!
    expect(list).toContain('N1 销售部工作群「【通知】周五前提交季度总结」已回复 1/3')
    expect(list).toContain('N2 销售部工作群「【通知】今天下午3点开月度复盘会…」已回复 1/3')
  })

  it('stops tracking a recalled notice: no reminder, no report, no fine', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    const notice = text(boss, '@所有人 明天早上8点集合出发', at('08:55'), sales, { mentionsAll: true })
    await rt.handle(notice)
    await clock.advanceTo(at('08:56'))
    await rt.handle(text(boss, notice.id, clock.now(), sales, { kind: 'recalled' }))
    await clock.advanceTo(at('10:00'))
    expect(wechat.textsTo('r1')).toEqual([expect.stringContaining('已登记通知 N1'), '通知 N1 已撤回，不再统计回复。'])
    expect(wechat.textsTo('boss')).toEqual([])
    expect(rt.ledger.openFines()).toEqual([])
  })

  it('ignores notices outside internal groups, from non-leaders, and members who joined later', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(zhang, '【通知】明天放假', at('08:55'), sales))
    await rt.handle(text(boss, '【通知】客户群不跟踪', at('08:55'), customers))
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    const late = member('u7', '小赵', '销售部-赵六')
    wechat.addMembers('r1', [late])
    await rt.handle({ type: 'join', at: at('08:56'), group: sales, members: [late] })
    await rt.handle(text(late, '收到', at('08:57'), sales))
    await clock.advanceTo(at('09:30'))
    expect(wechat.textsTo('r2')).toEqual([])
    const report = wechat.textsTo('boss')
    expect(report).toHaveLength(1)
    expect(report[0]).toContain('通知 N1 截止报告')
    expect(report[0]).toContain('应回复 3 人')
    expect(report[0]).not.toContain('赵六')
  })

  it('answers #通知 with an unreadable deadline with usage help and tracks nothing', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '#通知 明天提交周报 截止 下周', at('08:55'), sales))
    await rt.handle(text(boss, '#通知', at('08:55'), sales))
    await clock.advance(10_000)
    const [bad, empty] = wechat.textsTo('r1')
    expect(bad).toContain('无法识别截止时间「下周」')
    expect(bad).toContain('用法：#通知 <内容>')
    expect(empty).toContain('请写上通知内容')
    expect(rt.timers.pending('ack')).toEqual([])
  })

  it('answers a missing notice id, a bad day count and an unknown #罚款 word with usage, not a guess', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(admin, '#通知 详情', at('08:55'), sales))
    await rt.handle(text(admin, '#通知 统计 abc', at('08:55'), sales))
    await rt.handle(text(admin, '#罚款 结算 F1', at('08:55'), sales))
    await clock.advance(10_000)
    const [detail, stats] = wechat.textsTo('r1')
    const fine = [...wechat.textsTo('r1'), ...wechat.textsTo('admin1')].join('\n') // fines are answered privately
    expect(detail).toContain('请写上通知编号：#通知 详情 <编号>')
    expect(detail).not.toContain('找不到通知')
    expect(stats).toContain('统计的天数应为正整数，「abc」不是。')
    expect(fine).toContain('#罚款 没有「结算」这个用法。您是不是要找 #罚款 结清？')
    expect(fine).not.toContain('你没有未缴的罚款')
  })

  it('drops members who leave before the deadline from the count', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, '【通知】今天下午开会', at('08:55'), sales))
    await rt.handle({ type: 'leave', at: at('09:00'), group: sales, members: [wang] })
    await clock.advanceTo(at('09:30'))
    expect(wechat.textsTo('boss')[0]).toContain('应回复 2 人')
    expect(rt.ledger.openFines('u3')).toEqual([])
  })

  it('keeps a 500-member notice bounded: one reminder with at most 40 @, truncated report lists', async () => {
    const crowd = Array.from({ length: 500 }, (_, i) => member(`s${i}`, `员工${i}`))
    const { rt, clock, wechat } = await salesRuntime(undefined, [boss, admin, ...crowd])
    await rt.handle(text(boss, '【通知】全员今晚8点前完成安全培训', at('08:55'), sales))
    await clock.advanceTo(at('09:30'))
    const reminders = wechat.sent.filter(s => s.text?.startsWith('⏰'))
    expect(reminders).toHaveLength(1)
    expect(reminders[0].mentions).toHaveLength(40)
    expect(reminders[0].text).toContain('还有 500 位同事没有回复')
    expect(reminders[0].text).toContain('另有 460 人未逐一 @')
    const report = wechat.textsTo('boss')[0]
    expect(report).toContain('未回复（500）：')
    expect(report).toContain('…等 500 人')
    expect(report.length).toBeLessThan(1000)
    expect(rt.ledger.openFines()).toHaveLength(500)
    expect(wechat.sent.find(s => s.text?.startsWith('💰'))?.mentions).toHaveLength(40)
  })
})
