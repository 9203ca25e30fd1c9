import { describe, expect, it } from 'vitest'
import { textWithCommonLookalikes } from '../../../../plugins/content/matcher/common-lookalikes.js'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The matches of a text as "matched kind term category", review-only ones marked. */
function found(matcher: ReturnType<typeof compileMatcher>, text: string): string[] {
  return matcher.scan(text).map(m => `${m.matched} ${m.kind} ${m.term} ${m.category}${m.reviewOnly ? ' review' : ''}`)
}

describe('a common character drawn like another (入 for 人), read as it at scan time', () => {
  const matcher = compileMatcher(
    expandingDictionary({ private_deal: ['打我私人卡'], porn: ['成人直播'] }, ['pinyin', 'homophone', 'lookalike']),
  )

  it('reads 入 as 人 inside a term, as a review-only look-alike', () => {
    expect(found(matcher, '货款打我私入卡上')).toEqual(['打我私入卡 lookalike 打我私人卡 private_deal review'])
    expect(found(matcher, '今晚成入直播间见')).toEqual(['成入直播 lookalike 成人直播 porn review'])
  })

  it('leaves 入 in its own words alone (收入, 进入, 入口)', () => {
    expect(found(matcher, '本月收入不错，进入直播间点入口')).toEqual([])
  })

  it('keeps offsets: the reading has the length of the text, null without such a character', () => {
    expect(textWithCommonLookalikes('成入直播')).toBe('成人直播')
    expect(textWithCommonLookalikes('成人直播')).toBeNull()
  })

  it('does not read a category that has no look-alikes', () => {
    const plain = compileMatcher(expandingDictionary({ porn: ['成人直播'] }, ['pinyin']))
    expect(found(plain, '成入直播')).toEqual([])
  })
})
