import { describe, expect, it } from 'vitest'
import type { AdoptSource } from '../../../bot/fleet/gate.js'
import { messageCause } from '../../../bot/fleet/gap-events.js'
import { customerAsked } from '../../../plugins/activity/decide-waiting.js'
import { adoptWaiting, fleetWaiting } from '../../../plugins/activity/fleet/waiting.js'
import {
  type CurrentDoc,
  emptyCurrent,
  type GroupWaiting,
  type PendingMessage,
} from '../../../plugins/activity/state.js'
import { group, member, text } from '../../helpers/harness.js'

const g1 = group('c1', '张三交流群', 'customer')
const g2 = group('c2', '李四交流群', 'customer')
/**
 * A waiting message as an account of the fleet keeps it: `id` is that account's copy's id (another account's copy
 * of the same message may carry another), `at` its time in ms (another copy may be stamped milliseconds apart).
 */
const ask = (id: string, name: string, at: number, g = g1): PendingMessage => ({
  id,
  cause: messageCause(text(member(name, name), '在吗', at, g)),
  memberId: name,
  name,
  at,
  day: '2026-11-30',
  text: '在吗',
})
const list = (g: typeof g1, msgs: PendingMessage[], timerAt?: number): GroupWaiting => ({
  group: g,
  msgs,
  timerAt,
})
const doc = (...lists: GroupWaiting[]): CurrentDoc => ({
  ...emptyCurrent(),
  waiting: Object.fromEntries(lists.map(l => [l.group.id, l])),
})

/** A down account's documents and timers, as a takeover hands them to `adopt.take`. */
function downAccount(current: CurrentDoc, timers: string[]) {
  const moved: string[] = []
  const from: AdoptSource = {
    account: 'sales1',
    doc: <T extends object>() => ({ data: current as T, changed: () => {} }),
    timer: key => {
      if (!timers.includes(key)) return false
      moved.push(key)
      return true
    },
  }
  return { from, moved }
}

describe('activity in a fleet: the customers waiting', () => {
  it('lists each waiting message once: own lists of held groups, other accounts’ lists of the groups not held', async () => {
    const own = doc(list(g1, [ask('m1', '刘总', 1)]), list(g2, [ask('m9', '旧客户', 1, g2)]))
    const other = doc(
      list(g1, [ask('m5', '赵总', 1)]),
      list(g2, [ask('m2', '周姐', 2, g2), ask('m3', '吴总', 3_200, g2)]),
    )
    // sales3's copy of 吴总's message: another id, stamped a few milliseconds later.
    const third = doc(list(g2, [ask('x7', '吴总', 3_205, g2)]))
    const readDocs = async () => [
      { account: 'sales2', data: other },
      { account: 'sales3', data: third },
    ]
    const waiting = await fleetWaiting(own, { readDocs, holds: id => id === 'c1' })
    expect(waiting.map(w => [w.group.topic, w.msgs.map(m => m.name)])).toEqual([
      ['张三交流群', ['刘总']],
      ['李四交流群', ['周姐', '吴总']],
    ])
    // One process: its own lists, every group.
    expect((await fleetWaiting(own, {})).map(w => w.msgs.length)).toEqual([1, 1])
  })

  it('moves a down account’s list and reminder into the taker, keeping a message it already waits on once', () => {
    const theirs = doc(
      list(g1, [ask('m1', '刘总', 1), ask('m2', '周姐', 2)], 600_001),
      list(g2, [ask('m7', '吴总', 1, g2)], 9),
    )
    const { from, moved } = downAccount(theirs, ['wait:c1', 'wait:c2'])
    // The taker's copy of 周姐's message carries another id.
    const mine = { data: doc(list(g1, [{ ...ask('y2', '周姐', 2), reminded: true }])), changed: () => {} }
    expect(adoptWaiting(from, mine, 'c1')).toBe(2)
    expect(mine.data.waiting.c1.msgs.map(m => [m.name, !!m.reminded])).toEqual([
      ['刘总', false],
      ['周姐', true],
    ])
    expect(mine.data.waiting.c1.timerAt).toBe(600_001)
    expect(moved).toEqual(['wait:c1'])
    expect(Object.keys(theirs.waiting)).toEqual(['c2'])
    // A message decided again after the move (the lease gap) waits once, through the taker's copy (another id).
    customerAsked(mine.data.waiting.c1, ask('y1', '刘总', 1))
    expect(mine.data.waiting.c1.msgs).toHaveLength(2)
    // A second later, the same words are another message.
    customerAsked(mine.data.waiting.c1, ask('y3', '刘总', 1_001))
    expect(mine.data.waiting.c1.msgs.map(m => m.name)).toEqual(['刘总', '周姐', '刘总'])
  })

  it('compares the messages of a list written before the fleet-wide identity by id', () => {
    const { cause: _, ...before } = ask('m1', '刘总', 1)
    const w = list(g1, [before])
    customerAsked(w, { ...before })
    expect(w.msgs).toHaveLength(1)
  })

  it('keeps the taker’s earlier reminder and leaves the later one with the down account', () => {
    const { from, moved } = downAccount(doc(list(g1, [ask('m1', '刘总', 1)], 900)), ['wait:c1'])
    const mine = { data: doc(list(g1, [ask('m2', '周姐', 2)], 500)), changed: () => {} }
    adoptWaiting(from, mine, 'c1')
    expect(mine.data.waiting.c1.timerAt).toBe(500)
    expect(moved).toEqual([])
  })
})
