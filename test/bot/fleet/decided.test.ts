import { describe, expect, it } from 'vitest'
import { type Decided, noteDecided, undecided } from '../../../bot/fleet/decided.js'

describe('the messages a holder decided on (fleet-decided)', () => {
  it('marks the newest time and how many of that time; an older message leaves the mark', () => {
    const d: Decided = { groups: {} }
    expect([10, 12, 12, 11].map(at => noteDecided(d, 'g', at))).toEqual([true, true, true, false])
    expect(d.groups.g).toEqual({ at: 12, n: 2 })
  })

  it('leaves to the taker what came after the mark, and of the same second those past the ones decided', () => {
    const kept = [9, 10, 10, 10, 11].map((at, i) => ({ at, i }))
    expect(undecided(kept, { at: 10, n: 2 }).map(e => e.i)).toEqual([3, 4])
    expect(undecided(kept, { at: 11, n: 1 })).toEqual([])
    expect(undecided(kept, undefined)).toEqual(kept)
  })
})
