/**
 * Offers to the reader, invitations, a speaker's vouching, contact details and secret values told in a message, which
 * keep a hit a report, a rule reminder or a ban would clear (talked-about.ts).
 */

import {
  ACCOUNT_ID,
  OWN_PAGES,
  PRIVATE_MESSAGE,
  SAME_NUMBER,
  SERVICE_NAMES,
  SERVICE_SPELLINGS,
} from './contact-words.js'
import { givesFigureAfter } from './deferred-values.js'
import { findUrls, isAllowedHost } from './links.js'
import { CLAUSE_END, edgeAfter } from './talked-about-clauses.js'

/**
 * An offer or a call to the reader outside the hit, which keeps a hit its report or reminder would clear:
 * `加我`, `私聊我`, `进群`, `联系我`, `跟我买`, `懂的来`, `V我`, `+v`, `wx同号`, `私发` ending a clause; a bare `私聊` (`私聊了解`, not `私聊了他`) or who is addressed by what they
 * want (`想做的`, `想了解的`, `有意者`), the speaker pulling the reader into a group or pointing at a page of theirs
 * (`我拉你`, `在我主页`); not who joined (`新进群的号`): a spammer's report
 * (`…，管理员处理一下吧，想做的私聊`) still offers; so does an invitation (see invitation: `需要资源的加我微信`, `看我签名`).
 */
export const OFFER = new RegExp(
  `加我|加微|私聊(?!了?[他她对])|跟我(?:买|玩|下|投|做)|懂[的得]来|来我这|(?<![A-Za-z])[vVＶ]我|滴我|[+＋]\\s*[vVＶ](?![A-Za-z])|${SAME_NUMBER}|私发(?=[，,。！!？?～~\\s]|$)|私信我|私我|找我|联系我|滴滴我|戳我|(?<![新刚])进群|加群|扫码|带你|私发你|发你|转我|转给我|打给我|想(?:做|了解|玩|要|赚|买|参加)的|有意者|有意向的|有兴趣的|我拉你(?!一把)|[在看见进]我的?(?:主页|简介|朋友圈)|${invitation()}`,
  'u',
)

/**
 * The source of INVITED: who wants the thing, told to come to the speaker (`需要资源的加我微信`, `要名单的同行找我`, `需要论文代写的来`,
 * `想知道的私聊我`, not `要知道的`, `真想便宜拿车的，私聊我`, `谁要的话`), a wink at where to find it (`看我签名`, `扫我头像`, `进我主页`, `私↓`,
 * `➕我`, `评论区扣1`), or who wants to play sent somewhere (`要玩去我们自己的`).
 */
function invitation(): string {
  const clause = '[^，,；;。！!？?\\n]'
  const toMe = `(?:${PRIVATE_MESSAGE}|私我|私↓|私⬇)(?!群主|管理|客服|[他她])|加我|加v|加微|加薇|找我|联系我|戳我|滴滴|[➕+]我|留言我|[看点戳扫进]我|来(?=$|[，,。！!～~\\s])`
  return [
    `(?:(?<![不只还就也])(?:真|还)?(?:想(?!求|注意|记住|提醒|说明)|(?:要|需要)(?!求|注意|记住|知道|提醒|说明))${clause}{0,6}?|有意(?:向|做)?|有兴趣|有需要)的${clause}{0,4}?[，,\\s]?(?:${toMe})`,
    '谁(?:要|想要)的话',
    `(?:看|点|戳|扫|进)(?:我的?)?(?:头像|签名|空间|朋友圈|${OWN_PAGES})`,
    '私[↓⬇]|[➕+]我|留言我|评论区扣1',
    '(?:要|想)玩的?(?:就|请)?(?:去|来|找|上)(?!班|学|课)',
  ].join('|')
}

/**
 * The speaker's own instruction in the hit's clause, after a warning of impostors: `所以有事直接加我微信`, `售后问题请直接
 * 加我微信`: what follows is the speaker's offer, not the impostor's doing.
 */
export const DIRECTED = /(?:所以|因此|直接)[^，,；;。！!？?\n]{0,6}$/u

/** An invitation to the reader (see invitation): a ban that one follows offers the thing after all. */
export const INVITED = new RegExp(invitation(), 'u')

