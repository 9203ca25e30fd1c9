import { PROBLEM_TAG, type CaseRecord } from '../state.js'
import { uniqueTokens } from './tokenize.js'

/** Bump when tokenization changes, so cached terms are recomputed at start. */
export const TERMS_VERSION = 3

/** A first line up to this long reads as a heading, not as the start of a paragraph. */
const HEADING_MAX = 30

/**
 * The serialized index terms of a case: `strong tokens|weak tokens`, each
 * token once. Strong = the heading and the ranked fields (难点, 产品 by
 * default); weak = every other token of the text. The heading is the title
 * built from template fields, a short first line, or the first line of a
 * `#问题` (the problem itself); a long first paragraph is not a heading.
 */
export function caseTerms(c: CaseRecord, rankFields: string[]): string {
  const strong = uniqueTokens([headingOf(c), ...rankFields.map(f => c.fields[f] ?? '')].join('\n'))
  const seen = new Set(strong)
  const weak = uniqueTokens(c.text).filter(t => !seen.has(t))
  return `${strong.join(' ')}|${weak.join(' ')}`
}

function headingOf(c: CaseRecord): string {
  const first =
    c.text
      .split('\n')
      .map(l => l.trim())
      .find(Boolean) ?? ''
  if (!first.startsWith(c.title.replace(/…$/, ''))) return c.title
  return first.length <= HEADING_MAX || c.tag === PROBLEM_TAG ? first : ''
}
