import { describe, expect, it } from 'vitest'
import { buildCaseSearch } from '../../../../plugins/cases/search/case-search.js'
import { caseTerms } from '../../../../plugins/cases/search/case-terms.js'
import { parseSearchArgs } from '../../../../plugins/cases/search/query.js'
import { MONDAY_9AM } from '../../../helpers/harness.js'
import { makeCase } from '../fixtures.js'

const TZ = 'Asia/Shanghai'
const RANK = ['难点', '产品']
const DAY = 86_400_000
const deal = makeCase('客户：刘总\n产品：商用净水器\n难点：价格异议很大\n做法：先做水质检测', {
  id: 'D',
  tag: '成交',
  at: MONDAY_9AM - 10 * DAY,
})
const passing = makeCase('今天拜访了三家客户，聊了新品、安装排期、售后政策，顺带提到价格异议的应对，整体反馈不错。', {
  id: 'P',
  tag: '经验',
  author: '李四',
  authorId: 'li',
})
const problem = makeCase('软水机客户说太贵\n想要分期', {
  id: 'Q',
  tag: '问题',
  author: '李四',
  authorId: 'li',
  at: MONDAY_9AM - DAY,
})
const gone = makeCase('价格异议 已撤回', { id: 'W', status: 'withdrawn' })
const search = buildCaseSearch([deal, passing, problem, gone], { rankFields: RANK })
const find = (args: string) => search.search(parseSearchArgs(args, MONDAY_9AM, TZ), 5)

describe('CaseSearch', () => {
  it('ranks the problem-line mention first and skips withdrawn cases', () => {
    expect(find('价格异议')).toMatchObject({ mode: 'all', total: 2, hits: [{ id: 'D' }, { id: 'P' }] })
  })

  it('filters by tag, author (substring), product field and date', () => {
    expect(find('价格 标签:经验').hits.map(c => c.id)).toEqual(['P'])
    expect(find('客户 作者:李').hits.map(c => c.id)).toEqual(['Q', 'P'])
    expect(find('价格 产品:净水器').hits.map(c => c.id)).toEqual(['D'])
    expect(find('客户 本周').hits.map(c => c.id)).toEqual(['P'])
  })

  it('falls back to partial matches when the words never occur together', () => {
    expect(find('净水器 分期')).toMatchObject({ mode: 'partial', total: 2 })
  })

  it('never matches an unrelated case through a lone character of a longer word (机 of 火箭发动机)', () => {
    expect(find('软水机')).toMatchObject({ total: 1, hits: [{ id: 'Q' }] })
    expect(find('火箭发动机')).toMatchObject({ total: 0, hits: [] })
    expect(find('火箭发动机').terms).not.toContain('机')
  })

  it('does not fall back when only the filters rule the matches out', () => {
    expect(find('价格异议 作者:王五')).toMatchObject({ mode: 'all', total: 0 })
  })

  it('lists the newest matching cases when only filters are given', () => {
    expect(find('作者:李四')).toMatchObject({ mode: 'browse', total: 2, hits: [{ id: 'Q' }, { id: 'P' }] })
  })

  it('uses cached terms when given (as at start-up) and re-indexes on upsert', () => {
    const s = buildCaseSearch([deal], { rankFields: RANK, termsOf: () => '火星|' })
    expect(s.search(parseSearchArgs('火星', MONDAY_9AM, TZ), 5).total).toBe(1)
    s.upsert(deal, caseTerms(deal, RANK))
    expect(s.search(parseSearchArgs('火星', MONDAY_9AM, TZ), 5).total).toBe(0)
    s.remove('D')
    expect(s.size).toBe(0)
  })

  it('counts each term for suggestions, without lone characters of a longer query', () => {
    expect(search.termCounts(['价格', '火星'])).toEqual([
      { term: '价格', count: 2 },
      { term: '火星', count: 0 },
    ])
    expect(search.termCounts(['火箭', '发动', '机'])).toEqual([
      { term: '火箭', count: 0 },
      { term: '发动', count: 0 },
    ])
  })
})

describe('caseTerms', () => {
  it('puts the built title, the problem line and the product in the strong zone', () => {
    const [strong, weak] = caseTerms(deal, RANK).split('|')
    expect(strong.split(' ')).toEqual(expect.arrayContaining(['刘', '商用', '净水器', '价格', '异议']))
    expect(weak.split(' ')).toEqual(expect.arrayContaining(['水质', '检测']))
    expect(weak.split(' ')).not.toContain('价格')
  })

  it('does not treat a long first paragraph as a heading, except for a #问题', () => {
    expect(caseTerms(passing, RANK).startsWith('|')).toBe(true)
    expect(caseTerms({ ...passing, tag: '问题' }, RANK).split('|')[0]).toContain('价格')
  })
})
