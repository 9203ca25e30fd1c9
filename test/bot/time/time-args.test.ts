import { describe, expect, it } from 'vitest'
import { dayLabel, looksLikeClock, parseClock, parseDay, parseDeadline } from '../../../bot/time/time-args.js'

const TZ = 'Asia/Shanghai'
/** Monday 2026-11-30 10:00 in Shanghai. */
const NOW = Date.parse('2026-11-30T10:00:00+08:00')
const at = (iso: string) => Date.parse(`${iso}+08:00`)

describe('parseDeadline', () => {
  it.each([
    ['2026-12-05 18:00', at('2026-12-05T18:00:00')],
    ['2026/12/05 18:00', at('2026-12-05T18:00:00')],
    ['12-05 18:00', at('2026-12-05T18:00:00')],
    ['12月5日 下午6点', at('2026-12-05T18:00:00')],
    ['2026-12-05', at('2026-12-05T18:00:00')],
    ['周五 18:00', at('2026-12-04T18:00:00')],
    ['星期五18点半', at('2026-12-04T18:30:00')],
    ['下周一 9:30', at('2026-12-07T09:30:00')],
    ['明天 18:00', at('2026-12-01T18:00:00')],
    ['明天', at('2026-12-01T18:00:00')],
    ['今天 17:30', at('2026-11-30T17:30:00')],
    ['17:30', at('2026-11-30T17:30:00')],
    ['3天', NOW + 3 * 86_400_000],
    ['2小时后', NOW + 2 * 3_600_000],
    ['两小时后', NOW + 2 * 3_600_000],
    ['三天', NOW + 3 * 86_400_000],
    ['1月5日 12:00', at('2027-01-05T12:00:00')],
  ])('reads %s', (text, expected) => {
    expect(parseDeadline(text, NOW, TZ, '18:00')).toEqual({ ok: true, at: expected })
  })

  it.each([
    ['2026-11-29 18:00', '已经过去'],
    ['今天 09:00', '已经过去'],
    ['本周一 08:00', '已经过去'],
    ['2026-02-30 18:00', '无法识别'],
    ['下个月', '无法识别'],
    ['', '缺少截止时间'],
  ])('refuses %s', (text, why) => {
    const r = parseDeadline(text, NOW, TZ, '18:00')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain(why)
  })
})

describe('parseDay and parseClock', () => {
  it('reads weekday words relative to a Monday', () => {
    expect(parseDay('周一', NOW, TZ)).toBe('2026-11-30')
    expect(parseDay('周日', NOW, TZ)).toBe('2026-12-06')
    expect(parseDay('下周二', NOW, TZ)).toBe('2026-12-08')
    expect(parseDay('后天', NOW, TZ)).toBe('2026-12-02')
    expect(parseDay('13-01', NOW, TZ)).toBeUndefined()
  })

  it('reads Chinese clock words and rejects impossible times', () => {
    expect(parseClock('6点半')).toBe('06:30')
    expect(parseClock('晚上8点')).toBe('20:00')
    expect(parseClock('中午1点')).toBe('13:00')
    expect(parseClock('8：05')).toBe('08:05')
    expect(parseClock('25:00')).toBeUndefined()
    expect(parseClock('18')).toBeUndefined()
  })

  it('labels a day with its weekday, and with its year when it is not this year', () => {
    expect(dayLabel('2026-10-10', NOW, TZ)).toBe('10-10 周六')
    expect(dayLabel('2027-01-05', NOW, TZ)).toBe('2027-01-05 周二')
  })
})

describe('a date without a year, typed on Sunday 2026-12-06', () => {
  const SUNDAY = Date.parse('2026-12-06T10:00:00+08:00')

  it('is the nearest such day: yesterday stays yesterday, next month is next year', () => {
    expect(parseDay('12-05', SUNDAY, TZ)).toBe('2026-12-05')
    expect(parseDay('12-01', SUNDAY, TZ)).toBe('2026-12-01')
    expect(parseDay('1月5日', SUNDAY, TZ)).toBe('2027-01-05')
    expect(parseDay('06-01', SUNDAY, TZ)).toBe('2027-06-01')
    expect(parseDay('2026-13-01', SUNDAY, TZ)).toBeUndefined()
  })

  it('a deadline that passed is refused, not moved to next year', () => {
    expect(parseDeadline('12-05', SUNDAY, TZ, '18:00')).toEqual({
      ok: false,
      error: '截止时间 12-05 18:00 已经过去，请给一个将来的时间。',
    })
    expect(parseDeadline('01-05', SUNDAY, TZ, '18:00')).toEqual({ ok: true, at: at('2027-01-05T18:00:00') })
  })

  it('tells a clock written out of range from content', () => {
    expect(looksLikeClock('25:00')).toBe(true)
    expect(looksLikeClock('早报')).toBe(false)
  })
})
