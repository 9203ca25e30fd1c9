import { describe, expect, it } from 'vitest'
import { compileMatcher, type ExpansionKind } from '../../../../plugins/content/matcher/index.js'
import { compileTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { expandTerm, swapAlternatives, swapFormsOf, swapFormsWith } from '../../../../plugins/content/matcher/expand.js'
import { SwapForms } from '../../../../plugins/content/matcher/swap-form-cache.js'
import { foldedKey } from '../../../../plugins/content/matcher/normalize.js'
import { keyAt, swapAlternativesOf, swapTakenOf } from '../../../../plugins/content/matcher/term-index.js'
import { dictionaryOf } from './helpers.js'

const KINDS: ExpansionKind[] = ['homophone', 'lookalike']
const TERMS = ['赌博', '约炮', '傻逼', '时时彩']

describe('substitution classes: homophone and look-alike forms found by class, checked against the real forms', () => {
  const dictionary = dictionaryOf({ bad: TERMS })
  dictionary.categories.bad.expand = KINDS
  const matcher = compileMatcher(dictionary)
  const tables = compileTables(dictionary)
  const members = new Map<number, string[]>()
  tables.alphabet.codePoints.forEach((cp, i) => {
    const code = tables.alphabet.codes[i]
    members.set(code, [...(members.get(code) ?? []), String.fromCodePoint(cp)])
  })
  /** Every string that reads like the term class by class (the term's class image finds them all). */
  const classMates = (term: string): string[] =>
    [...term].reduce<string[]>(
      (prefixes, ch) => {
        const mates = members.get(tables.alphabet.codeOf(ch.codePointAt(0)!)) ?? [ch]
        return prefixes.flatMap(p => mates.map(m => p + m))
      },
      [''],
    )

  it('joins each character with its swaps into classes of at most 8', () => {
    for (const chars of members.values()) expect(chars.length).toBeLessThanOrEqual(8)
    expect(members.get(tables.alphabet.codeOf('赌'.codePointAt(0)!))).toContain('堵')
  })

  it('finds a homophone and a look-alike that are no keys', () => {
    const keys = new Set(
      Array.from({ length: tables.index.keyCount }, (_, k) => String.fromCodePoint(...keyAt(tables.index, k))),
    )
    // The terms and one word variant (傻屄), a look-alike form that is no one-for-one swap of characters.
    expect([...keys].sort()).toEqual([...TERMS, '傻屄'].map(foldedKey).sort())
    expect(matcher.scan('来睹博吗')).toMatchObject([{ term: '赌博', matched: '睹博', kind: 'homophone', form: '睹博' }])
    expect(matcher.scan('来赌愽吗')).toMatchObject([{ term: '赌博', matched: '赌愽', kind: 'lookalike', form: '赌愽' }])
  })

  it('finds each term in exactly its own forms among its class mates', () => {
    let swappedForms = 0
    let rejected = 0
    for (const term of TERMS) {
      const forms = new Set([foldedKey(term), ...expandTerm(term, new Set(KINDS)).map(e => e.key)])
      for (const text of classMates(term).slice(0, 2000)) {
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

  it("takes a character's swap only where the term has it: a near sound of a long term is no form of a short one", () => {
    const swaps = dictionaryOf({ bad: ['成人视频', '频道'] })
    swaps.categories.bad.expand = KINDS
    const withBoth = compileMatcher(swaps)
    // 频 pin2 -> 屏 ping2 is a near sound, which only terms of four characters or more take.
    expect(withBoth.scan('看成人视屏')).toMatchObject([{ term: '成人视频', matched: '成人视屏', kind: 'homophone' }])
    expect(withBoth.scan('换个屏道')).toEqual([])
    expect(withBoth.scan('换个频到')).toMatchObject([{ term: '频道', matched: '频到', kind: 'homophone' }])
  })

  it('checks a hit against exactly the swap forms expandTerm gives, without building the other forms', () => {
    const all = new Set<ExpansionKind>(['pinyin', 'initials', 'homophone', 'split', 'lookalike'])
    let forms = 0
    for (const term of [...TERMS, '垃圾东西', '一夜情', '老板是骗子']) {
      const stored = new Set(expandTerm(term, all, false).map(e => e.key))
      const swaps = expandTerm(term, all).filter(e => !stored.has(e.key))
      expect(swapFormsOf(term, all)).toEqual(swaps)
      forms += swaps.length
    }
    expect(forms).toBeGreaterThan(100)
    // A scan works them out from what the compile kept, without the expansion tables: the same forms.
    const terms = [...TERMS, '垃圾东西', '一夜情', '老板是骗子', '赌博网站', '傻屄']
    const all3 = dictionaryOf({ bad: { terms, allow: ['时时彩票'] } })
    all3.categories.bad.expand = [...all]
    const { index } = compileTables(all3)
    // The terms, the allowed phrase, and 老板是骗子's spoken forms (老板是个骗子, 老板是一个骗子, and those with 是
    // stressed, 老板就是骗子…: 11 in all, see measure-words.ts).
    expect(index.swapText.length).toBe(terms.length + 1 + 11)
    index.swapText.forEach((t, s) => {
      const term = index.texts[t]
      const kept = swapFormsWith(term, all, swapAlternativesOf(index, s), swapTakenOf(index, s))
      expect(kept).toEqual(swapFormsOf(term, all))
    })
    // Every alternative is an ideograph or a digit: no swap form is also a pinyin or initials form.
    for (const term of TERMS)
      for (const list of swapAlternatives(term, all))
        for (const a of list.flat()) expect(foldedKey(a)).not.toMatch(/[a-z]/)
  })

  it('keeps the swap forms of a bounded number of terms, those not used for longest dropped first', () => {
    const forms = new SwapForms(tables.index, 2)
    const kinds = new Set(KINDS)
    const [gamble, hookUp, idiot] = ['赌博', '约炮', '傻逼'].map(t => TERMS.indexOf(t))
    expect(forms.formOf(gamble, kinds, '睹博')).toEqual({ form: '睹博', kind: 'homophone', key: '睹博' })
    expect(forms.formOf(idiot, kinds, '傻笔')).toMatchObject({ form: '傻笔', kind: 'homophone' })
    expect(forms.formOf(gamble, kinds, '赌博')).toBeUndefined()
    expect(forms.formOf(gamble, kinds, '赌愽')).toMatchObject({ form: '赌愽', kind: 'lookalike' })
    expect(forms.formOf(hookUp, kinds, '约跑')?.kind).toBe('homophone')
    expect(forms.size).toBe(2)
    expect(forms.formOf(idiot, kinds, '煞笔')).toMatchObject({ form: '煞笔', kind: 'homophone' })
    expect(forms.size).toBe(2)
  })

  it('returns one shared, frozen empty result for text without matches', () => {
    const none = matcher.scan('今天天气不错')
    expect(none).toEqual([])
    expect(Object.isFrozen(none)).toBe(true)
    expect(matcher.scan('明天见')).toBe(none)
  })
})
