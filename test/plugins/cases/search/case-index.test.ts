import { describe, expect, it } from 'vitest'
import { CaseIndex } from '../../../../plugins/cases/search/case-index.js'

function index(docs: [string, string][]) {
  const ix = new CaseIndex<string>()
  for (const [id, terms] of docs) ix.add(id, terms, id)
  return ix
}
const ids = (r: { hits: { id: string }[] }) => r.hits.map(h => h.id)

describe('CaseIndex', () => {
  const ix = index([
    ['A', '价格 异议|客户 觉得'],
    ['B', '|今天 拜访 价格 异议 新品'],
    ['C', '售后|价格 安装'],
    ['D', '|净水器 安装'],
  ])

  it('ranks a term in the strong zone above the same term in the weak zone', () => {
    expect(ids(ix.search({ terms: ['价格', '异议'], mode: 'all', limit: 5 }))).toEqual(['A', 'B'])
  })

  it('requires every term in all-mode; any-mode ranks by terms matched', () => {
    expect(ix.search({ terms: ['价格', '安装'], mode: 'all', limit: 5 }).total).toBe(1)
    expect(ids(ix.search({ terms: ['价格', '安装'], mode: 'any', limit: 5 }))[0]).toBe('C')
    expect(ix.search({ terms: ['价格', '安装'], mode: 'any', limit: 5 }).total).toBe(4)
  })

  it('expands a prefix (净水 → 净水器) but scores it lower than an exact hit', () => {
    const ix2 = index([
      ['X', '|净水器'],
      ['Y', '|净水'],
    ])
    const r = ix2.search({ terms: ['净水'], mode: 'all', limit: 5 })
    expect(ids(r)).toEqual(['Y', 'X'])
  })

  it('expands a single character only when it is the whole query', () => {
    const ix2 = index([
      ['X', '|贵了 客户'],
      ['Y', '|贵 价格'],
    ])
    expect(ix2.search({ terms: ['贵'], mode: 'all', limit: 5 }).total).toBe(2)
    expect(ids(ix2.search({ terms: ['贵', '客户'], mode: 'all', limit: 5 }))).toEqual([])
  })

  it('applies the filter after matching and counts candidates and total separately', () => {
    const r = ix.search({ terms: ['价格'], mode: 'all', limit: 1, accept: doc => doc !== 'A' })
    expect(r).toMatchObject({ candidates: 3, total: 2 })
    expect(r.hits).toHaveLength(1)
  })

  it('forgets removed documents and replaces re-added ones', () => {
    const ix2 = index([
      ['A', '价格|'],
      ['B', '|价格'],
    ])
    ix2.remove('A')
    expect(ids(ix2.search({ terms: ['价格'], mode: 'all', limit: 5 }))).toEqual(['B'])
    ix2.add('B', '|异议', 'B')
    expect(ix2.search({ terms: ['价格'], mode: 'all', limit: 5 }).total).toBe(0)
    expect(ix2.size).toBe(1)
    expect(ix2.docFreq('价格')).toBe(0)
  })

  it('prefers the newer document on equal scores', () => {
    const ix2 = index([
      ['old', '|价格'],
      ['new', '|价格'],
    ])
    expect(ids(ix2.search({ terms: ['价格'], mode: 'all', limit: 1 }))).toEqual(['new'])
  })
})
