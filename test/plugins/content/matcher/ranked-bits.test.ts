import { describe, expect, it } from 'vitest'
import { RankedBits } from '../../../../plugins/content/matcher/ranked-bits.js'

describe('RankedBits', () => {
  it('tells each number whether it is a member and how many members are below it', () => {
    for (const size of [0, 1, 31, 32, 33, 100, 1000]) {
      const isMember = (i: number): boolean => i % 3 === 0 || i % 32 === 31
      const bits = new RankedBits(size, isMember)
      let below = 0
      for (let i = 0; i < size; i++) {
        expect(bits.has(i)).toBe(isMember(i))
        expect(bits.rankOf(i)).toBe(below)
        if (isMember(i)) below++
      }
      expect(bits.count).toBe(below)
    }
  })
})
