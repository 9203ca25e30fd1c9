import { describe, expect, it } from 'vitest'
import { compileMatcher, type ExpansionKind } from '../../../../plugins/content/matcher/index.js'
import { compileTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { expandTerm } from '../../../../plugins/content/matcher/expand.js'
import { type dictionaryOf, expandingDictionary } from './helpers.js'

const ALL: ExpansionKind[] = ['pinyin', 'initials', 'homophone', 'split', 'lookalike']

/** A dictionary whose categories expand into `expand`. */
const expanding = (categories: Parameters<typeof dictionaryOf>[0], expand: ExpansionKind[] = ALL) =>
  expandingDictionary(categories, expand)

/** The matches of a text as "matched kind form term". */
function found(dictionary: ReturnType<typeof expanding>, text: string): string[] {
  return compileMatcher(dictionary)
    .scan(text)
    .map(m => `${m.matched} ${m.kind} ${m.form ?? '-'} ${m.term}`)
}

describe('pinyin and initials forms recognised at scan time', () => {
  const terms = ['百家乐', '傻逼', '加v', '网上赌场', '六合彩开奖结果查询']

  it('stores no pinyin or initials form as a key', () => {
    const { index } = compileTables(expanding({ bad: terms.filter(t => t !== '加v') }))
    const codePoints = [...index.keyCodePoints]
    expect(codePoints.some(cp => cp >= 0x61 && cp <= 0x7a)).toBe(false)
  })

  it('finds every pinyin and initials form expandTerm gives, with its kind and form', () => {
    const dictionary = expanding({ bad: terms })
    const matcher = compileMatcher(dictionary)
    for (const term of terms) {
      for (const e of expandTerm(term, new Set(ALL))) {
        if (e.kind !== 'pinyin' && e.kind !== 'initials') continue
        const matches = matcher.scan(`说 ${e.form} 吧`).filter(m => m.term === term && m.start === 2)
        expect(matches.map(m => [m.kind, m.form, m.end])).toEqual([[e.kind, e.form, 2 + e.form.length]])
      }
    }
  })

  it('mixes every place up to six ideographs, all or one only in longer terms', () => {
    const dictionary = expanding({ bad: terms }, ['pinyin'])
    expect(found(dictionary, '网shang赌chang')).toEqual(['网shang赌chang pinyin 网shang赌chang 网上赌场'])
    expect(found(dictionary, '六合彩开奖jieguo查询')).toEqual([])
    expect(found(dictionary, '六合彩开奖jie果查询')).toEqual([
      '六合彩开奖jie果查询 pinyin 六合彩开奖jie果查询 六合彩开奖结果查询',
    ])
  })

  it('reads a text ideograph only as the term’s own character, and letters only as its syllables', () => {
    const dictionary = expanding({ bad: ['百家乐'] }, ['pinyin'])
    expect(found(dictionary, '百加le')).toEqual([])
    expect(found(dictionary, '百jie乐')).toEqual([])
    expect(found(dictionary, '百 Jia 乐')).toEqual(['百 Jia 乐 pinyin 百jia乐 百家乐'])
  })

  it('gives an initials form of one-letter syllables as the pinyin form it also is', () => {
    const dictionary = expanding({ bad: ['饿死'] }, ['pinyin', 'initials'])
    expect(found(dictionary, 'e死了')).toEqual(['e死 pinyin e死 饿死'])
    expect(found(expanding({ bad: ['饿死'] }, ['initials']), 'e死了')).toEqual(['e死 initials e死 饿死'])
  })

  it('keeps one owner per category for a form two terms share, the first; a term written in letters comes first', () => {
    const dictionary = expanding({ a: ['傻逼', '沙比'], b: ['沙比'] }, ['pinyin'])
    expect(found(dictionary, 'shabi')).toEqual(['shabi pinyin shabi 傻逼', 'shabi pinyin shabi 沙比'])
    expect(found(expanding({ a: ['傻逼', 'shabi'] }, ['pinyin']), 'shabi')).toEqual(['shabi exact - shabi'])
  })

  it('decides between a pinyin form and another term’s homophone form of the same letters by term order', () => {
    const kinds: ExpansionKind[] = ['pinyin', 'homophone']
    expect(found(expanding({ a: ['加微', 'jia薇'] }, kinds), 'jia微')).toEqual(['jia微 pinyin jia微 加微'])
    expect(found(expanding({ a: ['jia薇', '加微'] }, kinds), 'jia微')).toEqual(['jia微 homophone jia微 jia薇'])
    expect(found(expanding({ a: ['加微'], b: ['jia薇'] }, kinds), 'jia微')).toEqual([
      'jia微 pinyin jia微 加微',
      'jia微 homophone jia微 jia薇',
    ])
  })

  it('lets a category’s allowed phrase in pinyin cancel its pinyin match', () => {
    const dictionary = expanding({ a: { terms: ['赌场'], allow: ['赌场管理'] } }, ['pinyin'])
    expect(found(dictionary, 'duchang guanli')).toEqual([])
    expect(found(dictionary, 'duchang')).toEqual(['duchang pinyin duchang 赌场'])
  })
})
