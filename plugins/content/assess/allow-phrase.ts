import type { MessageEvent } from '../../../bot/core/event.js'
import { describeMatchKind, type Match, type Matcher } from '../matcher/index.js'
import { foldedKey } from '../matcher/normalize.js'
import { segmentsOf } from '../matcher/word-segments.js'
import type { Finding, TextSource } from './findings.js'

/** A phrase that, allowed in its category, stops a review-only hit from being asked about again. */
export interface AllowHint {
  category: string
  /** The category's label, for the admins. */
  label: string
  phrase: string
}

/** Characters segmented on each side of a hit: enough for the words touching it. */
const WINDOW = 12

/** Spans that hold the hit, shortest reading first: its words, then its words with a word beside them. */
function spansAround(text: string, m: Match): Array<[number, number]> {
  const from = Math.max(0, m.start - WINDOW)
  const to = Math.min(text.length, m.end + WINDOW)
  const segments = segmentsOf(text, from, to)
  const inside = segments.filter(s => s.start < m.end && s.end > m.start)
  const start = Math.min(m.start, ...inside.map(s => s.start))
  const end = Math.max(m.end, ...inside.map(s => s.end))
  const spans: Array<[number, number]> = []
  if (start < m.start || end > m.end) spans.push([start, end])
  const before = segments.find(s => s.end === start && s.wordLike)
  const after = segments.find(s => s.start === end && s.wordLike)
  // A one-character neighbour (的, 再) makes a poor phrase: `绝对安全的` would allow `绝对安全的产品`.
  // Of two words alike, the one before (a modifier names the thing: 建筑|垃圾公司).
  const sides: Array<{ span: [number, number]; word: number }> = []
  if (before) sides.push({ span: [before.start, end], word: before.end - before.start })
  if (after) sides.push({ span: [start, after.end], word: after.end - after.start })
  sides.sort((x, y) => Number(x.word < 2) - Number(y.word < 2) || x.word - y.word)
  // A word the window cuts is no whole word (and one that long is no phrase the admins would allow).
  const whole = ([a, b]: [number, number]) => (a > from || from === 0) && (b < to || to === text.length)
  return [...spans, ...sides.map(x => x.span)].filter(whole)
}

/**
 * Why a phrase cannot be an allowed phrase of a category, for the admins: it is one character, it is a
 * term (folded: `加 薇` is 加薇), it is part of a term (it could never cover a hit of it), or as a whole it is
 * a way of writing a term (pinyin, homophone...). `acting` and `asWritten` are found only for phrases
 * learned from a review (see learnedPhraseProblem).
 */
export type AllowProblem =
  | { why: 'oneCharacter' }
  | { why: 'term' | 'insideTerm'; term: string }
  | { why: 'termForm' | 'acting' | 'asWritten'; term: string; matched: string; how: string }

type PhraseMatcher = Pick<Matcher, 'scan' | 'dictionary'>

/**
 * What is wrong with `phrase` as an allowed phrase of `category` (`#词库 允许`, `#忽略 R3 允许`): allowed, it
 * would switch a term off instead of a false hit. Undefined when it may be allowed.
 */
export function allowProblem(phrase: string, category: string, matcher: PhraseMatcher): AllowProblem | undefined {
  const key = foldedKey(phrase)
  if ([...key].length < 2) return { why: 'oneCharacter' }
  for (const term of matcher.dictionary.categories[category]?.terms ?? []) {
    const termKey = foldedKey(term)
    if (termKey === key) return { why: 'term', term }
    if (termKey.includes(key)) return { why: 'insideTerm', term }
  }
  const compact = phrase.replace(/\s+/g, '')
  const whole = matcher.scan(compact).find(x => x.category === category && x.start === 0 && x.end === compact.length)
  return whole && problemOf('termForm', whole)
}

/**
 * What is wrong with a phrase learned from a review (made when the review is, checked again when the admin
 * answers: the dictionary may have changed): as allowProblem, and also a hit of the category in it that acts
 * (allowing the phrase would silence it), or a term written as is and standing as words of its own
 * (`保证|绝对安全`: the same words are also the violation, `本产品保证绝对安全`). A term that runs across
 * words (`颜色|情况` for 色情) or a way of writing it (家薇 for 加薇) is the false hit such a phrase is for.
 */
