import { describe, expect, it } from 'vitest'
import { summarize } from '../../../plugins/activity/report/aggregate.js'
import { countMessage, emptyCurrent, groupDay, type GroupDay } from '../../../plugins/activity/state.js'
import {
  activityText,
  dailyReportText,
  groupLines,
  memberText,
  responseText,
  silentText,
  type ReportFacts,
  waitingLines,
} from '../../../plugins/activity/report/text.js'
import type { ActivityConfig } from '../../../plugins/activity/config.js'
import { rulesCache } from '../../../plugins/activity/rules/group-rules.js'
import { silentMembers } from '../../../plugins/activity/report/silent.js'
import type { GroupSeen } from '../../../plugins/activity/state.js'
import { chineseCalendar } from '../../../bot/time/workdays.js'

const TZ = 'Asia/Shanghai'
const DAY = 86_400_000
const NOW = Date.parse('2026-11-30T18:00:00+08:00')
const facts: ReportFacts = {
  tz: TZ,
  now: NOW,
  topMembers: 3,
  silentDays: 7,
  silent: [],
  waiting: [],
  waited: (_w, at) => NOW - at,
}

function day(
  d: string,
  groupId: string,
  topic: string,
  counts: Record<string, number>,
  extra: Partial<GroupDay> = {},
): GroupDay {
  const g = groupDay(emptyCurrent(), { day: d, groupId, topic, kind: extra.kind ?? 'internal' })
  for (const [name, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++)
      countMessage(g, {
        memberId: name,
        name,
        staff: true,
        kind: 'text',
        chars: 2,
        at: Date.parse(`${d}T10:00:00+08:00`),
        hour: 10,
      })
  }
  return Object.assign(g, extra)
}

describe('period summary and report text', () => {
  it('a member who left still appears in the figures of the days they spoke', () => {
    const s = summarize(
      [
        day('2026-11-29', 'g1', '销售部工作群', { 张三: 2, 李四: 1 }),
        day('2026-11-30', 'g1', '销售部工作群', { 张三: 1 }, { left: [{ id: '李四', name: '李四' }] }),
      ],
      '2026-11-29',
      '2026-11-30',
    )
    expect(s.members.map(m => [m.name, m.messages, m.activeDays])).toEqual([
      ['张三', 3, 2],
      ['李四', 1, 1],
    ])
    expect(s.perDay).toEqual([3, 1])
    expect(activityText(s, '本周', facts)).toContain('李四 1 条')
  })

  it('the daily report names groups with share, the top members, response times and waiting customers', () => {
    const s = summarize(
      [
        day('2026-11-30', 'g1', '销售部工作群', { 张三: 3, 李四: 1 }, { size: 5 }),
        day(
          '2026-11-30',
          'c1',
          '示例科技张三交流群',
          { 刘总: 1, 张三: 1 },
          {
            kind: 'customer',
            size: 4,
            responses: [
              ['张三', 3 * 60_000],
              ['张三', 28 * 60_000],
            ],
          },
        ),
        day('2026-11-30', 'b1', '示例科技公告群', {}),
      ],
      '2026-11-30',
      '2026-11-30',
    )
    const waiting = [
      {
        group: { id: 'c2', topic: '示例科技李四交流群', kind: 'customer' as const, configName: 'x' },
        msgs: [{ id: 'm', memberId: 'c2', name: '周姐', at: NOW - 35 * 60_000, day: '2026-11-30', text: '发票呢' }],
      },
    ]
    const text = dailyReportText(s, '活跃度日报 · 11月30日 周一', { ...facts, waiting })
    expect(text).toContain('3 个群共 6 条消息，3 人发言。')
    expect(text).toContain('· 销售部工作群：4 条，2/5 人发言（40%），高峰 10 点')
    expect(text).toContain('响应中位 3分钟 / P90 28分钟（2 次）')
    expect(text).toContain('· 无消息：示例科技公告群')
    expect(text).toContain('张三 4 条、李四 1 条、刘总 1 条')
    expect(text).toContain('· 示例科技李四交流群：周姐（17:25 起，工作时间已等 35分钟）')
  })

  it('says so when a period has no data', () => {
    const empty = summarize([], '2026-11-30', '2026-11-30')
    expect(dailyReportText(empty, '活跃度日报', facts)).toContain('今天还没有任何群消息记录')
    // At day's end (the scheduled report) a quiet day is over, not "not yet".
    const over = dailyReportText(empty, '活跃度日报', facts, true)
    expect(over).toContain('今天没有群消息。')
    expect(over).not.toContain('还没有')
    expect(activityText(empty, '本月', facts)).toContain('这段时间没有消息记录')
    expect(memberText(empty, '张三', '本周', TZ)).toContain('这段时间没有发言记录')
    expect(responseText(empty, '本周', facts)).toContain('这段时间没有客户消息需要回复')
  })

  it('lists at most ten busy groups and sums up the rest', () => {
    const records = Array.from({ length: 12 }, (_, i) => day('2026-11-30', `g${i}`, `群${i}`, { 张三: i + 1 }))
    const lines = groupLines(summarize(records, '2026-11-30', '2026-11-30').groups, 1)
    expect(lines).toHaveLength(11)
    expect(lines[0]).toMatch(/^· 群11：12 条/)
    expect(lines[10]).toBe('· 另有 2 个群共 3 条')
  })

  it('says over how many days a daily average is when the bot has records for fewer days than asked', () => {
    const s = summarize([day('2026-12-04', 'g1', '销售群', { 张三: 3, 李四: 1 })], '2026-11-28', '2026-12-04')
    expect(activityText(s, '本周', facts)).toContain('· 销售群：4 条，2 人发言，日均 2.0 人（1 天有记录）')
  })
})

