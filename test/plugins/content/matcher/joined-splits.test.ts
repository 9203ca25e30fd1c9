import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { textWithJoinedSplits } from '../../../../plugins/content/matcher/joined-splits.js'
import { expandingDictionary } from './helpers.js'

/** The matches of a text as "matched kind term category", review-only ones marked. */
function found(matcher: ReturnType<typeof compileMatcher>, text: string): string[] {
  return matcher.scan(text).map(m => `${m.matched} ${m.kind} ${m.term} ${m.category}${m.reviewOnly ? ' review' : ''}`)
}

describe('splits written with a radical form, read joined', () => {
  const kinds = ['pinyin', 'homophone', 'split', 'lookalike'] as const
  const dictionary = expandingDictionary({ insult: ['垃圾东西'], private_deal: ['转我个人', '洗钱'] }, [...kinds])
  for (const rule of Object.values(dictionary.categories)) rule.act = ['exact', 'normalised', 'pattern']
  const matcher = compileMatcher(dictionary)

  it('finds a term written with a split of a homophone of its character (扌立 拉 for 垃)', () => {
    expect(found(matcher, '你这个扌立圾东西')).toEqual(['扌立圾东西 split 垃圾东西 insult review'])
  })

  it('finds a term written with a split of the traditional form of its character (亻固 個 for 个)', () => {
    expect(found(matcher, '尾款转我亻固人就行')).toEqual(['转我亻固人 split 转我个人 private_deal review'])
  })

  it('reads the other radical forms too (氵先 洗)', () => {
    expect(matcher.categoriesOf('帮人氵先钱')).toEqual(['private_deal'])
  })

  it('acts when the category lists split in act', () => {
    const acting = expandingDictionary({ insult: ['垃圾东西'] }, [...kinds])
    acting.categories.insult.act = ['exact', 'normalised', 'split']
    expect(compileMatcher(acting).scan('扌立圾东西')[0]?.reviewOnly).toBeUndefined()
  })

  it('is no hit in a category that does not expand splits', () => {
    const plain = compileMatcher(expandingDictionary({ private_deal: ['转我个人'] }, ['pinyin']))
    expect(plain.categoriesOf('尾款转我亻固人就行')).toEqual([])
  })

  it('keeps offsets: the joined character takes the radical form place, a zero-width space the component', () => {
    expect(textWithJoinedSplits('扌立圾')).toBe('拉\u200b圾')
    expect(textWithJoinedSplits('部首亻单独写')).toBeNull()
    expect(textWithJoinedSplits('没有部首')).toBeNull()
  })
})
