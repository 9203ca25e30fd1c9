import { describe, expect, it } from 'vitest'
import {
  CLAUSE_END,
  SENTENCE_END,
  edgeAfter,
  edgeBefore,
} from '../../../../plugins/content/matcher/talked-about-clauses.js'

describe('clause and sentence edges', () => {
  const text = '群规：禁止私单，违者开除。有人问😀底价？不回'

  it('finds the clause and the sentence around a hit as any set of marks would', () => {
    // A copy of each set is read as a set, not as the table the two shared sets are read by: the edges agree.
    for (const ends of [CLAUSE_END, SENTENCE_END]) {
      const copy = new Set(ends)
      for (let at = 0; at <= text.length; at++) {
        expect(edgeBefore(text, at, ends)).toBe(edgeBefore(text, at, copy))
        expect(edgeAfter(text, at, ends)).toBe(edgeAfter(text, at, copy))
      }
    }
  })

  it('reads 私单 in its clause and its sentence', () => {
    const at = text.indexOf('私单')
    expect(text.slice(edgeBefore(text, at, CLAUSE_END), edgeAfter(text, at + 2, CLAUSE_END))).toBe('群规：禁止私单')
    expect(text.slice(edgeBefore(text, at, SENTENCE_END), edgeAfter(text, at + 2, SENTENCE_END))).toBe(
      '群规：禁止私单，违者开除',
    )
  })
})