/**
 * The speaker vouching for what a report names, from their own use of it: `我玩了确实能提现`, `我试了两单真的日赚三百`,
 * `我扫了真领到了`, `我跟了一期中了`. A report that vouches passes the thing on like an offer (`我试了，确实是骗局` vouches
 * for nothing).
 */
const ENDORSED =
  /我[^，,；;。！!？?\n]{0,4}?(?:玩|试|扫|买|跟|用|做|领|投|下注|入)(?:了|过)[^，,；;。！!？?\n]{0,8}?(?:确实(?:能|可以|有用|赚|到账)|真的?(?:能|可以|领到|到账|日赚|赚|赢|中)|赢了|中了|领到了?|到账了|赚了|挣了)/u

/**
 * A giving to the reader still to come, which offers like OFFER: `我私下发你一份`, `我单独告诉你`, `发你邮箱`; not one done
 * (`已截图发给你了`: evidence handed to an admin).
 */
const GIVEN_TO_READER =
  /(?:发|给|传|转|卖|私发|分享|告诉)(?:给)?(?:你|您)(?=[一看吧啊呀哈啦呗哦，,；;。！!～~\s]|$|邮箱|微信|私信|手机)/u

/** A figure of money: `五百`, `1280`, `三百块`. */
const MONEY = '[0-9零一二三四五六七八九十两百千]+(?:块|元)?(?:钱)?'
/** What ends a clause, or the end of the text, as a lookahead. */
const ENDS_CLAUSE = '(?=[，,；;。！!～~\\s]|$)'

/**
 * The speaker handing the thing over or having it to hand: a verb of giving to the reader that ends there or names a
 * copy, a look or a channel (`我私下发你一份`, `回头传给你`, `我偷偷告诉你`, `发你邮箱`; not `给你们提个醒`, `我发你模板`), the
 * speaker holding it (`我这有`, `我手上就有`; the firm's `我们这有` only ending its clause or before the goods, not
 * `我们这有规定`; rev47) or a way to it (`我这有渠道`, `这边有门路`; rev47), or a price for a copy ending its clause (`五百一份`,
 * `一份五百`, `二十一部`; not `五百一份收据`).
 */
export const HANDED_TO_READER = new RegExp(
  `${GIVEN_TO_READER.source}|(?:发|给|传|转|私发|告诉)(?:给)?(?:你|您)了|我(?:这|这里|这边|手上|手里|手头)(?:就|也|正好|还)?有(?!人|客户|同事)|(?:我们|咱们?)(?:这|这里|这边)(?:就|也|正好|还|都)?有(?:${ENDS_CLAUSE}|货|妹|资源|台子|场子)|(?:我们?|咱们?|这边)(?:这|这里|这边)?(?:就|也|正好|还|都)?有(?:渠道|门路|路子)|${MONEY}一(?:份|套|张|本|部)${ENDS_CLAUSE}|一(?:份|套|张|本|部)${MONEY}${ENDS_CLAUSE}`,
  'u',
)

/**
 * True if an invitation to the reader (`禁止讨论网赌，有意向的看我签名`) or a handover to the reader (`不要透露客户名单，
 * 我私下发你一份`) follows the hit at `end`: a ban that one follows offers the thing after all, whatever mark ends the
 * ban's clause (`～`, an emoji).
 */
export function invitedAfter(text: string, end: number): boolean {
  const rest = text.slice(end)
  return INVITED.test(rest) || HANDED_TO_READER.test(rest)
}

/**
 * A way to reach someone written out in the message: an account after a contact word (a service's name or spelling
 * of contact-words.ts, `vx`, `微`, `电话`), maybe after 是 or 为 (`vx abc12345`, `微信：shui_66`, `v:abc123`,
 * `QQ 123456`, `威信号是 abc123`, `q是12345678`: a lone q before a number), a mobile number, a link. A report or rule reminder never clears a hit of a message that carries one: the
 * message would pass it on all the same (`有人说兼职刷单，加vx abc12345，已举报`). A 400 or 800 service number is the
 * company's (`客服电话 4008001234`), no one's account. A rule reminder's own hotline or link is no offer (see
 * reportedOrForbidden).
 */
