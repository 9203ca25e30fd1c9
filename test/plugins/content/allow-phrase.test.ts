import { describe, expect, it } from 'vitest'
import { allowPhrase, allowProblem, learnedPhraseProblem } from '../../../plugins/content/assess/allow-phrase.js'
import { compileMatcher, type Match, type MatchKind } from '../../../plugins/content/matcher/index.js'

/** A review-only hit of `term` where it stands in `text` (as written, unless `kind` says how it was found). */
function hit(text: string, term: string, category = 'porn', kind: MatchKind = 'exact'): Match {
  const start = text.indexOf(term)
  return { category, term, start, end: start + term.length, matched: term, kind, reviewOnly: true }
}

/** A matcher that finds `term` (review only, found as `kind`) in any phrase, and `acting` terms that act. */
function scanner(term: string, acting: string[] = [], kind: MatchKind = 'exact') {
  return {
    dictionary: { categories: {}, links: null },
    scan: (text: string): Match[] =>
      [term, ...acting]
        .filter(t => text.includes(t))
        .map(t => ({ ...hit(text, t, 'porn', t === term ? kind : 'exact'), reviewOnly: t === term })),
  }
}

describe('the phrase that stops a review-only hit (allowPhrase)', () => {
  it('is the words the segmenter reads around the hit: 颜色|情况 for 色情', () => {
    const text = '这批货的颜色情况跟样品不一样'
    expect(allowPhrase(text, hit(text, '色情'), scanner('色情'))).toBe('颜色情况')
  })

  it('is the hit with a word beside it when a way of writing a term is a word of its own; a word before it first', () => {
    const shop = '家薇装饰的尾款今天到账了'
    const homophone = scanner('家薇', [], 'homophone')
    expect(allowPhrase(shop, hit(shop, '家薇', 'porn', 'homophone'), homophone)).toBe('家薇装饰')
    const waste = '工地的建筑垃圾公司明天上午来拉'
    const pinyin = scanner('垃圾公司', [], 'pinyin')
    expect(allowPhrase(waste, hit(waste, '垃圾公司', 'porn', 'pinyin'), pinyin)).toBe('建筑垃圾公司')
  })

  it('takes a word of two characters over one (再): 保证家薇, not 家薇再', () => {
    const text = '保证家薇再干活'
    expect(allowPhrase(text, hit(text, '家薇', 'porn', 'homophone'), scanner('家薇', [], 'homophone'))).toBe('保证家薇')
  })

  it('never holds the term as written standing as words: 保证绝对安全 would also allow 本产品保证绝对安全', () => {
    const text = '登高作业系好安全带，保证绝对安全再干活'
    expect(allowPhrase(text, hit(text, '绝对安全'), scanner('绝对安全'))).toBeUndefined()
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
    const asTerm = {
      dictionary: { categories: {}, links: null },
      scan: (t: string): Match[] => (t === '家薇装饰' ? [{ ...hit(t, t), reviewOnly: true }] : []),
    }
    expect(allowPhrase(shop, hit(shop, '家薇'), asTerm)).toBeUndefined()
  })
})

describe('what an allowed phrase may not be (allowProblem, learnedPhraseProblem)', () => {
  const matcher = compileMatcher({
    categories: {
      contact: {
        label: '私加联系方式',
        severity: 'medium',
        terms: ['加薇', '加我微信'],
        allow: [],
        patterns: [],
        expand: ['pinyin', 'homophone'],
        act: ['exact', 'normalised'],
      },
    },
    links: null,
  })

  it('refuses one character, a term (folded), part of a term, and a way of writing a term', () => {
    expect(allowProblem('薇', 'contact', matcher)).toEqual({ why: 'oneCharacter' })
    expect(allowProblem('加 薇', 'contact', matcher)).toEqual({ why: 'term', term: '加薇' })
    expect(allowProblem('我微', 'contact', matcher)).toEqual({ why: 'insideTerm', term: '加我微信' })
    expect(allowProblem('jiawei', 'contact', matcher)).toMatchObject({ why: 'termForm', term: '加薇' })
    expect(allowProblem('家薇装饰', 'contact', matcher)).toBeUndefined()
  })

  it('refuses a learned phrase with a hit that acts in it', () => {
    expect(learnedPhraseProblem('加薇装饰', 'contact', matcher)).toMatchObject({ why: 'acting', term: '加薇' })
    expect(learnedPhraseProblem('家薇装饰', 'contact', matcher)).toBeUndefined()
  })
})
