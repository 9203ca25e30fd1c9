import { describe, expect, it } from 'vitest'
import { RecentIds, hash64 } from '../../../plugins/archive/capture/recent-ids.js'

describe('RecentIds (duplicate message ids as 64-bit hashes)', () => {
  it('refuses an id among the last `capacity`, forgets the oldest first, across growth and wrap-around', () => {
    const ids = new RecentIds(2000)
    for (let i = 0; i < 5_000; i++) {
      expect(ids.add(`wxid_msg_${i}`)).toBe(true)
      if (i % 97 === 0) expect(ids.add(`wxid_msg_${i}`)).toBe(false) // a repeat at once
      if (i >= 2000 && i % 89 === 0) {
        expect(ids.add(`wxid_msg_${i - 1999}`)).toBe(false) // the oldest held
      }
    }
    expect(ids.size).toBe(2000)
    // Held: 3000…4999; every one is refused, and 2999 (the newest forgotten) is new again.
    for (let i = 3000; i < 5000; i++) expect(ids.add(`wxid_msg_${i}`)).toBe(false)
    expect(ids.add('wxid_msg_2999')).toBe(true) // forgets 3000
    expect(ids.add('wxid_msg_3000')).toBe(true) // forgets 3001
    expect(ids.add('wxid_msg_3002')).toBe(false)
  })

  it('holds a small chat in small arrays and a capacity below the first size exactly', () => {
    const ids = new RecentIds(3)
    for (const id of ['a', 'b', 'c', 'd']) expect(ids.add(id)).toBe(true)
    expect(ids.add('a')).toBe(true) // forgotten when d came
    expect(ids.add('c')).toBe(false)
    expect(ids.size).toBe(3)
  })

  it('gives 500,000 distinct ids 500,000 distinct hashes (a false duplicate needs a 64-bit collision)', () => {
    const seen = new Set<bigint>()
    for (let i = 0; i < 500_000; i++) {
      const h = hash64(i % 2 ? `${1_700_000_000_000 + i}` : `3${i.toString(16).padStart(15, '0')}@chatroom`)
      seen.add((BigInt(h[1]) << 32n) | BigInt(h[0]))
    }
    expect(seen.size).toBe(500_000)
  })
})
