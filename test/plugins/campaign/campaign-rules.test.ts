import { describe, expect, it } from 'vitest'
import { chineseCalendar } from '../../../bot/time/workdays.js'
import type { GroupRef } from '../../../bot/core/event.js'
import { announce, dueCampaigns, reminderActions, violationActions } from '../../../plugins/campaign/decide-campaign.js'
import type { GroupProgress } from '../../../plugins/campaign/report/share-count.js'
import { progressReport } from '../../../plugins/campaign/texts.js'
import type { Campaign, Participation } from '../../../plugins/campaign/state.js'
import type { ScheduleContext } from '../../../plugins/campaign/schedule/posting-window.js'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const s: ScheduleContext = {
  window: { start: '06:30', end: '09:00', postAt: '08:30' },
  tz: 'Asia/Shanghai',
  calendar: chineseCalendar,
}

function campaign(extra: Partial<Campaign> = {}): Campaign {
  return {
    id: 'double12',
    title: '双十二净水器特惠',
    content: { text: '全场8折', link: { url: 'https://example.com/a', title: '净水器' } },
    targets: { kinds: ['internal'], groups: [] },
    startDay: '2026-11-30',
    deadline: at('2026-11-30T18:00:00'),
    source: 'config',
    status: 'scheduled',
    announced: {},
    ...extra,
  }
}
const sales: GroupProgress = {
  groupId: 'g1',
  name: '销售部工作群',
  expected: [
    { id: 'zs', name: '张三' },
    { id: 'ls', name: '李四' },
    { id: 'ww', name: '王五' },
  ],
}
const nanning: GroupProgress = {
  groupId: 'g2',
  name: '南宁区域群',
  expected: [
    { id: 'du', name: '杜艳霞' },
    { id: 'ls', name: '李四' },
  ],
}
const done = (...ids: string[]): Record<string, Participation> =>
  Object.fromEntries(ids.map(id => [id, { memberId: id, name: id, groupId: 'g1', at: 0, screenshot: true }]))

describe('when campaigns go out', () => {
  it('announces on a workday from postAt until the window closes, not before its start day', () => {
    expect(dueCampaigns([campaign()], at('2026-11-30T08:29:00'), s).announce).toEqual([])
    expect(dueCampaigns([campaign()], at('2026-11-30T08:30:00'), s).announce).toHaveLength(1)
    expect(dueCampaigns([campaign()], at('2026-11-30T09:00:00'), s).announce).toEqual([])
    expect(dueCampaigns([campaign({ startDay: '2026-12-01' })], at('2026-11-30T08:30:00'), s).announce).toEqual([])
    expect(dueCampaigns([campaign({ status: 'announced' })], at('2026-11-30T08:30:00'), s).announce).toEqual([])
  })

  it('reports a waiting campaign whose deadline passed', () => {
    expect(dueCampaigns([campaign()], at('2026-11-30T18:00:00'), s).missed).toHaveLength(1)
  })

  it('marks each group announced and sends text plus link card, with reminder and deadline timers', () => {
    const c = campaign()
    const g: GroupRef = { id: 'g1', topic: '销售部工作群', kind: 'internal', configName: '销售群' }
    const actions = announce(c, [g], '【活动】…', at('2026-11-30T08:30:00'), 3_600_000)
    expect(c.status).toBe('announced')
    expect(c.announced.g1).toEqual({ name: '销售部工作群', at: at('2026-11-30T08:30:00') })
    expect(actions.map(a => a.type)).toEqual(['say', 'sendLink', 'schedule', 'schedule'])
    expect(actions.filter(a => a.type === 'schedule').map(a => a.type === 'schedule' && a.at)).toEqual([
      at('2026-11-30T17:00:00'),
      at('2026-11-30T18:00:00'),
    ])
  })
})

describe('reminders, report and violations', () => {
  it('reminds each group once, mentioning only who has not reported anywhere', () => {
    const actions = reminderActions(
      campaign(),
      [sales, nanning],
      done('zs', 'ls'),
      '已分享',
      at('2026-11-30T16:00:00'),
      'Asia/Shanghai',
    )
    expect(actions).toEqual([
      expect.objectContaining({ type: 'remind', to: { room: 'g1' }, mentions: ['ww'] }),
      expect.objectContaining({ type: 'remind', to: { room: 'g2' }, mentions: ['du'] }),
    ])
    expect(
      reminderActions(campaign(), [nanning], done('du', 'ls'), '已分享', at('2026-11-30T16:00:00'), 'Asia/Shanghai'),
    ).toEqual([])
  })

  it('reports the overall rate once per person, and per group who shared and who has not', () => {
    const text = progressReport('【活动报告】', [sales, nanning], done('zs', 'ls'))
    expect(text).toContain('总体完成 2/4（50%）')
    expect(text).toContain('· 销售部工作群 2/3（67%） 已完成：张三、李四；未完成：王五')
    expect(text).toContain('· 南宁区域群 1/2（50%） 已完成：李四；未完成：杜艳霞')
  })

  it('records one violation per missing person, or none when switched off', () => {
    expect(violationActions(campaign(), [sales, nanning], done('zs'), 'off')).toEqual([])
    const fines = violationActions(campaign(), [sales, nanning], done('zs'), 'fine')
    expect(fines.map(a => a.type === 'fine' && a.memberId)).toEqual(['ls', 'ww', 'du'])
    expect(violationActions(campaign(), [sales], done(), 'strike')[0]).toMatchObject({
      type: 'strike',
      category: 'campaign',
      text: '未分享活动', // what #审计 and the replay say it was for
    })
  })
})
