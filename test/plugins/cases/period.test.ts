import { describe, expect, it } from 'vitest'
import { validDay } from '../../../bot/time/zoned.js'
import { lastDays, periodFromWord } from '../../../plugins/cases/digest/period.js'
import { MONDAY_9AM } from '../../helpers/harness.js'

const TZ = 'Asia/Shanghai'
const FRIDAY = Date.parse('2026-12-04T09:00:00Z')

describe('periodFromWord', () => {
  it.each([
    ['今天', MONDAY_9AM, '2026-11-30', '2026-11-30'],
    ['昨天', MONDAY_9AM, '2026-11-29', '2026-11-29'],
    ['本周', FRIDAY, '2026-11-30', '2026-12-04'],
    ['上周', FRIDAY, '2026-11-23', '2026-11-29'],
    ['上周', MONDAY_9AM, '2026-11-23', '2026-11-29'],
    ['本月', MONDAY_9AM, '2026-11-01', '2026-11-30'],
    ['上月', FRIDAY, '2026-11-01', '2026-11-30'],
    ['最近3天', MONDAY_9AM, '2026-11-28', '2026-11-30'],
    ['近7天', MONDAY_9AM, '2026-11-24', '2026-11-30'],
    ['前天', MONDAY_9AM, '2026-11-28', '2026-11-28'],
    ['这周', FRIDAY, '2026-11-30', '2026-12-04'],
    ['本星期', FRIDAY, '2026-11-30', '2026-12-04'],
    ['上星期', FRIDAY, '2026-11-23', '2026-11-29'],
    ['上个星期', FRIDAY, '2026-11-23', '2026-11-29'],
    ['这个月', FRIDAY, '2026-12-01', '2026-12-04'],
    ['上个月', FRIDAY, '2026-11-01', '2026-11-30'],
    ['上个月', MONDAY_9AM, '2026-10-01', '2026-10-31'],
    ['今年', FRIDAY, '2026-01-01', '2026-12-04'],
    ['2026-02', MONDAY_9AM, '2026-02-01', '2026-02-28'],
    ['2026年12月', MONDAY_9AM, '2026-12-01', '2026-12-31'],
    ['2024/2', MONDAY_9AM, '2024-02-01', '2024-02-29'],
    ['2026-11-1至2026-11-15', MONDAY_9AM, '2026-11-01', '2026-11-15'],
    ['2026-11-05', MONDAY_9AM, '2026-11-05', '2026-11-05'],
  ])('%s at %s', (word, now, from, to) => {
    expect(periodFromWord(word, now, TZ)).toEqual({ from, to })
  })

  it.each(['价格', '2026-02-30', '2026-11-15~2026-11-01', '最近0天', '2026-13', '上上月'])(
    '%s is not a period',
    word => {
      expect(periodFromWord(word, MONDAY_9AM, TZ)).toBeUndefined()
    },
  )

  it('lastDays counts today', () => {
    expect(lastDays(7, MONDAY_9AM, TZ)).toEqual({ from: '2026-11-24', to: '2026-11-30' })
    expect(validDay('2026-2-3')).toBe('2026-02-03')
  })
})
