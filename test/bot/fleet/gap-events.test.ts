import { describe, expect, it } from 'vitest'
import { GapEvents, messageCause, RepeatCounter } from '../../../bot/fleet/gap-events.js'
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

  it('the same cause when the two copies were stamped milliseconds apart (a puppet that keeps milliseconds)', () => {
    const mine = text(member('c1', '刘总'), '【通知】周五前提交跟进表，收到请回复', at + 120, g)
    const theirs = { ...mine, id: 'another-account-id', at: at + 127 }
    expect(messageCause(theirs)).toBe(messageCause(mine))
    expect(messageCause({ ...mine, at: at + 1_120 })).not.toBe(messageCause(mine)) // a second later: another message
  })
})

describe('identical messages in one second', () => {
  it('each has a send-key cause of its own, numbered alike in every account that receives them', () => {
    const copies = (id: string) => [
      text(member('c1', '刘总'), '[图片]', at, g, { id: `${id}1`, kind: 'image' }),
      text(member('c1', '刘总'), '[图片]', at, g, { id: `${id}2`, kind: 'image' }),
    ]
    const [mine, theirs] = [copies('a'), copies('b')]
    const [counterA, counterB] = [new RepeatCounter(), new RepeatCounter()]
    for (const e of mine) counterA.note(e)
    for (const e of theirs) counterB.note(e)
    expect(messageCause(mine[0])).not.toBe(messageCause(mine[1]))
    expect(mine.map(messageCause)).toEqual(theirs.map(messageCause))
  })

  it('a first copy has the same cause in any counter; the same text at another time is another message', () => {
    const counter = new RepeatCounter()
    const say = (id: string, ms: number) => text(member('c1', '刘总'), '好的', at + ms, g, { id })
    const [first, second] = [say('m1', 0), say('m2', 0)]
    counter.note(first)
    counter.note(second)
    expect(messageCause(second)).not.toBe(messageCause(first))
    const elsewhere = say('m3', 0)
    new RepeatCounter().note(elsewhere)
    expect(messageCause(elsewhere)).toBe(messageCause(first))
    const [x, y] = [say('m4', 60_000), say('m5', 60_000)]
    counter.note(x)
    const other = new RepeatCounter()
    other.note(y)
    expect(messageCause(x)).toBe(messageCause(y)) // a minute later: a first copy in both
  })
})
