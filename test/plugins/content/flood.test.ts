import { describe, expect, it } from 'vitest'
import { contentConfigSchema } from '../../../plugins/content/config.js'
import { FloodTracker } from '../../../plugins/content/assess/flood.js'
import { DICTIONARY, SEC } from './setup.js'

const flood = contentConfigSchema.parse({
  dictionaries: [DICTIONARY],
  flood: { maxMessages: 5, within: '30s', repeatGroups: 3, repeatWithin: '10m', minLength: 6, maxTracked: 100 },
}).flood
const T0 = 1_000_000

describe('flood control', () => {
  it('flags the message that exceeds N messages in M seconds, and not a slower member', () => {
    const t = new FloodTracker()
    const notes = Array.from({ length: 6 }, (_, i) => t.observe('u1', 'g1', `消息${i}`, T0 + i * SEC, flood))
    expect(notes.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined])
    expect(notes[5]).toBe('30秒内发了 5 条以上消息')
    const slow = new FloodTracker()
    expect(
      Array.from({ length: 12 }, (_, i) => slow.observe('u1', 'g1', `消息${i}`, T0 + i * 7 * SEC, flood)).filter(
        Boolean,
      ),
    ).toEqual([])
  })

  it('counts each member separately', () => {
    const t = new FloodTracker()
    const notes = Array.from({ length: 10 }, (_, i) => t.observe(`u${i % 2}`, 'g1', `消息${i}`, T0 + i * SEC, flood))
    expect(notes.filter(Boolean)).toEqual([])
  })

  it('flags the same text posted in three groups within the window, but not in one group or after the window', () => {
    const t = new FloodTracker()
    const ad = '兼职招聘，详情私聊我哦'
    expect(t.observe('u1', 'g1', ad, T0, flood)).toBeUndefined()
    expect(t.observe('u1', 'g1', ad, T0 + 60 * SEC, flood)).toBeUndefined()
    expect(t.observe('u1', 'g2', ad, T0 + 120 * SEC, flood)).toBeUndefined()
    expect(t.observe('u1', 'g3', ` ${ad} `, T0 + 180 * SEC, flood)).toBe('10分钟内把同一段文字发到了 3 个群')
    const late = new FloodTracker()
    late.observe('u1', 'g1', ad, T0, flood)
    late.observe('u1', 'g2', ad, T0 + 6 * 60 * SEC, flood)
    expect(late.observe('u1', 'g3', ad, T0 + 11 * 60 * SEC, flood)).toBeUndefined()
  })

  it('ignores short texts such as 收到 across groups', () => {
    const t = new FloodTracker()
    expect(
      ['g1', 'g2', 'g3', 'g4'].map((g, i) => t.observe('u1', g, '收到', T0 + i * 10 * SEC, flood)).filter(Boolean),
    ).toEqual([])
  })

  it('keeps at most maxTracked members in memory', () => {
    const t = new FloodTracker()
    for (let i = 0; i < 250; i++) t.observe(`u${i}`, 'g1', 'hi', T0 + i, flood)
    expect(t.size).toBe(100)
  })
})
