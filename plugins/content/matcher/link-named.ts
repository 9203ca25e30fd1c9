/**
 * A link service named, not a link given: a shortener's bare host (SHORTENERS) the message itself calls a short link (`有人在客户群发了个 bit.ly
 * 短链，已移除，大家别点`). A shortener's name alone, with no path, leads nowhere; the links rule keeps every URL with a
 * path or a scheme (`https://bit.ly/4kLmN2p`) and every bare host not named so (`xpj888.com`).
 */

import type { FoundUrl } from './links.js'
import { stillPitches } from './pitch-guard.js'
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
 * A product's model code and its tier, written as models are (`K20.Pro`, `Mate60.Pro`, `X9.PRO`; f52): a code of
 * letters and digits with a digit, a dot, a tier word capitalised. A site's host is written in lower case
 * (`k20.pro`), and one with a scheme, a path or a port stays a link.
 */
const MODEL_TIER =
  /^[A-Za-z]{0,8}[0-9]{1,5}[A-Za-z]{0,2}\.(?:Pro|PRO|Max|MAX|Plus|PLUS|Ultra|Lite|Mini|Air|One|Go|Neo|Note|Fold)$/u

/**
 * A verb that goes to a site or a word that names an address right before a host: `上 Av99.Pro`, `打开`, `访问`, `搜`,
 * `最新地址`, `网址：`, `收藏`, `复制`, `在` (rev52): the host is a site all the same.
 */
const VISITED_BEFORE =
  /(?:上|去|进|在|到|点|看|登录|登陆|打开|访问|搜|搜索|输入|浏览器|地址|网址|域名|官网|入口|网站|网页|链接|收藏|复制|点击|记住|换成?)\s*[:：]?\s*$/u
/** A model's shape anywhere in a text (MODEL_TIER without its anchors). */
const MODEL_SHAPE =
  /(?<![A-Za-z0-9.])[A-Za-z]{0,8}[0-9]{1,5}[A-Za-z]{0,2}\.(?:Pro|PRO|Max|MAX|Plus|PLUS|Ultra|Lite|Mini|Air|One|Go|Neo|Note|Fold)(?![A-Za-z0-9.])/gu
/**
 * Talk of goods a model is in (rev52): stock, a price's move, a device, its parts or a launch (`到货了`, `降价`, `手机`,
 * `配置`, `两台`). Without it, or another model to weigh it against (`K20.Pro 还是 K20.Max`), a bare `Av99.Pro` is a
 * site's address.
 */
const GOODS_TALK =
  /到货|降价|涨价|现货|库存|缺货|发货|型号|机型|手机|平板|电脑|笔记本|耳机|手表|相机|配置|内存|屏幕|电池|续航|拍照|处理器|芯片|配色|新款|旗舰|发布会|上市|预售|售后|保修|以旧换新|[一两二三四五六七八九十0-9]台/u

/**
 * True for a bare host that is a product's model and tier (MODEL_TIER: `客户要的是 K20.Pro 还是 K20.Max？`), no site gone
 * to nor address named (VISITED_BEFORE), among talk of goods or another model (GOODS_TALK, MODEL_SHAPE; rev52), in a message the pitch guard finds no pitch in: no links match then.
 */
export function namesModel(text: string, url: FoundUrl, allowDomains: readonly string[]): boolean {
  return (
    MODEL_TIER.test(url.url) &&
    !VISITED_BEFORE.test(text.slice(0, url.start)) &&
    (GOODS_TALK.test(text) || (text.match(MODEL_SHAPE)?.length ?? 0) > 1) &&
    !stillPitches(text, url, allowDomains)
  )
}

/**
 * True for a bare host the message names a short link (SHORT_LINK_AFTER) and talks about (talkedAbout drops it: a post
 * reported and removed, with no offer to the reader): no links match then.
 */
export function namesLinkService(text: string, url: FoundUrl, allowDomains: readonly string[]): boolean {
  if (MORE_THAN_HOST.test(url.url) || !SHORTENERS.has(url.host.toLowerCase())) return false
  if (!SHORT_LINK_AFTER.test(text.slice(url.end))) return false
  return talkedAbout(text, url.start, url.end, allowDomains) === 'drop'
}
