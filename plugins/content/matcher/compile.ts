import type { Alphabet } from './alphabet.js'
import { dropAllowed, type Candidate } from './allow-filter.js'
import { compileTables, type CompiledTables } from './compiled-tables.js'
import { dictionaryProblems, normalizeDomain } from './dictionary-checks.js'
import { DictionaryError } from './dictionary-error.js'
import { foldedBefore, spanOfHit } from './hit-span.js'
import { findUrls, hostOf, isAllowedHost, type FoundUrl } from './links.js'
import { normalizeText } from './normalize.js'
import { compilePattern, findPatternMatches, type CompiledPattern } from './patterns.js'
import { scanKeys, type HitLinks } from './scanner.js'
import { scanKeyStarts, startScanTables, type StartScanTables } from './start-scan.js'
import type { MatcherCache } from './matcher-cache.js'
import { OWNER_KINDS, formOf, keyAt, type TermIndex } from './term-index.js'
import { compareKeyTo } from './substitution-classes.js'
import { isLookalikeLetter } from './fold-table.js'
import { isWordOf } from './expansion-data.js'
import type { Dictionary, Match, MatchKind, Matcher } from './types.js'

/**
 * Compiles a dictionary into a matcher; throws DictionaryError if a term, pattern or domain is unusable.
 * With a cache, the compiled tables are read from it when it holds this dictionary's, else compiled and stored.
 */
