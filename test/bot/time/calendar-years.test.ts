import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../../bot/config/load-config.js'
import { chineseCalendar, companyCalendar, missingCalendarYears } from '../../../bot/time/workdays.js'
import { ackPlugin } from '../../../plugins/ack/index.js'
import { boss, sales, zhang, li, wang, admin } from '../../plugins/ack/helpers.js'
import { makeRuntime, member, shanghai, text } from '../../helpers/harness.js'

const BASE = `
company: 示例科技
roles: { admin: [admin1], leader: [boss] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
/** The company's own 2027 (New Year, Friday 1 to Sunday 3 January, and a make-up Saturday), declared whole. */
const CALENDAR_2027 = `
calendar:
  holidays: ["2027-01-01~2027-01-03"]
  workdays: ["2027-01-09"]
  years: [2027]
`
const WARNING = /⚠️ 节假日日历没有 2027 年的数据（chinese-days 只到 2026 年）。机器人照常运行，其他日期不受影响；/

describe('a holiday calendar that ends with 2026 (chinese-days 1.5.7)', () => {
  it('warns at start from December 2026, and not in November', async () => {
    const started = async (at: string) => {
      const lines: string[] = []
      const { rt } = await makeRuntime(BASE, [], { start: shanghai(at), log: l => lines.push(l) })
      await rt.stop()
      return lines.join('\n')
    }
    expect(await started('2026-12-05T09:00')).toMatch(WARNING)
    // The operator's log also says it in English.
    expect(await started('2026-12-05T09:00')).toContain('(no holiday data for 2027: the bot runs;')
    expect(await started('2026-11-30T09:00')).not.toMatch(/节假日日历/)
  })

  it('says so in #状态 in 2027, until the company lists its own 2027 days and declares the year whole', async () => {
    const status = async (yaml: string) => {
      const { rt, clock, wechat } = await makeRuntime(yaml, [], {
        start: shanghai('2027-01-04T09:00'),
        groups: [[sales, [admin, boss]]],
      })
      await rt.handle(text(member('admin1'), '#状态', clock.now()))
      await clock.advance(5000)
      return wechat.textsTo('admin1').join('\n')
    }
    const without = await status(BASE)
    expect(without).toContain('健康：⚠️ 节假日日历缺少数据')
    expect(without).toMatch(WARNING)
    // The admin reads Chinese in chat: the log's English tail stays in the log.
    expect(without).not.toContain('no holiday data')
    // What goes wrong, on which days, and the fix an admin can copy.
    expect(without).toContain('只是 2027 年的法定节假日会当工作日算、调休上班的周末当休息日算')
    expect(without).toContain(
      '在配置 calendar.holidays / calendar.workdays 列出这一年全部的放假和调休日期，并写上 calendar.years: [2027]（表示已列全）',
    )
    // One company day off (an outing in May) is not the year's holidays: Spring Festival would be a working day.
    const outing = await status(`${BASE}calendar: { holidays: ["2027-05-20"] }\n`)
    expect(outing).toContain('健康：⚠️ 节假日日历缺少数据')
    expect(outing).toMatch(WARNING)
    const listed = await status(BASE + CALENDAR_2027)
    expect(listed).toContain('健康：✅ 正常')
    expect(listed).not.toMatch(/节假日日历/)
  })

  it('falls back to weekends for 2027 days nobody lists: New Year’s Day (a Friday) counts as a working day', () => {
    expect(missingCalendarYears(shanghai('2027-01-01T10:00'), 'Asia/Shanghai')).toEqual([2027])
    expect(chineseCalendar.isWorkday('2027-01-01')).toBe(true)
    expect(chineseCalendar.isWorkday('2027-01-02')).toBe(false)
  })

  it("takes the company's days: a notice on 2027-01-01 is due in working time after the holiday", async () => {
    const yaml = `${BASE}${CALENDAR_2027}plugins:\n  ack: { workingHours: { enabled: true } }\n`
    const { rt, clock, wechat } = await makeRuntime(yaml, [ackPlugin], { start: shanghai('2027-01-01T09:55') })
    wechat.addGroup(sales, [boss, admin, zhang, li, wang])
    await rt.handle(text(boss, '【通知】节后第一天交年终总结 截止 1小时', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1')[0]).toContain('在 01-04 10:00 前回复')
    expect(rt.calendar.isWorkday('2027-01-09')).toBe(true) // the make-up Saturday
    expect(chineseCalendar.isWorkday('2027-01-09')).toBe(false) // the package's own calendar is untouched
  })
})

describe('two apps in one process (several accounts, tests), each with its own calendar', () => {
  const yaml = (calendar: string) => `${BASE}${calendar}plugins:\n  ack: { workingHours: { enabled: true } }\n`
  const app = async (calendar: string) => {
    const env = await makeRuntime(yaml(calendar), [ackPlugin], { start: shanghai('2027-01-01T09:55') })
    env.wechat.addGroup(sales, [boss, admin, zhang, li, wang])
    return env
  }
  const notice = async ({ rt, clock, wechat }: Awaited<ReturnType<typeof app>>) => {
    await rt.handle(text(boss, '【通知】交年终总结 截止 1小时', clock.now(), sales))
    await clock.advance(10_000)
    return wechat.textsTo('r1').at(-1)
  }
  const status = async ({ rt, clock, wechat }: Awaited<ReturnType<typeof app>>) => {
    await rt.handle(text(member('admin1'), '#状态', clock.now()))
    await clock.advance(5000)
    return wechat.textsTo('admin1').at(-1)
  }

  it("keeps one app's holidays out of the other's deadlines and #状态, also after the other reloads its config", async () => {
    const listed = await app(CALENDAR_2027)
    const plain = await app('')
    // Started after the app that lists 2027: before, that app's days were the whole process's.
    expect(await notice(listed)).toContain('在 01-04 10:00 前回复')
    expect(await notice(plain)).toContain('在 10:55 前回复')
    expect(await status(listed)).toContain('健康：✅ 正常')
    expect(await status(plain)).toContain('健康：⚠️ 节假日日历缺少数据')

    // The app without days reloads (its own config again): the other keeps its holidays.
    await plain.rt.applyConfig(parseConfig(yaml(''), 'bot.yaml', [ackPlugin]))
    expect(await notice(listed)).toContain('在 01-04 10:00 前回复')
    expect(listed.rt.calendar.isWorkday('2027-01-01')).toBe(false)
    expect(plain.rt.calendar.isWorkday('2027-01-01')).toBe(true)
  })

  it('makes each calendar from its own days: the company lists first, then the package, then weekends', () => {
    const mine = companyCalendar({ holidays: ['2026-12-07'], workdays: ['2026-12-05'] })
    expect(mine.isWorkday('2026-12-07')).toBe(false) // a Monday the company closes
    expect(mine.isWorkday('2026-12-05')).toBe(true) // a Saturday the company works
    expect(mine.isWorkday('2026-10-01')).toBe(false) // National Day, from the package
    expect(chineseCalendar.isWorkday('2026-12-07')).toBe(true)
    expect(chineseCalendar.isWorkday('2026-12-05')).toBe(false)
    const jan4 = shanghai('2027-01-04T09:00')
    const outing = { holidays: ['2027-05-20'], workdays: [] }
    expect(missingCalendarYears(jan4, 'Asia/Shanghai', outing)).toEqual([2027])
    expect(companyCalendar(outing).isWorkday('2027-02-08')).toBe(true) // Spring Festival 2027, unknown
    expect(missingCalendarYears(jan4, 'Asia/Shanghai', { ...outing, years: [2027] })).toEqual([])
  })
})

describe('config calendar', () => {
  const problemsOf = (calendar: string): string[] => {
    try {
      parseConfig(`${BASE}calendar: ${calendar}\n`, 'bot.yaml', [])
    } catch (e) {
      if (e instanceof ConfigError) return e.problems
      throw e
    }
    return []
  }

  it('rejects a date that does not exist, a range that runs backwards and a day in both lists, in Chinese', () => {
    expect(problemsOf('{ holidays: ["2027-02-30"] }').join('\n')).toContain(
      'calendar.holidays[0]: "2027-02-30" 应为日期 2027-01-01 或日期范围 2027-02-06~2027-02-13',
    )
    expect(problemsOf('{ holidays: ["2027-02-13~2027-02-06"] }').join('\n')).toContain(
      '"2027-02-13~2027-02-06" 应为日期',
    )
    expect(problemsOf('{ holidays: ["2027-01-01"], workdays: ["2027-01-01"] }').join('\n')).toContain(
      '2027-01-01 同时写在 holidays 和 workdays 里',
    )
    expect(problemsOf('{ holidays: ["2027-01-01~2027-01-03", "2027-10-01"] }')).toEqual([])
  })

  it('rejects a year declared whole whose holidays are not listed', () => {
    expect(problemsOf('{ holidays: ["2027-01-01"], years: [2027, 2028] }').join('\n')).toContain(
      'calendar.years 写了 2028，但 calendar.holidays 没有列出 2028 年的任何放假日期',
    )
    expect(problemsOf('{ holidays: ["2027-01-01"], years: [2027] }')).toEqual([])
  })
})
