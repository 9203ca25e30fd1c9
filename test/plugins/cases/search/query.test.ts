import { describe, expect, it } from 'vitest'
import { parseSearchArgs } from '../../../../plugins/cases/search/query.js'
import { MONDAY_9AM } from '../../../helpers/harness.js'

const TZ = 'Asia/Shanghai'

describe('parseSearchArgs', () => {
  it('separates text from tag, author and product filters (half- and full-width colons)', () => {
    expect(parseSearchArgs('价格异议 标签:#成交 作者：张三 产品:净水器', MONDAY_9AM, TZ)).toEqual({
      text: '价格异议',
      tag: '成交',
      author: '张三',
      product: '净水器',
    })
  })

  it('turns a date word into a day range and instants', () => {
    const q = parseSearchArgs('价格 本周', MONDAY_9AM, TZ)
    expect(q.range).toEqual({ from: '2026-11-30', to: '2026-11-30' })
    expect(q.from).toBe(Date.parse('2026-11-29T16:00:00Z'))
    expect(q.to).toBe(Date.parse('2026-11-30T16:00:00Z'))
    expect(parseSearchArgs('2026-11-01~2026-11-15', MONDAY_9AM, TZ)).toMatchObject({
      text: '',
      range: { from: '2026-11-01', to: '2026-11-15' },
    })
  })

  it('keeps anything else literally, including regex and SQL characters', () => {
    expect(parseSearchArgs("a.*b (x) ' OR 1=1", MONDAY_9AM, TZ)).toEqual({ text: "a.*b (x) ' OR 1=1" })
  })

  it('a word written like a date that is no real day is refused, not searched', () => {
    expect(parseSearchArgs('价格 2026-02-30', MONDAY_9AM, TZ)).toEqual({
      text: '价格',
      invalidDate: '「2026-02-30」不是有效的日期，请写成年-月-日，例如 2026-12-01。',
    })
  })
})
