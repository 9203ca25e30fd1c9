/**
 * A link service named, not a link given: a shortener's bare host (SHORTENERS) the message itself calls a short link (`有人在客户群发了个 bit.ly
 * 短链，已移除，大家别点`). A shortener's name alone, with no path, leads nowhere; the links rule keeps every URL with a
 * path or a scheme (`https://bit.ly/4kLmN2p`) and every bare host not named so (`xpj888.com`).
 */

import type { FoundUrl } from './links.js'
import { talkedAbout } from './talked-about.js'

/**
 * The hosts of link-shortening services: a bare one leads nowhere. Any other host called a short link is a site all
 * the same (`有人发了 xpj888.com 短链` passes the gambling site on: the links rule keeps it).
 */
const SHORTENERS = new Set([
  'bit.ly',
  't.cn',
  'dwz.cn',
  'url.cn',
  'suo.im',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'is.gd',
  'ow.ly',
  'rebrand.ly',
  'cutt.ly',
  'w.url.cn',
  'sohu.gg',
  'mrw.so',
])
/** What a bare host is that carries no more than a host: no scheme, port, path, query nor fragment. */
const MORE_THAN_HOST = /[/:?#@]/u
/**
 * Right after the host, a word that names it a kind of link: a short link's service (`短链`, `的短链接`, `短网址`) or
 * the start links of that kind share (`bit.ly 开头的链接`, `t.cn 这种网址`, `以 dwz.cn 打头的`).
 */
const SHORT_LINK_AFTER =
  /^\s*(?:(?:开头|打头|起头|前缀|这[种类样]|之类|那[种类样])的?(?:短?链接?|短?网址|短?域名|网站|东西)?|的?(?:短链接?|短网址|短域名))/u

/**
 * True for a bare host the message names a short link (SHORT_LINK_AFTER) and talks about (talkedAbout drops it: a post
 * reported and removed, with no offer to the reader): no links match then.
 */
export function namesLinkService(text: string, url: FoundUrl, allowDomains: readonly string[]): boolean {
  if (MORE_THAN_HOST.test(url.url) || !SHORTENERS.has(url.host.toLowerCase())) return false
  if (!SHORT_LINK_AFTER.test(text.slice(url.end))) return false
  return talkedAbout(text, url.start, url.end, allowDomains) === 'drop'
}
