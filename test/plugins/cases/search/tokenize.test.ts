import { describe, expect, it } from 'vitest'
import { tokenize, uniqueTokens } from '../../../../plugins/cases/search/tokenize.js'

describe('tokenize', () => {
  it('segments Chinese into words with the built-in ICU segmenter and drops function words', () => {
    expect(tokenize('客户觉得价格比竞品高，价格异议很大')).toEqual(
      expect.arrayContaining(['客户', '觉得', '价格', '异议']),
    )
    expect(tokenize('我们的产品了')).not.toContain('的')
  })

  it('keeps ASCII words, lower-cased, and folds full-width letters and digits', () => {
    expect(tokenize('ＲＯ膜 TDS 笔 wxid_abc')).toEqual(['ro', '膜', 'tds', '笔', 'wxid_abc'])
  })

  it('treats regex and SQL characters as separators, never as syntax', () => {
    expect(tokenize(".*(价格' OR 1=1; DROP TABLE--")).toEqual(['价格', 'or', '1', '1', 'drop', 'table'])
  })

  it('tokenizes a very long unpunctuated post completely (chunked)', () => {
    const long = `${'售后服务'.repeat(3000)}结尾`
    const tokens = tokenize(long)
    expect(tokens.at(-1)).toBe('结尾')
    expect(tokens.length).toBeGreaterThan(3000)
  })

  it('uniqueTokens keeps first-seen order without repeats', () => {
    expect(uniqueTokens('价格 价格 异议 价格')).toEqual(['价格', '异议'])
  })
})
