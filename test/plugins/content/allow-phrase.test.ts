import { describe, expect, it } from 'vitest'
import { allowPhrase } from '../../../plugins/content/assess/allow-phrase.js'
import type { Match } from '../../../plugins/content/matcher/index.js'

/** A review-only hit of `term` where it stands in `text`. */
function hit(text: string, term: string, category = 'porn'): Match {
  const start = text.indexOf(term)
  return { category, term, start, end: start + term.length, matched: term, kind: 'exact', reviewOnly: true }
}

/** A matcher that finds `term` (review only) in any phrase, and `acting` terms that act. */
function scanner(term: string, acting: string[] = []) {
  return {
    scan: (text: string): Match[] =>
      [term, ...acting].filter(t => text.includes(t)).map(t => ({ ...hit(text, t), reviewOnly: t === term })),
  }
}

describe('the phrase that stops a review-only hit (allowPhrase)', () => {
  it('is the words the segmenter reads around the hit: 颜色|情况 for 色情', () => {
    const text = '这批货的颜色情况跟样品不一样'
    expect(allowPhrase(text, hit(text, '色情'), scanner('色情'))).toBe('颜色情况')
  })

  it('is the hit with a word beside it when the hit is a word of its own; a word before it first', () => {
    const shop = '家薇装饰的尾款今天到账了'
    expect(allowPhrase(shop, hit(shop, '家薇', 'contact'), scanner('家薇'))).toBe('家薇装饰')
    const waste = '工地的建筑垃圾公司明天上午来拉'
    expect(allowPhrase(waste, hit(waste, '垃圾公司'), scanner('垃圾公司'))).toBe('建筑垃圾公司')
  })

  it('takes a word of two characters over one (再): 保证绝对安全, not 绝对安全再', () => {
    const text = '保证绝对安全再干活'
    expect(allowPhrase(text, hit(text, '绝对安全'), scanner('绝对安全'))).toBe('保证绝对安全')
  })

  it('is never the bare term: a hit that is the whole text has no phrase', () => {
    expect(allowPhrase('家薇', hit('家薇', '家薇'), scanner('家薇'))).toBeUndefined()
    expect(allowPhrase('  绝对安全 ', hit('  绝对安全 ', '绝对安全'), scanner('绝对安全'))).toBeUndefined()
  })

  it('is whole words: a word running past the dozen characters read around the hit is not cut into a phrase', () => {
    const text = '家薇supercalifragilisticexpialidocious'
    expect(allowPhrase(text, hit(text, '家薇'), scanner('家薇'))).toBeUndefined()
  })

  it('never silences a hit of the category that acts, nor a phrase that is itself a way of writing a term', () => {
    const text = '这批货的颜色情况跟样品不一样'
    expect(allowPhrase(text, hit(text, '色情'), scanner('色情', ['颜色情况']))).toBeUndefined()
    const shop = '家薇装饰的尾款'
    const asTerm = { scan: (t: string): Match[] => (t === '家薇装饰' ? [{ ...hit(t, t), reviewOnly: true }] : []) }
    expect(allowPhrase(shop, hit(shop, '家薇'), asTerm)).toBeUndefined()
  })
})
