import { describe, expect, it } from 'vitest'
import { jsonbText } from '../../../bot/ports/postgres/pg-store.js'

describe('jsonbText (the text PgStore writes to a jsonb column)', () => {
  it('is the plain JSON of a document without hostile text, pairs of surrogates (emoji) and control characters kept', () => {
    const doc = { days: { '2026-12-01': { 'r-1': { members: { u1: { messages: 3, last: '你好 😀\u0001' } } } } } }
    expect(jsonbText(doc)).toBe(JSON.stringify(doc))
    expect(JSON.parse(jsonbText(doc))).toEqual(doc)
  })

  it('stores NUL and lone surrogates as U+FFFD, in values at any depth', () => {
    const text = jsonbText({ owner: 'a\u0000b\ud800c', list: ['x\udc00'], nested: { ok: '😀' } })
    expect(text).not.toMatch(/\\u0000|\\ud[89a-f]/)
    expect(JSON.parse(text)).toEqual({ owner: 'a\uFFFDb\uFFFDc', list: ['x\uFFFD'], nested: { ok: '😀' } })
  })

  it('keeps a chat text that only looks like an escape (a backslash then u0000) as it was', () => {
    const doc = { text: 'type \\u0000 or \\ud800 here' }
    expect(JSON.parse(jsonbText(doc))).toEqual(doc)
  })
})
