import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { dictionaryOf } from './helpers.js'

/** A matcher over one category `c` with its pinyin forms. */
function pinyinOf(terms: string[]) {
  const dictionary = dictionaryOf({ c: { terms } })
  Object.assign(dictionary.categories.c, { expand: ['pinyin'] })
  return compileMatcher(dictionary)
}

describe('pinyin written with tone marks', () => {
  it('reads a tone-marked syllable as its bare letters (gōng sī is gong si), capitals and spaces too', () => {
    const m = pinyinOf(['公司要倒闭', '蠢货'])
    expect(m.scan('⚠️gōng sī yào dǎo bì⚠️ 赶紧跑').map(x => [x.term, x.kind])).toEqual([['公司要倒闭', 'pinyin']])
    expect(m.scan('Chǔn Huò，这都看不懂').map(x => x.term)).toEqual(['蠢货'])
  })

  it('reads ü (ǖ ǘ ǚ ǜ) as v, as pinyin is typed', () => {
    expect(
      pinyinOf(['女神'])
        .scan('nǚ shén 在线')
        .map(x => x.term),
    ).toEqual(['女神'])
  })

  it('finds nothing in accented words that spell no term (café, naïve)', () => {
    expect(pinyinOf(['蠢货']).scan('café 的 naïve 设计')).toEqual([])
  })
})
