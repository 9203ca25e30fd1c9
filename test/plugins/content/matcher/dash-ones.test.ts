import { describe, expect, it } from 'vitest'
import { textWithDashOnes } from '../../../../plugins/content/matcher/dash-ones.js'
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

  it('does not read a category that has no look-alikes', () => {
    const plain = compileMatcher(expandingDictionary({ false_ad: ['唯一正品'] }, ['pinyin']))
    expect(found(plain, '全国唯—正品')).toEqual([])
  })
})
