import { describe, expect, it } from 'vitest'
import { text } from '../../helpers/harness.js'
import { admin, at, boss, QUEUE_CONFIG, start, zs } from './fixtures.js'

async function adminSays(startAt: number, ...commands: string[]) {
  const r = await start(startAt, QUEUE_CONFIG)
  for (const c of commands) {
    await r.rt.handle(text(admin, c, r.clock.now()))
    await r.clock.advance(10_000)
  }
  return r
}

describe('#活动 新建', () => {
  it.each([
    ['#活动 新建 年终大促 | 内容 | 截止 2026-11-29 18:00', '已经过去'],
    ['#活动 新建 年终大促 | 内容 | 截止 下个月', '无法识别的时间'],
    ['#活动 新建 年终大促 | 内容 | 截止 周五 18:00 | 群 客户群', '没有匹配的目标群'],
    ['#活动 新建 年终大促 | 内容 | 截止 周五 18:00 | 群 火星群', '不认识的群或群类型：火星群'],
    ['#活动 新建 年终大促 | 内容 | 截止 今天 20:00', '早于下一个发布时段 12-01 07:30'],
    ['#活动 新建 年终大促 | 内容 | 截止 周五 18:00 | 图片 /nonexistent/poster.png', '图片不可用'],
    ['#活动 新建 年终大促', '缺少标题或内容'],
  ])('refuses %s', async (command, why) => {
    const { wechat } = await adminSays(at('2026-11-30T10:00'), command)
    expect(wechat.textsTo('admin')).toEqual([expect.stringContaining(why)])
  })

  it('refuses a date without a year that passed this year, and shows the year of a date in the next one', async () => {
    const { wechat } = await adminSays(
      at('2026-12-06T10:00'),
      '#活动 新建 元旦促销 | 元旦全场8折 | 截止 12-05',
      '#活动 新建 元旦促销 | 元旦全场8折 | 截止 01-05',
      '#活动 列表',
    )
    expect(wechat.textsTo('admin')).toEqual([
      expect.stringContaining('截止时间 12-05 18:00 已经过去，请给一个将来的时间。'),
      '✅ 已创建活动 #1「元旦促销」：将于 12-07 07:30 发到 销售群、南宁群（2 个群），截止 2027-01-05 18:00。',
      '#1「元旦促销」待发布，截止 2027-01-05 18:00',
    ])
  })

  it('creates a campaign after the window and announces it at the next workday slot to the chosen groups', async () => {
    const { clock, wechat } = await adminSays(
      at('2026-12-04T10:00'),
      '#活动 新建 年终大促 | https://example.com/sale | 截止 下周二 18:00 | 群 公告群 南宁群',
    )
    expect(wechat.textsTo('admin')).toEqual([
      '✅ 已创建活动 #1「年终大促」：将于 12-07 07:30 发到 南宁群、公告群（2 个群），截止 12-08 18:00。',
    ])
    await clock.advanceTo(at('2026-12-07T07:29'))
    expect(wechat.sent.filter(s => 'room' in s.chat)).toEqual([])
    await clock.advanceTo(at('2026-12-07T07:32'))
    expect(
      wechat.sent
        .filter(s => s.link)
        .map(s => 'room' in s.chat && s.chat.room)
        .sort(),
    ).toEqual(['r-nanning', 'r-news'])
    expect(wechat.textsTo('r-sales')).toEqual([])
  })

  it('lets admins end a campaign early with a report, and refuses leaders and members', async () => {
    const { rt, clock, wechat } = await adminSays(at('2026-11-30T07:40'), '#活动 新建 年终大促 | 全场8折 | 截止 3天')
    await clock.advanceTo(at('2026-11-30T08:00'))
    await rt.handle(text(zs, '#活动 结束 1', clock.now()))
    await rt.handle(text(boss, '#活动 结束 1', clock.now()))
    await rt.handle(text(admin, '#活动 结束 1', clock.now()))
    await clock.advance(10_000)
    await rt.handle(text(admin, '#活动 结束 1', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('zs')).toEqual([expect.stringContaining('没有权限')])
    expect(wechat.textsTo('boss')).toEqual([expect.stringContaining('没有权限')])
    expect(wechat.textsTo('admin').slice(1)).toEqual([
      '活动 #1「年终大促」已结束，完成情况已发给管理员。\n\n【活动报告】#1「年终大促」已提前结束\n总体完成 0/6（0%）\n· 销售部工作群 0/5（0%） 未完成：陈管理、王经理、张三、李四、王五\n· 南宁区域群 0/3（0%） 未完成：陈管理、杜艳霞、李四',
      '活动 #1 当前状态为「已结束」，无需结束。',
    ])
  })
})
