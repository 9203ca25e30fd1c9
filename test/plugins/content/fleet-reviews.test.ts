import { describe, expect, it } from 'vitest'
import {
  answeredElsewhere,
  carriedElsewhere,
  foreignAnswers,
  handedHere,
  heldUntil,
} from '../../../plugins/content/fleet-reviews.js'
import type { Review, ReviewLog } from '../../../plugins/content/state.js'

const MIN = 60_000
const HOUR = 60 * MIN
const hold = { windowMs: 10 * MIN, quietMs: 24 * HOUR }
const hit = (kind = 'pinyin') => ({ category: 'insult', evidence: [{ source: 'text', match: { term: '傻逼', kind } }] })
const r = (id: string, status: string, at: number, extra: object = {}) =>
  ({
    id,
    memberId: 'wxid_c3',
    groupId: 'r1',
    text: 'shabi',
    findings: [hit()],
    status,
    at,
    ...extra,
  }) as unknown as Review
const log = (...reviews: Review[]) => ({ next: reviews.length + 1, reviews }) as ReviewLog

describe('answers given through another account of the fleet (fleet-reviews)', () => {
  it('an answer holds for incidentWindow after #确认 (or the last repeat acted on), ignoredQuiet after #忽略', () => {
    expect(heldUntil(r('R1', 'confirmed', 0, { decidedAt: HOUR }), hold)).toBe(HOUR + 10 * MIN)
    expect(heldUntil(r('R1', 'confirmed', 0, { decidedAt: HOUR, actedAgainAt: 2 * HOUR }), hold)).toBe(
      2 * HOUR + 10 * MIN,
    )
    expect(heldUntil(r('R1', 'ignored', 0, { decidedAt: HOUR }), hold)).toBe(25 * HOUR)
  })

  it('decides the open questions asked before the answer stopped holding, each once', () => {
    const own = log(r('R1', 'open', 30 * MIN), r('R2', 'open', 3 * HOUR), r('R3', 'confirmed', 0))
    const sales1 = log(r('R7', 'confirmed', 0, { decidedAt: HOUR }), r('R8', 'confirmed', 0, { decidedAt: HOUR }))
    const found = foreignAnswers(own, new Map([['sales1', sales1]]), hold)
    expect(found.map(f => [f.account, f.answered.id, f.along.map(x => x.id)])).toEqual([['sales1', 'R7', ['R1']]])
  })

  it('nothing when this account has no open question, or the answer is about someone else', () => {
    const sales1 = new Map([['sales1', log(r('R7', 'confirmed', 0, { decidedAt: HOUR }))]])
    expect(foreignAnswers(log(r('R1', 'ignored', 0)), sales1, hold)).toEqual([])
    expect(foreignAnswers(log(r('R1', 'open', 0, { memberId: 'wxid_c9' })), sales1, hold)).toEqual([])
  })

  it('a new message is decided by the newest answer of any other account', () => {
    const q = {
      memberId: 'wxid_c3',
      text: 'shabi',
      findings: [hit()],
      now: HOUR + MIN,
      windowMs: 10 * MIN,
      quietMs: 24 * HOUR,
    }
    const foreign = new Map([
      ['sales1', log(r('R7', 'ignored', 0, { decidedAt: HOUR - MIN }))],
      ['sales2', log(r('R2', 'confirmed', 0, { decidedAt: HOUR }))],
    ])
    // biome-ignore lint/suspicious/noExplicitAny: the findings are test stand-ins
    const found = answeredElsewhere(foreign, q as any)
    expect([found?.account, found?.review.id]).toEqual(['sales2', 'R2'])
  })

  it('a confirmed message left to its group’s holder is carried out by the account serving the group, once', () => {
    // sales1 confirmed R7 (group r1) and R8 (group r2) after both groups moved away; this account serves r1 only.
    const sales1 = log(
      r('R7', 'confirmed', 0, { messageId: 'm7', leftToHolder: ['m7'] }),
      r('R8', 'confirmed', 0, { groupId: 'r2', messageId: 'm8', leftToHolder: ['m8'] }),
    )
    const holds = (g: string) => g === 'r1'
    const own = log()
    const found = handedHere(own, new Map([['sales1', sales1]]), holds)
    expect(found.map(h => [h.account, h.review.id, h.messages.map(m => m.messageId)])).toEqual([
      ['sales1', 'R7', ['m7']],
    ])
    // Carried out here: not again, and sales1 reads that it was.
    own.carried = ['R7@sales1|m7']
    expect(handedHere(own, new Map([['sales1', sales1]]), holds)).toEqual([])
    expect([...carriedElsewhere(sales1.reviews[0], 'sales1', new Map([['sales2', own]]))]).toEqual(['m7'])
    expect([...carriedElsewhere(sales1.reviews[1], 'sales1', new Map([['sales2', own]]))]).toEqual([])
  })

  it('its own message left while its lease was late is carried out when the group is served here again', () => {
    const own = log(r('R3', 'confirmed', 0, { messageId: 'm3', leftToHolder: ['m3'] }), r('R4', 'confirmed', 0))
    expect(handedHere(own, new Map(), () => false)).toEqual([])
    expect(handedHere(own, new Map(), () => true).map(h => [h.account, h.review.id])).toEqual([[undefined, 'R3']])
  })
})
