import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type FromLeaseThread, type LeaseInputs, LeaseLoop, LeaseShared } from '../../../bot/fleet/lease-loop.js'
import type { Renewed } from '../../../bot/fleet/renew.js'

const inputs = (groups: string[]): { inputs: LeaseInputs } => ({
  inputs: { contactId: 'wxid_a', queueDepth: 0, groups },
})

/** A loop over a fake database: each renewal takes `answerMs` and holds every group asked for but `refused`. */
function loop({ aliveMs = 10_000, answerMs = 0 } = {}) {
  const shared = new LeaseShared()
  const posted: FromLeaseThread[] = []
  const asked: string[][] = []
  let refused = new Set<string>()
  let failing = false
  const l = new LeaseLoop({
    shared,
    renewMs: 5_000,
    aliveMs,
    post: m => posted.push(m),
    renew: async i => {
      asked.push(i.groups)
      if (answerMs) await new Promise(r => setTimeout(r, answerMs))
      if (failing) throw new Error('database gone')
      return { held: i.groups.filter(g => !refused.has(g)), from: [], accounts: [] } satisfies Renewed
    },
  })
  return {
    l,
    shared,
    posted,
    asked,
    refuse: (g: string[]) => {
      refused = new Set(g)
    },
    fail: (f: boolean) => {
      failing = f
    },
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('LeaseShared', () => {
  it('gives the start of the latest renewal only for the set of groups it held', () => {
    const s = new LeaseShared()
    expect(s.renewedAt(1)).toBe(0)
    s.publish(1, 1_764_900_000_123)
    expect(s.renewedAt(1)).toBe(1_764_900_000_123)
    expect(s.renewedAt(2)).toBe(0)
    s.beat(1_764_900_000_456)
    expect(s.lastBeat()).toBe(1_764_900_000_456)
    expect(new LeaseShared(s.buffer).renewedAt(1)).toBe(1_764_900_000_123) // the other thread's view
  })
})

describe('LeaseLoop', () => {
  it('renews at once when first told the groups, then every period, with the latest groups', async () => {
    const t = loop()
    t.shared.beat(Date.now())
    t.l.start()
    t.l.handle(inputs(['g1']))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.asked).toEqual([['g1']])
    t.l.handle(inputs(['g1', 'g2']))
    t.shared.beat(Date.now())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(t.asked).toEqual([['g1'], ['g1', 'g2']])
    expect(t.posted.map(m => ('renewed' in m ? [m.renewed.held, m.seq] : m))).toEqual([
      [['g1'], 1],
      [['g1', 'g2'], 2],
    ])
    await t.l.stop()
  })

  it('publishes each renewal of the same set under its number, a changed set under a new one', async () => {
    const t = loop({ answerMs: 30 })
    t.l.start()
    t.shared.beat(Date.now())
    t.l.handle(inputs(['g1', 'g2']))
    await vi.advanceTimersByTimeAsync(30)
    expect(t.shared.renewedAt(1)).toBe(1_000_000)
    t.shared.beat(Date.now())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(t.shared.renewedAt(1)).toBe(1_005_000) // same set: the main thread's leases count from the newer start
    t.refuse(['g2']) // another account holds g2 now
    t.shared.beat(Date.now())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(t.shared.renewedAt(1)).toBe(0) // the set the main thread knows is not extended
    expect(t.shared.renewedAt(2)).toBe(1_010_000)
    const last = t.posted.at(-1)
    expect(last).toMatchObject({ renewed: { held: ['g1'] }, started: 1_010_000, ms: 30, seq: 2 })
    await t.l.stop()
  })

  it('does not renew while the heartbeat is older than the bound, says so once, and renews when it beats again', async () => {
    const t = loop({ aliveMs: 10_000 })
    t.l.start()
    t.shared.beat(Date.now())
    t.l.handle(inputs(['g1']))
    await vi.advanceTimersByTimeAsync(10_000) // the heartbeat is 10 s old at the second period: still renewing
    expect(t.asked).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(10_000) // 15 s, 20 s: stale
    expect(t.asked).toHaveLength(3)
    expect(t.posted.filter(m => 'stale' in m)).toEqual([{ stale: 15_000 }])
    t.l.handle({ renew: true }) // asked for one meanwhile: refused too
    await vi.advanceTimersByTimeAsync(0)
    expect(t.asked).toHaveLength(3)
    t.shared.beat(Date.now())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(t.asked).toHaveLength(4)
    expect(t.posted.filter(m => 'stale' in m)).toHaveLength(1)
    await t.l.stop()
  })

  it('reports a failed renewal and publishes nothing for it', async () => {
    const t = loop()
    t.l.start()
    t.shared.beat(Date.now())
    t.fail(true)
    t.l.handle(inputs(['g1']))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.posted).toEqual([{ failed: 'database gone', started: 1_000_000 }])
    expect(t.shared.renewedAt(0)).toBe(0)
    await t.l.stop()
  })

  it('stops after the renewal under way, one renewal at a time', async () => {
    const t = loop({ answerMs: 1_000 })
    t.l.start()
    t.shared.beat(Date.now())
    t.l.handle(inputs(['g1']))
    t.l.handle({ renew: true }) // during the first: the same renewal
    const stopped = t.l.stop()
    await vi.advanceTimersByTimeAsync(1_000)
    await stopped
    expect(t.asked).toHaveLength(1)
    expect(t.posted).toHaveLength(1)
    t.l.handle({ renew: true })
    await vi.advanceTimersByTimeAsync(20_000)
    expect(t.asked).toHaveLength(1)
  })
})
