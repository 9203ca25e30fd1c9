import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { measureWordForms, measureWordTerms } from '../../../../plugins/content/matcher/measure-words.js'
import { dictionaryOf, expandingDictionary, matcherOf } from './helpers.js'

describe('a term saying what someone is, said with a measure word (老板是个骗子)', () => {
  const matcher = matcherOf({ defamation: { terms: ['老板是骗子', '产品是垃圾', '是否'] } } as never)
  const found = (text: string) => matcher.scan(text).map(m => [m.term, m.matched, m.kind])

  it('gives the term with 个 and 一个 before its noun, and with 就, 真 or 也 stressing 是', () => {
    expect(measureWordForms('老板是骗子')).toEqual([
      '老板是个骗子',
      '老板是一个骗子',
      '老板就是骗子',
      '老板就是个骗子',
      '老板就是一个骗子',
      '老板真是骗子',
      '老板真是个骗子',
      '老板真是一个骗子',
      '老板也是骗子',
      '老板也是个骗子',
      '老板也是一个骗子',
    ])
  })

  it('gives none for a term without a noun of two characters after 是, or with a measure word already', () => {
    expect(measureWordForms('是否')).toEqual([])
    expect(measureWordForms('就是他')).toEqual([])
    expect(measureWordForms('老板是个骗子')).toEqual([])
    expect(measureWordForms('sb是骗子')).toEqual([])
  })

  it('finds the term so said, as the term itself read normalised', () => {
    expect(found('我跟你说，老板是个骗子')).toEqual([['老板是骗子', '老板是个骗子', 'normalised']])
    expect(found('这家的产品是一个垃圾，别买')).toEqual([['产品是垃圾', '产品是一个垃圾', 'normalised']])
    expect(found('老板是 个 骗子')).toEqual([['老板是骗子', '老板是 个 骗子', 'normalised']])
  })

  it('leaves other sentences with 是个 alone', () => {
    expect(found('老板是个好人，骗子是那个中介')).toEqual([])
    expect(found('这个产品是个好产品，不是垃圾')).toEqual([])
    expect(found('老板是两个骗子的受害者')).toEqual([])
  })

  it('expands the form as the term, reported as the term (老板是个骗纸, 老板是个骗孑)', () => {
    const m = compileMatcher(expandingDictionary({ defamation: ['老板是骗子'] }, ['homophone', 'lookalike']))
    const how = (text: string) => m.scan(text).map(x => [x.term, x.matched, x.kind])
    expect(how('我跟你说，老板是个骗纸')).toEqual([['老板是骗子', '老板是个骗纸', 'homophone']])
    expect(how('老板是一个骗孑，奖金不给')).toEqual([['老板是骗子', '老板是一个骗孑', 'lookalike']])
    expect(how('老板是个好人，骗纸是那个中介')).toEqual([])
  })

  it('gives no form of a slang term, nor one that is a term itself', () => {
    const dictionary = dictionaryOf({ d: { terms: ['老板是骗子', '老板是个骗子', '公司是皮包'] } })
    dictionary.categories.d.slang = ['公司是皮包']
    const spoken = [...measureWordTerms(dictionary)]
    expect(spoken).toContainEqual(['老板是一个骗子', '老板是骗子'])
    expect(spoken).toContainEqual(['老板就是个骗子', '老板是骗子'])
    expect(spoken.map(([form]) => form)).not.toContain('老板是个骗子')
    expect(spoken.some(([, term]) => term !== '老板是骗子')).toBe(false)
  })
})