const CONTACT_DETAILS = new RegExp(
  `(?:(?<![A-Za-z])(?:vx|wx|qq|tel)|${SERVICE_SPELLINGS}|${SERVICE_NAMES}|微|薇|电话|手机)(?:号码?)?\\s*(?:是|为)?\\s*[:：]?\\s*(?![48]00[-\\s]?[0-9]{3}[-\\s]?[0-9]{4}(?![0-9]))[A-Za-z0-9][A-Za-z0-9_-]{4,}|(?<![A-Za-z])v\\s*(?:是|为|[:：\\s])\\s*[:：]?\\s*[A-Za-z0-9][A-Za-z0-9_-]{4,}|(?<![A-Za-z])q(?:号码?)?\\s*(?:是|为)?\\s*[:：]?\\s*[1-9][0-9]{4,10}(?![0-9])|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|https?:\\/\\/|www\\.`,
  'iu',
)

/**
 * True if the message offers the reader something outside text[start, end) or vouches for it (ENDORSED), or
 * carries contact details, an account written alone (ACCOUNT_ALONE) or a link to a domain not allowed (a report never
 * clears those: `有人问网赌是什么，xpj888.com 注册就送`; a link to an allowed domain is the company's own). Without `allowDomains`, a
 * rule reminder's hotline or link is its own: `温馨提示：请勿在群内私下转账，如有疑问请拨打客服电话`,
 * `发现飞单一律严肃处理，举报电话 138…`.
 */
export function offers(text: string, start: number, end: number, allowDomains?: readonly string[]): boolean {
  const outside = [withoutBannedClauses(text.slice(0, start)), withoutBannedClauses(text.slice(end))]
  if (outside.some(part => OFFER.test(part) || ENDORSED.test(part)) || GIVEN_TO_READER.test(outside[1])) return true
  if (allowDomains === undefined) return false
  if (outside.some(part => ACCOUNT_ALONE.test(part))) return true
  if (CONTACT_DETAILS.test(text) && CONTACT_DETAILS.test(ownLinksOut(text, allowDomains))) return true
  return findUrls(text).some(url => (url.end <= start || url.start >= end) && !isAllowedHost(url.host, allowDomains))
}

/**
 * A clause that bans what it names, a rule's item (`不发扫码进群二维码`, `禁止拉人进群`, `严禁私聊加好友`; f52): its
 * words are the thing forbidden, no call to the reader. A clause that invites the reader or names the speaker is no
 * ban (`不发广告的加我`).
 */
const BANNED_CLAUSE =
  /(?<=^|[，,；;。！!？?\n：:、])\s*(?:[0-9一二三四五六七八九十]+[.、．)）]\s*)?(?:不得?|不要|不准|不许|不能|禁止|严禁|请勿|勿|别)(?:在群[里内]|群[里内])?(?:发|发布|发送|讨论|私自|随意|擅自|乱|拉人|拉群|扫码|进群|加|私聊|私信)[^，,；;。！!？?\n]*/gu
/** The part with its banned clauses (BANNED_CLAUSE) blanked, unless one invites the reader or names the speaker (我). */
function withoutBannedClauses(part: string): string {
  return part.replace(BANNED_CLAUSE, clause =>
    INVITED.test(clause) || clause.includes('我') ? clause : ' '.repeat(clause.length),
  )
}

/**
 * An account written alone, with no contact word before it (see ACCOUNT_ID of contact-words.ts: `abc12345`,
 * `shui_66x`; not `工单 CS123456`, `订单号：ORD20231201`, `ref TK2023001`), a word of its own: not a model with a word
 * after it (`RTX4090显卡` is no id: an ideograph may follow an id only after a mark or a space).
 */
const ACCOUNT_ALONE = new RegExp(`(?<![A-Za-z0-9_.@/-])${ACCOUNT_ID}(?![A-Za-z0-9_.@/-])(?!\\p{Script=Han})`, 'u')

/** The text with its links to allowed domains blanked out: the company's own site is no one's contact. */
function ownLinksOut(text: string, allowDomains: readonly string[]): string {
  let out = text
  for (const url of findUrls(text))
    if (isAllowedHost(url.host, allowDomains))
      out = out.slice(0, url.start) + ' '.repeat(url.end - url.start) + out.slice(url.end)
  return out
}