describe('silent members', () => {
  const g: GroupSeen = {
    topic: '销售部工作群',
    kind: 'internal',
    since: NOW - 30 * DAY,
    members: {
      old: { name: '王五', staff: true, last: NOW - 10 * DAY },
      recent: { name: '张三', staff: true, last: NOW - DAY },
      back: { name: '李四', staff: true, last: NOW - 20 * DAY, joined: NOW - 2 * DAY },
    },
  }
  const current = ['old', 'recent', 'back', 'never'].map(id => ({
    id,
    name: id === 'never' ? '孙七七' : id,
    staff: true,
  }))

  it('lists members quiet for N days with their last message, and those never heard from since tracking began', () => {
    expect(silentMembers(g, current, NOW, 7).map(m => [m.name, m.last])).toEqual([
      ['孙七七', undefined],
      ['王五', NOW - 10 * DAY],
    ])
    expect(silentText([{ topic: g.topic, members: silentMembers(g, current, NOW, 7) }], 7, TZ)).toBe(
      '🔕 沉默成员（7 天以上未发言）\n· 销售部工作群：孙七七（自 10-31 起未发言）、王五（最后发言 11-20）',
    )
  })

  it('does not call a brand-new group silent', () => {
    expect(silentMembers({ ...g, since: NOW - DAY, members: {} }, current, NOW, 7)).toEqual([])
  })
})

describe('waiting customers in working time, as response times are counted', () => {
  const cfg = { workingHours: ['09:00-12:00', '13:30-18:00'], responseThreshold: 600_000, ignoreCustomerText: '^$' }
  const clock = rulesCache(TZ, chineseCalendar)(cfg as ActivityConfig).clock
  const group = { id: 'c1', topic: '华通贸易周杰交流群', kind: 'customer' as const, configName: 'x' }
  const waitingAt = (now: number, ...times: string[]): ReportFacts => ({
    ...facts,
    now,
    waiting: [
      {
        group,
        msgs: times.map((t, i) => ({
          id: `m${i}`,
          memberId: `c${i}`,
          name: `客户${i}`,
          at: Date.parse(t),
          day: '',
          text: '在吗',
        })),
      },
    ],
    waited: (_w, at) => clock.elapsed(at, now),
  })

  it('counts the lunch break and the night out: 09:05 to 18:00 is 7 hours 25 minutes', () => {
    const f = waitingAt(NOW, '2026-11-30T09:05:00+08:00')
    expect(waitingLines(f.waiting, f.now, TZ, f.waited)).toEqual([
      '· 华通贸易周杰交流群：客户0（09:05 起，工作时间已等 7小时25分钟）',
    ])
  })

  it('lists a customer who wrote four times once, from the oldest message, with the count', () => {
    const f = waitingAt(NOW, ...['09:42', '09:50', '10:05', '10:30', '11:00'].map(t => `2026-11-30T${t}:00+08:00`))
    const zhou = { memberId: 'c-zhou', name: '周姐' }
    f.waiting[0].msgs = f.waiting[0].msgs.map((m, i) => (i < 4 ? { ...m, ...zhou } : m))
    expect(waitingLines(f.waiting, f.now, TZ, f.waited)).toEqual([
      '· 华通贸易周杰交流群：周姐（09:42 起，4 条，工作时间已等 6小时48分钟）、客户4（11:00 起，工作时间已等 5小时30分钟）',
    ])
  })

  it('says a customer who wrote on Sunday has not started waiting yet', () => {
    const sunday = Date.parse('2026-12-06T10:10:00+08:00')
    const f = waitingAt(sunday, '2026-12-06T10:00:00+08:00')
    expect(waitingLines(f.waiting, f.now, TZ, f.waited)).toEqual([
      '· 华通贸易周杰交流群：客户0（10:00 起，非工作时间，尚未计时）',
    ])
  })

  it('does not say "no customer messages to answer" above a list of customers waiting', () => {
    const s = summarize(
      [day('2026-11-30', 'c1', '华通贸易周杰交流群', { 刘总: 1 }, { kind: 'customer' })],
      '2026-11-30',
      '2026-11-30',
    )
    const times = ['09:05', '10:00', '11:00', '15:00'].map(t => `2026-11-30T${t}:00+08:00`)
    const text = dailyReportText(s, '活跃度日报', waitingAt(NOW, ...times))
    expect(text).toContain(
      '【客户响应】\n今天还没有已回复的客户消息；4 条正在等待回复（见【等待回复】）。\n【等待回复】',
    )
    expect(text).not.toContain('今天没有需要回复的客户消息')
    expect(dailyReportText(s, '活跃度日报', facts)).toContain('【客户响应】\n今天没有需要回复的客户消息。')
  })
})
