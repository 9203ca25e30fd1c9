import type { MessageEvent } from '../../../bot/core/event.js'
import type { Match, Matcher } from '../matcher/index.js'
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

let segmenter: Intl.Segmenter | undefined

/** One segment of the word segmenter: offsets into the whole text, and whether it is a word. */
interface Segment {
  start: number
  end: number
  wordLike: boolean
}

/** The segments of text[from, to) as the matcher's word rules read them (ICU's `Intl.Segmenter("zh")`). */
function segmentsOf(text: string, from: number, to: number): Segment[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  return [...segmenter.segment(text.slice(from, to))].map(s => ({
    start: from + s.index,
    end: from + s.index + s.segment.length,
    wordLike: s.isWordLike === true,
  }))
}

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
 * The smallest phrase of `text` around a review-only hit that, as an allowed phrase of the hit's category,
 * stops it: the words the segmenter reads the hit's span as (`颜色|情况` for 色情), else the hit with the
 * word beside it (`家|薇|装饰` gives 家薇装饰, a word of two characters or more preferred). Never the bare
 * hit or a way of writing a term (the phrase as a whole is no hit of the category), and never a phrase
 * that would also silence a hit of the category that acts. Undefined when no phrase qualifies.
 */
export function allowPhrase(text: string, m: Match, matcher: Pick<Matcher, 'scan'>): string | undefined {
  for (const [start, end] of spansAround(text, m)) {
    const phrase = text.slice(start, end).replace(/\s+/g, '')
    const own = matcher.scan(phrase).filter(x => x.category === m.category)
    if (own.some(x => !x.reviewOnly || (x.start === 0 && x.end === phrase.length))) continue
    return phrase
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

/** The allow phrases that would stop each review-only hit of a message (one per category and phrase). */
export function allowHints(ev: MessageEvent, findings: Finding[], matcher: Pick<Matcher, 'scan'>): AllowHint[] {
  const hints: AllowHint[] = []
  for (const f of findings)
    for (const e of f.evidence) {
      if (e.source === 'policy' || !e.match.reviewOnly) continue
      const text = fieldText(ev, e.source)
      const phrase = text === undefined ? undefined : allowPhrase(text, e.match, matcher)
      if (phrase && !hints.some(h => h.category === f.category && h.phrase === phrase))
        hints.push({ category: f.category, label: f.label, phrase })
    }
  return hints
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
