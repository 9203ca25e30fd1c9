import { describe, expect, it } from 'vitest'
import { compileMatcher, type ExpansionKind } from '../../../../plugins/content/matcher/index.js'
import { compileTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { ReadingGate } from '../../../../plugins/content/matcher/reading-gate.js'
import { expandingDictionary } from './helpers.js'

const READINGS: ExpansionKind[] = ['pinyin', 'initials']

/** The gate of a dictionary whose one category's terms (and allowed phrases) expand into `expand`. */
function gateOf(terms: string[], allow: string[] = [], expand = READINGS): ReadingGate {
  return new ReadingGate(compileTables(expandingDictionary({ bad: { terms, allow } }, expand)))
}

/** Whether the gate lets the hit of an anchor that ends where `hit` ends in `text` be read. */
function reads(gate: ReadingGate, text: string, hit: string): boolean {
  return gate.mayRead(text, text.indexOf(hit) + hit.length, 0)
}

describe('the reading gate: hits of anchors no form can be read around', () => {
  it('reads no initials inside a longer Latin word, nor in a file name’s extension', () => {
    const gate = gateOf(['网投平台', '绿泡泡'])
    expect(reads(gate, '明天交PPT', 'PP')).toBe(false)
    expect(reads(gate, '明天交PPT', 'PPT')).toBe(false)
    expect(reads(gate, '报价单.pptx', 'pt')).toBe(false)
    expect(reads(gate, 'https://example.com', 'tp')).toBe(false)
  })

  it('reads a hit whose word a form writes whole, or a part of one, or beside ideographs and spaces', () => {
    const gate = gateOf(['网投平台', '绿泡泡'])
    expect(reads(gate, '上wtpt玩', 'pt')).toBe(true)
    expect(reads(gate, '网投pt', 'pt')).toBe(true)
    expect(reads(gate, '加我 lpp', 'pp')).toBe(true)
    expect(reads(gate, 'tp', 'tp')).toBe(true)
    // A word some owner's letters hold, though no form writes it alone: read (the scan decides).
    expect(reads(gate, 'wtp', 'tp')).toBe(true)
  })

  it('reads pinyin inside a word only when the word is a run of some term’s syllables', () => {
    const gate = gateOf(['加微信'], [], ['pinyin'])
    expect(reads(gate, '加weixin', 'wei')).toBe(true)
    expect(reads(gate, '周末weixiu', 'wei')).toBe(false)
  })

  it('finds the same forms as without the gate', () => {
    const matcher = compileMatcher(expandingDictionary({ bad: ['网投平台', '绿泡泡'] }, READINGS))
    const found = (text: string): string[] => matcher.scan(text).map(m => `${m.matched} ${m.kind} ${m.term}`)
    expect(found('明天交PPT')).toEqual([])
    expect(found('上wtpt玩')).toEqual(['wtpt initials 网投平台'])
    expect(found('加我 lpp')).toEqual(['lpp initials 绿泡泡'])
  })

  it('still reads an allowed phrase’s form inside a word when it may drop a term’s hit', () => {
    const dictionary = expandingDictionary({ bad: { terms: ['赌博'], allow: ['反赌博'] } }, ['pinyin', 'homophone'])
    const matcher = compileMatcher(dictionary)
    expect(matcher.scan('看x堵博').map(m => m.matched)).toEqual(['堵博'])
    // fan堵博 is the allowed phrase in pinyin and a homophone: it drops 堵博 though it touches the x before it.
    expect(matcher.scan('看xfan堵博')).toEqual([])
  })
})
