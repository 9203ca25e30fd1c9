import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { clockTimeSchema, duration, formatDuration, parseDuration } from '../../../bot/config/duration.js'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * M],
    ['2h', 2 * H],
    ['1.5h', 90 * M],
    ['90s', 90 * S],
    ['1d', D],
    ['500ms', 500],
    ['10分钟', 10 * M],
    ['10 分钟', 10 * M],
    ['5分', 5 * M],
    ['2小时', 2 * H],
    ['3秒', 3 * S],
    ['7天', 7 * D],
    ['2H', 2 * H],
    [' 45min ', 45 * M],
    ['5 minutes', 5 * M],
    ['1 minute', M],
    ['2 hours', 2 * H],
    ['30 seconds', 30 * S],
    ['3 days', 3 * D],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    ['1h30m', 90 * M],
    ['1h 30m', 90 * M],
    ['1 hour 30 minutes', 90 * M],
    ['1m30s', 90 * S],
    ['2小时30分钟', 150 * M],
    ['两小时三十分', 150 * M],
    ['2小时半', 150 * M],
    ['一天半', 36 * H],
  ])('reads the compound %j as %i ms (larger units first)', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', 'abc', '10', 'h', '-5m', '1.5.h', '2 hourz', '5周', '30m1h', '1h1h', '1h30', '15时30分', '半'])(
    'rejects %j',
    text => {
      expect(parseDuration(text)).toBeUndefined()
    },
  )
})

describe('duration() in config', () => {
  it('reads strings with a unit as durations: 2小时, 30 mins, 30min, 30分钟', () => {
    expect(duration().parse('2小时')).toBe(2 * H)
    for (const t of ['30 mins', '30min', '30分钟', '30 分钟', '30m']) expect(duration().parse(t)).toBe(30 * M)
  })

  it('refuses a bare number (which unit?) and asks for one; 0 needs none', () => {
    for (const v of [30, '30', 1.5]) {
      const r = z.object({ deadline: duration() }).safeParse({ deadline: v })
      expect(r.success).toBe(false)
      expect(r.error!.issues[0].message).toMatch(/^请写单位，例如 30m、30s 或 30分钟/)
    }
    expect(duration().parse(0)).toBe(0)
    expect(duration().parse('0')).toBe(0)
  })

  it('tells the admin what it expected and what it got', () => {
    expect(z.object({ gap: duration() }).parse({ gap: '三秒' }).gap).toBe(3000) // Chinese numerals are read
    const r = z.object({ gap: duration() }).safeParse({ gap: '三下' })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].message).toBe(
      '应为时长，如 "30m"、"2h"、"10分钟"，填的是 "三下"（expected a duration; units: ms, s, min, h, d, 秒, 分钟, 小时, 天; 1h30m, 2小时30分钟）',
    )
  })
})

describe('clockTimeSchema', () => {
  const problem = (v: unknown) => clockTimeSchema().safeParse(v).error?.issues[0].message
  it('takes HH:mm only, and says what was written and the time it is near', () => {
    expect(problem('09:30')).toBeUndefined()
    expect(problem('9:30')).toBe(
      '应为一天中的时刻 "HH:mm"，如 "09:30"，填的是 "9:30"，是不是 "09:30"？（expected a time of day "HH:mm"）',
    )
    expect(problem('18：00')).toMatch(/填的是 "18：00"，是不是 "18:00"？/)
    expect(problem(1800)).toMatch(/填的是 1800，是不是 "18:00"？/)
    expect(problem('6pm')).toBe('应为一天中的时刻 "HH:mm"，如 "09:30"，填的是 "6pm"（expected a time of day "HH:mm"）')
    expect(problem('24:00')).not.toMatch(/是不是/)
  })
})

describe('formatDuration', () => {
  it.each([
    [30 * S, '30秒'],
    [40 * M, '40分钟'],
    [H, '1小时'],
    [H + 5 * M, '1小时5分钟'],
    [2 * H, '2小时'],
    [D, '1天'],
    [D + H, '1天1小时'],
    [2 * D, '2天'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe('durations and counts in Chinese numerals (one shared reader)', () => {
  it('reads 七天, 两小时, 半小时, 十五分钟 as their digits would', async () => {
    const { parseDuration } = await import('../../../bot/config/duration.js')
    const { readCount } = await import('../../../bot/config/count-words.js')
    expect(parseDuration('七天')).toBe(parseDuration('7天'))
    expect(parseDuration('两小时')).toBe(parseDuration('2小时'))
    expect(parseDuration('半小时')).toBe(30 * 60_000)
    expect(parseDuration('十五分钟')).toBe(15 * 60_000)
    expect(parseDuration('三十m')).toBe(parseDuration('30m'))
    expect([readCount('二十'), readCount('一百零五'), readCount('十'), readCount('零'), readCount('五五')]).toEqual([
      20,
      105,
      10,
      undefined,
      undefined,
    ])
    // 一百五 and 两百三 as people say them: 150 and 230.
    expect([readCount('一百五'), readCount('两百三'), readCount('一百五十'), readCount('一百')]).toEqual([
      150, 230, 150, 100,
    ])
  })
})
