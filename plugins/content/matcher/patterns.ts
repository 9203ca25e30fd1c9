import type { Candidate } from './allow-filter.js'
import type { NormalizedText } from './normalize.js'
import { slowRegexReason } from './safe-regex.js'

/** Patterns run on windows of this many normalised UTF-16 units... */
const WINDOW = 1000
/** ...overlapping by this many, so a match shorter than the overlap is never cut in two. */
const OVERLAP = 100

/** A category regex ready to run. */
export interface CompiledPattern {
  category: string
  source: string
  regex: RegExp
}

/**
 * Why a pattern source is rejected (invalid, possibly slow, matches empty text), or null: Chinese first, the
 * English in brackets (said after the quoted source).
 */
export function patternProblem(source: string): string | null {
  let regex: RegExp
  try {
    regex = new RegExp(source, 'iu')
  } catch (error) {
    return `不是有效的正则表达式（${(error as Error).message}）`
  }
  const slow = slowRegexReason(source)
  if (slow) return `可能极慢，会拖住机器人：${slow.zh}（could be catastrophically slow: ${slow.en}）`
  if (regex.test('')) return '能匹配空文本，每条消息都会命中（regular expression matches empty text）'
  return null
}

/** Compiles a pattern already accepted by patternProblem. */
export function compilePattern(category: string, source: string): CompiledPattern {
  return { category, source, regex: new RegExp(source, 'giu') }
}

/**
 * Runs the patterns on bounded windows of the normalised text and maps matches back to original
 * offsets. Bounded windows keep the cost of any accepted regex linear in the text length.
 */
export function findPatternMatches(normalized: NormalizedText, patterns: CompiledPattern[]): Candidate[] {
  const found: Candidate[] = []
  const seen = new Set<string>()
  const length = normalized.text.length
  for (let from = 0; from < length; from += WINDOW - OVERLAP) {
    const window = normalized.text.slice(from, from + WINDOW)
    for (const pattern of patterns) {
      for (const m of window.matchAll(pattern.regex)) {
        if (m[0].length === 0) continue
        const first = from + m.index
        const last = first + m[0].length - 1
        const key = `${pattern.source}\u0000${first}\u0000${last}`
        if (seen.has(key)) continue
        seen.add(key)
        found.push({
          category: pattern.category,
          term: pattern.source,
          start: normalized.starts[first],
          end: normalized.ends[last],
          allowPhrase: false,
          kind: 'pattern',
        })
      }
    }
    if (from + WINDOW >= length) break
  }
  return found
}
