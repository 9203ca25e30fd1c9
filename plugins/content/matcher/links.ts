/** A URL found in text; offsets are UTF-16 indices into the original text. */
export interface FoundUrl {
  /** The URL as written, with full-width characters and ideographic full stops made ASCII. */
  url: string
  /** Lower-case host name (IPv6 without brackets). */
  host: string
  start: number
  end: number
}

/** Top-level domains recognised in bare domains (without scheme or www.). File extensions excluded. */
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
]
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
const PORT = '(?::\\d{1,5})?'
const PATH = "(?:[/?#][a-z0-9\\-._~/?#@$&*+=%:!,;()\\[\\]']*)?"
const SCHEME_URL = `(?:https?|ftp)://[a-z0-9\\-._~%@:\\[\\]]+${PATH}`
const WWW_URL = `www\\.(?:${LABEL}\\.)+[a-z]{2,24}(?![a-z0-9-])${PORT}${PATH}`
const IP_URL = `(?:\\d{1,3}\\.){3}\\d{1,3}(?=[:/])${PORT}${PATH}`
const BARE_URL = `(?:${LABEL}\\.)+(?:${BARE_TLDS.join('|')})(?![a-z0-9-])${PORT}${PATH}`
const URL_PATTERN = new RegExp(`(?<![a-z0-9@._-])(?:${SCHEME_URL}|${WWW_URL}|${IP_URL}|${BARE_URL})`, 'gi')
const TRAILING_PUNCTUATION = /[.,;:!?'()[\]]+$/
/** The dots and colons one of which every URL has (ASCII, ideographic, full-width and half-width forms). */
export const URL_SEPARATORS = '.:\u3002\uff0e\uff1a\uff61'
/**
 * Every URL has a letter or digit (ASCII or full-width) right before a dot or colon: without one the
 * text has none, and the common Chinese message (。 after a character) skips the URL search.
 */
const URL_HINT = new RegExp(`[a-z0-9\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a][${URL_SEPARATORS}]`, 'i')
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

/** Finds URLs in text: with a scheme, www. hosts, bare domains with known TLDs, IP hosts with a port or path. */
export function findUrls(text: string): FoundUrl[] {
  if (typeof text !== 'string' || !URL_HINT.test(text)) return []
  const view = urlView(text)
  const found: FoundUrl[] = []
  for (const m of view.matchAll(URL_PATTERN)) {
    const url = m[0].replace(TRAILING_PUNCTUATION, '')
    const host = hostOf(url)
    if (host) found.push({ url, host, start: m.index, end: m.index + url.length })
  }
  return found
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
