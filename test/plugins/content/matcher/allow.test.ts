import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary, matcherOf, quotes } from './helpers.js'

const matcher = matcherOf({
  gambling: { terms: ['下注', '赌博'], allow: ['以下注意', '禁止赌博'] },
  contact: { terms: ['加v'], allow: ['加vip'] },
  insult: { terms: ['废物'], allow: ['废物利用'] },
  religion: { terms: ['传教'], allow: ['宣传教育'] },
})

describe('allowed phrases', () => {
  it.each([
    ['请看以下注意事项', 'gambling'],
    ['本月开展禁止赌博宣传教育活动', 'gambling'],
    ['本月开展禁止赌博宣传教育活动', 'religion'],
    ['这款产品可以升级VIP会员，加VIP享受免费上门服务', 'contact'],
    ['废物利用小妙招', 'insult'],
  ])('%s has no %s match', (text, category) => {
    expect(quotes(matcher, text, category)).toEqual([])
  })

  it('are matched with the same normalisation as terms', () => {
    expect(quotes(matcher, '请看以 下 註 意事项', 'gambling')).toEqual([])
    expect(quotes(matcher, '加ＶＩＰ会员', 'contact')).toEqual([])
  })

  it('cancel a term even when a line break splits the phrase', () => {
    expect(quotes(matcher, '请看以下\n注意事项', 'gambling')).toEqual([])
  })

  it('only cancel the matches they contain', () => {
    expect(quotes(matcher, '请看以下注意事项，今晚下注', 'gambling')).toEqual(['下注'])
    expect(quotes(matcher, '废物利用？你就是个废物', 'insult')).toEqual(['废物'])
  })

  it('only cancel matches of their own category', () => {
    const shared = matcherOf({
      gambling: { terms: ['下注'], allow: ['以下注意'] },
      betting: ['下注'],
    })
    expect(shared.categoriesOf('请看以下注意事项')).toEqual(['betting'])
  })

  it('read another way, cover only hits read another way: 家薇装饰 does not hide 加薇 as written in 加薇装饰', () => {
    const contact = { contact: { terms: ['加薇'], allow: ['家薇装饰'] } }
    const shop = compileMatcher(expandingDictionary(contact, ['pinyin', 'homophone']))
    expect(quotes(shop, '找家薇的老板', 'contact')).toEqual(['家薇'])
    expect(quotes(shop, '家薇装饰的尾款到了', 'contact')).toEqual([])
    expect(quotes(shop, '有需要请加薇装饰小王', 'contact')).toEqual(['加薇'])
    expect(quotes(shop, '有需要请jiawei的小王', 'contact')).toEqual(['jiawei'])
    expect(quotes(shop, '有需要请jiawei装饰小王', 'contact')).toEqual([])
  })

  it('do not hide an evaded term next to them', () => {
    expect(quotes(matcher, '以下注意：今晚下😀注', 'gambling')).toEqual(['下😀注'])
  })
})
