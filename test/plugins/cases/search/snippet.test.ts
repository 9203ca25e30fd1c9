import { describe, expect, it } from 'vitest'
import { snippet } from '../../../../plugins/cases/search/snippet.js'

describe('snippet', () => {
  const text = '今天拜访了三家客户，聊了新品、安装排期、售后政策，\n顺带提到价格异议的应对，整体反馈不错。'

  it('centres on the first needle that occurs, flattening line breaks', () => {
    expect(snippet(text, ['价格异议', '价格'], 6, 12)).toBe('…， 顺带提到价格异议的应对，整体反馈…')
  })

  it('matches needles literally and case-insensitively', () => {
    expect(snippet('型号 RO-500 (新款)', ['(新款', 'ro-500'], 0, 6)).toBe('…(新款)')
    expect(snippet('型号 RO-500', ['ro-500'], 0, 6)).toBe('…RO-500')
  })

  it('starts at the beginning when nothing occurs', () => {
    expect(snippet(text, ['火星'], 6, 8)).toBe('今天拜访了三家客…')
  })
})
