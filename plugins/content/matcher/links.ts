import { domainToUnicode } from 'node:url'
import { foldCodePoint, isLookalikeLetter } from './fold-table.js'

/** A URL found in text; offsets are UTF-16 indices into the original text. */
export interface FoundUrl {
  /** The URL as written, with full-width characters and ideographic full stops made ASCII. */
  url: string
  /** Lower-case host name (IPv6 without brackets). */
  host: string
  start: number
  end: number
}

/**
 * Top-level domains recognised in bare domains (without scheme or www.), also written with look-alike
 * letters (see LOOKALIKE_TLDS). File extensions excluded.
 */
const BARE_TLDS = [
  'com',
  'cn',
  'net',
  'org',
  'top',
  'xyz',
  'io',
  'info',
  'biz',
  'cc',
  'tv',
  'co',
  'me',
  'vip',
  'club',
  'shop',
  'site',
  'online',
  'app',
  'dev',
  'ly',
  'gl',
  'to',
  'ws',
  'la',
  'pw',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'link',
  'live',
  'fun',
  'icu',
  'ltd',
  'wang',
  'ink',
  'work',
  'store',
  'cloud',
  'tech',
  'asia',
  'mobi',
  'pro',
  'hk',
  'tw',
  'mo',
  'jp',
  'kr',
  'us',
  'uk',
  'de',
  'ru',
  'sg',
  'ai',
  'gg',
  'su',
  // Short-link hosts: bit.do, is.gd, rb.gy.
  'do',
  'gd',
  'gy',
]
/**
 * Letters written for a TLD's letters that look like them, as Unicode's confusables (confusables.txt) map
 * them: rn for m, the digit 0 for o.
 */
const TLD_LOOKALIKES: ReadonlyArray<[letter: string, written: string]> = [
  ['m', 'rn'],
  ['o', '0'],
]
/**
 * The TLDs of BARE_TLDS written with look-alike letters that are no TLD of it (`.corn` and `.c0m` for `.com`,
 * `.0rg`): a host ending in one is no allowed domain.
 */
