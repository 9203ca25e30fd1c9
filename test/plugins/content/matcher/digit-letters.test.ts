import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { textWithDigitLetters } from '../../../../plugins/content/matcher/digit-letters.js'
import { expandingDictionary } from './helpers.js'

describe('digits drawn for letters in pinyin', () => {
  const m = compileMatcher(
    expandingDictionary({ porn: ['裸聊', '色情'], gambling: ['赌博'], ad: ['兼职'], contact: ['微信'] }, [
      'pinyin',
      'initials',
      'homophone',
    ]),
  )

  it('reads 0 as o and 1 as i after a consonant or l elsewhere (luol1ao, dub0, j1anzhi)', () => {
    expect(m.scan('luol1ao 在线，私我').map(x => [x.category, x.matched])).toEqual([['porn', 'luol1ao']])
    expect(m.categoriesOf('想玩 dub0 的来')).toEqual(['gambling'])
    expect(m.categoriesOf('j1anzhi 日结，手机就能做')).toEqual(['ad'])
  })

  it('reads 1 as i after a vowel when no vowel follows (we1xin), and in letters spaced out (s e q 1 n g)', () => {
    expect(m.categoriesOf('有事 we1xin 找我')).toEqual(['contact'])
    expect(m.categoriesOf('今晚 s e q 1 n g 直播')).toEqual(['porn'])
    expect(textWithDigitLetters('d u b 0 走起')).toBe('d u b o 走起')
  })

  it('reads 3 between two letters as e (s3qing, zh3n), and keeps a 3 at a word’s edge (abc3, 3dx) (b19fix)', () => {
    expect(m.categoriesOf('今晚有 s3qing 直播')).toEqual(['porn'])
    expect(textWithDigitLetters('j1an zh3n')).toBe('jian zhen')
    expect(textWithDigitLetters('型号 abc3 和 3dx')).toBeNull()
  })

  it('leaves spaced codes alone (A 1 0, 房间 3 0 1)', () => {
    expect(textWithDigitLetters('型号 A 1 0，房间 3 0 1')).toBeNull()
  })

  it('leaves codes and handles with digits alone (A10, 私我 mm520, RO1 滤芯)', () => {
    expect(textWithDigitLetters('型号 A10 和 RO1 滤芯')).toBeNull()
    expect(textWithDigitLetters('vx mm520')).toBeNull()
    expect(m.categoriesOf('du6o 是什么')).toEqual([])
  })
})
