/** Vocabulary an acknowledgement is made of (see config: ackWords, fillerWords, addressWords). */
export interface AckVocabulary {
  ackWords: string[]
  fillerWords: string[]
  addressWords: string[]
}

/** Separators that end the first phrase of a reply. */
const SEPARATORS = '\\s,，。.!！、~～;；:：…'
const FIRST_PHRASE = new RegExp(`^([^${SEPARATORS}?？]+)([${SEPARATORS}?？]*)`)
/** WeChat @-mentions (the puppet leaves them in the text, ended by a space or U+2005). */
const MENTION = /@[^\s\u2005@]+[\s\u2005]*/g
/** Decoration that may surround words: emoji, skin tones, joiners, WeChat emoji codes like [微笑]. */
const DECORATION = '\\p{Extended_Pictographic}|[\\u{1F3FB}-\\u{1F3FF}\\uFE0F\\u200D]|\\[[^\\]\\s]{1,4}\\]'
/** Characters that may precede a form of address ("王总", "张哥") but never a negation or a question. */
const ADDRESS_PREFIX = '(?:(?![不没未别吗么])[\\u4e00-\\u9fff]){0,2}'

/**
 * Compile a recogniser for acknowledgements such as "收到", "收到！！", "收到收到",
 * "好的👌", "收到王总", "收到，马上执行". The first phrase of the reply must be made
 * only of acknowledgement words, fillers and forms of address, contain at least one
 * acknowledgement word, and not be followed by a question mark; so "收到了吗？",
 * "没收到" and "收到？" are not acknowledgements.
 */
export function compileAckMatcher(v: AckVocabulary): (text: string) => boolean {
  const ack = alternation(v.ackWords)
  const filler = [
    alternation(v.fillerWords),
    DECORATION,
    v.addressWords.length ? `${ADDRESS_PREFIX}(?:${alternation(v.addressWords)})` : '',
  ]
    .filter(Boolean)
    .join('|')
  const phrase = new RegExp(`^(?:${filler})*(?:${ack})(?:${ack}|${filler})*$`, 'u')
  return text => {
    const body = text.replace(MENTION, ' ').trim().toLowerCase()
    const m = FIRST_PHRASE.exec(body)
    if (!m || /[?？]/.test(m[2])) return false
    return phrase.test(m[1])
  }
}

/** The text of an excuse ("说明：在客户现场") when the reply starts with one of `prefixes`. */
export function excuseText(text: string, prefixes: string[]): string | undefined {
  const body = text.replace(MENTION, ' ').trim()
  const prefix = prefixes.find(p => body.startsWith(p))
  return prefix === undefined ? undefined : body.slice(prefix.length).trim() || undefined
}

/** Longest-first regex alternation of literal words (lower-cased, escaped). */
function alternation(words: string[]): string {
  return [...new Set(words.map(w => w.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
}
