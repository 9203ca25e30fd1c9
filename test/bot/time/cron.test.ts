import { afterEach, describe, expect, it } from 'vitest'
import { compileCron } from '../../../bot/time/cron.js'
import { chineseCalendar, type WorkCalendar } from '../../../bot/time/workdays.js'

const SH = 'Asia/Shanghai'

/** The next `n` runs after `from`, as ISO strings. */
function runs(expression: string, tz: string, from: string, n: number, calendar?: WorkCalendar): string[] {
  const cron = compileCron(expression, tz, calendar)
  const out: string[] = []
  let t = Date.parse(from)
  for (let i = 0; i < n; i++) {
    t = cron.next(t)!
    out.push(new Date(t).toISOString())
  }
  return out
}

describe('compileCron on the Chinese work calendar', () => {
  it('skips the 2026 National Day holiday and runs on the make-up Saturday', () => {
    // From Wednesday 2026-09-30 10:00 in Shanghai: Oct 1–7 are off, Oct 10 (Sat) is a make-up workday, Oct 11 (Sun) is off.
    expect(runs('0 9 * * *', SH, '2026-09-30T02:00:00Z', 4, chineseCalendar)).toEqual([
      '2026-10-08T01:00:00.000Z', // Thu 09:00 +08
      '2026-10-09T01:00:00.000Z', // Fri
      '2026-10-10T01:00:00.000Z', // Sat, make-up workday
      '2026-10-12T01:00:00.000Z', // Mon
    ])
  })

  it('runs every day when the job does not ask for workdays only', () => {
    const cron = compileCron('0 9 * * *', SH)
    expect(new Date(cron.next(Date.parse('2026-09-30T02:00:00Z'))!).toISOString()).toBe('2026-10-01T01:00:00.000Z')
  })
})

describe('compileCron timezones', () => {
  const savedTz = process.env.TZ
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ
    else process.env.TZ = savedTz
  })

  it('reads times in the configured zone, whatever the machine timezone is', () => {
    process.env.TZ = 'America/Los_Angeles'
    // The machine zone really changed for this process…
    expect(new Date('2026-11-30T01:00:00Z').getHours()).toBe(17)
    // …and 09:00 is still 09:00 in Shanghai.
    expect(runs('0 9 * * *', SH, '2026-11-30T00:00:00Z', 1)).toEqual(['2026-11-30T01:00:00.000Z'])
  })

  it('follows another configured zone, including its daylight saving time', () => {
    const NY = 'America/New_York'
    expect(runs('0 9 * * *', NY, '2026-11-30T00:00:00Z', 1)).toEqual(['2026-11-30T14:00:00.000Z'])
    expect(runs('0 9 * * *', NY, '2026-07-01T00:00:00Z', 1)).toEqual(['2026-07-01T13:00:00.000Z'])
    // The workday is judged by the date in the configured zone: at 2026-10-07T20:00Z it is
    // already Thursday Oct 8 (a workday) in Shanghai, but still Wednesday Oct 7 (holiday) in New York.
    expect(runs('0 5 * * *', SH, '2026-10-07T20:00:00Z', 1, chineseCalendar)).toEqual(['2026-10-07T21:00:00.000Z'])
    expect(runs('0 5 * * *', NY, '2026-10-07T20:00:00Z', 1, chineseCalendar)).toEqual(['2026-10-08T09:00:00.000Z'])
  })
})

describe('compileCron expressions', () => {
  it('runs weekday jobs Monday to Friday and several times a day in order', () => {
    expect(runs('30 8,17 * * 1-5', SH, '2026-12-04T00:00:00Z', 3)).toEqual([
      '2026-12-04T00:30:00.000Z', // Fri 08:30
      '2026-12-04T09:30:00.000Z', // Fri 17:30
      '2026-12-07T00:30:00.000Z', // Mon 08:30
    ])
  })

  it('treats 7 as Sunday', () => {
    expect(runs('0 9 * * 7', SH, '2026-11-30T02:00:00Z', 1)).toEqual(['2026-12-06T01:00:00.000Z'])
  })

  it.each([
    ['0 25 * * *', /cron 表达式 "0 25 \* \* \*" 有误：小时字段 "25" 无效 \(hour "25": allowed 0-23,/],
    ['61 9 * * *', /cron 表达式 "61 9 \* \* \*" 有误：分钟字段 "61" 无效 \(minute "61": allowed 0-59,/],
    [
      '0 9 * *',
      /cron 表达式 "0 9 \* \*" 有误：应为 5 或 6 个字段（分 时 日 月 星期），写了 4 个 \(expected 5 or 6 fields but got 4\)/,
    ],
    [
      '0 18 * * 周五',
      /有误：星期字段 "周五" 无效：只能写数字、英文缩写和 \* , - \/，请写 FRI 或 5 \(weekday "周五": .*; write FRI or 5\)$/,
    ],
    ['0 18 * * 周一-周五', /星期字段 "周一-周五" 无效：.*，请写 MON-FRI 或 1-5 /],
    ['0 18 1 十二月 *', /月字段 "十二月" 无效：.*，请写 DEC 或 12 /],
    ['every day', /cron 表达式 "every day"/],
  ])('rejects %j with a message naming the expression and the problem', (expression, message) => {
    expect(() => compileCron(expression, SH)).toThrow(message)
  })
})

describe('compileCron with a seconds field', () => {
  it('runs at every listed second', () => {
    expect(runs('0,30 0 9 * * *', SH, '2026-11-30T00:00:00Z', 3)).toEqual([
      '2026-11-30T01:00:00.000Z',
      '2026-11-30T01:00:30.000Z',
      '2026-12-01T01:00:00.000Z',
    ])
  })
})
