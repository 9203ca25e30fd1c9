import type { ExpansionKind } from './expand.js'

/** How serious a category of banned content is. */
export type Severity = 'low' | 'medium' | 'high'

/** One category of banned content: terms to find, phrases that are fine, optional regexes. */
export interface CategoryRule {
  label: string
  severity: Severity
  terms: string[]
  /** Longer phrases containing a term that are fine; they only cancel matches of their own category. */
  allow: string[]
  /** Regular expressions run on the normalised text (lower case, separators removed). */
  patterns: string[]
  /**
   * Ways of writing the terms that also match (see expand.ts). None when absent; dictionary files get
   * DEFAULT_EXPANSIONS unless a category sets `expand`.
   */
  expand?: ExpansionKind[]
  /**
   * Kinds of hit that act (warn, strike...); a hit of any other kind is review-only: it goes to the
   * admins, never to a strike. Dictionary files get DEFAULT_ACT unless a category sets `act`.
   */
  act?: MatchKind[]
  /** Words that confirm an initials hit of this category; when set, an initials hit needs one nearby. */
  context?: string[]
  /**
   * Terms (also in `terms`) that are hits only with a word of `slangContext` (or `context`) of the category
   * at most SLANG_REACH characters away: slang with an everyday sense (菠菜 beside 平台, not at lunch).
   */
  slang?: string[]
  /**
   * Words that confirm a slang hit nearby, looked for in the normalised text around it only (not by the
   * scan: everyday words cost nothing); never a hit themselves, and no initials' context.
   */
  slangContext?: string[]
}

/** Kinds that act unless a category says otherwise: the term as written or normalised, and regexes. */
export const DEFAULT_ACT: readonly MatchKind[] = ['exact', 'normalised', 'pattern', 'link']

/** Links rule: a URL whose host is not an allowed domain (or a subdomain of one) is a match. */
export interface LinkRule {
  category: string
  label: string
  severity: Severity
  allowDomains: string[]
}

/** A merged, validated banned-content dictionary. */
export interface Dictionary {
  categories: Record<string, CategoryRule>
  links: LinkRule | null
}

/**
 * How a match was found: the term as written, after normalisation (case, width, separators, traditional
 * characters), or through one of the term's expansions; `pattern` and `link` for regexes and links.
 */
export type MatchKind = 'exact' | 'normalised' | ExpansionKind | 'pattern' | 'link'

/** One finding: offsets are UTF-16 indices into the original text; `matched` is text.slice(start, end). */
export interface Match {
  category: string
  /** The dictionary term as written, the pattern source for regex matches, or the host for links. */
  term: string
  start: number
  end: number
  matched: string
  kind: MatchKind
  /** The expansion of the term that matched ("shabi" for 傻逼), for expansion kinds only. */
  form?: string
  /** True when the category's `act` does not list the kind: the hit goes to admins for review only. */
  reviewOnly?: boolean
  /**
   * For a link whose host imitates an allowed domain with look-alike letters (`qingyuаn-water.com` with a
   * Cyrillic а, `qingyuan-water.corn`): that domain (see imitatedDomain).
   */
  imitates?: string
}

/** A compiled dictionary. Methods never throw on any string input. */
export interface Matcher {
  readonly dictionary: Dictionary
  /**
   * Every match in the text, overlapping ones included, ordered by start then end. Read-only: a text
   * without matches gets one shared, frozen empty array.
   */
  scan(text: string): Match[]
  /** The sorted, unique categories found in the text. */
  categoriesOf(text: string): string[]
  /** A links-category match for a URL whose host is not allowed, else null (also for non-URLs). */
  checkUrl(url: string): Match | null
}
