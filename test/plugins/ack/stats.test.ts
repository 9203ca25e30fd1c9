import { describe, expect, it } from 'vitest'
import { median, memberStats } from '../../../plugins/ack/stats/member-stats.js'
import { statsText } from '../../../plugins/ack/texts.js'
import type { Notice } from '../../../plugins/ack/state.js'

const min = 60_000
const t = (h: number) => Date.parse('2026-11-30T00:00:00+08:00') + h * 3_600_000

function reported(id: string, atH: number, answers: Record<string, number>, extra: Partial<Notice> = {}): Notice {
  const at = t(atH)
  return {
    id,
    groupId: 'g1',
    groupTopic: '销售部工作群',
    messageId: id,
    text: id,
    authorId: 'boss',
    authorName: '王强',
    at,
    deadline: at + 30 * min,
    required: { u1: '张三', u2: '李四', u3: '王五' },
    state: 'reported',
    excuses: {},
    answers: Object.fromEntries(
      Object.entries(answers).map(([m, after]) => [m, { at: at + after * min, via: 'ack' as const }]),
    ),
    ...extra,
  }
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeUndefined()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('memberStats', () => {
  const notices = [
    reported('N1', 9, { u1: 2, u2: 24, u3: 70 }),
    reported('N2', 14, { u1: 4, u2: 10 }),
    reported('N3', 16, { u1: 6 }, { excuses: { u3: { at: 0, text: '出差', acceptedBy: 'admin' } } }),
    reported('N4', 17, {}, { state: 'recalled' }),
    reported('N0', -48, { u1: 1 }),
  ]

  it('counts on-time answers, answers and the median response per member in the period', () => {
    const stats = memberStats(notices, t(0), t(24))
    expect(stats).toEqual([
      { id: 'u3', name: '王五', required: 2, onTime: 0, answered: 1, medianMs: 70 * min },
      { id: 'u2', name: '李四', required: 3, onTime: 2, answered: 2, medianMs: 17 * min },
      { id: 'u1', name: '张三', required: 3, onTime: 3, answered: 3, medianMs: 4 * min },
    ])
  })

  it('renders lowest rate first and truncates long lists with a count', () => {
    const text = statsText(memberStats(notices, t(0), t(24)), '近 1 天通知回复统计', 3, 2)
    expect(text.split('\n')).toEqual([
      '📊 近 1 天通知回复统计（3 条通知，3 人）',
      '王五：按时 0/2（0%），响应中位数 1小时10分钟，未回复 1 次',
      '李四：按时 2/3（67%），响应中位数 17分钟，未回复 1 次',
      '…另有 1 人',
    ])
  })
})
