import { describe, expect, it } from 'vitest'
import { buildAutomaton } from '../../../../plugins/content/matcher/automaton.js'
import { matcherOf, prng } from './helpers.js'

/** Every (term, start, end) occurrence found by brute force. */
function bruteForce(terms: string[], text: string): string[] {
  const found: string[] = []
  for (const term of terms) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      found.push(`${term}@${i}-${i + term.length}`)
    }
  }
  return found.sort()
}

describe('automaton against brute force', () => {
  it('finds exactly the occurrences of random dictionaries in random text', () => {
    const random = prng(42)
    const letters = [...'赌博彩下注色情网站']
    const pick = (): string => letters[Math.floor(random() * letters.length)]
    for (let round = 0; round < 300; round++) {
      const terms = new Set<string>()
      const count = 1 + Math.floor(random() * 20)
      while (terms.size < count) {
        terms.add(Array.from({ length: 1 + Math.floor(random() * 5) }, pick).join(''))
      }
      const text = Array.from({ length: Math.floor(random() * 80) }, pick).join('')
      const list = [...terms]
      const matcher = matcherOf(Object.fromEntries(list.map((term, i) => [`c${i}`, [term]])))
      const found = matcher
        .scan(text)
        .map(m => `${m.term}@${m.start}-${m.end}`)
        .sort()
      expect(found, `terms ${list.join(',')} text ${text}`).toEqual(bruteForce(list, text))
    }
  })

  it('finds exactly the occurrences of hundreds of terms over four letters (long shared prefixes, terms inside terms)', () => {
    const random = prng(7)
    const letters = [...'赌博彩色']
    const pick = (): string => letters[Math.floor(random() * letters.length)]
    for (let round = 0; round < 5; round++) {
      const terms = new Set<string>()
      while (terms.size < 400) terms.add(Array.from({ length: 1 + Math.floor(random() * 8) }, pick).join(''))
      const list = [...terms]
      const text = Array.from({ length: 200 }, pick).join('')
      const found = matcherOf({ c: list })
        .scan(text)
        .map(m => `${m.term}@${m.start}-${m.end}`)
        .sort()
      expect(found).toEqual(bruteForce(list, text))
    }
  })

  it('handles thousands of terms sharing prefixes and suffixes', () => {
    const terms = Array.from(
      { length: 3000 },
      (_, i) => `词${String.fromCharCode(0x4e00 + (i % 97))}${String.fromCharCode(0x4e00 + (i % 89))}`,
    )
    const unique = [...new Set(terms)]
    const matcher = matcherOf({ many: unique })
    const text = unique.slice(0, 50).join('，')
    expect(matcher.scan(text).length).toBe(50)
  })

  it('ends equal keys in one state, as if each were given once', () => {
    const random = prng(11)
    const keys = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => 1 + Math.floor(random() * 6)),
    )
    const listOf = (list: number[][]) => ({
      codes: Int32Array.from(list.flat()),
      offsets: Int32Array.from([0, ...list.map((_, i) => list.slice(0, i + 1).flat().length)]),
    })
    const distinct = [...new Map(keys.map(k => [k.join(','), k])).values()]
    expect(distinct.length).toBeLessThan(keys.length)
    const once = buildAutomaton(listOf(distinct), 6)
    const all = buildAutomaton(listOf(keys), 6)
    expect(all.cells).toEqual(once.cells)
    const endOfDistinct = new Map(distinct.map((k, i) => [k.join(','), once.endOf[i]]))
    keys.forEach((k, i) => {
      expect(all.endOf[i]).toBe(endOfDistinct.get(k.join(',')))
    })
  })
})
