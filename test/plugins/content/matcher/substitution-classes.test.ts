import { describe, expect, it } from 'vitest'
import { compileMatcher, type ExpansionKind } from '../../../../plugins/content/matcher/index.js'
import { expandTerm } from '../../../../plugins/content/matcher/expand.js'
import { foldedKey } from '../../../../plugins/content/matcher/normalize.js'
import { indexTerms } from '../../../../plugins/content/matcher/term-index.js'
import { substitutionClasses } from '../../../../plugins/content/matcher/substitution-classes.js'
import { dictionaryOf } from './helpers.js'

const KINDS: ExpansionKind[] = ['homophone', 'lookalike']
const TERMS = ['赌博', '约炮', '傻逼', '时时彩']

describe('substitution classes: one class key per term, every hit checked against the real forms', () => {
  const dictionary = dictionaryOf({ bad: TERMS })
  dictionary.categories.bad.expand = KINDS
  const matcher = compileMatcher(dictionary)
  const classes = substitutionClasses(indexTerms(dictionary))
  const members = new Map<number, string[]>()
  for (const [cp, root] of classes) members.set(root, [...(members.get(root) ?? []), String.fromCodePoint(cp)])
  /** Every string that reads like the term class by class (the term's class key finds them all). */
  const classMates = (term: string): string[] =>
    [...term].reduce<string[]>(
      (prefixes, ch) => {
        const mates = members.get(classes.get(ch.codePointAt(0)!) ?? -1) ?? [ch]
        return prefixes.flatMap(p => mates.map(m => p + m))
      },
      [''],
    )

  it('joins swapped characters into classes of at most 4', () => {
    expect(members.size).toBeGreaterThan(0)
    for (const chars of members.values()) expect(chars.length).toBeLessThanOrEqual(4)
    expect(members.get(classes.get('赌'.codePointAt(0)!)!)).toContain('堵')
  })

  it('finds each term in exactly its own forms among all its class mates', () => {
    let swappedForms = 0
    let rejected = 0
    for (const term of TERMS) {
      const forms = new Set([foldedKey(term), ...expandTerm(term, new Set(KINDS)).map(e => e.key)])
      for (const text of classMates(term)) {
        const found = matcher.scan(text).some(m => m.term === term && m.start === 0 && m.end === text.length)
        const form = forms.has(foldedKey(text))
        expect([text, found]).toEqual([text, form])
        if (form && text !== term) swappedForms++
        if (!form) rejected++
      }
    }
    // Both sides are exercised: class mates that are forms, and class mates that a hit check rejects.
    expect(swappedForms).toBeGreaterThan(0)
    expect(rejected).toBeGreaterThan(0)
  })

  it('returns one shared, frozen empty result for text without matches', () => {
    const none = matcher.scan('今天天气不错')
    expect(none).toEqual([])
    expect(Object.isFrozen(none)).toBe(true)
    expect(matcher.scan('明天见')).toBe(none)
  })
})
