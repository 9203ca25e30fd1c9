import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { TermsCache } from '../../../../plugins/cases/search/terms-cache.js'
import { makeCase } from '../fixtures.js'

describe('TermsCache', () => {
  const c = makeCase('价格异议')
  const setup = (store: MemoryStore, version = 'v1') => {
    let computed = 0
    const cache = new TermsCache(
      store,
      version,
      () => '2026-11',
      () => {
        computed++
        return `t${computed}|`
      },
    )
    return { cache, computed: () => computed }
  }

  it('computes once and reuses the stored terms after a restart', () => {
    const store = new MemoryStore()
    const first = setup(store)
    expect(first.cache.get(c)).toBe('t1|')
    expect(first.cache.get(c)).toBe('t1|')
    const second = setup(store)
    expect(second.cache.get(c)).toBe('t1|')
    expect(second.computed()).toBe(0)
  })

  it('recomputes after an edit, after a version change, and after a drop', () => {
    const store = new MemoryStore()
    const s = setup(store)
    s.cache.get(c)
    expect(s.cache.get({ ...c, editedAt: c.at + 1 })).toBe('t2|')
    const v2 = setup(store, 'v2')
    v2.cache.get(c)
    expect(v2.computed()).toBe(1)
    s.cache.drop(c)
    expect(s.cache.get(c)).toBe('t3|')
  })
})
