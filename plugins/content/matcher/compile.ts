import { buildAlphabet, type Alphabet } from './alphabet.js'
import { dropAllowed, type Candidate } from './allow-filter.js'
import { buildAutomaton } from './automaton.js'
import { dictionaryProblems, normalizeDomain } from './dictionary-checks.js'
import { DictionaryError } from './dictionary-error.js'
import { spanOfHit } from './hit-span.js'
import { findUrls, hostOf, isAllowedHost, type FoundUrl } from './links.js'
import { normalizeText } from './normalize.js'
import { compilePattern, findPatternMatches, type CompiledPattern } from './patterns.js'
import { buildScanArena } from './scan-table.js'
import { scanKeys, type HitLinks } from './scanner.js'
import { OWNER_KINDS, indexTerms, keyAt, type TermIndex } from './term-index.js'
import { isLookalikeLetter } from './fold-table.js'
import type { Dictionary, Match, MatchKind, Matcher } from './types.js'

/** Compiles a dictionary into a matcher; throws DictionaryError if a term, pattern or domain is unusable. */
export function compileMatcher(dictionary: Dictionary): Matcher {
  const problems = dictionaryProblems(dictionary)
  if (problems.length > 0) throw new DictionaryError(problems)
  return new CompiledMatcher(dictionary)
}

/** Orders matches by start, then end, then category. */
function byPosition(x: Match, y: Match): number {
  return x.start - y.start || x.end - y.end || (x.category < y.category ? -1 : x.category > y.category ? 1 : 0)
}

class CompiledMatcher implements Matcher {
  readonly dictionary: Dictionary
  private readonly index: TermIndex
  private readonly alphabet: Alphabet
  private readonly arena: Int32Array
  private readonly links: HitLinks
  private readonly patterns: CompiledPattern[]
  private readonly allowDomains: string[]

  constructor(dictionary: Dictionary) {
    this.dictionary = dictionary
    this.index = indexTerms(dictionary)
    this.alphabet = buildAlphabet(this.index.keyCodePoints)
    const keys: Int32Array[] = []
    for (let k = 0; k < this.index.keyCount; k++) keys.push(keyAt(this.index, k).map(this.alphabet.codeOf))
    const automaton = buildAutomaton(keys, this.alphabet.size)
    this.arena = buildScanArena(this.alphabet, automaton, keys)
    this.links = { out: automaton.out, report: automaton.report }
    this.patterns = Object.entries(dictionary.categories).flatMap(([category, rule]) =>
      rule.patterns.map(source => compilePattern(category, source)),
    )
    this.allowDomains = (dictionary.links?.allowDomains ?? []).map(normalizeDomain)
  }

  /**
   * One pass over the text. A message without any key hit, pattern or links rule returns at once,
   * without allocating anything but the result (this is the common case, so the path has no closures).
   */
  scan(text: string): Match[] {
    if (typeof text !== 'string' || text.length === 0) return []
    const hits = scanKeys(text, this.arena, this.links, this.alphabet)
    if (hits.length === 0 && this.patterns.length === 0 && !this.dictionary.links) return []
    const lazy: LazyUrls = { text, found: undefined }
    const candidates = hits.length > 0 ? this.termCandidates(text, hits, lazy) : []
    if (this.patterns.length > 0) candidates.push(...findPatternMatches(normalizeText(text), this.patterns))
    const matches: Match[] = dropAllowed(candidates).map(toMatch, text)
    if (this.dictionary.links) {
      for (const url of urlsOf(lazy)) {
        const match = this.linkMatch(url.host, url.start, url.end, text)
        if (match) matches.push(match)
      }
    }
    return matches.length > 1 ? matches.sort(byPosition) : matches
  }

  categoriesOf(text: string): string[] {
    return [...new Set(this.scan(text).map(m => m.category))].sort()
  }

  checkUrl(url: string): Match | null {
    if (typeof url !== 'string') return null
    const host = hostOf(url.trim())
    return host ? this.linkMatch(host, 0, url.length, url) : null
  }

  /** A links match unless the host is allowed or there is no links rule. */
  private linkMatch(host: string, start: number, end: number, text: string): Match | null {
    const links = this.dictionary.links
    if (!links || isAllowedHost(host, this.allowDomains)) return null
    return { category: links.category, term: host, start, end, matched: text.slice(start, end), kind: 'link' }
  }

  /**
   * Term matches that read as one word (see HitSpan), and allowed-phrase matches. Allowed phrases
   * are matched generously, however their letters are split, so that they cancel more, never less.
   * An expansion is no match inside a URL or an e-mail address (`jiawei@example.com` is not 加薇).
   */
  private termCandidates(text: string, hits: number[], lazy: LazyUrls): Candidate[] {
    const candidates: Candidate[] = []
    const { ownerOffsets, ownerCategory, ownerText, ownerIsAllowPhrase, ownerKind, ownerForm } = this.index
    let addresses: Array<[number, number]> | undefined
    for (let h = 0; h < hits.length; h += 3) {
      const k = hits[h]
      const end = hits[h + 1]
      const span = spanOfHit(text, end, hits[h + 2], keyAt(this.index, k))
      for (let o = ownerOffsets[k]; o < ownerOffsets[k + 1]; o++) {
        const allowPhrase = ownerIsAllowPhrase[o] === 1
        if (!allowPhrase && !span.oneWord) continue
        const term = ownerText[o]
        const start = span.start
        if (ownerKind[o] === 0) {
          const kind = exactKind(text.slice(start, end), term)
          candidates.push({ category: ownerCategory[o], term, start, end, allowPhrase, kind })
          continue
        }
        addresses ??= addressSpans(text, urlsOf(lazy))
        if (!allowPhrase && addresses.some(([s, e]) => start < e && end > s)) continue
        const kind = OWNER_KINDS[ownerKind[o] - 1]
        candidates.push({ category: ownerCategory[o], term, start, end, allowPhrase, kind, form: ownerForm[o] })
      }
    }
    return candidates
  }
}

/** The URLs of a text, found on first use. */
interface LazyUrls {
  text: string
  found: FoundUrl[] | undefined
}

function urlsOf(lazy: LazyUrls): FoundUrl[] {
  lazy.found ??= findUrls(lazy.text)
  return lazy.found
}

/** A candidate as a match of `this` text (Array.map's thisArg keeps the call free of closures). */
function toMatch(this: string, c: Candidate): Match {
  const match: Match = {
    category: c.category,
    term: c.term,
    start: c.start,
    end: c.end,
    matched: this.slice(c.start, c.end),
    kind: c.kind,
  }
  if (c.form !== undefined) match.form = c.form
  return match
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu

/** Spans of the URLs and e-mail addresses in text. */
function addressSpans(text: string, urls: FoundUrl[]): Array<[number, number]> {
  const spans: Array<[number, number]> = urls.map(u => [u.start, u.end])
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) spans.push([m.index, m.index + m[0].length])
  return spans
}

/** `exact` when the text is the term as written, `lookalike` if it uses look-alike letters, else `normalised`. */
function exactKind(matched: string, term: string): MatchKind {
  if (matched === term) return 'exact'
  for (const ch of matched) if (isLookalikeLetter(ch.codePointAt(0)!)) return 'lookalike'
  return 'normalised'
}
