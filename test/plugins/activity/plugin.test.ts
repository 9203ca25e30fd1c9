import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../../bot/ports/clock.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { casesPlugin } from '../../../plugins/cases/index.js'
import { makeRuntime, member, MONDAY_9AM, text } from '../../helpers/harness.js'
import { activityConfig, boss, cust, li, liuzong, MIN, sales, wang, zhang, zhoujie } from './fixtures.js'

const CONFIG = activityConfig('{ dailyReport: { time: "18:00" } }')
const HOUR = 60 * MIN

function populate(wechat: SimulatedWeChat) {
  wechat.addGroup(sales, [zhang, li, boss, member('admin1', '陈管理'), wang])
  wechat.addGroup(cust, [zhang, liuzong, zhoujie])
}

async function setup(config = CONFIG, start?: number) {
  const h = await makeRuntime(config, [activityPlugin], { start })
  populate(h.wechat)
  return h
}

/** All text and files sent to a chat, files as `[file]`. */
const sentTo = (wechat: SimulatedWeChat, chat: string) =>
  wechat.sent
    .filter(s => ('room' in s.chat ? s.chat.room : s.chat.contact) === chat)
    .map(s => s.text ?? `[file] ${s.file}`)

describe('customer responsiveness', () => {
  it('reminds the responsible staff privately when a customer waits past the threshold', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(liuzong, '请问这个套餐怎么收费？', clock.now(), cust))
    await clock.advance(9 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([])
    await clock.advance(2 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([
      expect.stringMatching(/示例科技张三交流群[\s\S]*刘总 已等待 10分钟[\s\S]*套餐怎么收费/),
    ])
  })

  it('reminds once about a customer who asks three times, and counts one response for them', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(liuzong, '张经理，发票开了吗', clock.now(), cust))
    await clock.advance(MIN)
    await rt.handle(text(liuzong, '张经理，发票开了吗', clock.now(), cust))
    await clock.advance(10_000)
    await rt.handle(text(liuzong, '张经理，发票开了吗', clock.now(), cust))
    await clock.advance(20 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([
      [
        '⏰ 客户等待提醒：「示例科技张三交流群」有 1 位客户还没有人回复（按工作时间计）：',
        '· 刘总 已等待 10分钟（共 3 条消息）：「张经理，发票开了吗」',
        '请尽快回复客户。',
      ].join('\n'),
    ])
    await rt.handle(text(zhang, '刘总，发票下午寄出', clock.now(), cust))
    await rt.handle(text(boss, '#响应', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').join('\n')).toContain('共回复 1 次：中位 21分钟 / P90 21分钟')
  })

  it('in observe mode only records the reminder; after going live the waiting customer is still reminded', async () => {
    const { rt, clock, wechat } = await setup(CONFIG.replace('activity: {', 'activity: { dryRun: true,'))
    await rt.handle(text(liuzong, '请问这个套餐怎么收费？', clock.now(), cust))
    await clock.advance(11 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([])
    await rt.handle(text(member('admin1', '陈管理'), '#观察 activity 关', clock.now()))
    await rt.handle(text(zhoujie, '我也想问', clock.now(), cust))
    await clock.advance(MIN)
    expect(wechat.textsTo('zhang')).toEqual([expect.stringContaining('刘总 已等待')])
  })

  it('an unknown command from staff in a customer group does not count as answering the customer', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(liuzong, '请问这个套餐怎么收费？', clock.now(), cust))
    await clock.advance(3 * MIN)
    await rt.handle(text(zhang, '#不存在的命令', clock.now(), cust))
    await clock.advance(8 * MIN)
    expect(wechat.textsTo('zhang').join('\n')).toContain('刘总 已等待 10分钟')
  })

  it('cancels the reminder when staff answers in time, and reports the response time', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(liuzong, '在吗？想问下发票', clock.now(), cust))
    await clock.advance(3 * MIN)
    await rt.handle(text(zhang, '在的刘总，您说', clock.now(), cust))
    await clock.advance(30 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([])
    await rt.handle(text(boss, '#响应', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').join('\n')).toMatch(/共回复 1 次：中位 3分钟 \/ P90 3分钟[\s\S]*张三：中位 3分钟/)
  })

  it('starts no clock for a plain "好的，谢谢" and pauses it outside working hours', async () => {
    const { rt, clock, wechat } = await setup(CONFIG, Date.parse('2026-11-30T17:55:00+08:00'))
    await rt.handle(text(liuzong, '好的，谢谢！', clock.now(), cust))
    await rt.handle(text(zhoujie, '明天能送货吗？', clock.now(), cust))
    await clock.advanceTo(Date.parse('2026-12-01T09:04:00+08:00'))
    expect(wechat.textsTo('zhang').filter(t => t.includes('等待'))).toEqual([])
    await clock.advance(2 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([expect.stringContaining('周姐 已等待 10分钟')])
  })

  it('does not count the lunch break: asked at 11:55, reminded at 13:35', async () => {
    const { rt, clock, wechat } = await setup(CONFIG, Date.parse('2026-11-30T11:55:00+08:00'))
    await rt.handle(text(zhoujie, '下午能安排送货吗？', clock.now(), cust))
    await clock.advanceTo(Date.parse('2026-11-30T13:34:00+08:00'))
    expect(wechat.textsTo('zhang')).toEqual([])
    await clock.advanceTo(Date.parse('2026-11-30T13:36:00+08:00'))
    expect(wechat.textsTo('zhang')).toEqual([expect.stringContaining('周姐 已等待 10分钟')])
  })

  it('only records the reminder for a group in dry-run', async () => {
    const config = CONFIG.replace('kind: customer }', 'kind: customer, plugins: { activity: { dryRun: true } } }')
    const { rt, clock, wechat } = await setup(config)
    await rt.handle(text(liuzong, '在吗？', clock.now(), cust))
    await clock.advance(15 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([])
    // Recorded as the observed reminder it would have been: to 张三, privately (#审计 names him, not an id).
    expect(rt.audit.query({ plugin: 'activity' }).find(e => e.type === 'remind')).toMatchObject({
      dryRun: true,
      privateTo: 'zhang',
      text: expect.stringContaining('刘总 已等待 10分钟'),
    })
  })

  it('lists customers still waiting in #响应', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(zhoujie, '发票什么时候开？', clock.now(), cust))
    await clock.advance(35 * MIN)
    await rt.handle(text(boss, '#响应', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('boss')[0]).toMatch(
      /【正在等待】\n· 示例科技张三交流群：周姐（09:00 起，工作时间已等 35分钟）/,
    )
  })
})

describe('reports', () => {
  it('sends the daily report with a chart to each admin at the configured time', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(zhang, '早上好，今天拜访两家客户', clock.now(), sales))
    await rt.handle(text(li, '收到', clock.now() + MIN, sales))
    await clock.advance(2 * MIN)
    await rt.handle(text(liuzong, '张经理，合同我看过了', clock.now(), cust))
    await clock.advance(MIN)
    await rt.handle(text(zhang, '好的刘总，我马上安排', clock.now(), cust))
    await clock.advanceTo(MONDAY_9AM + 9 * HOUR + 5 * MIN)
    const toAdmin = sentTo(wechat, 'admin1')
    expect(toAdmin).toEqual([
      expect.stringContaining('活跃度日报 · 11月30日 周一'),
      expect.stringMatching(/^\[file\] .*activity\/daily-2026-11-30-\d+-\d+\.png$/),
    ])
    expect(toAdmin[0]).toMatch(/2 个群共 4 条消息，3 人发言/)
    expect(toAdmin[0]).toMatch(/销售部工作群：2 条，2\/5 人发言（40%）/)
  })

  it('sends the weekly leaderboard on Friday with the days added up', async () => {
    const config = CONFIG.replace('{ dailyReport: { time: "18:00" } }', '{ dailyReport: { enabled: false } }')
    const { rt, clock, wechat } = await setup(config)
    await rt.handle(text(zhang, '周一拜访三家', clock.now(), sales))
    await rt.handle(text(li, '收到', clock.now(), sales))
    await clock.advanceTo(Date.parse('2026-12-02T10:00:00+08:00'))
    await rt.handle(text(zhang, '周三拜访两家', clock.now(), sales))
    await clock.advanceTo(Date.parse('2026-12-04T17:35:00+08:00'))
    const [leaderboard, chart] = sentTo(wechat, 'admin1')
    expect(leaderboard).toMatch(/^🏆 本周活跃榜 · 11-30 至 12-04\n共 3 条消息/)
    expect(leaderboard).toContain('【员工发言榜】\n1. 张三 2 条（2 天）\n2. 李四 1 条（1 天）')
    expect(chart).toMatch(/^\[file\] .*activity\/weekly-2026-12-04-\d+-\d+\.png$/)
  })

  it('sends reports to the configured internal group instead, and not at all on a weekend', async () => {
    const config = CONFIG.replace(
      '{ dailyReport: { time: "18:00" } }',
      '{ dailyReport: { time: "18:00" }, reportTo: 销售群 }',
    )
    const { rt, clock, wechat } = await setup(config, Date.parse('2026-12-05T09:00:00+08:00')) // Saturday
    await rt.handle(text(zhang, '周六加班', clock.now(), sales))
    await clock.advanceTo(Date.parse('2026-12-05T18:10:00+08:00'))
    expect(wechat.sent).toEqual([])
    await clock.advanceTo(Date.parse('2026-12-07T10:00:00+08:00')) // Monday
    await rt.handle(text(li, '周一例会纪要已发', clock.now(), sales))
    await clock.advanceTo(Date.parse('2026-12-07T18:05:00+08:00'))
    expect(sentTo(wechat, 'r1')).toEqual([
      expect.stringContaining('活跃度日报 · 12月7日 周一'),
      expect.stringMatching(/^\[file\]/),
    ])
    expect(sentTo(wechat, 'admin1')).toEqual([])
  })

  it('#日报 answers where it was asked, even in dry-run; the scheduled reminder is only recorded', async () => {
    const { rt, clock, wechat } = await setup(CONFIG.replace('activity: {', 'activity: { dryRun: true,'))
    await rt.handle(text(liuzong, '在吗', clock.now(), cust))
    await rt.handle(text(zhang, '大家早', clock.now(), sales))
    await clock.advance(15 * MIN)
    await rt.handle(text(boss, '#日报', clock.now(), sales))
    await rt.handle(text(boss, '#日报', clock.now(), cust))
    await clock.advance(MIN)
    expect(wechat.textsTo('zhang')).toEqual([])
    expect(sentTo(wechat, 'r1')).toEqual([
      expect.stringContaining('2 个群共 2 条消息'),
      expect.stringMatching(/^\[file\]/),
    ])
    expect(sentTo(wechat, 'c1')).toEqual([]) // customers read c1: the leader is answered privately
    expect(sentTo(wechat, 'boss')).toEqual([expect.stringContaining('请私聊机器人或在内部群使用')])
    expect(
      rt.audit.query({ plugin: 'activity' }).find(e => e.rule === 'activity.customer-waiting' && e.type !== 'schedule'),
    ).toMatchObject({ type: 'remind', dryRun: true, text: expect.stringContaining('刘总 已等待 10分钟') })
  })
})