export function learnedPhraseProblem(
  phrase: string,
  category: string,
  matcher: PhraseMatcher,
): AllowProblem | undefined {
  const problem = allowProblem(phrase, category, matcher)
  if (problem) return problem
  const own = matcher.scan(phrase).filter(x => x.category === category)
  const acting = own.find(x => !x.reviewOnly)
  if (acting) return problemOf('acting', acting)
  const asWritten = own.find(x => (x.kind === 'exact' || x.kind === 'normalised') && standsAsWords(phrase, x))
  return asWritten && problemOf('asWritten', asWritten)
}

function problemOf(why: 'termForm' | 'acting' | 'asWritten', m: Match): AllowProblem {
  return { why, term: m.term, matched: m.matched, how: describeMatchKind(m) }
}

/** True when the word segmenter reads the hit's start and end as word boundaries of the phrase. */
function standsAsWords(phrase: string, m: Match): boolean {
  const bounds = new Set(segmentsOf(phrase, 0, phrase.length).flatMap(s => [s.start, s.end]))
  return bounds.has(m.start) && bounds.has(m.end)
}

/**
 * The smallest phrase of `text` around a review-only hit that, as an allowed phrase of the hit's category,
 * stops it: the words the segmenter reads the hit's span as (`颜色|情况` for 色情), else the hit with the
 * word beside it (`家|薇|装饰` gives 家薇装饰, a word of two characters or more preferred). Never a phrase
 * learnedPhraseProblem refuses: the bare hit, a way of writing a term, one in which a hit of the category
 * acts, one in which the term stands as written (保证绝对安全). Undefined when no phrase qualifies.
 */
export function allowPhrase(text: string, m: Match, matcher: PhraseMatcher): string | undefined {
  for (const [start, end] of spansAround(text, m)) {
    const phrase = text.slice(start, end).replace(/\s+/g, '')
    if (!learnedPhraseProblem(phrase, m.category, matcher)) return phrase
  }
  return undefined
}

/** The text of one part of a message, as the matcher scanned it. */
function fieldText(ev: MessageEvent, source: TextSource): string | undefined {
  const a = ev.attachment
  if (source === 'text') return ev.text
  if (source === 'title') return a?.title
  if (source === 'description') return a?.description
  if (source === 'fileName') return a?.fileName
  return undefined
}

/**
 * The allow phrases that would stop each review-only hit of a message (one per category and phrase). Hits of a
 * category that overlap (扫码进裙 and 进裙领红包 in 扫码进裙领红包) are read as one: a phrase never cuts into another
 * hit, so the word beside a hit is never a piece of the next one (no 「扫码进裙领」).
 */
export function allowHints(ev: MessageEvent, findings: Finding[], matcher: PhraseMatcher): AllowHint[] {
  const hints: AllowHint[] = []
  for (const f of findings)
    for (const { source, match } of overlapsJoined(f)) {
      const text = fieldText(ev, source)
      const phrase = text === undefined ? undefined : allowPhrase(text, match, matcher)
      if (phrase && !hints.some(h => h.category === f.category && h.phrase === phrase))
        hints.push({ category: f.category, label: f.label, phrase })
    }
  return hints
}

/** A finding's review-only hits, those overlapping in the same part of the message joined into one span. */
function overlapsJoined(f: Finding): Array<{ source: TextSource; match: Match }> {
  const out: Array<{ source: TextSource; match: Match }> = []
  const hits = f.evidence.flatMap(e => (e.source === 'policy' || !e.match.reviewOnly ? [] : [e]))
  for (const e of hits.sort((a, b) => a.match.start - b.match.start)) {
    const last = out.at(-1)
    if (last && last.source === e.source && e.match.start < last.match.end)
      last.match = { ...last.match, end: Math.max(last.match.end, e.match.end) }
    else out.push({ source: e.source, match: e.match })
  }
  return out
}

/** A false hit the admins have ignored often enough without allowing it: suggested once. */
export interface Suggestion {
  hint: AllowHint
  /** The reviews that ignored it, oldest first; the last is the one just ignored. */
  ids: string[]
}

/** The outcome of adding one hint as an allowed phrase. */
export interface AllowOutcome {
  hint: AllowHint
  ok: boolean
  /** The dictionary edit's reply (done, unchanged, or why not). */
  text: string
}
