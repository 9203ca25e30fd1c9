import { describe, expect, it } from 'vitest'
import { compileTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { expandTerm } from '../../../../plugins/content/matcher/expand.js'
import { compileMatcher, type ExpansionKind } from '../../../../plugins/content/matcher/index.js'
import { type dictionaryOf, expandingDictionary } from './helpers.js'

/** A dictionary whose categories expand into `expand`. */
const expanding = (categories: Parameters<typeof dictionaryOf>[0], expand: ExpansionKind[] = ['split']) =>
  expandingDictionary(categories, expand)

/** The matches of a text as "matched kind form term category". */
function found(dictionary: ReturnType<typeof expanding>, text: string): string[] {
  return compileMatcher(dictionary)
    .scan(text)
    .map(m => `${m.matched} ${m.kind} ${m.form ?? '-'} ${m.term} ${m.category}`)
}

describe('split forms recognised at scan time', () => {
  const terms = ['好人', '明日', '赌博网站', '老板是骗子']

  it('stores no split form that writes a split of two characters as a key', () => {
    const { index } = compileTables(expanding({ bad: ['好人', '明日'] }))
    expect(index.keyCount).toBe(2)
    expect(index.splitCategory.length).toBe(2)
  })

  it('finds every split form expandTerm gives, with its kind and form', () => {
    const kinds: ExpansionKind[] = ['pinyin', 'homophone', 'split', 'lookalike']
    const matcher = compileMatcher(expanding({ bad: terms }, kinds))
    let forms = 0
    for (const term of terms) {
      for (const e of expandTerm(term, new Set(kinds))) {
        if (e.kind !== 'split') continue
        forms++
        const matches = matcher.scan(`说 ${e.form} 吧`).filter(m => m.term === term && m.start === 2)
        expect(matches.map(m => [m.kind, m.form, m.end])).toEqual([[e.kind, e.form, 2 + e.form.length]])
      }
    }
    expect(forms).toBeGreaterThan(10)
  })

  it('finds a split form beside the same text as another term, the term first in its category', () => {
    expect(found(expanding({ a: ['好人', '女子人'] }), '说女子人吧')).toEqual(['女子人 exact - 女子人 a'])
    expect(found(expanding({ a: ['好人'], b: ['女子人'] }), '说女子人吧')).toEqual([
      '女子人 split 女子人 好人 a',
      '女子人 exact - 女子人 b',
    ])
  })

  it('finds a split form written with separators, and no text that only looks like one', () => {
    expect(found(expanding({ a: ['明日'] }), '日 月 日')).toEqual(['日 月 日 split 日月日 明日 a'])
    expect(found(expanding({ a: ['明日'] }), '日月曰')).toEqual([])
  })
})
