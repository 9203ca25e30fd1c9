import { describe, expect, it } from 'vitest'
import { DEFAULT_EXPANSIONS } from '../../../../plugins/content/matcher/index.js'
import { compileTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { HitList } from '../../../../plugins/content/matcher/hit-list.js'
import { scanKeys } from '../../../../plugins/content/matcher/scanner.js'
import { findUrls, mayHoldSpelledUrl } from '../../../../plugins/content/matcher/links.js'
import {
  scanKeyStarts,
  startScanTables,
  textMayHoldUrl,
  textMaySpellDot,
} from '../../../../plugins/content/matcher/start-scan.js'
import { dictionaryOf, prng } from './helpers.js'

/** Raw hits as sorted "key@end+tail" strings (the two scans report them in different orders). */
function sorted(hits: HitList): string[] {
  const out: string[] = []
  const { ints } = hits
  for (let h = 0; h < hits.length; h += 3) out.push(`${ints[h]}@${ints[h + 1]}+${ints[h + 2]}`)
  return out.sort()
}

describe('scanning from key starts', () => {
  const dictionary = dictionaryOf({ a: ['赌博', '傻逼', '加微信', '六合彩', '一夜情', 'vx', '扫码', '马'] })
  for (const category of Object.values(dictionary.categories)) category.expand = [...DEFAULT_EXPANSIONS]
  const tables = compileTables(dictionary)
  const starts = startScanTables(tables.arena)
  // Term characters, their homophones and pinyin letters, separators, skipped emoji, an emoji read as
  // a character (🐎 马), a character folding to two letters (⑩) and a lone surrogate; lone halves of an
  // emoji block's pairs (read at the low surrogate, see checkedByLowSurrogate), alone or pairing with
  // each other and with the halves of 😀 and 🐎 (the low half of 🐎 after another high half).
  const pieces = [
    ...'赌博堵傻逼煞笔加微信薇六合彩菜一夜情1vxVX扫码马贝者',
    'du',
    'bo',
    ' ',
    '\u200b',
    '*',
    '，',
    '\n',
    '。',
    '.',
    '：',
  ]
  const slowPieces = ['😀', '👍', '🐎', '⑩', '\ud800', '\ud83d', '\ude00', '\udc0e']

  it('finds the same keys at the same offsets as the automaton scan, or leaves the text to it; knows whether the text may hold a URL', () => {
    const random = prng(7)
    let fromStarts = 0
    let hits = 0
    for (let round = 0; round < 2000; round++) {
      const pool = round % 2 === 0 ? pieces : [...pieces, ...slowPieces]
      const text = Array.from(
        { length: Math.floor(random() * 40) },
        () => pool[Math.floor(random() * pool.length)],
      ).join('')
      const all = new HitList()
      scanKeys(text, tables.arena, tables.links, tables.alphabet, all)
      const expected = sorted(all)
      const found = new HitList()
      // A list that held another text's hits: the scan starts it afresh.
      found.push(1, 2, 3)
      if (!scanKeyStarts(text, starts, tables.arena, tables.links, found)) {
        expect(
          ['🐎', '⑩', '\ud800'].some(slow => text.includes(slow)),
          text,
        ).toBe(true)
        continue
      }
      fromStarts++
      if (!textMayHoldUrl()) expect(findUrls(text), text).toEqual([])
      expect(textMayHoldUrl(), text).toBe(/[.:\u3002\uff0e\uff1a\uff61]/.test(text))
      hits += expected.length
      expect(sorted(found), text).toEqual(expected)
    }
    expect(fromStarts).toBeGreaterThan(1200)
    expect(hits).toBeGreaterThan(500)
  })

  it('knows whether the text may write a URL dot out (点, ·, dot), with the same hits', () => {
    const random = prng(11)
    const pool = [...pieces, ...'点點·•丶dDot', 'dot', 'DOT', 'x']
    let spelled = 0
    for (let round = 0; round < 2000; round++) {
      const text = Array.from(
        { length: Math.floor(random() * 30) },
        () => pool[Math.floor(random() * pool.length)],
      ).join('')
      const all = new HitList()
      scanKeys(text, tables.arena, tables.links, tables.alphabet, all)
      const found = new HitList()
      expect(scanKeyStarts(text, starts, tables.arena, tables.links, found), text).toBe(true)
      expect(sorted(found), text).toEqual(sorted(all))
      expect(textMaySpellDot(), text).toBe(/[点點·•丶dD]/.test(text))
      if (!textMaySpellDot()) expect(mayHoldSpelledUrl(text), text).toBe(false)
      if (mayHoldSpelledUrl(text)) spelled++
    }
    expect(spelled).toBeGreaterThan(500)
  })

  it('reports every hit of a long message (more hits than the list first holds)', () => {
    const text = '赌博，'.repeat(200)
    const all = new HitList()
    scanKeys(text, tables.arena, tables.links, tables.alphabet, all)
    const found = new HitList()
    expect(scanKeyStarts(text, starts, tables.arena, tables.links, found)).toBe(true)
    expect(found.length).toBeGreaterThanOrEqual(3 * 200)
    expect(sorted(found)).toEqual(sorted(all))
  })
})
