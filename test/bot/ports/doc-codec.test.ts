import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { decodeDoc, encodeDoc, encodeDocBytes } from '../../../bot/ports/store/doc-codec.js'
import type { DocSpec } from '../../../bot/ports/store/store.js'

const spec: DocSpec<Record<string, unknown>> = {
  version: 3,
  schema: z.record(z.string(), z.unknown()),
  defaults: () => ({}),
}

describe('a document as written', () => {
  it('puts the version first, then the data as JSON', () => {
    const data = { name: '销售部"群"', n: 2, list: [1, { a: null }], skipped: undefined }
    expect(encodeDoc(data, spec)).toBe('{"$version":3,"name":"销售部\\"群\\"","n":2,"list":[1,{"a":null}]}')
    expect(decodeDoc(JSON.parse(encodeDoc(data, spec)), spec)).toEqual(data)
  })

  it('is the version alone for an empty document', () => {
    expect(encodeDoc({}, spec)).toBe('{"$version":3}')
    expect(encodeDoc({ gone: undefined }, spec)).toBe('{"$version":3}')
  })

  it('as bytes is the UTF-8 of the same text (empty, ASCII, Chinese, emoji, escapes)', () => {
    const docs = [
      {},
      { gone: undefined },
      { n: 1 },
      { name: '销售部"群"', list: [1, { a: null }] },
      { text: '😀 表情 \u2028 \ud800 end', nested: { 群: ['张三', '李四'] } },
    ]
    for (const data of docs) {
      const bytes = encodeDocBytes(data, spec)
      expect(bytes.toString('utf8')).toBe(encodeDoc(data, spec))
      expect(bytes.equals(Buffer.from(encodeDoc(data, spec)))).toBe(true)
    }
  })
})
