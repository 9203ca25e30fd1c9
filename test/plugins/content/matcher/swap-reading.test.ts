import { describe, expect, it } from 'vitest'
import { compileMatcher, describeMatchKind, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { SHARED_DICTIONARY, hasEvalFile } from './eval-helpers.js'
import { expandingDictionary } from './helpers.js'

/** One term written with a swapped character (a homophone, an emoji read as one) and pinyin at once. */
describe('a homophone and pinyin in one term', () => {
  const terms = { ad: ['扫码进群'], insult: ['脑残'], gambling: ['赌球'], contact: ['加薇'], confidential: ['底价'] }
  const s = compileMatcher(expandingDictionary(terms, ['pinyin', 'homophone']))
  const how = (text: string) => s.scan(text).map(m => `${m.matched}: ${describeMatchKind(m)}`)

  it('reads one character as its homophone and the others as their pinyin, either way round', () => {
    expect(how('扫马jin群送礼品')).toEqual(['扫马jin群: 谐音 扫马jin群 → 扫码进群'])
    expect(how('他就是个nao惨')).toEqual(['nao惨: 谐音 nao惨 → 脑残'])
    expect(how('今晚堵qiu吗')).toEqual(['堵qiu: 谐音 堵qiu → 赌球'])
  })

  it('reads an emoji as the character it pictures, then as its homophone (🐴 马 for 码)', () => {
    expect(how('扫🐴jin群领红包')).toEqual(['扫🐴jin群: 谐音 扫马jin群 → 扫码进群'])
  })

  it.skipIf(!hasEvalFile)('goes to review only in a standard category (the shared dictionary)', () => {
    const standard = compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)
    expect(standard.scan('扫马jin群送礼品').map(m => [m.kind, m.reviewOnly])).toEqual([['homophone', true]])
  })

  it('swaps one character only, and never a particle (的 jia is no 底价)', () => {
    expect(s.scan('骚马jin群')).toEqual([])
    expect(s.categoriesOf('有需要的 jia 薇')).toEqual(['contact'])
  })

  it('only where the category expands homophones', () => {
    const pinyinOnly = compileMatcher(expandingDictionary(terms, ['pinyin']))
    expect(pinyinOnly.scan('扫马jin群')).toEqual([])
  })
})
