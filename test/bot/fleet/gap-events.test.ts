import { describe, expect, it } from 'vitest'
import { GapEvents, messageCause } from '../../../bot/fleet/gap-events.js'
import { group, member, text } from '../../helpers/harness.js'

const g = group('r1', '客户一群', 'customer', '客户一群')
const at = Date.parse('2026-12-05T10:00:00+08:00')

describe('the messages a fleet bot keeps for a takeover', () => {
  it('keeps a group’s newest messages only, at most 200 and none far older than the newest', () => {
    const gap = new GapEvents(50_000)
    for (let i = 0; i < 300; i++) gap.add(g.id, text(member('c1', '刘总'), `消息 ${i}`, at + i * 10, g))
    const kept = gap.take(g.id, 0)
    expect(kept.map(e => e.text)).toEqual(Array.from({ length: 200 }, (_, i) => `消息 ${i + 100}`))
    expect(gap.take(g.id, 0)).toEqual([]) // taken once

    gap.add(g.id, text(member('c1', '刘总'), '早', at, g))
    gap.add(g.id, text(member('c1', '刘总'), '晚', at + 60_000, g))
    expect(gap.take(g.id, 0).map(e => e.text)).toEqual(['晚'])
  })

  it('gives one message the same cause in every account, whatever id each account’s copy has', () => {
    const mine = text(member('c1', '刘总'), '我要投诉', at, g)
    const theirs = { ...mine, id: 'another-account-id' }
    expect(messageCause(theirs)).toBe(messageCause(mine))
    expect(messageCause({ ...mine, text: '我要退款' })).not.toBe(messageCause(mine))
  })
})
