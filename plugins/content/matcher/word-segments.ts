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
