import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../../../bot/ports/clock.js'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { Scheduler } from '../../../../bot/runtime/schedule/scheduler.js'
import { chineseCalendar } from '../../../../bot/time/workdays.js'
import { dayKey } from '../../../../bot/time/zoned.js'

const SH = 'Asia/Shanghai'
const at = (iso: string) => Date.parse(iso)

function schedulerAt(iso: string, store = new MemoryStore()) {
  const clock = new FakeClock(at(iso))
  const scheduler = new Scheduler(clock, SH, chineseCalendar, store)
  const ran: number[] = []
  return { clock, store, scheduler, ran, days: () => ran.map(t => dayKey(t, SH)) }
}

describe('Scheduler', () => {
  it('runs a workdays-only 09:00 job around the 2026 National Day holiday', async () => {
    const s = schedulerAt('2026-09-29T16:00:00Z') // Wed 2026-09-30 00:00 in Shanghai
    s.scheduler.add('report:daily', '0 9 * * *', true, t => s.ran.push(t))
    s.scheduler.start()
    await s.clock.advanceTo(at('2026-10-12T16:00:00Z')) // end of Mon 2026-10-12
    expect(s.days()).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'])
    // Each run gets its slot time: 09:00 Shanghai.
    expect(s.ran.map(t => new Date(t).toISOString().slice(11, 16))).toEqual(Array(5).fill('01:00'))
  })

  it('does not run the same slot twice when restarted with a clock behind the last run', async () => {
    const store = new MemoryStore()
    const first = schedulerAt('2026-11-30T00:55:00Z', store) // Mon 08:55
    first.scheduler.add('report:daily', '0 9 * * *', true, t => first.ran.push(t))
    first.scheduler.start()
    await first.clock.advanceTo(at('2026-11-30T01:05:00Z'))
    expect(first.ran).toEqual([at('2026-11-30T01:00:00Z')])
    first.scheduler.stop()

    // The new process starts with the machine clock a few minutes behind (e.g. corrected by NTP).
    const second = schedulerAt('2026-11-30T00:58:00Z', store)
    second.scheduler.add('report:daily', '0 9 * * *', true, t => second.ran.push(t))
    second.scheduler.start()
    await second.clock.advanceTo(at('2026-12-01T01:05:00Z'))
    expect(second.ran).toEqual([at('2026-12-01T01:00:00Z')])
  })

  it('after a restart before the slot, still runs that day', async () => {
    const store = new MemoryStore()
    const first = schedulerAt('2026-11-30T00:00:00Z', store)
    first.scheduler.add('job', '0 9 * * *', false, t => first.ran.push(t))
    first.scheduler.start()
    await first.clock.advanceTo(at('2026-11-30T02:00:00Z'))
    first.scheduler.stop()

    const second = schedulerAt('2026-11-30T20:00:00Z', store) // Tue 04:00
    second.scheduler.add('job', '0 9 * * *', false, t => second.ran.push(t))
    second.scheduler.start()
    await second.clock.advanceTo(at('2026-12-01T02:00:00Z'))
    expect(second.days()).toEqual(['2026-12-01'])
  })

  it('stops running jobs after stop()', async () => {
    const s = schedulerAt('2026-11-30T00:00:00Z')
    s.scheduler.add('job', '0 9 * * *', false, t => s.ran.push(t))
    s.scheduler.start()
    s.scheduler.stop()
    await s.clock.advanceTo(at('2026-12-03T00:00:00Z'))
    expect(s.ran).toEqual([])
  })

  it('lists the next run of each job for #状态', () => {
    const s = schedulerAt('2026-10-01T00:00:00Z') // a holiday
    s.scheduler.add('a', '0 9 * * *', true, () => {})
    s.scheduler.add('b', '0 9 * * *', false, () => {})
    expect(s.scheduler.upcoming()).toEqual([
      { id: 'a', at: at('2026-10-08T01:00:00Z') },
      { id: 'b', at: at('2026-10-01T01:00:00Z') },
    ])
  })

  it('refuses an invalid cron expression when the job is added', () => {
    const s = schedulerAt('2026-11-30T00:00:00Z')
    expect(() => s.scheduler.add('bad', '0 9 * * mon-fry', false, () => {})).toThrow(
      /cron 表达式 "0 9 \* \* mon-fry" 有误：/,
    )
  })
})
