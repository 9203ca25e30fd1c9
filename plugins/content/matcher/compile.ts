import { domainToUnicode } from 'node:url'
import type { Alphabet } from './alphabet.js'
import { dropAllowed, type Candidate } from './allow-filter.js'
import { add, urlsOf, type Found, type LazyUrls } from './candidate-rules.js'
import { compileTables, type CompiledTables } from './compiled-tables.js'
import { dictionaryProblems, normalizeDomain } from './dictionary-checks.js'
import { DictionaryError } from './dictionary-error.js'
import { initialsOfTwoTerms, writesLongInitials } from './form-codes.js'
import { namesItsPrice } from './form-money.js'
import {
  asksTheDraw,
  followsACompetition,
  handsOverPrice,
  keepsPriceFrom,
  namesLinkedSite,
  takesAnOrder,
} from './initials-context.js'
import { HitList } from './hit-list.js'
import { foldedBefore, spanOfHit } from './hit-span.js'
import { type FoundUrl, findUrls, hostOf, imitatedDomain, isAllowedHost, mayHoldSpelledUrl } from './links.js'
import { namesLinkService, namesModel } from './link-named.js'
import { onPrivateNetwork } from './private-hosts.js'
import { stillPitches } from './pitch-guard.js'
import { ANCHOR, type ImageInfo, LATIN, lengthOf } from './image-info.js'
import { NO_MEMBERS } from './image-members.js'
import { foldedKey, normalizeText } from './normalize.js'
import { compilePattern, findPatternMatches, type CompiledPattern } from './patterns.js'
import { ReadingGate } from './reading-gate.js'
import { ReadingScan, type ReadingOwnerOfHit } from './reading-scan.js'
import type { KeyEnds } from './key-ends.js'
import { scanKeys } from './scanner.js'
import {
  scanKeyStarts,
  startScanTables,
  textMayHoldUrl,
  textMayReadOtherwise,
  textMaySoundWei,
  textMaySpellDot,
  type StartScanTables,
} from './start-scan.js'
import type { MatcherCache } from './matcher-cache.js'
import { OWNER_KINDS, formOf, type TermIndex } from './term-index.js'
import { compareKeyTo } from './substitution-classes.js'
import type { ExpansionKind } from './expand.js'
import { reachStartAfter } from './slang-reach.js'
import { SplitScan, type SplitOwnerOfHit } from './split-scan.js'
import { splitAnchorsIn, type SplitAnchors } from './split-anchors.js'
import { SwapChoices } from './swap-filter.js'
import { PairFilter } from './pair-filter.js'
import { dropByWords } from './word-context.js'
import { asksForAccount, isLettersAlone, measureWordTerms } from './measure-words.js'
import { textWithDigitLetters } from './digit-letters.js'
import { textWithJoinedSplits } from './joined-splits.js'
import { textWithDashOnes } from './dash-ones.js'
import { textWithCommonLookalikes } from './common-lookalikes.js'
import { textWithEmojiGaps } from './emoji-gaps.js'
import { textWithWeiSounds } from './wechat-sounds.js'
import { SwapForms, formNeedle } from './swap-form-cache.js'
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

/** How far (characters between them) a context word may stand from a slang hit (see CategoryRule.slang). */
const SLANG_REACH = 10
/** The most UTF-16 units 微信 in letters alone spans, separators and all (`w x`, `ｗ·ｘ`): see askedLetters. */
const LETTERS_SPAN = 6

/** True for a candidate of a term not in letters found in letters alone that write 微信 (wx: see askedLetters). */
function writesLettersAlone(text: string, c: Candidate): boolean {
  return (
    c.end - c.start <= LETTERS_SPAN &&
    (c.kind === 'exact' || c.kind === 'normalised') &&
    isLettersAlone(foldedKey(text.slice(c.start, c.end))) &&
    !isLettersAlone(foldedKey(c.term))
  )
}

