import { describe, expect, it } from 'vitest'
import { type Decided, noteDecided, undecided } from '../../../bot/fleet/decided.js'

const s = (n: number) => n * 1000

describe('the messages a holder decided on (fleet-decided)', () => {
  it('marks the newest second and how many of that second; an older message leaves the mark', () => {
    const d: Decided = { groups: {} }
    expect([s(10), s(12), s(12) + 400, s(11)].map(at => noteDecided(d, 'g', at))).toEqual([true, true, true, false])
    expect(d.groups.g).toEqual({ at: s(12), n: 2 })
  })

  it('leaves to the taker what came after the mark, and of the same second those past the ones decided', () => {
    const kept = [s(9), s(10), s(10), s(10), s(11)].map((at, i) => ({ at, i }))
    expect(undecided(kept, { at: s(10), n: 2 }).map(e => e.i)).toEqual([3, 4])
    expect(undecided(kept, { at: s(11), n: 1 })).toEqual([])
    expect(undecided(kept, undefined)).toEqual(kept)
  })

  it("reads the taker's copy of a message the holder stamped milliseconds apart as the same message", () => {
    // The holder marked its copy at …120 ms; the taker received the same message at …135 ms, or at …095 ms.
    expect(undecided([{ at: s(1000) + 135 }], { at: s(1000), n: 1 })).toEqual([])
    expect(undecided([{ at: s(1000) + 95 }, { at: s(1001) + 10 }], { at: s(1000), n: 1 })).toEqual([
      { at: s(1001) + 10 },
    ])
  })

  it('reads a mark an earlier release wrote in milliseconds as it was written', () => {
    // Noted after m1 (.100) and m2 (.700): both decided, the next message not.
    const kept = [{ at: 1_000_100 }, { at: 1_000_700 }, { at: 1_001_200 }]
    expect(undecided(kept, { at: 1_000_700, n: 1 })).toEqual([{ at: 1_001_200 }])
  })
})
