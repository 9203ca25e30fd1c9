let segmenter: Intl.Segmenter | undefined

/** ICU's Chinese word segmenter (`Intl.Segmenter("zh")`), made once for every word rule of the content plugin. */
export function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  return segmenter
}

/** One segment of the word segmenter: offsets into the whole text, and whether it is a word (not punctuation). */
export interface Segment {
  start: number
  end: number
  wordLike: boolean
}

/** The segments of text[from, to) as the matcher's word rules read them, offsets into the whole text. */
export function segmentsOf(text: string, from: number, to: number): Segment[] {
  const out: Segment[] = []
  for (const s of wordSegmenter().segment(text.slice(from, to))) {
    const start = from + s.index
    out.push({ start, end: start + s.segment.length, wordLike: s.isWordLike === true })
  }
  return out
}

/** How many pairs isSegmenterWord remembers before it starts afresh. */
const PAIR_MEMO_MAX = 4096
/** Pairs of UTF-16 units (first << 16 | second) and whether the segmenter reads them alone as one word. */
const segmenterPairs = new Map<number, boolean>()

/**
 * True if the segmenter reads the two characters alone as one word (水色): a quick test before segmenting the
 * text around a hit, remembered per pair (most pairs a hit's edge makes are no word).
 */
export function isSegmenterWord(first: number, second: number): boolean {
  const key = (first << 16) | second
  let word = segmenterPairs.get(key)
  if (word === undefined) {
    if (segmenterPairs.size >= PAIR_MEMO_MAX) segmenterPairs.clear()
    const segments = segmentsOf(String.fromCharCode(first, second), 0, 2)
    word = segments.length === 1 && segments[0].wordLike
    segmenterPairs.set(key, word)
  }
  return word
}
