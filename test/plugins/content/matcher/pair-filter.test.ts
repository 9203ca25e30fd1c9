import { describe, expect, it } from 'vitest'
import { DEFAULT_EXPANSIONS } from '../../../../plugins/content/matcher/index.js'
import { compileTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { expandTerm } from '../../../../plugins/content/matcher/expand.js'
import { LONG } from '../../../../plugins/content/matcher/image-info.js'
import { foldString } from '../../../../plugins/content/matcher/normalize.js'
import { PairFilter } from '../../../../plugins/content/matcher/pair-filter.js'
import { HitList } from '../../../../plugins/content/matcher/hit-list.js'
import { scanKeys } from '../../../../plugins/content/matcher/scanner.js'
import { SwapChoices } from '../../../../plugins/content/matcher/swap-filter.js'
import { expandingDictionary } from './helpers.js'

describe('the pair filter of two-code-point class images', () => {
  const terms = ['赌博', '傻逼', '扫码', '约炮', '裸聊', '代开', '博彩', '加微信']
  const dictionary = expandingDictionary({ a: terms }, [...DEFAULT_EXPANSIONS])
  const tables = compileTables(dictionary)
  const filter = new PairFilter(tables, new SwapChoices(tables.index))
  const { arena, links, alphabet, images } = tables

  /** The two-code-point images hit at the end of a text, with the text's last two folded code points. */
  const pairHits = (text: string): Array<[number, number, number]> => {
    const folded = foldString(text)
    const list = new HitList()
    scanKeys(text, arena, links, alphabet, list)
    const hits = list.ints
    const out: Array<[number, number, number]> = []
    for (let h = 0; h < list.length; h += 3) {
      const c = hits[h]
      if (hits[h + 1] === text.length && (images.bytes[c] & LONG) === 2)
        out.push([c, folded[folded.length - 2], folded[folded.length - 1]])
    }
    return out
  }

  it('lets through every two-character term and homophone or look-alike form of one', () => {
    let checked = 0
    for (const term of terms) {
      for (const form of [term, ...expandTerm(term, new Set(DEFAULT_EXPANSIONS)).map(e => e.form)]) {
        if (foldString(form).length !== 2) continue
        for (const [c, a, b] of pairHits(form)) {
          expect(filter.mayBe(c, a, b), `${term}: ${form}`).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(20)
  })

  it('drops pairs of class members that are no term and no form of one', () => {
    const forms = new Set<string>()
    for (const term of terms) {
      for (const form of [term, ...expandTerm(term, new Set(DEFAULT_EXPANSIONS)).map(e => e.form)])
        forms.add(String.fromCodePoint(...foldString(form)))
    }
    const members = (cp: number): number[] => {
      const code = alphabet.codeOf(cp)
      return [...alphabet.codePoints].filter(other => alphabet.codeOf(other) === code)
    }
    let dropped = 0
    for (const term of terms.filter(t => t.length === 2)) {
      const [x, y] = foldString(term)
      for (const a of members(x)) {
        for (const b of members(y)) {
          const text = String.fromCodePoint(a, b)
          for (const [c, fa, fb] of pairHits(text)) {
            if (filter.mayBe(c, fa, fb)) continue
            dropped++
            expect(forms.has(String.fromCodePoint(fa, fb)), text).toBe(false)
          }
        }
      }
    }
    expect(dropped).toBeGreaterThan(0)
  })
})