describe('#周榜', () => {
  it('ranks staff only: a customer who speaks most is not on the board or its chart', async () => {
    const { rt, clock, wechat } = await setup()
    for (const t of ['在吗', '报价呢', '还有折扣吗', '什么时候发货'])
      await rt.handle(text(liuzong, t, clock.now(), cust))
    await rt.handle(text(zhang, '刘总，马上发您', clock.now(), cust))
    await rt.handle(text(li, '收到', clock.now(), sales))
    await rt.handle(text(boss, '#周榜', clock.now()))
    await clock.advance(MIN)
    const [board] = sentTo(wechat, 'boss')
    expect(board).toContain('共 6 条消息')
    expect(board).toContain('【员工发言榜】\n1. 张三 1 条（1 天）\n2. 李四 1 条（1 天）\n')
    expect(board).not.toContain('刘总')
  })

  it('gives a leader this week’s leaderboard and its chart on any day, privately; not in a customer group', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(zhang, '周一拜访三家', clock.now(), sales))
    await clock.advanceTo(Date.parse('2026-12-02T10:00:00+08:00')) // Wednesday: the Friday board is not due
    await rt.handle(text(zhang, '周三拜访两家', clock.now(), sales))
    await rt.handle(text(li, '收到', clock.now(), sales))
    await rt.handle(text(boss, '#周报', clock.now())) // the word a leader types first
    await rt.handle(text(boss, '#周榜', clock.now(), cust))
    await clock.advance(MIN)
    const [board, chart, refused] = sentTo(wechat, 'boss')
    expect(board).toMatch(/^🏆 本周活跃榜 · 11-30 至 12-02\n共 3 条消息/)
    expect(board).toContain('【员工发言榜】\n1. 张三 2 条（2 天）\n2. 李四 1 条（1 天）')
    expect(chart).toMatch(/^\[file\] .*activity\/weekly-2026-12-02-\d+-\d+\.png$/)
    expect(refused).toBe('周榜包含所有群的数据，请私聊机器人或在内部群使用。')
    expect(sentTo(wechat, 'c1')).toEqual([])
  })

  it('is refused to staff without the leader role', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(zhang, '#周榜', clock.now()))
    await clock.advance(MIN)
    expect(wechat.textsTo('zhang')).toEqual(['⛔ 没有权限：#周榜 需要「领导」或「管理员」角色。'])
  })

  it('points a trainer asking for #周报 to the case digest, when the cases plugin is there', async () => {
    const config = CONFIG.replace('leader: [boss],', 'leader: [boss], trainer: [liu],')
    const liu = member('liu', '刘老师')
    const withCases = await makeRuntime(config, [activityPlugin, casesPlugin])
    await withCases.rt.handle(text(liu, '#周报', withCases.clock.now()))
    await withCases.clock.advance(MIN)
    expect(withCases.wechat.textsTo('liu')).toEqual([
      '⛔ 没有权限：#周榜 需要「领导」或「管理员」角色。培训师的周报是案例周报：发送 #案例 周报。',
    ])
    const alone = await makeRuntime(config, [activityPlugin])
    await alone.rt.handle(text(liu, '#周报', alone.clock.now()))
    await alone.clock.advance(MIN)
    expect(alone.wechat.textsTo('liu')).toEqual(['⛔ 没有权限：#周榜 需要「领导」或「管理员」角色。'])
  })
})

