import { fileURLToPath } from 'node:url'
import path from 'node:path'
import {
  compileMatcher,
  type Dictionary,
  type ExpansionKind,
  type Matcher,
} from '../../../../plugins/content/matcher/index.js'

/** The repository root (four levels above this folder). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')

/** A category given as its terms, or as terms and allowed phrases / patterns. */
type CategorySpec = string[] | { terms?: string[]; allow?: string[]; patterns?: string[] }

/** A dictionary built in code: one entry per category key. */
export function dictionaryOf(categories: Record<string, CategorySpec>, allowDomains?: string[]): Dictionary {
  const entries = Object.entries(categories).map(([key, spec]) => {
    const { terms = [], allow = [], patterns = [] } = Array.isArray(spec) ? { terms: spec } : spec
    return [key, { label: key, severity: 'medium' as const, terms, allow, patterns }]
  })
  const links = allowDomains && { category: 'link', label: 'link', severity: 'medium' as const, allowDomains }
  return { categories: Object.fromEntries(entries), links: links ?? null }
}

/** A dictionary built in code whose categories all expand into `expand`. */
export function expandingDictionary(categories: Record<string, CategorySpec>, expand: ExpansionKind[]): Dictionary {
  const dictionary = dictionaryOf(categories)
  for (const rule of Object.values(dictionary.categories)) rule.expand = expand
  return dictionary
}

/** A matcher for a dictionary built in code. */
export function matcherOf(categories: Record<string, CategorySpec>, allowDomains?: string[]): Matcher {
  return compileMatcher(dictionaryOf(categories, allowDomains))
}

/** The matched substrings of one category, in order. */
export function quotes(matcher: Matcher, text: string, category: string): string[] {
  return matcher
    .scan(text)
    .filter(m => m.category === category)
    .map(m => m.matched)
}

/** Mulberry32 with a fixed seed, so failures are reproducible. */
export function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
