import { describe, expect, it } from 'vitest'
import { campaignsPage } from '../../../bot/console/pages/campaigns.js'
import { runtimeSource } from '../../../bot/console/source.js'
import { PARTICIPATION_DOC } from '../../../plugins/campaign/state.js'
import { member, text } from '../../helpers/harness.js'
import { admin, at, boss, config, du, image, ls, nanning, news, sales, start, ww, zs } from './fixtures.js'

const MIN = 60_000

describe('a campaign day on three groups', () => {
  it('announces the config campaign at 08:30 to the internal groups only, paced by the outbox', async () => {
    const { clock, wechat } = await start(at('2026-11-30T08:00'))
    await clock.advanceTo(at('2026-11-30T08:29'))
    expect(wechat.sent).toEqual([])
    await clock.advanceTo(at('2026-11-30T08:31'))
    const rooms = wechat.sent.map(s => 'room' in s.chat && s.chat.room)
    expect(rooms.sort()).toEqual(['r-nanning', 'r-nanning', 'r-sales', 'r-sales'])
    expect(wechat.textsTo('r-sales')[0]).toMatch(
      /【活动】双十二净水器特惠[\s\S]*截止：11-30 18:00[\s\S]*回复「已分享」并发朋友圈截图/,
    )
    expect(wechat.sent.find(s => s.link)?.link).toEqual({
      url: 'https://example.com/double12',
      title: '双十二净水器特惠',
      description: undefined,
    })
    const times = wechat.sent.map(s => s.at)
    expect(new Set(times).size).toBe(times.length)
  })

  it('records shares (phrase then screenshot, screenshot then phrase), nudges a phrase without one, reminds at 17:00 and reports at 18:00', async () => {
    const { rt, clock, wechat } = await start(at('2026-11-30T08:00'))
    await clock.advanceTo(at('2026-11-30T08:40'))
    const sent = wechat.sent.length
    await rt.handle(text(zs, '已分享', clock.now(), sales))
    await clock.advance(MIN)
    await rt.handle(image(zs, clock.now(), sales))
    await rt.handle(image(du, clock.now(), nanning))
    await clock.advance(MIN)
    await rt.handle(text(du, '已发朋友圈', clock.now(), nanning))
    await rt.handle(text(ww, '已转发', clock.now(), sales))
    await clock.advance(11 * MIN)
    const replies = wechat.sent
      .slice(sent)
      .map(s => ({ room: 'room' in s.chat && s.chat.room, text: s.text, mentions: s.mentions }))
    expect(replies).toEqual(
      expect.arrayContaining([
        { room: 'r-sales', text: '✅ 已记录你对「双十二净水器特惠」的分享，谢谢！', mentions: ['zs'] },
        { room: 'r-nanning', text: '✅ 已记录你对「双十二净水器特惠」的分享，谢谢！', mentions: ['du'] },
        { room: 'r-sales', text: expect.stringContaining('还没收到你的朋友圈截图'), mentions: ['ww'] },
      ]),
    )
    expect(replies).toHaveLength(3)

    await clock.advanceTo(at('2026-11-30T17:01'))
    const reminders = wechat.sent.filter(s => s.text?.startsWith('【活动提醒】'))
    expect(reminders.map(r => ['room' in r.chat && r.chat.room, r.mentions?.sort()])).toEqual(
      expect.arrayContaining([
        ['r-sales', ['admin', 'boss', 'ls', 'ww']],
        ['r-nanning', ['admin', 'ls']],
      ]),
    )
    expect(reminders).toHaveLength(2)

    await rt.handle(image(ls, clock.now(), nanning))
    await rt.handle(text(ls, '已分享', clock.now(), nanning))
    await clock.advanceTo(at('2026-11-30T18:01'))
    const report = wechat.textsTo('admin').join('\n')
    expect(report).toContain('【活动报告】#double12「双十二净水器特惠」已截止（11-30 18:00）')
    expect(report).toContain('总体完成 3/6（50%）')
    expect(report).toContain('· 销售部工作群 2/5（40%） 已完成：张三、李四；未完成：陈管理、王经理、王五')
    expect(report).toContain('· 南宁区域群 2/3（67%） 已完成：杜艳霞、李四；未完成：陈管理')
  })

  it('ignores shares in groups the campaign was not announced to and after the deadline', async () => {
    const { rt, clock, store } = await start(at('2026-11-30T08:00'))
    await clock.advanceTo(at('2026-11-30T08:40'))
    await rt.handle(image(zs, clock.now(), news))
    await rt.handle(text(zs, '已分享', clock.now(), news))
    await clock.advanceTo(at('2026-11-30T18:05'))
    await rt.handle(image(ww, clock.now(), sales))
    await rt.handle(text(ww, '已分享', clock.now(), sales))
    expect((store.doc('campaign-part-double12', PARTICIPATION_DOC).data as { done: object }).done).toEqual({})
  })

  it('records a fine for everyone missing at the deadline when violations are switched on', async () => {
    const { rt, clock } = await start(at('2026-11-30T08:00'), config('violation: fine'))
    await clock.advanceTo(at('2026-11-30T18:01'))
    expect(
      rt.ledger
        .openFines()
        .map(f => f.memberId)
        .sort(),
    ).toEqual(['admin', 'boss', 'du', 'ls', 'ww', 'zs'])
  })

  it('answers #活动 进度 and #活动 列表 for leaders and refuses ordinary members', async () => {
    const { rt, clock, wechat } = await start(
      at('2026-11-30T08:00'),
      config().replace('approver: [boss]', 'approver: [boss], leader: [boss]'),
    )
    await rt.handle(text(boss, '#活动 进度 double12', clock.now()))
    await clock.advanceTo(at('2026-11-30T08:45'))
    await rt.handle(image(zs, clock.now(), sales))
    await rt.handle(text(zs, '已分享', clock.now(), sales))
    await rt.handle(text(boss, '#活动 进度', clock.now()))
    await rt.handle(text(admin, '#活动 列表', clock.now()))
    await rt.handle(text(ww, '#活动 列表', clock.now(), sales))
    await clock.advance(MIN)
    expect(wechat.textsTo('boss')).toEqual([
      '活动 #double12「双十二净水器特惠」尚未发布：将于 11-30 08:30 发到 销售群、南宁群。',
      expect.stringMatching(/^【活动进度】#double12「双十二净水器特惠」进行中，截止 11-30 18:00\n总体完成 1\/6（17%）/),
    ])
    expect(wechat.textsTo('admin')).toEqual([
      '#double12「双十二净水器特惠」进行中，截止 11-30 18:00，已完成 1/6（17%）',
    ])
    expect(wechat.textsTo('r-sales').join('\n')).toContain('没有权限')
  })
})

describe('a campaign whose deadline passed before it could be announced', () => {
  it('reads as not announced in #活动 列表 and #活动 进度 at once, not as waiting until the next posting window', async () => {
    // Saturday afternoon, days after the example campaign's deadline (11-30 18:00): no announcement job runs before Monday.
    const { rt, clock, wechat } = await start(at('2026-12-05T15:00'))
    await rt.handle(text(admin, '#活动 列表', clock.now()))
    await clock.advance(MIN)
    await rt.handle(text(admin, '#活动 进度 double12', clock.now()))
    await clock.advance(MIN)
    expect(wechat.textsTo('admin')).toEqual([
      '#double12「双十二净水器特惠」已截止（未发布），截止于 11-30 18:00',
      '活动 #double12「双十二净水器特惠」已截止，未发布：截止前没有可用的发布时段（工作日发布时段内）',
    ])
    // The console's 活动与排期 page names the state as the chat does, not as a failure.
    const page = String(
      campaignsPage(runtimeSource(rt).views('campaign'), clock.now(), 'Asia/Shanghai', 'csrf'),
    ).replace(/<[^>]+>/g, ' ')
    expect(page).toMatch(/双十二净水器特惠 .*已截止（未发布）/s)
    expect(page).toContain('11-30 18:00')
  })
})

describe('one count for #活动 列表 and #活动 进度', () => {
  it('counts a non-staff relative who shared the same way in both, apart from the rate', async () => {
    const { rt, clock, wechat } = await start(at('2026-11-30T08:00'))
    const relative = member('fam', '张三家属')
    await clock.advanceTo(at('2026-11-30T08:45'))
    for (const who of [zs, relative]) {
      await rt.handle(image(who, clock.now(), sales))
      await rt.handle(text(who, '已分享', clock.now(), sales))
    }
    await rt.handle(text(admin, '#活动 列表', clock.now()))
    await clock.advance(MIN)
    await rt.handle(text(admin, '#活动 进度', clock.now()))
    await clock.advance(MIN)
    const [list, progress] = wechat.textsTo('admin').slice(-2)
    expect(list).toBe(
      '#double12「双十二净水器特惠」进行中，截止 11-30 18:00，已完成 1/6（17%），另有 1 人反馈（不在统计名单中）',
    )
    expect(progress).toContain('总体完成 1/6（17%）')
    expect(progress).toContain('已完成：张三；未完成：')
    expect(progress).toContain('另有 1 人已反馈（不在统计名单中）：张三家属')
  })
})

describe('a campaign whose target groups are missing', () => {
  it('tells the admins once, keeps waiting, and reports it as not announced once the deadline has passed', async () => {
    const yaml = config().replace("start: '2026-11-30'", "start: '2026-11-30'\n        targets: { groups: [已解散群] }")
    const { clock, wechat } = await start(at('2026-11-30T08:00'), yaml)
    await clock.advanceTo(at('2026-12-01T09:00'))
    expect(wechat.sent.filter(s => 'room' in s.chat)).toEqual([])
    expect(wechat.textsTo('admin')).toEqual([
      expect.stringContaining('暂时没有可发布的目标群（已解散群）'),
      expect.stringContaining('截止 11-30 18:00）未发布：没有可发布的目标群'),
    ])
  })
})

describe('a campaign reminder in a broadcast group (review26)', () => {
  it('staff are told privately, the group named as a 公告群, without 本群 or 被@; customers see no reminder', async () => {
    const yaml = config().replace(
      "deadline: '2026-11-30 18:00'",
      "deadline: '2026-11-30 18:00'\n        targets: { kinds: [broadcast] }",
    )
    const { clock, wechat } = await start(at('2026-11-30T08:00'), yaml)
    await clock.advanceTo(at('2026-11-30T17:01'))
    expect(wechat.textsTo('zs')).toEqual([
      '关于公告群「公告群」（只发给你，客户看不到）：\n【活动提醒】「双十二净水器特惠」将于 11-30 18:00 截止，你还没有登记分享。请分享到朋友圈后，在收到这个活动的任一个群里回复「已分享」并附截图。',
    ])
    expect(wechat.textsTo('admin')[0]).toContain('关于公告群「公告群」')
    expect(wechat.textsTo(news.id).filter(t => t.startsWith('【活动提醒】'))).toEqual([])
  })
})