describe('#活跃度 and #沉默成员', () => {
  it('shows one group with its members for a period name, and a chart', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(liuzong, '你好', clock.now(), cust))
    await rt.handle(text(zhang, '刘总好', clock.now() + MIN, cust))
    await rt.handle(text(zhang, '大家早', clock.now(), sales))
    await rt.handle(text(boss, '#活跃度 本周 张三交流群', clock.now() + 2 * MIN, sales))
    await clock.advance(MIN)
    const [reply, chart] = sentTo(wechat, 'r1')
    expect(reply).toMatch(/活跃度 · 本周（11-30 至 11-30）\n1 个群共 2 条消息/)
    expect(reply).toContain('【成员】\n刘总 1 条、张三 1 条')
    expect(chart).toMatch(/^\[file\] .*activity\/activity-\d+-\d+\.png$/)
  })

  it('shows one member across groups by @-mention, and keeps a member who left', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(wang, '收到', clock.now(), sales))
    await rt.handle({ type: 'leave', at: clock.now() + MIN, group: sales, members: [wang] })
    await rt.handle(text(boss, '#活跃度 今日 @王五', clock.now() + 2 * MIN, sales, { mentions: ['wang'] }))
    await rt.handle(text(boss, '#活跃度', clock.now() + 2 * MIN, sales))
    await clock.advance(MIN)
    const texts = wechat.textsTo('r1')
    expect(texts[0]).toMatch(/王五 · 今日[\s\S]*共 1 条消息（文字 1）[\s\S]*· 销售部工作群：1 条/)
    expect(texts.find(t => t.startsWith('📈 活跃度'))).toMatch(/退出 王五/)
  })

  it('answers a name that matches nothing with the usage, and answers privately in customer groups', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(zhang, '大家早', clock.now(), sales))
    await rt.handle(text(boss, '#活跃度 财务部', clock.now(), sales))
    await rt.handle(text(boss, '#活跃度 销售部', clock.now(), cust))
    await clock.advance(MIN)
    expect(wechat.textsTo('r1')[0]).toBe(
      '没有找到「财务部」对应的群或成员。\n用法：#活跃度 [今日|本周|本月] [群名|@成员]',
    )
    expect(wechat.textsTo('c1')).toEqual([])
    expect(wechat.textsTo('boss')[0]).toContain('没有找到「销售部」')
  })

  it('#沉默成员 lists members quiet for the given days with their last message', async () => {
    const { rt, clock, wechat } = await setup()
    await rt.handle(text(wang, '收到', clock.now(), sales))
    await clock.advanceTo(Date.parse('2026-12-04T09:00:00+08:00'))
    await rt.handle(text(zhang, '本周总结已提交', clock.now(), sales))
    await rt.handle(text(boss, '#沉默成员 3', clock.now(), sales))
    await clock.advance(MIN)
    expect(wechat.textsTo('r1').at(-1)).toBe(
      '🔕 沉默成员（3 天以上未发言）\n· 销售部工作群：李四（自 11-30 起未发言）、王经理（自 11-30 起未发言）、陈管理（自 11-30 起未发言）、王五（最后发言 11-30）',
    )
  })
})

