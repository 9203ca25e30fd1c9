import { describe, expect, it } from 'vitest'
import { CaseIndex } from '../../../plugins/realname/case-index.js'
import type { Case } from '../../../plugins/realname/state.js'

const aCase = (groupId: string, memberId: string, observed?: boolean): Case => ({
  groupId,
  memberId,
  startedAt: 0,
  next: 0,
  problem: 'format',
  identity: false,
  ...(observed ? { observed } : {}),
})

describe('the index of members with a case', () => {
  it('counts the cases a record holds, and those opened and closed since', () => {
    const cases: Record<string, Case> = { 'g1|m1': aCase('g1', 'm1'), 'observed|g2|m1': aCase('g2', 'm1', true) }
    const index = new CaseIndex()
    expect(index.mayHave(cases, 'm1')).toBe(true)
    expect(index.mayHave(cases, 'm2')).toBe(false)
    index.opened(cases, 'm2')
    cases['g1|m2'] = aCase('g1', 'm2')
    expect(index.mayHave(cases, 'm2')).toBe(true)
    index.closed(cases, 'm1')
    delete cases['g1|m1']
    expect(index.mayHave(cases, 'm1')).toBe(true) // its observed case is still open
    index.closed(cases, 'm1')
    delete cases['observed|g2|m1']
    expect(index.mayHave(cases, 'm1')).toBe(false)
  })

  it('counts a record it has not seen afresh (the state document read again)', () => {
    const index = new CaseIndex()
    expect(index.mayHave({}, 'm1')).toBe(false)
    expect(index.mayHave({ 'g1|m1': aCase('g1', 'm1') }, 'm1')).toBe(true)
  })

  it('answers "maybe" for everyone when a case names no member', () => {
    const odd = { 'g1|m1': { groupId: 'g1' } as unknown as Case }
    expect(new CaseIndex().mayHave(odd, 'm9')).toBe(true)
  })
})
