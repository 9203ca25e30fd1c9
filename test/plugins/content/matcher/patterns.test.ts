import { describe, expect, it } from 'vitest'
import { DictionaryError } from '../../../../plugins/content/matcher/index.js'
import { patternProblem } from '../../../../plugins/content/matcher/patterns.js'
import { matcherOf, quotes } from './helpers.js'

describe('regex patterns', () => {
  const matcher = matcherOf({ contact: { patterns: ['1[3-9]\\d{9}', 'qq\\d{5,11}'] } })

  it('run on the normalised text and quote the original', () => {
    expect(quotes(matcher, '电话 138 0013-8000 找我', 'contact')).toEqual(['138 0013-8000'])
    expect(quotes(matcher, '加ＱＱ：１２３４５６７', 'contact')).toEqual(['ＱＱ：１２３４５６７'])
  })

  it('do not match text without the pattern', () => {
    expect(quotes(matcher, '订单号 12345，电话稍后发', 'contact')).toEqual([])
  })

  it('find matches anywhere in a long message', () => {
    const text = `${'普通的聊天内容，'.repeat(5000)}电话13800138000${'。'.repeat(100)}`
    expect(quotes(matcher, text, 'contact')).toEqual(['13800138000'])
  })

  it('respect allowed phrases of their category', () => {
    const withAllow = matcherOf({ contact: { patterns: ['1[3-9]\\d{9}'], allow: ['客服热线13800138000'] } })
    expect(quotes(withAllow, '客服热线13800138000', 'contact')).toEqual([])
    expect(quotes(withAllow, '私人电话13900139000', 'contact')).toEqual(['13900139000'])
  })
})

describe('pattern checks at load time', () => {
  it.each([
    ['(a+)+', 'nested quantifier'],
    ['(a*)*b', 'nested quantifier'],
    ['((ab)+c)*', 'nested quantifier'],
    ['(a{1,5}){2,}', 'nested quantifier'],
    ['(a|ab)*c', 'alternation inside a repeated group'],
    ['(a)\\1', 'backreference'],
    ['(?<x>a)\\k<x>', 'backreference'],
    ['a*.*b', 'more than one unbounded quantifier'],
    ['\\d+x\\d+', 'more than one unbounded quantifier'],
    ['a{1,1000}', 'repetition bound 1000'],
  ])('rejects %s as possibly slow (%s)', (source, reason) => {
    expect(patternProblem(source)).toMatch(
      new RegExp(
        `^可能极慢，会拖住机器人：[^A-Za-z]+.*（could be catastrophically slow: .*${reason.replace(/[()]/g, '.')}`,
      ),
    )
  })

  it.each([['(abc'], ['a**'], ['[z-a]']])('rejects the invalid regex %s', source => {
    expect(patternProblem(source)).toMatch(/^不是有效的正则表达式（Invalid regular expression: .*）$/)
  })

  it.each([['a*'], ['(?:x)?']])('rejects %s, which matches empty text', source => {
    expect(patternProblem(source)).toBe('能匹配空文本，每条消息都会命中（regular expression matches empty text）')
  })

  it.each([
    ['1[3-9]\\d{9}'],
    ['(?:微信|vx)[:：]?[a-z0-9_-]{6,20}'],
    ['(ab){2}c+'],
    ['\\p{Script=Han}{2,8}公司'],
    ['[(+*]x'],
  ])('accepts %s', source => {
    expect(patternProblem(source)).toBeNull()
  })

  it('makes compileMatcher throw for a slow pattern', () => {
    expect(() => matcherOf({ x: { patterns: ['(a+)+$'] } })).toThrow(DictionaryError)
  })
})
