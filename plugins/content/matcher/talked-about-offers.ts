/**
 * Offers to the reader and contact details written out in a message, which keep a hit a report or a rule reminder
 * would clear (talked-about.ts).
 */

import { findUrls, isAllowedHost } from './links.js'

/**
 * An offer or a call to the reader outside the hit, which keeps a hit its report or reminder would clear:
 * `加我`, `私聊我`, `进群`, `联系我`; a bare `私聊` (`私聊了解`, not `私聊了他`) or who is addressed by what they
 * want (`想做的`, `想了解的`, `有意者`); not who joined (`新进群的号`): a spammer's report
 * (`…，管理员处理一下吧，想做的私聊`) still offers.
 */
export const OFFER =
  /加我|加微|私聊(?!了?[他她对])|私信我|私我|找我|联系我|滴滴我|戳我|(?<![新刚])进群|加群|扫码|带你|私发你|发你|转我|转给我|打给我|想(?:做|了解|玩|要|赚|买|参加)的|有意者|有意向的|有兴趣的/u

/**
 * A way to reach someone written out in the message: an account after a contact word, maybe after 是 or 为
 * (`vx abc12345`, `微信：shui_66`, `v:abc123`, `QQ 123456`, `威信号是 abc123`, `q是12345678`: a lone q before a
 * number), a mobile number, a link. A report or rule reminder never clears a hit of a message that carries one: the
 * message would pass it on all the same (`有人说兼职刷单，加vx abc12345，已举报`). A 400 or 800 service number is the
 * company's (`客服电话 4008001234`), no one's account. A rule reminder's own hotline or link is no offer (see
 * reportedOrForbidden).
 */
const CONTACT_DETAILS =
  /(?:(?<![A-Za-z])(?:vx|wx|qq|tel)|v信|微信|威信|薇信|微|薇|扣扣|企鹅|电话|手机)(?:号码?)?\s*(?:是|为)?\s*[:：]?\s*(?![48]00[-\s]?[0-9]{3}[-\s]?[0-9]{4}(?![0-9]))[A-Za-z0-9][A-Za-z0-9_-]{4,}|(?<![A-Za-z])v\s*(?:是|为|[:：\s])\s*[:：]?\s*[A-Za-z0-9][A-Za-z0-9_-]{4,}|(?<![A-Za-z])q(?:号码?)?\s*(?:是|为)?\s*[:：]?\s*[1-9][0-9]{4,10}(?![0-9])|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|https?:\/\/|www\./iu

/**
 * True if the message offers the reader something outside text[start, end), or carries contact details
 * (a report never clears those; a link to an allowed domain is the company's own). Without `allowDomains`, a
 * rule reminder's hotline or link is its own: `温馨提示：请勿在群内私下转账，如有疑问请拨打客服电话`,
 * `发现飞单一律严肃处理，举报电话 138…`.
 */
export function offers(text: string, start: number, end: number, allowDomains?: readonly string[]): boolean {
  if (OFFER.test(text.slice(0, start)) || OFFER.test(text.slice(end))) return true
  return (
    allowDomains !== undefined && CONTACT_DETAILS.test(text) && CONTACT_DETAILS.test(ownLinksOut(text, allowDomains))
  )
}

/** The text with its links to allowed domains blanked out: the company's own site is no one's contact. */
function ownLinksOut(text: string, allowDomains: readonly string[]): string {
  let out = text
  for (const url of findUrls(text))
    if (isAllowedHost(url.host, allowDomains))
      out = out.slice(0, url.start) + ' '.repeat(url.end - url.start) + out.slice(url.end)
  return out
}
