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
}

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

/** One finding: offsets are UTF-16 indices into the original text; `matched` is text.slice(start, end). */
export interface Match {
  category: string
  /** The dictionary term as written, the pattern source for regex matches, or the host for links. */
  term: string
  start: number
  end: number
  matched: string
}

/** A compiled dictionary. Methods never throw on any string input. */
export interface Matcher {
  readonly dictionary: Dictionary
  /** Every match in the text, overlapping ones included, ordered by start then end. */
  scan(text: string): Match[]
  /** The sorted, unique categories found in the text. */
  categoriesOf(text: string): string[]
  /** A links-category match for a URL whose host is not allowed, else null (also for non-URLs). */
  checkUrl(url: string): Match | null
}
