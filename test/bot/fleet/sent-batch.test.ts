import { describe, expect, it } from 'vitest'
import { SentBatch } from '../../../bot/fleet/sent-batch.js'

describe('the sends of the groups taken over together', () => {
  it('are read once for every group waiting; a group taken over later is read anew', async () => {
    const reads: string[][] = []
    const sent = new Set(['a1', 'b2', 'c1'])
    const batch = new SentBatch(
      async causes => {
        reads.push(causes)
        return new Set(causes.filter(c => sent.has(c)))
      },
      g => [`${g}1`, `${g}2`],
    )
    for (const g of ['a', 'b', 'c']) batch.expect(g)
    expect(await batch.answered('a', ['a1', 'a2'])).toEqual(new Set(['a1']))
    batch.done('c') // nothing to decide on there
    expect(await batch.answered('b', ['b2'])).toEqual(new Set(['b2']))
    expect(reads).toEqual([['a1', 'a2', 'b1', 'b2', 'c1', 'c2']])
    expect(await batch.answered('c', ['c1'])).toEqual(new Set(['c1']))
    expect(reads).toHaveLength(2)
  })
})
