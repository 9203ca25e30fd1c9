import { describe, expect, it } from 'vitest'
import { IdCache } from '../../../../bot/runtime/records/id-cache.js'

describe('IdCache: a message delivered twice is handled once', () => {
  it('knows an id seen before, within the window', () => {
    const seen = new IdCache(3)
    expect(seen.seenBefore('a')).toBe(false)
    expect(seen.seenBefore('b')).toBe(false)
    expect(seen.seenBefore('a')).toBe(true)
    expect(seen.seenBefore('a')).toBe(true) // a duplicate does not take a place of its own
    expect(seen.seenBefore('c')).toBe(false)
    expect(seen.seenBefore('a')).toBe(true)
  })

  it('forgets the oldest ids once more than the window came', () => {
    const seen = new IdCache(2)
    for (const id of ['a', 'b', 'c']) seen.seenBefore(id)
    expect(seen.seenBefore('b')).toBe(true)
    expect(seen.seenBefore('c')).toBe(true)
    expect(seen.seenBefore('a')).toBe(false) // forgotten: taken as new (and remembered again, forgetting b)
    expect(seen.seenBefore('b')).toBe(false)
  })
})