export function compileMatcher(dictionary: Dictionary, cache?: MatcherCache): Matcher {
  const problems = dictionaryProblems(dictionary)
  if (problems.length > 0) throw new DictionaryError(problems)
  const tables = cache ? cache.tablesFor(dictionary, compileTables) : compileTables(dictionary)
  return new CompiledMatcher(dictionary, tables)
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
  private readonly starts: StartScanTables
  private readonly classOffsets: Int32Array
  private readonly classMembers: Int32Array
  private readonly patterns: CompiledPattern[]
  private readonly allowDomains: string[]

  constructor(dictionary: Dictionary, tables: CompiledTables) {
    this.dictionary = dictionary
    this.index = tables.index
    this.alphabet = tables.alphabet
    this.arena = tables.arena
    this.links = tables.links
    this.starts = startScanTables(tables.arena)
    this.classOffsets = tables.classOffsets
    this.classMembers = tables.classMembers
    this.patterns = Object.entries(dictionary.categories).flatMap(([category, rule]) =>
      rule.patterns.map(source => compilePattern(category, source)),
    )
    this.allowDomains = (dictionary.links?.allowDomains ?? []).map(normalizeDomain)
  }

  /**
   * One pass over the text. A message without any key hit, pattern or links rule returns the shared
   * empty result at once, without allocating anything (this is the common case, so the path has no closures).
   */
  scan(text: string): Match[] {
    if (typeof text !== 'string' || text.length === 0) return NO_MATCHES
    const hits =
      scanKeyStarts(text, this.starts, this.arena, this.links) ?? scanKeys(text, this.arena, this.links, this.alphabet)
    if (hits.length === 0 && this.patterns.length === 0 && !this.dictionary.links) return NO_MATCHES
    const lazy: LazyUrls = { text, found: undefined }
    const candidates = hits.length > 0 ? this.termCandidates(text, hits, lazy) : []
    if (this.patterns.length > 0) candidates.push(...findPatternMatches(normalizeText(text), this.patterns))
    if (candidates.length === 0 && !this.dictionary.links) return NO_MATCHES
    const matches: Match[] = this.confirmed(dropAllowed(candidates)).map(toMatch, text)
    for (const m of matches) {
      if (!this.acts(m.category, m.kind)) m.reviewOnly = true
    }
    if (this.dictionary.links) {
      for (const url of urlsOf(lazy)) {
        const match = this.linkMatch(url.host, url.start, url.end, text)
        if (match) matches.push(match)
      }
    }
    return matches.length > 1 ? matches.sort(byPosition) : matches
  }

  /**
   * Drops context words, and initials hits of a category with context words when the message has
   * neither one of them nor another hit of that category (`SSC 共享服务中心` is no gambling).
   */
  private confirmed(candidates: Candidate[]): Candidate[] {
    if (!candidates.some(c => c.context || c.kind === 'initials')) return candidates
    const confirmedCategories = new Set(candidates.filter(c => c.kind !== 'initials').map(c => c.category))
    return candidates.filter(
      c =>
        !c.context &&
        (c.kind !== 'initials' ||
          (this.dictionary.categories[c.category]?.context ?? []).length === 0 ||
          confirmedCategories.has(c.category)),
    )
  }

  /** True if a hit of this kind acts in the category (links always act). */
  private acts(category: string, kind: MatchKind): boolean {
    const act = this.dictionary.categories[category]?.act
    return act === undefined || act.includes(kind)
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
   * The key that a hit of class key c (ending at `end`, `tail`) really found, or -1: the hit's folded
   * characters must be one of the keys the class key stands for (at most one is, as keys are distinct;
   * they are sorted, so a binary search finds it).
   */
  private keyOfHit(text: string, c: number, end: number, tail: number): number {
    const { keyOffsets } = this.index
    const first = this.classMembers[this.classOffsets[c]]
    const length = keyOffsets[first + 1] - keyOffsets[first]
    if (folded.length < length) folded = new Int32Array(length * 2)
    if (!foldedBefore(text, end, tail, length, folded)) return -1
    let lo = this.classOffsets[c]
    let hi = this.classOffsets[c + 1] - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const d = compareKeyTo(this.index, this.classMembers[mid], folded, length)
      if (d === 0) return this.classMembers[mid]
      if (d < 0) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /**
   * Term matches that read as one word (see HitSpan), and allowed-phrase matches. Allowed phrases
   * are matched generously, however their letters are split, so that they cancel more, never less.
   * An expansion is no match inside a URL or an e-mail address (`jiawei@example.com` is not 加薇).
   */
  private termCandidates(text: string, hits: number[], lazy: LazyUrls): Candidate[] {
    const candidates: Candidate[] = []
    const { ownerOffsets, ownerCategory, ownerText, ownerIsAllowPhrase, ownerIsContext, ownerKind, categories, texts } =
      this.index
    let addresses: Array<[number, number]> | undefined
    for (let h = 0; h < hits.length; h += 3) {
      const end = hits[h + 1]
      const k = this.keyOfHit(text, hits[h], end, hits[h + 2])
      if (k < 0) continue
      const span = spanOfHit(text, end, hits[h + 2], keyAt(this.index, k))
      for (let o = ownerOffsets[k]; o < ownerOffsets[k + 1]; o++) {
        const allowPhrase = ownerIsAllowPhrase[o] === 1
        if (!allowPhrase && !span.oneWord) continue
        const term = texts[ownerText[o]]
        const category = categories[ownerCategory[o]]
        const start = span.start
        if (ownerKind[o] === 0) {
          const kind = exactKind(text, start, end, term)
          const context = ownerIsContext[o] === 1
          candidates.push({ category, term, start, end, allowPhrase, kind, context })
          continue
        }
        addresses ??= addressSpans(text, urlsOf(lazy))
        if (!allowPhrase && addresses.some(([s, e]) => start < e && end > s)) continue
        const kind = OWNER_KINDS[ownerKind[o] - 1]
        const form = formOf(this.index, o, k)
        if (!allowPhrase && SUBSTITUTIONS.has(kind) && joinsNeighbour(text, start, end, term, form)) continue
        if (!allowPhrase && kind === 'pinyin' && readsAsName(text, start, end)) continue
        candidates.push({ category, term, start, end, allowPhrase, kind, form })
      }
    }
    return candidates
  }
}

/** The result of a scan that finds nothing, shared (frozen: callers only read results). */
const NO_MATCHES = Object.freeze([]) as unknown as Match[]
/** Scratch space for the folded characters of a hit (see keyOfHit), grown as needed. */
let folded = new Int32Array(64)

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

/** Pinyin written as a name: a capitalised surname and given name (`Wei Xin`, `Bai Jiale`; not `Bai Jia Le`). */
const PERSONAL_NAME = /^[A-Z][a-z]+ [A-Z][a-z]+$/
/** What may stand around a name: the text's ends, spaces, punctuation. */
const NAME_EDGE = /^$|^[\s\p{P}]$/u

/** True for pinyin written as a name and set apart by spaces (`新同事 Wei Xin 下周`, not `玩Du Bo的`). */
function readsAsName(text: string, start: number, end: number): boolean {
  return (
    PERSONAL_NAME.test(text.slice(start, end)) &&
    NAME_EDGE.test(text.slice(Math.max(0, start - 1), start)) &&
    NAME_EDGE.test(text.slice(end, end + 1))
  )
}

/** Expansion kinds that swap characters for others: a swapped edge character may belong to a word outside. */
const SUBSTITUTIONS = new Set<MatchKind>(['homophone', 'lookalike'])

/**
 * True when a swapped first or last character makes a word with the character next to the match:
 * 日赚 -> 日转 in 每日转发 (转发), 约炮 -> 约跑 in 约跑步 (跑步), 六合彩 -> 六合菜 in 六合菜市场 (菜市).
 */
function joinsNeighbour(text: string, start: number, end: number, term: string, form: string): boolean {
  if (codePointCount(term) !== codePointCount(form)) return false
  const first = form.codePointAt(0)!
  if (first !== term.codePointAt(0) && start > 0 && isWordOf(text.charCodeAt(start - 1), first)) return true
  const last = lastCodePoint(form)
  return last !== lastCodePoint(term) && end < text.length && isWordOf(last, text.charCodeAt(end))
}

/** The number of code points of a string. */
function codePointCount(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) if (isLowSurrogateAfterHigh(s, i)) n--
  return n
}

/** The last code point of a non-empty string. */
function lastCodePoint(s: string): number {
  return isLowSurrogateAfterHigh(s, s.length - 1) ? s.codePointAt(s.length - 2)! : s.charCodeAt(s.length - 1)
}

/** True if the unit at i is the low half of a surrogate pair. */
function isLowSurrogateAfterHigh(s: string, i: number): boolean {
  const unit = s.charCodeAt(i)
  if (i === 0 || unit < 0xdc00 || unit > 0xdfff) return false
  const high = s.charCodeAt(i - 1)
  return high >= 0xd800 && high <= 0xdbff
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu

/** Spans of the URLs and e-mail addresses in text. */
function addressSpans(text: string, urls: FoundUrl[]): Array<[number, number]> {
  const spans: Array<[number, number]> = urls.map(u => [u.start, u.end])
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) spans.push([m.index, m.index + m[0].length])
  return spans
}

/** `exact` when the text is the term as written, `lookalike` if it uses look-alike letters, else `normalised`. */
function exactKind(text: string, start: number, end: number, term: string): MatchKind {
  if (end - start === term.length && text.startsWith(term, start)) return 'exact'
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i)!
    if (isLookalikeLetter(cp)) return 'lookalike'
    if (cp > 0xffff) i++
  }
  return 'normalised'
}
