import { describe, expect, it } from 'vitest'
import { checkDayRange, readDayRange } from '../../../bot/time/day-range.js'
import { nearDateTime, nearDay } from '../../../bot/time/zoned.js'

const TZ = 'Asia/Shanghai'
const NOW = Date.parse('2026-12-06T10:00:00+08:00')

describe('days as a person types them', () => {
  it.each([
    ['2026-11-30', '2026-11-30', '2026-11-30'],
    ['2026/11/3', '2026-11-03', '2026-11-03'],
    ['2026-11-01～2026-11-30', '2026-11-01', '2026-11-30'],
    ['2026.11.01 至 2026.11.30', '2026-11-01', '2026-11-30'],
  ])('reads %s', (text, from, to) => {
    expect(readDayRange(text)).toEqual({ ok: true, range: { from, to } })
  })

  it('leaves words that are not written like a date to the caller (search words)', () => {
    for (const word of ['净水器', '12-05', '2026', '本周', '400-800-1234']) expect(readDayRange(word)).toBeUndefined()
  })

  it('names a day that does not exist and a range that runs backwards', () => {
    expect(readDayRange('2026-13-01')).toEqual({
      ok: false,
      error: '「2026-13-01」不是有效的日期，请写成年-月-日，例如 2026-12-01。',
    })
    expect(readDayRange('2026-12-06~2026-12-01')).toEqual({
      ok: false,
      error: '日期范围的开始 2026-12-06 晚于结束 2026-12-01，请写成 2026-12-01~2026-12-06。',
    })
    expect(checkDayRange('2026-12-01', '')).toEqual({ ok: false, error: '缺少日期，请写成年-月-日，例如 2026-12-01。' })
  })

  it('shows the year of a date only when it is not this year', () => {
    expect(nearDay('2026-12-31', NOW, TZ)).toBe('12-31')
    expect(nearDay('2027-01-05', NOW, TZ)).toBe('2027-01-05')
    expect(nearDateTime(Date.parse('2027-01-05T18:00:00+08:00'), NOW, TZ)).toBe('2027-01-05 18:00')
    expect(nearDateTime(Date.parse('2026-12-05T18:00:00+08:00'), NOW, TZ)).toBe('12-05 18:00')
  })
})
