import { afterEach, describe, expect, it } from 'vitest'
import { chineseCalendar } from '../../../bot/time/workdays.js'

const machineTz = process.env.TZ
afterEach(() => {
  process.env.TZ = machineTz
})

describe('chineseCalendar', () => {
  it.each(['Asia/Shanghai', 'America/Los_Angeles', 'UTC', 'Pacific/Kiritimati'])(
    'gives the same answers whatever the machine timezone (%s)',
    tz => {
      process.env.TZ = tz
      expect(chineseCalendar.isWorkday('2026-11-30')).toBe(true) // Monday
      expect(chineseCalendar.isWorkday('2026-11-28')).toBe(false) // Saturday
      expect(chineseCalendar.isWorkday('2026-10-01')).toBe(false) // National Day
      expect(chineseCalendar.isWorkday('2026-10-10')).toBe(true) // make-up Saturday
      expect(chineseCalendar.isWorkday('2026-01-01')).toBe(false) // New Year's Day, a Thursday
    },
  )
})