/** True if a longer candidate of the same category holds this one (`+vx 详聊`: 加v's +vx holds vx). */
function insideLonger(candidates: readonly Candidate[], c: Candidate): boolean {
  for (const d of candidates)
    if (d.category === c.category && d.start <= c.start && d.end >= c.end && d.end - d.start > c.end - c.start)
      return true
  return false
}

/** True if the candidate's term is in its category's set of `sets`. */
function isIn(sets: ReadonlyMap<string, ReadonlySet<string>>, c: Candidate): boolean {
  return sets.get(c.category)?.has(c.term) === true
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
  private readonly ends: KeyEnds
  private readonly starts: StartScanTables
  private readonly images: ImageInfo
  /** Each image's keys and swap owners (see ImageMembers). */
  private readonly slots: Int32Array
  private readonly classOffsets: Int32Array
  private readonly classMembers: Int32Array
  private readonly swapOffsets: Int32Array
  private readonly swapMembers: Int32Array
  private readonly swapChoices: SwapChoices
  /** Drops most hits of two-code-point images that are no key and no swap form (see PairFilter). */
  private readonly pairs: PairFilter
  /** The scan that finds the reading forms after a hit of an ANCHOR image (see ReadingScan). */
  private readonly readings: ReadingScan
  /** Which hits of anchors no reading form can be found around (see ReadingGate). */
  private readonly readingGate: ReadingGate
  /** The walk that finds the split forms after a hit of an ANCHOR image (see SplitScan). */
  private readonly splits: SplitScan
  /** Which ANCHOR images start the split walk, and which need no reading scan (see SplitAnchors). */
  private readonly splitAnchors: SplitAnchors
  /** The LATIN flag an image has when the index has reading forms, else 0 (no hit may be one). */
  private readonly latinFlag: number
  /** The swap forms of the terms hits were checked against (see SwapForms). */
  private readonly swapForms: SwapForms
  private readonly kinds = new Map<string, ReadonlySet<ExpansionKind>>()
  /** The expansion kinds of each category of the index, by its number there (the kinds a swap owner's forms take). */
  private readonly categoryKinds: ReadonlySet<ExpansionKind>[]
  private readonly patterns: CompiledPattern[]
  private readonly allowDomains: string[]
  /** Each category's slang terms, which need a context word nearby (see CategoryRule.slang), if it has any. */
  /** A term's measure-word forms, compiled as terms of their own, to the term (see measureWordTerms). */
  private readonly spoken: ReadonlyMap<string, string>
  private readonly slang = new Map<string, ReadonlySet<string>>()
  /** Each category's slang context words, normalised (see normalizeText), looked for around a slang hit only. */
  private readonly slangWords = new Map<string, readonly string[]>()

  constructor(dictionary: Dictionary, tables: CompiledTables) {
    this.dictionary = dictionary
    this.spoken = measureWordTerms(dictionary)
    this.index = tables.index
    this.alphabet = tables.alphabet
    this.arena = tables.arena
    this.ends = tables.links
    this.starts = startScanTables(tables.arena)
    this.images = tables.images
    this.slots = tables.members.slots
    this.classOffsets = tables.members.classOffsets
    this.classMembers = tables.members.classMembers
    this.swapOffsets = tables.members.swapOffsets
    this.swapMembers = tables.members.swapMembers
    this.swapChoices = new SwapChoices(tables.index)
    this.pairs = new PairFilter(tables, this.swapChoices)
    this.readings = new ReadingScan(tables.index)
    this.readingGate = new ReadingGate(tables)
    this.splits = new SplitScan(tables.index)
    this.splitAnchors = splitAnchorsIn(tables)
    this.latinFlag = this.readings.empty ? 0 : LATIN
    this.swapForms = new SwapForms(tables.index)
    for (const [category, rule] of Object.entries(dictionary.categories)) this.kinds.set(category, new Set(rule.expand))
    this.categoryKinds = tables.index.categories.map(name => this.kinds.get(name)!)
    this.patterns = Object.entries(dictionary.categories).flatMap(([category, rule]) =>
      rule.patterns.map(source => compilePattern(category, source)),
    )
    this.allowDomains = (dictionary.links?.allowDomains ?? []).map(normalizeDomain)
    for (const [category, rule] of Object.entries(dictionary.categories)) {
      if ((rule.slang ?? []).length > 0) this.slang.set(category, new Set(rule.slang))
      const words = (rule.slangContext ?? []).map(w => normalizeText(w).text).filter(w => w !== '')
      if (words.length > 0) this.slangWords.set(category, words)
    }
  }

  /** Whether the last scanOnce took the slow path (see scanKeys): only such texts can have emoji gaps. */
  private slowScan = false
  /** The raw hits of the last scanOnce, reused from message to message. */
  private readonly hits = new HitList()
  /**
   * Whether the last scanOnce had a raw hit of an anchor (pinyin or initials may be read there): the gate of
   * the digit-letter reading (see scan). 58 of the quick bench's 10,132 messages pass it; the reading's test
   * on every message cost about 7% of the scan's CPU time, a loop over the raw hits about 5%.
   */
  private anchored = false

  /**
   * One pass over the text (two for a text with an emoji that reads as a character: see textWithEmojiGaps;
   * two for a text with a raw hit of an anchor and a digit drawn for a letter in a word: see
   * textWithDigitLetters; two for a text with a dash drawn like 一 between characters: see textWithDashOnes;
   * two for a text with a common character drawn like another, review-only: see textWithCommonLookalikes;
   * two for a text with 微 in another tone after 加, asked to be added, review-only: see textWithWeiSounds).
   * A message without any key hit, pattern or links rule returns the shared empty result at once, without
   * allocating anything (this is the common case, so the path has no closures).
   */
  scan(text: string): Match[] {
    const matches = this.scanOnce(text)
    const readingHit = this.anchored
    const otherwise = this.slowScan || textMayReadOtherwise()
    const sounds = this.slowScan || textMaySoundWei()
    const gapped = this.slowScan ? this.scanAlso(text, textWithEmojiGaps(text), matches) : matches
    const read = otherwise ? this.readOtherwise(text, gapped) : gapped
    const sounded = sounds ? this.scanReadAs(text, textWithWeiSounds(text), read, 'toneless', true, 'homophone') : read
    return readingHit ? this.scanAlso(text, textWithDigitLetters(text), sounded) : sounded
  }

  /**
   * The matches, with those of the text's readings with splits joined, with dashes as 一 and with common
   * look-alikes as the characters they stand for (see scanReadAs).
   */
  private readOtherwise(text: string, matches: Match[]): Match[] {
    const joined = this.scanReadAs(text, textWithJoinedSplits(text), matches, 'split')
    const dashed = this.scanReadAs(text, textWithDashOnes(text), joined, 'lookalike')
    return this.scanReadAs(text, textWithCommonLookalikes(text), dashed, 'lookalike', true)
  }

  /** The matches of text, with those of another reading of it (same length) that no match of theirs covers. */
  private scanAlso(text: string, other: string | null, matches: Match[]): Match[] {
    if (other === null) return matches
    const more = this.scanOnce(other).filter(
      m => !matches.some(n => n.category === m.category && n.start < m.end && m.start < n.end),
    )
    if (more.length === 0) return matches
    for (const m of more) m.matched = text.slice(m.start, m.end)
    return [...matches, ...more].sort(byPosition)
  }

  /**
   * The matches of text, with those of another reading of it (same length) that no match of theirs covers,
   * in the categories that expand `kind`, found as forms of that kind: its reading with splits joined (see
   * textWithJoinedSplits: `扌立圾公司` for 垃圾公司 by way of 拉圾, `转我亻固人`) as split forms, with dashes
   * read as 一 (see textWithDashOnes: `第—品牌`) as look-alikes; review-only unless the category acts on the kind
   * (with `reviewOnly`, always: common characters read as another, see textWithCommonLookalikes). A reading that
   * is a kind's sound of what a category's homophones read (加维 read 加微, see textWithWeiSounds) names that kind as
   * `expanded`, the kind the category must expand.
   */
  private scanReadAs(
    text: string,
    other: string | null,
    matches: Match[],
    kind: ExpansionKind,
    reviewOnly = false,
    expanded: ExpansionKind = kind,
  ): Match[] {
    if (other === null) return matches
    const more = this.scanOnce(other).filter(
      m =>
        m.kind !== 'link' &&
        this.kinds.get(m.category)?.has(expanded) === true &&
        !matches.some(n => n.category === m.category && n.start < m.end && m.start < n.end),
    )
    if (more.length === 0) return matches
    for (const m of more) {
      m.matched = text.slice(m.start, m.end)
      m.form = m.matched
      m.kind = kind
      if (!reviewOnly && this.acts(m.category, kind)) delete m.reviewOnly
      else m.reviewOnly = true
    }
    return [...matches, ...more].sort(byPosition)
  }

  /** scan without the second reading of a text with emoji gaps (see textWithEmojiGaps). */
  private scanOnce(text: string): Match[] {
    this.slowScan = false
    this.anchored = false
    if (typeof text !== 'string' || text.length === 0) return NO_MATCHES
    const hits = this.hits
    const started = scanKeyStarts(text, this.starts, this.arena, this.ends, hits)
    this.slowScan = !started
    if (!started) scanKeys(text, this.arena, this.ends, this.alphabet, hits)
    // Read at once: the next start scan answers for its own text (点 writes a dot: see textMaySpellDot).
    const mayHoldUrl = textMayHoldUrl()
    const maySpellDot = textMaySpellDot()
    if (hits.length === 0 && this.patterns.length === 0) {
      const links = this.dictionary.links && (mayHoldUrl || (maySpellDot && mayHoldSpelledUrl(text)))
      return links ? this.linkMatches(text) : NO_MATCHES
    }
    const lazy: LazyUrls = { text, separators: mayHoldUrl, dots: maySpellDot, found: undefined }
    const candidates = hits.length > 0 ? this.termCandidates(text, hits.ints, hits.length, lazy) : []
    if (this.patterns.length > 0) candidates.push(...findPatternMatches(normalizeText(text), this.patterns))
    if (candidates.length === 0 && !this.dictionary.links) return NO_MATCHES
    const kept = this.askedLetters(text, dropByWords(text, dropAllowed(candidates), this.kinds, this.allowDomains))
    const matches: Match[] = this.confirmed(text, kept).map(toMatch, text)
    if (this.spoken.size > 0) this.asTerms(matches)
    for (const m of matches) {
      if (!this.acts(m.category, m.kind)) m.reviewOnly = true
    }
    if (this.dictionary.links) this.pushLinkMatches(matches, urlsOf(lazy), text)
    return matches.length > 1 ? matches.sort(byPosition) : matches
  }

  /**
   * Drops the hits of 微信 in letters alone for a term writing it otherwise (薇信 ← wx, see lettersOfWeChat) where no
   * account is asked for right beside them (see asksForAccount): `留个 wx` is a hit, `我 wx 发你了` none; nor where a
   * longer hit of the category holds them.
   */
  private askedLetters(text: string, candidates: Candidate[]): Candidate[] {
    // A loop, no closure: this runs on every message with a candidate (a closure made here cost 5% of their scan
    // under tsx, whose names for functions are set at each closure's creation).
    let kept: Candidate[] | undefined
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]
      const drop = writesLettersAlone(text, c) && (!asksForAccount(text, c.start, c.end) || insideLonger(candidates, c))
      if (drop) kept ??= candidates.slice(0, i)
      else kept?.push(c)
    }
    return kept ?? candidates
  }

  /**
   * Reports the hits of a term's measure-word forms (see measureWordTerms) as the term's, read normalised
   * when the form is written as it is (老板是个骗子 is 老板是骗子, normalised).
   */
  private asTerms(matches: Match[]): void {
    for (const m of matches) {
      const term = this.spoken.get(m.term)
      if (term === undefined) continue
      m.term = term
      if (m.kind === 'exact') m.kind = 'normalised'
    }
  }

  /**
   * Drops context words, and initials hits of a category with context words when the message has
   * neither one of them nor another hit of that category (`SSC 共享服务中心` is no gambling; initials of
   * another term of the category count, see initialsOfTwoTerms), unless
   * they are long (`khmd`, see writesLongInitials), a price's with an amount after them (`cbj才三百八`, see
   * namesItsPrice) or handed to someone (`cbj 给你了`) or kept from someone (`cbj你别告诉采购`), an order's taken
   * (`走 sd`), a bet on a football competition (`欧冠 dq`), a lottery's draw asked (`lhc开几号`) or the site a
   * link of the message goes to named (`bjl 群 https://bjl-88.vip`, see initials-context.ts); initials that read as an abbreviation stay only with
   * a context word of their category (`BC 平台注册送彩金`) or, long ones (writesLongInitials), in a message the pitch guard
   * finds a pitch in (`JZSD 日结两百`; f52). A slang hit (see
   * CategoryRule.slang) stays only with a context word of its category nearby (`菠菜平台`), or, for 微信 in letters
   * alone (`wx`), with an account asked for right beside it (`留个 wx`, see asksForAccount).
   */
  private confirmed(text: string, candidates: Candidate[]): Candidate[] {
    const slang = this.slang
    if (!candidates.some(c => c.context || c.kind === 'initials' || (slang.size > 0 && isIn(slang, c))))
      return candidates
    // A slang hit confirms no initials: it says nothing of the category alone.
    const confirmedCategories = new Set(
      candidates.filter(c => c.kind !== 'initials' && !isIn(slang, c)).map(c => c.category),
    )
    for (const category of initialsOfTwoTerms(candidates)) confirmedCategories.add(category)
    const contextCategories = new Set(candidates.filter(c => c.context).map(c => c.category))
    const kept = candidates.filter(
      c =>
        !c.context &&
        (isIn(slang, c)
          ? this.hasSlangWordNear(text, c) ||
            (isLettersAlone(foldedKey(c.term)) && asksForAccount(text, c.start, c.end))
          : c.abbreviation
            ? contextCategories.has(c.category) ||
              (writesLongInitials(text, c) && stillPitches(text, c, this.allowDomains))
            : c.kind !== 'initials' ||
              (this.dictionary.categories[c.category]?.context ?? []).length === 0 ||
              writesLongInitials(text, c) ||
              namesItsPrice(text, c) ||
              handsOverPrice(text, c) ||
              keepsPriceFrom(text, c) ||
              takesAnOrder(text, c) ||
              followsACompetition(text, c) ||
              asksTheDraw(text, c) ||
              namesLinkedSite(text, c, this.allowDomains) ||
              confirmedCategories.has(c.category)),
    )
    return this.confirmedReadingsOnly(kept)
  }

  /**
   * Drops initials read by a category without context words where the same letters are initials of a
   * category with context words that kept them, confirmed: the letters are that category's (`这单走 sd 吧，别录
   * 系统`: 私单 confirmed by 系统, so no 刷单; `正规 bc 平台，返水百分之三`: 博彩 by 返水, no 白痴).
   */
  private confirmedReadingsOnly(kept: Candidate[]): Candidate[] {
    const gated = (c: Candidate): boolean =>
      c.kind === 'initials' && (this.dictionary.categories[c.category]?.context ?? []).length > 0
    const confirmed = kept.filter(gated)
    if (confirmed.length === 0) return kept
    return kept.filter(
      c =>
        c.kind !== 'initials' ||
        gated(c) ||
        !confirmed.some(d => d.start === c.start && d.end === c.end && d.category !== c.category),
    )
  }

  /**
   * True if a slang context word of the hit's category is at most SLANG_REACH characters from it, in the
   * normalised text around it (`菠 菜 平 台`), an id right after it counting no distance (see
   * reachStartAfter): the words are looked for only here, never by the scan, so that everyday words
   * (平台, 投) cost a message nothing.
   */
  private hasSlangWordNear(text: string, c: Candidate): boolean {
    const words = this.slangWords.get(c.category)
    if (words === undefined) return false
    const before = normalizeText(text.slice(Math.max(0, c.start - SLANG_REACH), c.start)).text
    const from = reachStartAfter(text, c.end)
    const after = normalizeText(text.slice(from, from + SLANG_REACH)).text
    return words.some(w => before.includes(w) || after.includes(w))
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

  /** The links matches of a text (no term hits, no patterns): the shared empty result when there are none. */
  private linkMatches(text: string): Match[] {
    const matches: Match[] = []
    this.pushLinkMatches(matches, findUrls(text), text)
    if (matches.length === 0) return NO_MATCHES
    return matches.length > 1 ? matches.sort(byPosition) : matches
  }

  /**
   * Adds a links match for each URL whose host is not allowed, unless it only names a short link's service or a
   * product's model (namesModel), or is on a
   * private network (onPrivateNetwork: no reader can open it) in a message the pitch guard finds no pitch in.
   */
  private pushLinkMatches(into: Match[], urls: Iterable<FoundUrl>, text: string): void {
    for (const url of urls) {
      if (onPrivateNetwork(url.host) && !stillPitches(text, url, this.allowDomains)) continue
      const match = this.linkMatch(url.host, url.start, url.end, text)
      if (match && !namesLinkService(text, url, this.allowDomains) && !namesModel(text, url, this.allowDomains))
        into.push(match)
    }
  }

  /**
   * A links match unless the host is allowed or there is no links rule, naming the allowed domain the host
   * imitates if it does (see imitatedDomain); a punycode host (a QR code's) is named as it reads.
   */
  private linkMatch(host: string, start: number, end: number, text: string): Match | null {
    const links = this.dictionary.links
    if (!links || isAllowedHost(host, this.allowDomains)) return null
    const term = host.includes('xn--') ? domainToUnicode(host) || host : host
    const match: Match = { category: links.category, term, start, end, matched: text.slice(start, end), kind: 'link' }
    const imitates = imitatedDomain(host, this.allowDomains)
    if (imitates !== undefined) match.imitates = imitates
    return match
  }

  /**
   * The key of class image c that the hit's folded characters (`folded`, `length` of them) are, or -1:
   * at most one is, as keys are distinct; they are sorted, so a binary search finds it.
   */
  private keyOfHit(c: number, length: number): number {
    const slot = this.slots[c]
    if (slot >= NO_MEMBERS) return -1
    let lo = this.classOffsets[-2 - slot]
    let hi = this.classOffsets[-1 - slot] - 1
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
   * After a hit of an anchor a form may be read around (see ReadingGate), the reading forms (pinyin and
   * initials, see ReadingScan) are added, and the split forms (see SplitScan) found first: those whose span
   * is also a hit go with its owners.
   */
  private termCandidates(text: string, hits: Int32Array, count: number, lazy: LazyUrls): Candidate[] {
    const found: Found = { text, lazy, addresses: undefined, candidates: [] }
    const { ownerOffsets, ownerCategory, ownerText, ownerIsAllowPhrase, ownerIsContext, ownerKind, categories, texts } =
      this.index
    let anchored = false
    // A hit of an anchor a term's reading form may hold (see ReadingGate), or only of an allowed phrase's.
    let reads = false
    let allows = false
    // Setting an array's length is a runtime call: only when it holds something.
    if (given.length !== 0) given.length = 0
    const splitSpans = this.splits.empty ? 0 : this.splitSpans(text, hits, count)
    // Hits the pair filter may drop: none of an anchor or a Latin image, none when split forms were found.
    const unfiltered = splitSpans > 0 ? -1 : ANCHOR | this.latinFlag
    for (let h = 0; h < count; h += 3) {
      const c = hits[h]
      const b = this.images.bytes[c]
      const end = hits[h + 1]
      if ((b & ANCHOR) !== 0) {
        if (!this.splitAnchors.splitOnly.has(c)) {
          anchored = true
          if (!reads) {
            reads = this.readingGate.mayRead(text, end, hits[h + 2])
            allows ||= !reads && this.readingGate.allowImages.has(c)
          }
        }
        if (this.slots[c] === NO_MEMBERS) continue
      }
      const length = lengthOf(this.images, c, b)
      const splitters = splitSpans > 0 ? this.splits.ownersOf(end, hits[h + 2], length) : NO_SPLITTERS
      if (folded.length < length) folded = new Int32Array(length * 2)
      if (!foldedBefore(text, end, hits[h + 2], length, folded)) continue
      if (length === 2 && (b & unfiltered) === 0 && !this.pairs.mayBe(c, folded[0], folded[1])) continue
      const k = this.keyOfHit(c, length)
      const readers = (b & this.latinFlag) !== 0 ? this.readings.ownersOf(folded, length) : NO_READERS
      if (readers.length > 0) given.push(end, hits[h + 2], length)
      if (this.hasSwapOwners(c) || readers.length > 0 || splitters.length > 0) {
        this.swapCandidates(found, c, length, k, end, hits[h + 2], readers, splitters)
        continue
      }
      if (k < 0) continue
      // The key is the hit's folded characters (see keyOfHit): read there, no view of the key made.
      const span = spanOfHit(text, end, hits[h + 2], folded, length)
      for (let o = ownerOffsets[k]; o < ownerOffsets[k + 1]; o++) {
        const kind = ownerKind[o] === 0 ? undefined : OWNER_KINDS[ownerKind[o] - 1]
        const form = kind === undefined ? undefined : formOf(this.index, o, k)
        const term = texts[ownerText[o]]
        const category = categories[ownerCategory[o]]
        add(found, span, end, category, term, ownerIsAllowPhrase[o] === 1, ownerIsContext[o] === 1, kind, form)
      }
    }
    if (splitSpans > 0) this.splits.addRest(found)
    this.anchored = anchored
    // An allowed phrase's form only drops other candidates (see dropAllowed): read when there may be some.
    if (reads || (allows && (this.patterns.length > 0 || found.candidates.some(c => !c.allowPhrase))))
      this.readings.addCandidates(found, given)
    return found.candidates
  }

  /** Runs the split walk around the hits of split anchors (see SplitScan.find); returns how many spans it found. */
  private splitSpans(text: string, hits: Int32Array, count: number): number {
    if (anchors.length !== 0) anchors.length = 0
    for (let h = 0; h < count; h += 3) {
      const b = this.images.bytes[hits[h]]
      if ((b & ANCHOR) !== 0 && this.splitAnchors.images.has(hits[h]))
        anchors.push(hits[h + 1], hits[h + 2], lengthOf(this.images, hits[h], b))
    }
    return anchors.length > 0 ? this.splits.find(text, anchors) : 0
  }

  /**
   * The candidates of a hit of class image c (`length` code points) that has swap, reading or split owners:
   * the owners of key k (if the hit is one), the swap owners whose homophone or look-alike forms hold the
   * hit's folded characters, the reading owners whose pinyin or initials form they are (`readers`) and the
   * split owners whose split form they are (`splitters`), the first of each category and use in owner
   * order (as if those forms were keys, see TermIndex).
   */
  private swapCandidates(
    found: Found,
    c: number,
    length: number,
    k: number,
    end: number,
    tail: number,
    readers: ReadingOwnerOfHit[],
    splitters: SplitOwnerOfHit[],
  ): void {
    let key = ''
    let needle = ''
    const keyStart = k < 0 ? -2 : this.index.keyOffsets[k]
    const { ownerOffsets, ownerCategory, ownerText, ownerIsAllowPhrase, ownerIsContext, ownerKind, ownerOrder } =
      this.index
    // Made on the first owner: most hits of a class image are no form of any term (no array for them).
    let owners: Owner[] | undefined = readers.length + splitters.length > 0 ? [...readers, ...splitters] : undefined
    // The image's swap owners: its slot alone (s = -1), or its group's (see ImageMembers).
    const slot = this.slots[c]
    const first = slot >= 0 ? -1 : slot === NO_MEMBERS ? 0 : this.swapOffsets[-2 - slot]
    const last = slot >= 0 ? 0 : slot === NO_MEMBERS ? 0 : this.swapOffsets[-1 - slot]
    for (let s = first; s < last; s++) {
      const swap = s < 0 ? slot : this.swapMembers[s]
      if (!this.swapChoices.maySwap(swap, keyStart, folded, length)) continue
      const category = this.index.swapCategory[swap]
      if (key === '') {
        for (let i = 0; i < length; i++) key += String.fromCodePoint(folded[i])
        needle = formNeedle(key)
      }
      const e = this.swapForms.formOf(swap, this.categoryKinds[category], key, needle)
      if (e === undefined) continue
      const use = this.index.swapIsAllowPhrase[swap]
      const term = this.index.texts[this.index.swapText[swap]]
      owners ??= []
      owners.push({ order: this.index.swapOrder[swap], category, use, term, kind: e.kind, form: e.form })
    }
    if (k < 0 && owners === undefined) return
    owners ??= []
    for (let o = k < 0 ? 0 : ownerOffsets[k]; k >= 0 && o < ownerOffsets[k + 1]; o++) {
      const kind = ownerKind[o] === 0 ? undefined : OWNER_KINDS[ownerKind[o] - 1]
      const form = kind === undefined ? undefined : formOf(this.index, o, k)
      const use = ownerIsAllowPhrase[o] | (ownerIsContext[o] << 1)
      owners.push({
        order: ownerOrder[o],
        category: ownerCategory[o],
        use,
        term: this.index.texts[ownerText[o]],
        kind,
        form,
      })
    }
    // The hit's folded characters, which key k is if the hit is one (no copy, no view of the key made).
    const span = spanOfHit(found.text, end, tail, folded, length)
    // Most hits with an owner have one: no sort, no set.
    if (owners.length > 1) owners.sort(byOrder)
    const kept = owners.length > 1 ? new Set<number>() : undefined
    for (const w of owners) {
      if (kept !== undefined) {
        if (kept.has(w.category * 4 + w.use)) continue
        kept.add(w.category * 4 + w.use)
      }
      const category = this.index.categories[w.category]
      add(found, span, end, category, w.term, (w.use & 1) === 1, (w.use & 2) === 2, w.kind, w.form)
    }
  }

  /** True if image c has swap owners (see ImageMembers). */
  private hasSwapOwners(c: number): boolean {
    const slot = this.slots[c]
    return slot >= 0 || (slot < NO_MEMBERS && this.swapOffsets[-2 - slot] < this.swapOffsets[-1 - slot])
  }
}

/** An owner of a hit's folded characters (see swapCandidates): use is 1 for an allowed phrase, 2 for a context word. */
interface Owner {
  order: number
  category: number
  use: number
  term: string
  /** The expansion kind, none for the term itself. */
  kind: ExpansionKind | undefined
  form: string | undefined
}

/** Owners in the order they were added (see swapCandidates). */
function byOrder(x: Owner, y: Owner): number {
  return x.order - y.order
}

const NO_READERS: ReadingOwnerOfHit[] = []
const NO_SPLITTERS: SplitOwnerOfHit[] = []
/** The end, tail and length of the anchor hits of a text (see splitSpans). */
const anchors: number[] = []
/** The end, tail and length of the hits whose reading owners termCandidates added (see ReadingScan.ownersOf). */
const given: number[] = []
/** The result of a scan that finds nothing, shared (frozen: callers only read results). */
const NO_MATCHES = Object.freeze([]) as unknown as Match[]
/** Scratch space for the folded characters of a hit (see keyOfHit), grown as needed. */
let folded = new Int32Array(64)

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
  if (c.review) match.reviewOnly = true
  return match
}
