import { describe, expect, it } from 'vitest'
import { compileMatcher, describeMatchKind } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** One term written with a split character and pinyin or initials at once (衤果-liao for 裸聊). */
describe('a split and pinyin in one term', () => {
  const terms = { gambling: ['赌博'], porn: ['约炮'], defamation: ['老板是骗子'] }
  const s = compileMatcher(expandingDictionary(terms, ['pinyin', 'initials', 'split']))
  const how = (text: string) => s.scan(text).map(m => `${m.matched}: ${describeMatchKind(m)}`)

  it('reads a character as its split and the others as their pinyin, either way round', () => {
    expect(how('贝者bo 来不来')).toEqual(['贝者bo: 拆字 贝者bo → 赌博'])
    expect(how('想玩 du 十尃 的私聊')).toEqual(['du 十尃: 拆字 du十尃 → 赌博'])
    expect(how('今晚纟勺-pao')).toEqual(['纟勺-pao: 拆字 纟勺pao → 约炮'])
  })

  it('takes pinyin words before a split in a long term, spaces and all', () => {
    expect(how('laoban shi 马扁子，别信')).toEqual(['laoban shi 马扁子: 拆字 laobanshi马扁子 → 老板是骗子'])
  })

  it('keeps Latin forms whole words: the syllable must not run into other letters', () => {
    expect(s.scan('贝者bottle')).toEqual([])
  })

  it('only where the category expands both: no split, no mix', () => {
    const pinyinOnly = compileMatcher(expandingDictionary(terms, ['pinyin']))
    expect(pinyinOnly.scan('贝者bo 来不来')).toEqual([])
    expect(pinyinOnly.categoriesOf('赌bo 来不来')).toEqual(['gambling'])
  })
})
