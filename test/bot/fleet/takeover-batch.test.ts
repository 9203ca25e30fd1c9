import { describe, expect, it } from 'vitest'
import { DECIDED_NAME } from '../../../bot/fleet/decided.js'
import { type ForeignRecords, SOLO } from '../../../bot/fleet/gate.js'
import type { TakeoverDeps } from '../../../bot/fleet/takeover.js'
import { TakeoverBatch } from '../../../bot/fleet/takeover-batch.js'
import { createLogger } from '../../../bot/process/logger.js'
import type { Outbox, OutboxState, Queued } from '../../../bot/runtime/delivery/outbox.js'
import type { Timers } from '../../../bot/runtime/schedule/timers.js'

const item = (seq: number, room: string): Queued => ({
  chat: { room },
  text: `m${seq}`,
  key: `cause${seq}|reply`,
  seq,
  attempts: 0,
  notBefore: 0,
})

/**
 * A down account `sales1` with one queued message in each of r1, r2, r3 and r4 and decided marks, behind a fleet
 * whose takeover transactions are counted; `refuse` says no (a process of sales1 holds its account).
 */
function downAccount() {
  const state: OutboxState = { queue: [item(1, 'r1'), item(2, 'r2'), item(3, 'r3'), item(4, 'r4')], seq: 5, sent: [] }
  const marks = { groups: { r1: { at: 1, n: 1 }, r2: { at: 2, n: 1 } } }
  const adopted: Queued[] = []
  const t = { transactions: 0, refuse: false, fail: false }
  const theirs: ForeignRecords = {
    account: 'sales1',
    doc: <T extends object>(name: string) => ({
      data: (name === DECIDED_NAME ? marks : { timers: {} }) as unknown as T,
      changed: () => {},
    }),
    journal: <S extends object>() => ({ state: state as unknown as S, changed: () => {} }),
    claimed: async () => new Set(),
  }
  const deps: TakeoverDeps = {
    fleet: {
      ...SOLO,
      adopt: async (_from, _names, move) => {
        t.transactions++
        if (t.refuse) return false
        if (t.fail) throw new Error('connection lost')
        await move(theirs)
        return true
      },
    },
    timers: { put: () => {} } as unknown as Timers,
    plugins: () => [],
    log: createLogger('silent', 'test'),
    onError: () => {},
    outbox: { adopt: (items: Queued[]) => adopted.push(...items) } as unknown as Outbox,
    sending: () => ({ reaches: () => true }),
  }
  return { deps, state, adopted, t }
}

describe('the takeovers of groups from one down account', () => {
  it('move every waiting group’s open work in one transaction; each group’s takeover finds its own', async () => {
    const { deps, state, adopted, t } = downAccount()
    const batch = new TakeoverBatch()
    for (const g of ['r1', 'r2', 'r3']) batch.expect(g, 'sales1')
    batch.expect('r9', 'sales3') // another account's group waits for a takeover of its own
    expect(await batch.take(deps, 'r1', 'sales1')).toEqual({ decided: { at: 1, n: 1 }, queued: new Set(['cause1']) })
    batch.done('r1')
    expect(t.transactions).toBe(1)
    expect(adopted.map(q => q.seq)).toEqual([1, 2, 3])
    expect(state.queue.map(q => q.seq)).toEqual([4])
    expect(await batch.take(deps, 'r2', 'sales1')).toEqual({ decided: { at: 2, n: 1 }, queued: new Set(['cause2']) })
    batch.done('r2')
    expect(await batch.take(deps, 'r3', 'sales1')).toEqual({ decided: undefined, queued: new Set(['cause3']) })
    batch.done('r3')
    expect(t.transactions).toBe(1)
  })

  it('leave nothing moved after a refused or failed transaction: each group’s takeover tries again itself', async () => {
    const { deps, state, adopted, t } = downAccount()
    const batch = new TakeoverBatch()
    for (const g of ['r1', 'r2', 'r3']) batch.expect(g, 'sales1')
    t.refuse = true
    expect(await batch.take(deps, 'r1', 'sales1')).toBeUndefined()
    batch.done('r1')
    t.refuse = false
    t.fail = true
    await expect(batch.take(deps, 'r2', 'sales1')).rejects.toThrow('connection lost')
    batch.done('r2')
    expect(adopted).toEqual([])
    expect(state.queue).toHaveLength(4)
    t.fail = false
    expect((await batch.take(deps, 'r3', 'sales1'))?.queued).toEqual(new Set(['cause3']))
    batch.done('r3')
    expect(t.transactions).toBe(3)
    // The groups whose takeover ended unmoved are asked again by the fleet, each moving its own.
    batch.expect('r1', 'sales1')
    expect((await batch.take(deps, 'r1', 'sales1'))?.queued).toEqual(new Set(['cause1']))
    expect(state.queue.map(q => q.seq)).toEqual([2, 4])
  })
})
