import { describe, expect, it } from 'vitest'
import { matcherOf } from './helpers.js'

describe('offsets into the original text', () => {
  const matcher = matcherOf({ porn: ['成人视频'], contact: ['vx号'], false_ad: ['100%有效'] })

  it.each([
    ['有没有人要成﻿人﻿视‍频资源', '成﻿人﻿视‍频'],
    ['😀😀👍 先来点表情再说成人视频', '成人视频'],
    ['𝐀𝐁𝐂 数学字母之后 成 人 視 頻！', '成 人 視 頻'],
    ['\u0000\u0007控制字符之后成人视频', '成人视频'],
  ])('quotes exactly what was written: %s', (text, quoted) => {
    const [match] = matcher.scan(text)
    expect(text.slice(match.start, match.end)).toBe(quoted)
    expect(match.matched).toBe(quoted)
  })

  it('starts and ends on the first and last letter, not on surrounding separators', () => {
    const text = '价格 ** 𝐕 𝐗 号 ** 详谈'
    const [match] = matcher.scan(text)
    expect(match).toMatchObject({ category: 'contact', term: 'vx号', matched: '𝐕 𝐗 号' })
    expect(match.start).toBe(text.indexOf('𝐕'))
  })

  it('covers the whole character when a digit comes from an expansion like ⑩', () => {
    const digits = matcherOf({ rank: ['第10名'], number: ['10名'], digit: ['0名'] })
    expect(digits.scan('考了第⑩名').map(m => [m.category, m.matched])).toEqual([
      ['rank', '第⑩名'],
      ['number', '⑩名'],
    ])
  })
})

describe('overlapping matches', () => {
  it('reports every overlapping and nested match', () => {
    const matcher = matcherOf({ porn: ['黄色网站', '色网'], gambling: ['赌博', '博彩'] })
    const found = matcher.scan('发黄色网站和赌博彩票').map(m => [m.term, m.start, m.end])
    expect(found).toEqual([
      ['黄色网站', 1, 5],
      ['色网', 2, 4],
      ['赌博', 6, 8],
      ['博彩', 7, 9],
    ])
  })

  it('finds a term that ends inside a longer partial match', () => {
    const matcher = matcherOf({ long: ['成人视频网站'], short: ['人视'] })
    expect(matcher.scan('成人视频').map(m => m.term)).toEqual(['人视'])
  })

  it('finds a term that ends inside a longer partial match after a failure transition', () => {
    const matcher = matcherOf({ a: ['甲乙丙丁'], b: ['乙丙戊'], c: ['丙戊'] })
    expect(matcher.scan('看甲乙丙戊了').map(m => m.term)).toEqual(['乙丙戊', '丙戊'])
  })

  it('finds repeated, self-overlapping occurrences', () => {
    const matcher = matcherOf({ gambling: ['赌赌'] })
    expect(matcher.scan('赌赌赌').map(m => m.start)).toEqual([0, 1])
  })

  it('reports a term listed in two categories once per category', () => {
    const matcher = matcherOf({ gambling: ['下注'], betting: ['下注'] })
    expect(matcher.categoriesOf('今晚下注')).toEqual(['betting', 'gambling'])
  })
})
