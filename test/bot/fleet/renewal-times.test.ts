import { describe, expect, it } from 'vitest'
import { RENEWAL_TIMES_KEPT, RenewalTimes } from '../../../bot/fleet/renewal-times.js'

describe('RenewalTimes', () => {
  it('says nothing before the first renewal answered', () => {
    expect(new RenewalTimes().summary()).toBeUndefined()
  })

  it('gives the count, the median, the 90th percentile and the longest', () => {
    const t = new RenewalTimes()
    for (const ms of [5, 1, 4, 2, 3, 6, 7, 8, 9, 6012]) t.add(ms)
    expect(t.summary()).toBe('fleet: lease renewals: 10, p50 6 ms, p90 6012 ms, max 6012 ms')
  })

  it('keeps the latest durations only, and says so', () => {
    const t = new RenewalTimes()
    t.add(9_999)
    for (let i = 0; i < RENEWAL_TIMES_KEPT; i++) t.add(1)
    expect(t.summary()).toBe(
      `fleet: lease renewals: ${RENEWAL_TIMES_KEPT + 1} (the last ${RENEWAL_TIMES_KEPT}), p50 1 ms, p90 1 ms, max 1 ms`,
    )
  })
})
