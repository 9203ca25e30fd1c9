import type { CaseRecord } from '../state.js'
import { CaseIndex } from './case-index.js'
import { caseTerms } from './case-terms.js'
import type { SearchQuery } from './query.js'
import { normalize, uniqueTokens } from './tokenize.js'

/** How a search matched: every term, only some terms (fallback), or no text (newest first). */
export type SearchMode = 'all' | 'partial' | 'browse'

/** What a search found. */
export interface SearchOutcome {
  mode: SearchMode
  total: number
  hits: CaseRecord[]
  terms: string[]
}

/** Options of `buildCaseSearch`. */
export interface CaseSearchOptions {
  rankFields: string[]
  /** Serialized terms of a case (cached ones at start); defaults to computing them. */
  termsOf?: (c: CaseRecord) => string
}

/** What the filters read, in one fixed object shape so testing many candidates stays fast. `product` is the 产品 field or ''. */
export interface FilterView {
  tag: string
  at: number
  author: string
  product: string
}

interface Entry extends FilterView {
  rec: CaseRecord
}

/** Full-text search over live cases with tag/author/product/date filters. */
export class CaseSearch {
  private index = new CaseIndex<Entry>()
  private records = new Map<string, Entry>()

  constructor(private rankFields: string[]) {}

  /** Number of searchable cases. */
  get size(): number {
    return this.index.size
  }

  /** Index (or re-index) a live case. */
  upsert(c: CaseRecord, terms = caseTerms(c, this.rankFields)): void {
    const entry: Entry = { rec: c, tag: c.tag, at: c.at, author: c.author, product: c.fields.产品 ?? '' }
    this.records.set(c.id, entry)
    this.index.add(c.id, terms, entry)
  }

  /** Drop a case from search. */
  remove(id: string): void {
    this.records.delete(id)
    this.index.remove(id)
  }

  /** Best `limit` cases for `q`: all terms first, any term as a fallback. */
  search(q: SearchQuery, limit: number): SearchOutcome {
    const accept = compileFilter(q)
    if (!q.text.trim()) return this.browse(accept ?? (() => true), limit)
    const terms = uniqueTokens(q.text)
    const all = this.index.search({ terms, mode: 'all', limit, accept })
    // Fall back to partial matches only when the words never occur together, not when filters rule them out.
    if (all.total || all.candidates || terms.length < 2)
      return { mode: 'all', total: all.total, hits: all.hits.map(h => h.doc.rec), terms }
    // A lone character split off a longer word (机 of 火箭发动机) matches unrelated cases: only words count.
    const words = meaningfulTerms(terms)
    const any = this.index.search({ terms: words, mode: 'any', limit, accept })
    return { mode: 'partial', total: any.total, hits: any.hits.map(h => h.doc.rec), terms: words }
  }

  /** How many cases contain each word of a query (for "try a broader word" suggestions; no lone characters). */
  termCounts(terms: string[]): { term: string; count: number }[] {
    return meaningfulTerms(terms).map(term => ({ term, count: this.index.docFreq(term) }))
  }

  private browse(accept: (c: FilterView) => boolean, limit: number): SearchOutcome {
    // Records keep capture order (an amendment keeps its place), so the newest are last.
    const matching = [...this.records.values()].filter(accept)
    return {
      mode: 'browse',
      total: matching.length,
      hits: matching
        .slice(-limit)
        .reverse()
        .map(e => e.rec),
      terms: [],
    }
  }
}

/**
 * The tag, author, product and date filters of `q` as one predicate
 * (undefined when there are none, so unfiltered searches skip it). Author
 * and product match as substrings, ignoring letter case; a product filter
 * only matches cases that have a 产品 field (search the word for the rest).
 */
export function compileFilter(q: SearchQuery): ((c: FilterView) => boolean) | undefined {
  if (!q.tag && !q.author && !q.product && q.from === undefined && q.to === undefined) return undefined
  const author = q.author ? contains(q.author) : undefined
  const product = q.product ? contains(q.product) : undefined
  const { tag } = q
  const from = q.from ?? -Infinity
  const to = q.to ?? Infinity
  return c => {
    if (c.at < from || c.at >= to) return false
    if (tag && c.tag !== tag) return false
    if (author && !author(c.author)) return false
    if (product && !product(c.product)) return false
    return true
  }
}

/** A case-insensitive substring test for `needle` (lower-casing the haystack only when the needle has letters). */
function contains(needle: string): (haystack: string) => boolean {
  const n = normalize(needle)
  return /[a-z]/.test(n) ? h => h.toLowerCase().includes(n) : h => h.includes(n)
}

/** The words of a query worth matching alone: single characters only when the query has no longer word. */
export function meaningfulTerms(terms: string[]): string[] {
  const words = terms.filter(t => [...t].length > 1)
  return words.length ? words : terms
}

/** Build a search over `cases` (live ones only), as at start-up. */
export function buildCaseSearch(cases: Iterable<CaseRecord>, opts: CaseSearchOptions): CaseSearch {
  const search = new CaseSearch(opts.rankFields)
  for (const c of cases) if (!c.status) search.upsert(c, opts.termsOf?.(c))
  return search
}
