import { describe, expect, it } from 'vitest'
import { compileMatcher, describeMatchKind } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** An emoji that reads as a character (🐷 猪, 🐎 马) put between the characters of a term as decoration. */
describe('an emoji between the characters of a term', () => {
  const matcher = compileMatcher(
    expandingDictionary({ insult: ['傻逼', '废物'], gambling: ['赌博'], ad: ['扫码进群'] }, ['homophone']),
  )
  const how = (text: string) => matcher.scan(text).map(m => `${m.matched} ${m.start}-${m.end}: ${describeMatchKind(m)}`)

  it('is a separator when the text does not say the term with its reading', () => {
    expect(how('废🐴物一个')).toEqual(['废🐴物 0-4: 规范化 废物'])
    expect(how('来玩赌 🐔 博')).toEqual(['赌 🐔 博 2-8: 规范化 赌博'])
  })

  it('is still read as its character where that says the term (扫🐎 is 扫马, a homophone of 扫码)', () => {
    expect(how('扫🐎进群')).toEqual(['扫🐎进群 0-5: 谐音 扫马进群 → 扫码进群'])
    expect(how('扫🐎码进群')).toEqual(['扫🐎码进群 0-6: 规范化 扫码进群'])
  })

  it('joins no characters of a clean text into a term', () => {
    expect(matcher.scan('今天🐷很可爱，🐴上到')).toEqual([])
  })
})