const LOOKALIKE_TLDS = (() => {
  const forms = new Set<string>()
  for (const tld of BARE_TLDS) {
    let written = [tld]
    for (const [letter, look] of TLD_LOOKALIKES)
      written = written.flatMap(w => (w.includes(letter) ? [w, w.replaceAll(letter, look)] : [w]))
    for (const w of written) if (!BARE_TLDS.includes(w)) forms.add(w)
  }
  return [...forms]
})()
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
const PORT = '(?::\\d{1,5})?'
const PATH = "(?:[/?#][a-z0-9\\-._~/?#@$&*+=%:!,;()\\[\\]']*)?"
const SCHEME_URL = `(?:https?|ftp)://[a-z0-9\\-._~%@:\\[\\]]+${PATH}`
const WWW_URL = `www\\.(?:${LABEL}\\.)+[a-z]{2,24}(?![a-z0-9-])${PORT}${PATH}`
const IP_URL = `(?:\\d{1,3}\\.){3}\\d{1,3}(?=[:/])${PORT}${PATH}`
const BARE_URL = `(?:${LABEL}\\.)+(?:${[...BARE_TLDS, ...LOOKALIKE_TLDS].join('|')})(?![a-z0-9-])${PORT}${PATH}`
const URL_PATTERN = new RegExp(`(?<![a-z0-9@._-])(?:${SCHEME_URL}|${WWW_URL}|${IP_URL}|${BARE_URL})`, 'gi')
const TRAILING_PUNCTUATION = /[.,;:!?'()[\]]+$/
/** The dots and colons one of which every URL has (ASCII, ideographic, full-width and half-width forms). */
export const URL_SEPARATORS = '.:\u3002\uff0e\uff1a\uff61'
/**
 * Every URL has a letter or digit (ASCII or full-width, or a letter that may look Latin: see latinView) right
 * before a dot or colon: without one the text has none, and the common Chinese message (。 after a
 * character) skips the URL search.
 */
const URL_HINT = new RegExp(
  `[a-z0-9\\u00c0-\\u058f\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a][${URL_SEPARATORS}]`,
  'i',
)
/** Full-width ASCII (except sentence punctuation and brackets) and ideographic full stops. */
const WIDE_URL_CHARS = /[\uff01-\uff5e\u3002\uff61]/g
const KEEP_WIDE = new Set(['，', '；', '！', '？', '（', '）', '＂', '＇'])

/** Same-length copy of text where full-width URL characters and 。 are ASCII. */
function urlView(text: string): string {
  return text.replace(WIDE_URL_CHARS, ch => {
    if (KEEP_WIDE.has(ch)) return ch
    if (ch === '\u3002' || ch === '\uff61') return '.'
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
  })
}

/** Letters of Latin beyond ASCII, Greek, Cyrillic and Armenian: those that may look like a Latin letter. */
const NEAR_LATIN = /[\u00c0-\u058f]/
/** A run of letters, digits, dots and dashes with a letter of NEAR_LATIN in it. */
const NEAR_LATIN_RUN = /[0-9a-z\u00c0-\u058f.-]*[\u00c0-\u058f][0-9a-z\u00c0-\u058f.-]*/gi
const ASCII_LETTER_OR_DIGIT = /[0-9a-z]/i

/** The Latin letter a character of another script looks like (Cyrillic а, Greek ο: see isLookalikeLetter), or ch. */
function latinOf(ch: string): string {
  const cp = ch.charCodeAt(0)
  if (cp < 0xc0 || !isLookalikeLetter(cp)) return ch
  const latin = foldCodePoint(cp)
  return latin >= 0x61 && latin <= 0x7a ? String.fromCharCode(latin) : ch
}

/**
 * Same-length copy of a URL view where a letter that looks like a Latin one (Cyrillic а, Greek ο) is that
 * letter, in a run of letters, digits, dots and dashes that has an ASCII letter or digit too: a host
 * imitating another (`qingyuаn-water.com`, Cyrillic а) reads whole, as that host, not as broken pieces.
 * Text of those scripts alone is left as written.
 */
function latinView(view: string): string {
  if (!NEAR_LATIN.test(view)) return view
  return view.replace(NEAR_LATIN_RUN, run =>
    ASCII_LETTER_OR_DIGIT.test(run) ? run.replace(/[\u00c0-\u058f]/g, latinOf) : run,
  )
}

/**
 * The host as written at the place of `host` in `url` (a URL of the Latin view, see latinView), `written`
 * being the same span of the text: letters that look Latin stay as written (`qingyuаn-water.com`), so that no
 * imitation reads as the allowed host it imitates.
 */
function writtenHost(host: string, url: string, written: string): string {
  if (url === written) return host
  const at = url.toLowerCase().indexOf(host)
  return at < 0 ? host : written.slice(at, at + host.length).toLowerCase()
}

/**
 * The allowed domain a host imitates with look-alike letters, or undefined: the host read with its letters
 * of other scripts as the Latin ones they look like (`qingyuаn-water.com`, Cyrillic а) and a look-alike TLD as
 * the TLD (`.corn`, `.c0m`), or its punycode (`xn--…`) so read, is allowed although the host is not.
 */
export function imitatedDomain(host: string, allowDomains: readonly string[]): string | undefined {
  const unicode = host.includes('xn--') ? domainToUnicode(host) || host : host
  const labels = unicode.replace(/[\u00c0-\u058f]/g, latinOf).split('.')
  const tld = labels[labels.length - 1]
  if (LOOKALIKE_TLDS.includes(tld)) {
    const read = tld.replaceAll('rn', 'm').replaceAll('0', 'o')
    if (BARE_TLDS.includes(read)) labels[labels.length - 1] = read
  }
  const reading = labels.join('.')
  if (reading === host) return undefined
  return allowDomains.find(domain => reading === domain || reading.endsWith(`.${domain}`))
}

/** Characters written for a URL's dot where no dot is (点, 點, the middle dots ·, •, and 丶). */
export const DOT_WORDS = '点點·•丶'
/** A dot in brackets: `(.)`, `[.]`, `（点）`, `[dot]`. */
const BRACKETED_DOT = `\\s*[(（\\[【]\\s*(?:[.${DOT_WORDS}]|dot)\\s*[)）\\]】]\\s*`
/** The dot said as the English word, with spaces on both sides: `example-water dot cc`. */
const SAID_DOT = ' +dot +'
/**
 * A dot written out so that no URL reader takes it: a character of DOT_WORDS, a dot in brackets, a dot
 * with spaces on both sides (`www点lucky-vip点top`, `abc(.)com`, `hg88 . cc`; a sentence's full stop has
 * none before it: `OK. Me too`), or the word said (`shop dot cc`). Plain dots may stand between the other
 * labels.
 */
const SPELLED_DOT = `(?:\\s*[${DOT_WORDS}]\\s*|${BRACKETED_DOT}| +\\. +|${SAID_DOT}|\\.)`
/** `www` written with single spaces between its letters too (`w w w`). */
const SPELLED_WWW = 'w ?w ?w'
/**
 * A host whose dots are written out, ending in a known TLD: `www点zl-share点com`, `w w w . hg88 . cc`,
 * `lucky-vip点top`. A digit alone before 点 is a time (`8点tv`): the label before the TLD must have two
 * characters or more and a letter among them, unless the host starts with www.
 */
const SPELLED_URL = new RegExp(
  `(?<![a-z0-9@._-])(?:${SPELLED_WWW}${SPELLED_DOT})?(?:${LABEL}${SPELLED_DOT})+(?:${BARE_TLDS.join('|')})(?![a-z0-9-])`,
  'gi',
)
/**
 * A written dot after a letter or digit (see SPELLED_DOT): a text without one has no spelled URL, and most
 * texts with 点 have none (一点, 几点), so they skip the search.
 */
const SPELLED_HINT = new RegExp(
  `[a-z0-9]\\s*(?:[${DOT_WORDS}]\\s*[a-z0-9]| +(?:[.。．]|dot) +[a-z0-9]|[(（\\[【]\\s*(?:[.。．${DOT_WORDS}]|dot)\\s*[)）\\]】])`,
  'i',
)
/** A written dot of SPELLED_DOT (a plain URL has none), or a space. */
const WRITTEN_DOT = new RegExp(`[\\s${DOT_WORDS}(（\\[【]`)
/** The written dots of a spelled host, each read as the dot it stands for. */
const WRITTEN_DOTS = new RegExp(`${BRACKETED_DOT}|${SAID_DOT}|[${DOT_WORDS}]`, 'g')

/**
 * A URL written with a single space after each of its characters (`h t t p : / / w i n 8 8 . c c`): five
 * characters or more, each a letter, digit or URL punctuation followed by one space, then the last.
 */
const SPACED_RUN = /(?<![a-z0-9./:-])(?:[a-z0-9./:-] ){4,}[a-z0-9/]/gi
/** A letter or digit, a space, a dot or colon, a space: a text without one has no spaced URL. */
const SPACED_HINT = /[a-z0-9] [.:] [a-z0-9/]/i

/**
 * True when the text has a character of DOT_WORDS or the word dot (lower or upper case), the ways of
 * writing a URL's dot without a dot or colon (see URL_SEPARATORS): such a text may hold a URL although the
 * scan saw no separator.
 */
export function mayHoldSpelledUrl(text: string): boolean {
  for (let k = 0; k < DOT_WORDS.length; k++) if (text.includes(DOT_WORDS[k])) return true
  return text.includes('dot') || text.includes('DOT')
}

/**
 * Finds URLs in text: with a scheme, www. hosts, bare domains with known TLDs, IP hosts with a port or path,
 * and hosts whose dots are written out (see SPELLED_URL).
 */
export function findUrls(text: string): FoundUrl[] {
  if (typeof text !== 'string') return []
  const found: FoundUrl[] = []
  if (URL_HINT.test(text)) {
    const view = urlView(text)
    const latin = latinView(view)
    for (const m of latin.matchAll(URL_PATTERN)) {
      const url = m[0].replace(TRAILING_PUNCTUATION, '')
      const host = hostOf(url)
      const end = m.index + url.length
      const written = view.slice(m.index, end)
      if (host) found.push({ url: written, host: writtenHost(host, url, written), start: m.index, end })
    }
  }
  if (SPELLED_HINT.test(text)) pushSpelledUrls(found, text)
  if (SPACED_HINT.test(text)) pushSpacedUrls(found, text)
  return found
}

/**
 * Adds the URLs written with a space after each character (see SPACED_RUN) that no URL found already
 * covers: the run read without its spaces is searched as a plain URL would be, and each character k of
 * that reading is at 2k in the run.
 */
function pushSpacedUrls(found: FoundUrl[], text: string): void {
  const before = found.length
  for (const run of text.matchAll(SPACED_RUN)) {
    const joined = run[0].replaceAll(' ', '')
    for (const m of joined.matchAll(URL_PATTERN)) {
      const url = m[0].replace(TRAILING_PUNCTUATION, '')
      const host = hostOf(url)
      const start = run.index + 2 * m.index
      const end = start + 2 * url.length - 1
      if (!host || found.slice(0, before).some(u => start < u.end && end > u.start)) continue
      found.push({ url, host, start, end })
    }
  }
  if (found.length > before && before > 0) found.sort((a, b) => a.start - b.start)
}

/** Adds the hosts whose dots are written out (see SPELLED_URL) that no URL found already covers. */
function pushSpelledUrls(found: FoundUrl[], text: string): void {
  const plain = found.length
  const view = urlView(text)
  for (const m of latinView(view).matchAll(SPELLED_URL)) {
    const url = m[0]
    if (!WRITTEN_DOT.test(url)) continue
    const labels = spelledLabels(url)
    const www = labels[0] === 'www'
    if (!www && !/[a-z].|.[a-z]/.test(labels[labels.length - 2])) continue
    const start = m.index
    const end = start + url.length
    if (found.slice(0, plain).some(u => start < u.end && end > u.start)) continue
    found.push({ url: text.slice(start, end), host: spelledLabels(view.slice(start, end)).join('.'), start, end })
  }
  if (found.length > plain && plain > 0) found.sort((a, b) => a.start - b.start)
}

/** The labels of a host whose dots are written out (see SPELLED_URL), lower case. */
function spelledLabels(url: string): string[] {
  return url.toLowerCase().replace(WRITTEN_DOTS, '.').replace(/\s+/g, '').split('.')
}

/** The lower-case host of a URL written with or without a scheme (full-width allowed), or null. */
export function hostOf(url: string): string | null {
  try {
    const ascii = urlView(url)
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(ascii) ? ascii : `http://${ascii}`
    const host = new URL(withScheme).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '')
    return host === '' ? null : host.toLowerCase()
  } catch {
    return null
  }
}

/** True if host is one of the domains or a subdomain of one (a.example.com, not example.com.evil.io). */
export function isAllowedHost(host: string, allowDomains: readonly string[]): boolean {
  return allowDomains.some(domain => host === domain || host.endsWith(`.${domain}`))
}
