import { describe, expect, it } from 'vitest'
import { text } from '../../helpers/harness.js'
import { admin, at, boss, customer, editor, news, QUEUE_CONFIG, start, zs } from './fixtures.js'

const MIN = 60_000
async function queueDay(startAt: number) {
  const r = await start(startAt, QUEUE_CONFIG)
  const cmd = async (who: typeof editor, body: string) => {
    await r.rt.handle(text(who, body, r.clock.now()))
    await r.clock.advance(10_000)
  }
  return { ...r, cmd }
}

describe('the post queue across National Day 2026', () => {
  it('publishes approved posts once at 07:30 on workdays, the make-up Saturday and a requested holiday; never unapproved ones', async () => {
    const { clock, wechat, cmd } = await queueDay(at('2026-09-29T10:00'))
    await cmd(editor, '#排期 添加 09-30 【早报】国庆前最后一个工作日')
    await cmd(editor, '#排期 添加 10-02 【早报】节日快乐')
    await cmd(editor, '#排期 添加 10-05 节假日照发 【早报】国庆假期特别版')
    await cmd(editor, '#排期 添加 10-08 【早报】节后第一天')
    await cmd(editor, '#排期 添加 10-10 【早报】调休上班日')
    await cmd(editor, '#排期 添加 10-11 【早报】周日')
    const replies = wechat.textsTo('editor')
    expect(replies.filter(r => r.startsWith('✅ 已加入排期'))).toHaveLength(4)
    expect(replies).toContainEqual(expect.stringContaining('2026-10-02 是法定节假日'))
    expect(replies).toContainEqual(expect.stringContaining('2026-10-11 是周末'))
    await cmd(boss, '#排期 审核')
    expect(wechat.textsTo('boss').at(-1)).toMatch(/^待审核 4 条：\n#1 09-30 周三 07:30 待审核/)
    for (const id of ['1', '2', '4']) await cmd(boss, `#排期 通过 ${id}`)

    await clock.advanceTo(at('2026-10-12T12:00'))
    const posts = wechat.sent.filter(s => 'room' in s.chat && s.chat.room === 'r-news')
    expect(posts.map(p => [new Date(p.at).toISOString(), p.text])).toEqual([
      ['2026-09-29T23:30:00.000Z', '【早报】国庆前最后一个工作日'],
      ['2026-10-04T23:30:00.000Z', '【早报】国庆假期特别版'],
      ['2026-10-09T23:30:00.000Z', '【早报】调休上班日'],
    ])
    const toEditor = wechat.sent.filter(
      s => 'contact' in s.chat && s.chat.contact === 'editor' && s.at > at('2026-09-29T11:00'),
    )
    expect(toEditor.map(s => [new Date(s.at).toISOString(), s.text])).toEqual([
      ['2026-09-30T09:00:00.000Z', expect.stringContaining('排期 #3（2026-10-08 07:30）还没有审核')],
      ['2026-10-07T23:30:00.000Z', expect.stringContaining('到发布时间仍未审核，未发布')],
    ])
    expect(wechat.textsTo('boss')).toContainEqual(expect.stringContaining('有排期待审核：#3'))
  })

  it('refuses a past date, an impossible time and says which year a date in January is', async () => {
    const { wechat, cmd } = await queueDay(at('2026-12-06T10:00'))
    await cmd(editor, '#排期 添加 12-01 08:00 过去的早报')
    await cmd(editor, '#排期 添加 12-31 25:00 早报')
    await cmd(editor, '#排期 添加 12-31 09:00 早报')
    await cmd(editor, '#排期 添加 01-05 【早报】新年第一周')
    expect(wechat.textsTo('editor')).toEqual([
      expect.stringMatching(/^❌ 2026-12-01 已经过去。/),
      expect.stringMatching(/^❌ 无效的时间「25:00」，例如 08:30、8点半。/),
      expect.stringMatching(/^❌ 发布时间须不早于 06:30、早于 09:00（09:00 及以后不发布）。/),
      '✅ 已加入排期 #1：2027-01-05 周二 07:30 发到 公告群，等待审核。',
    ])
  })

  it('refuses approvals by non-approvers, second approvals and rejected posts, and tells the editor', async () => {
    const { clock, wechat, cmd } = await queueDay(at('2026-11-30T10:00'))
    await cmd(editor, '#排期 添加 明天 【早报】12月1日')
    await cmd(editor, '#排期 添加 周三 【早报】12月2日')
    await cmd(zs, '#排期 通过 1')
    await cmd(admin, '#排期 通过 1')
    await cmd(boss, '#排期 通过 1')
    await cmd(boss, '#排期 通过 1')
    await cmd(boss, '#排期 驳回 2 图片没有授权')
    await cmd(boss, '#排期 通过 9')
    expect(wechat.textsTo('zs')).toEqual([expect.stringContaining('需要「排期审核」角色')])
    expect(wechat.textsTo('admin')).toEqual([expect.stringContaining('需要「排期审核」角色')])
    expect(wechat.textsTo('boss')).toEqual([
      '✅ 已通过排期 #1：12-01 周二 07:30 发到 公告群。',
      expect.stringContaining('当前状态为「已通过」，不能再审核通过'),
      '已驳回排期 #2，已通知 编辑小陈。',
      '没有排期 #9。',
    ])
    expect(wechat.textsTo('editor')).toContainEqual('你的排期 #2（12-02 周三 07:30）被 王经理 驳回：图片没有授权')
    await clock.advanceTo(at('2026-12-02T12:00'))
    expect(wechat.textsTo('r-news')).toEqual(['【早报】12月1日'])
  })

  it('lists this week and next week', async () => {
    const { wechat, cmd } = await queueDay(at('2026-11-30T10:00'))
    await cmd(editor, '#排期 添加 12-04 08:00 本周五早报')
    await cmd(editor, '#排期 添加 下周一 下周一早报')
    await cmd(editor, '#排期 列表')
    await cmd(editor, '#排期 列表 下周')
    expect(wechat.textsTo('editor').slice(-2)).toEqual([
      '本周排期（11-30–12-06）\n#1 12-04 周五 08:00 待审核 本周五早报\n之后待审核或待发布：\n#2 12-07 周一 07:30 待审核 下周一早报',
      '下周排期（12-07–12-13）\n#2 12-07 周一 07:30 待审核 下周一早报',
    ])
  })

  it('shows the years in the week title when the week spans New Year, and a week wholly in the next year with its year', async () => {
    const { wechat, cmd } = await queueDay(at('2026-12-30T10:00'))
    await cmd(editor, '#排期 列表')
    await cmd(editor, '#排期 列表 下周')
    expect(wechat.textsTo('editor').slice(-2)).toEqual([
      '本周排期（2026-12-28–2027-01-03）：暂无。',
      '下周排期（2027-01-04–2027-01-10）：暂无。',
    ])
  })

  it('lists a post for next week awaiting review under this week, where #状态 counts it', async () => {
    const { wechat, cmd } = await queueDay(at('2026-11-30T10:00'))
    await cmd(editor, '#排期 添加 下周一 下周一早报')
    await cmd(editor, '#排期 列表')
    expect(wechat.textsTo('editor').at(-1)).toBe(
      '本周排期（11-30–12-06）：暂无。\n之后待审核或待发布：\n#1 12-07 周一 07:30 待审核 下周一早报',
    )
  })

  it('reminds ordinary members in the broadcast group after the day’s post, at most once per throttle; staff privately (review26)', async () => {
    const { rt, clock, wechat, cmd } = await queueDay(at('2026-11-30T10:00'))
    await cmd(editor, '#排期 添加 明天 【早报】12月1日')
    await cmd(boss, '#排期 通过 1')
    await clock.advanceTo(at('2026-12-01T07:45'))
    await rt.handle(text(customer, '收到', clock.now(), news))
    await rt.handle(text(zs, '好的', clock.now(), news))
    await rt.handle(text(admin, '请大家查看', clock.now(), news))
    await rt.handle(text(customer, '好的', clock.now(), news))
    await clock.advance(40 * MIN)
    await rt.handle(text(customer, '👍', clock.now(), news))
    await rt.handle(text(zs, '👍', clock.now(), news))
    await clock.advance(MIN)
    const reminders = wechat.sent.filter(s => s.text?.startsWith('本群为公告群'))
    expect(reminders.map(r => [r.chat, r.mentions])).toEqual([
      [{ room: 'r-news' }, ['c1']],
      [{ room: 'r-news' }, ['c1']],
    ])
    // Staff are never corrected before the customers: told privately, in words that stand outside the group.
    expect(wechat.textsTo('zs')).toEqual([
      '关于公告群「公告群」（只发给你，客户看不到）：\n这个群只用于发布通知，客户也能看到群里的每条消息，请不要在群里回复或讨论；有事请在内部群或私聊同事沟通。',
      '关于公告群「公告群」（只发给你，客户看不到）：\n这个群只用于发布通知，客户也能看到群里的每条消息，请不要在群里回复或讨论；有事请在内部群或私聊同事沟通。',
    ])
  })

  it("a staff member's command in the broadcast group is no talk there: no reminder at all (review26)", async () => {
    const { rt, clock, wechat, cmd } = await queueDay(at('2026-11-30T10:00'))
    await cmd(editor, '#排期 添加 明天 【早报】12月1日')
    await cmd(boss, '#排期 通过 1')
    await clock.advanceTo(at('2026-12-01T07:45'))
    await rt.handle(text(zs, '#帮助', clock.now(), news))
    await rt.handle(text(customer, '#状态', clock.now(), news))
    await clock.advance(MIN)
    expect(wechat.textsTo('r-news').filter(t => t.startsWith('本群为公告群'))).toEqual([])
    expect(wechat.textsTo('zs').filter(t => t.includes('不要在群里回复'))).toEqual([])
  })

  it('publishes to the groups still there and tells the admins about a target group the bot is no longer in', async () => {
    const yaml = QUEUE_CONFIG.replace(
      'campaign: {}',
      'campaign: { queue: { targets: { groups: [公告群, 旧公告群] } } }',
    ).replace('groups:\n', 'groups:\n  - { name: 旧公告群, topic: 示例科技旧公告群, kind: broadcast }\n')
    const r = await start(at('2026-11-30T10:00'), yaml)
    await r.rt.handle(text(editor, '#排期 添加 明天 【早报】12月1日', r.clock.now()))
    await r.rt.handle(text(boss, '#排期 通过 1', r.clock.now()))
    await r.clock.advanceTo(at('2026-12-01T08:00'))
    expect(r.wechat.textsTo('r-news')).toEqual(['【早报】12月1日'])
    expect(r.wechat.textsTo('admin')).toEqual(['⚠️ 排期 #1：找不到群 旧公告群（机器人可能已被移出），这些群未发布。'])
  })
})