/** True if the term names a value or a list kept secret (VALUE_TERM): `进货价`, `客户名单`. */
export function namesValue(term: string): boolean {
  return VALUE_TERM.test(term)
}

/** A term that names a value or a list kept secret: `成本价`, `内部价格表`, `提成比例`, `客户名单`, `内部资料`. */
const VALUE_TERM = /(?:价|价格表|比例|比率|名单|资料|返点)$/u
/**
 * A figure: an amount with its unit (`8%`, `每瓶68`, `六折`, `千分之八`, `三十五块`), a list's size (`412家企业客户`, not
 * `3家公司`), a number after a word that states it (`是3400`, `旗舰款3400`, `标价4999`, `（进货价 45`, `我说了3200`), or
 * right after the term (`成本价380一台`; not a date, an edition or a file: `客户名单2023年版`, `客户名单20231201.xlsx`).
 */
const FIGURE =
  /[0-9]+(?:\.[0-9]+)?\s*(?:%|％|‰|元|块|万|折|个点|家(?:企业|公司)?客户)|(?:千分之|百分之)[0-9零一二三四五六七八九十两]|[零一二三四五六七八九十两百千万]{2,}(?:块|元)|[一二三四五六七八九十两](?:折|成)|(?:每|一)[台瓶箱套件个斤][0-9一二三四五六七八九十两百]+|(?:是|为|才|款|价|说了?|报了?|[：:（(])\s*[0-9]{2,}|^\s*[0-9]{2,}(?:\.[0-9]+)?(?![0-9._A-Za-z-]|\s*(?:年|月|日|号|版|期|级|届|楼|层|人|天|条|款|项))|说[零一二三四五六七八九十两百]{2,}/gu
/** What a figure follows when it is a fine, a reward or a number of a rule, not a value told: `罚款500元`, `第3条`. */
const NOT_A_VALUE = /(?:罚|扣|奖|违者|第|赔)[^，,；;。！!？?\n]{0,3}$/u

/**
 * True if the hit names a secret value (VALUE_TERM) and the message tells it after the hit: `进货价不能透露，这批红酒
 * 进货价每瓶68`, `不要讨论提成比例！新盘是千分之八`, `客户问成本价，就说二十八`, in a clause of its own too (see
 * givesFigureAfter: `刚撤回的消息里有底价，1200一平，请勿传播`). A rule that forbids telling it gives it away all the same;
 * a fine (`违者罚款500元`) is no value told.
 */
export function tellsValue(text: string, start: number, end: number): boolean {
  if (!VALUE_TERM.test(text.slice(start, end))) return false
  if (givesFigureAfter(text, end)) return true
  for (const figure of text.slice(end).matchAll(FIGURE)) {
    const at = end + (figure.index ?? 0)
    if (!NOT_A_VALUE.test(text.slice(Math.max(end, at - 6), at))) return true
  }
  return false
}

/** Its price asked right after a term: `多少钱`, `什么价`, `几个点`, `怎么收费`. */
const PRICE_ASKED = /^[^，,；;。！!？?\n]{0,4}?(?:多少|什么价|啥价|几块|几折|几个点|怎么收费|怎么算)/u
/**
 * A later clause that is only a figure, the answer to a price asked: `，八百`, `，800一单`, `，三千一篇`, `：大概三千五左右`, `，两百块`.
 */
const FIGURE_ANSWER =
  /[，,；;。：:]\s*(?:大概|差不多|一般|就|是)?[0-9零一二三四五六七八九十两百千万]+(?:块钱?|元|个点|折)?(?:一[单份个次张套篇件台瓶箱本条])?(?:左右)?\s*(?:[，,；;。！!～~]|$)/u

/**
 * True if the message asks the price of the hit and a later clause answers it with a figure alone: `有人问私单多少钱，
 * 我查了一下，八百` reports a question only to answer it (`有人问私单多少钱，我没回` answers nothing).
 */
export function answersPrice(text: string, end: number): boolean {
  return PRICE_ASKED.test(text.slice(end)) && FIGURE_ANSWER.test(text.slice(edgeAfter(text, end, CLAUSE_END)))
}
