/**
 * Chinese-aware tokenizer: Node's built-in ICU word segmenter (`Intl.Segmenter`
 * with the `zh` locale, dictionary based) plus ASCII words, lower-cased and
 * NFKC-folded (full-width letters and digits become ASCII). The segmenter
 * slows down sharply on very long strings, so text is cut into short chunks at
 * whitespace and punctuation first.
 */
// Built on first use: creating it loads ICU's Chinese dictionary (tens of ms), which a start does not need.
let segmenter: Intl.Segmenter | undefined

const CHUNK_SPLIT = /[\s，。！？；：、,!?;“”"‘’'（）()【】[\]《》<>…|]+/u
const CHUNK_MAX = 200

/** Function words that carry no meaning for search. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  '的',
  '了',
  '是',
  '在',
  '和',
  '与',
  '及',
  '也',
  '就',
  '都',
  '而',
  '或',
  '把',
  '被',
  '给',
  '让',
  '对',
  '这',
  '那',
  '有',
  '我',
  '你',
  '他',
  '她',
  '它',
  '们',
  '我们',
  '你们',
  '他们',
  '一个',
  '一些',
  '这个',
  '那个',
  '什么',
  '怎么',
  '怎么办',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '哦',
  '嗯',
  '还',
  '又',
  '很',
  '太',
  '更',
  '最',
  '要',
  '会',
  '能',
  '可以',
  '没有',
  '不',
  '没',
  '着',
  '过',
  '从',
  '到',
  '为',
  '以',
  '于',
  '之',
  '其',
  '等',
  '但',
  '如果',
  '因为',
  '所以',
  '然后',
  '就是',
  '还是',
  '得',
  '地',
  '将',
  '并',
])

/** Normalise text the way both documents and queries are normalised. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Word tokens of `text` (duplicates kept, stopwords dropped), in order. */
export function tokenize(text: string): string[] {
  const out: string[] = []
  for (const piece of normalize(text).split(CHUNK_SPLIT)) {
    for (let i = 0; i < piece.length; i += CHUNK_MAX) {
      segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
      for (const s of segmenter.segment(piece.slice(i, i + CHUNK_MAX))) {
        if (s.isWordLike && !STOPWORDS.has(s.segment)) out.push(s.segment)
      }
    }
  }
  return out
}

/** Distinct tokens of `text`, in first-seen order. */
export function uniqueTokens(text: string): string[] {
  return [...new Set(tokenize(text))]
}