describe('config', () => {
  it('refuses to start with an invalid pattern or overlapping working hours, saying which key', async () => {
    await expect(
      makeRuntime(CONFIG.replace('{ dailyReport: { time: "18:00" } }', '{ ignoreCustomerText: "(好的" }'), [
        activityPlugin,
      ]),
    ).rejects.toThrow(/:\d+: plugins\.activity\.ignoreCustomerText: 正则表达式有误（invalid regex/)
    await expect(
      makeRuntime(
        CONFIG.replace('{ dailyReport: { time: "18:00" } }', '{ workingHours: ["09:00-12:30", "12:00-18:00"] }'),
        [activityPlugin],
      ),
    ).rejects.toThrow(/plugins\.activity\.workingHours: working windows "09:00-12:30" and "12:00-18:00" overlap/)
  })
})

describe('restarts', () => {
  it('keeps counters and a customer waiting across a restart', async () => {
    const clock = new FakeClock(MONDAY_9AM)
    const store = new MemoryStore()
    const wechat = new SimulatedWeChat(clock)
    populate(wechat)
    const boot = async () => (await makeRuntime(CONFIG, [activityPlugin], { clock, store, wechat, file: 't.yaml' })).rt
    const first = await boot()
    await first.handle(text(zhang, '大家早', clock.now(), sales))
    await first.handle(text(liuzong, '在吗？', clock.now(), cust))
    await first.stop()
    const second = await boot()
    await clock.advance(11 * MIN)
    expect(wechat.textsTo('zhang')).toEqual([expect.stringContaining('刘总 已等待 10分钟')])
    await second.handle(text(boss, '#活跃度', clock.now(), sales))
    await clock.advance(MIN)
    expect(wechat.textsTo('r1')[0]).toContain('2 个群共 2 条消息')
  })
})
