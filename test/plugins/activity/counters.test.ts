import { describe, expect, it } from 'vitest'
import {
  closeDays,
  countMessage,
  CURRENT_SPEC,
  emptyCurrent,
  groupDay,
  type CurrentDoc,
} from '../../../plugins/activity/state.js'
import { loadDays } from '../../../plugins/activity/days/history.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const key = { day: '2026-11-30', groupId: 'g1', topic: '销售群', kind: 'internal' as const }
const fact = (at: number, extra = {}) => ({
  memberId: 'u1',
  name: '张三',
  staff: true,
  kind: 'text' as const,
  chars: 4,
  at,
  hour: 9,
  ...extra,
})

describe('countMessage', () => {
  it('adds messages, characters, kinds, first/last time and the hour slot', () => {
    const doc = emptyCurrent()
    const g = groupDay(doc, key)
    countMessage(g, fact(200))
    countMessage(g, fact(100, { kind: 'image', chars: 0, hour: 10 }))
    countMessage(g, fact(300, { memberId: 'u2', name: '李四' }))
    expect(g.members.u1).toMatchObject({ messages: 2, chars: 4, kinds: { text: 1, image: 1 }, first: 100, last: 200 })
    expect(g.members.u2.messages).toBe(1)
    expect(g.hours[9]).toBe(2)
    expect(g.hours[10]).toBe(1)
  })
})

describe('closeDays', () => {
  it('removes days before the cut, counts their unanswered customers and remembers the last closed day', () => {
    const doc: CurrentDoc = emptyCurrent()
    groupDay(doc, { ...key, day: '2026-11-29' })
    groupDay(doc, key)
    doc.waiting.g1 = {
      group: { id: 'g1', topic: '销售群', kind: 'customer', configName: 'x' },
      msgs: [{ id: 'm', memberId: 'c', name: '刘总', at: 1, day: '2026-11-29', text: '在吗' }],
    }
    const closed = closeDays(doc, '2026-11-30')
    expect(closed.map(g => [g.day, g.unanswered])).toEqual([['2026-11-29', 1]])
    expect(Object.keys(doc.days)).toEqual(['2026-11-30'])
    expect(doc.closedThrough).toBe('2026-11-29')
  })
})

describe('loadDays', () => {
  it('merges closed days from the log with open days, and a day closed twice counts once', () => {
    const store = new MemoryStore()
    const doc = emptyCurrent()
    const old = groupDay(emptyCurrent(), { ...key, day: '2026-11-29' })
    countMessage(old, fact(1))
    store.append('activity-days', '2026-11-29', old)
    store.append('activity-days', '2026-11-29', old)
    countMessage(groupDay(doc, key), fact(2))
    expect(loadDays(store, doc, '2026-11-01', '2026-11-30').map(g => g.day)).toEqual(['2026-11-29', '2026-11-30'])
  })
})

const CONFIG = (tz: string) => `
company: 示例科技
timezone: ${tz}
groups: [{ name: 销售群, topic: 销售部工作群, kind: internal }]
plugins: { activity: { dailyReport: { enabled: false }, weeklyReport: { enabled: false } } }
`
const sales = group('r1', '销售部工作群')

describe('day boundaries on the runtime', () => {
  it('splits days at midnight of the configured timezone, not UTC or the machine', async () => {
    const start = Date.parse('2026-11-30T15:50:00Z') // 23:50 in Shanghai
    const { rt, clock, store } = await makeRuntime(CONFIG('Asia/Shanghai'), [activityPlugin], { start })
    await rt.handle(text(member('u1', '张三'), '晚安', clock.now(), sales))
    await clock.advance(20 * 60_000) // 00:10 on 12-01 in Shanghai, still 11-30 in UTC
    await rt.handle(text(member('u1', '张三'), '早', clock.now(), sales))
    await rt.handle(text(member('bot', '小助手'), '机器人自己的消息', clock.now(), sales))
    const days = loadDays(store, store.doc('activity-current', CURRENT_SPEC).data, '2026-11-01', '2026-12-31')
    expect(days.map(d => [d.day, d.members.u1?.messages])).toEqual([
      ['2026-11-30', 1],
      ['2026-12-01', 1],
    ])
    expect(days[1].members.bot).toBeUndefined()
  })

  it('uses another timezone when configured', async () => {
    const start = Date.parse('2026-12-01T03:00:00Z') // 22:00 on 11-30 in New York
    const { rt, clock, store } = await makeRuntime(CONFIG('America/New_York'), [activityPlugin], { start })
    await rt.handle(text(member('u1'), 'hi', clock.now(), sales))
    expect(Object.keys(store.doc('activity-current', CURRENT_SPEC).data.days)).toEqual(['2026-11-30'])
  })

  it('writes a finished day to the log once after midnight and keeps only open days in the doc', async () => {
    const start = Date.parse('2026-11-30T10:00:00Z')
    const { rt, clock, store } = await makeRuntime(CONFIG('Asia/Shanghai'), [activityPlugin], { start })
    await rt.handle(text(member('u1'), '一', clock.now(), sales))
    await clock.advanceTo(Date.parse('2026-11-30T16:20:00Z')) // 00:20, after the 00:15 close job
    const doc = store.doc('activity-current', CURRENT_SPEC).data
    expect(Object.keys(doc.days)).toEqual([])
    expect(store.readLog<{ day: string }>('activity-days', '2026-11-30', '2026-11-30').map(r => r.day)).toEqual([
      '2026-11-30',
    ])
    await rt.handle(text(member('u1'), '二', clock.now(), sales))
    expect(Object.keys(doc.days)).toEqual(['2026-12-01'])
  })
})
