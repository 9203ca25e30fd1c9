import { describe, expect, it } from 'vitest'
import { findUrls } from '../../../../plugins/content/matcher/index.js'
import { matcherOf } from './helpers.js'

const matcher = matcherOf(
  {
    porn: ['成人视频'],
    contact: { terms: ['vx号'], patterns: ['1[3-9]\\d{9}'] },
    gambling: { terms: ['下注'], allow: ['以下注意'] },
  },
  ['example.com'],
)

describe('bad input', () => {
  it('returns nothing for empty text', () => {
    expect(matcher.scan('')).toEqual([])
    expect(matcher.categoriesOf('')).toEqual([])
  })

  it('never throws on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['成人视频']]) {
      expect(matcher.scan(value as unknown as string)).toEqual([])
      expect(matcher.checkUrl(value as unknown as string)).toBeNull()
      expect(findUrls(value as unknown as string)).toEqual([])
    }
  })

  it('skips lone surrogates like invisible characters', () => {
    for (const text of ['成\ud800人视\udc00频', '\udc00成人视频\ud800', '成人\udbff\udfff视频']) {
      expect(matcher.categoriesOf(text)).toEqual(['porn'])
    }
  })

  it('copes with control characters and NUL', () => {
    const text = '\u0000\u0001成\u0007人\u001b视\u007f频\u0000'
    expect(matcher.scan(text).map(m => m.matched)).toEqual(['成\u0007人\u001b视\u007f频'])
  })

  it('scans a 100 KB message quickly and finds matches at both ends', () => {
    const filler = '今天的工作安排如下，请大家注意查收邮件并及时回复。Hello world 123 😀 '.repeat(2000)
    const text = `成人视频${filler.slice(0, 100_000)}vx号13800138000 http://evil.io/x`
    const started = performance.now()
    const categories = matcher.categoriesOf(text)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(categories).toEqual(['contact', 'link', 'porn'])
  })

  it('handles 100 KB of separators, emoji and surrogate halves', () => {
    const noise = ['\u200b', '😀', '\ud83d', ' ', '\n', '，', '\ufe0f']
    let text = ''
    for (let i = 0; text.length < 100_000; i++) text += noise[i % noise.length]
    expect(matcher.scan(`成${text}人视频`)).toEqual([])
    expect(matcher.scan(text)).toEqual([])
  })

  it('handles a message made only of terms and allowed phrases', () => {
    const text = '以下注意下注'.repeat(20_000)
    const found = matcher.scan(text)
    expect(found).toHaveLength(20_000)
    expect(found.every(m => m.matched === '下注')).toBe(true)
  })
})
