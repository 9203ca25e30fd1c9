/**
 * What keeps a hit that a precision rule would read as a clean word (a name, a firm, an edition, the weather, a
 * lesson's medium, a price worked out): the message still pitches, whatever the hit's own words mean. The rules
 * of form-latin.ts, form-senses.ts, form-names.ts, surname-names.ts, form-brands.ts, form-money.ts and
 * form-waste-counts.ts ask it before they clear a hit.
 */

import type { Candidate } from './allow-filter.js'
import { ACCOUNT_ID, CONTACT_WORDS } from './contact-words.js'
import { offers } from './talked-about-offers.js'

/**
 * An account's id after a colon (see ACCOUNT_ID of contact-words.ts: `：abc12345`, `: lily_888`; not `型号：SD2023A`,
 * `发票号：FP2023001`, `订单号: ORD2023`).
 */
const ID_AFTER_COLON = new RegExp(`[:：]\\s*${ACCOUNT_ID}(?![A-Za-z0-9_])`, 'u')
/**
 * A gambling pitch: winning promised or losses paid back (`包赢`, `稳赚`, `必中`, `包赔`, `押一赔十`), losses won
 * back or recovered for a fee (`回血`, `出黑`, `帮你追回`, `不成功不收费`), a stake's floor or a bonus at the table
 * (`百元起押`, `上桌就送`), a live dealer (`真人荷官`), stakes unbounded (`输赢随意`), a bet followed or its yield or rebate told (`跟单`, `收益百分之二十`, `日返`, `返点`), credit bought or topped up
 * with a bonus (`上分`, `彩金`, `充值一百送五十`, `注册送`, `首存`), a day's or a month's takings (`日入`, `日赚`, `月入过万`, `宝妈可做`, `轻松翻倍`), a rebate (`返水`), a leader's
 * bets, slot games (`电子游艺`, `爆分`), a lottery's draw and tips (`开奖`, `特码`, `一肖`, `中特`, `期期准`).
 */
const GAMBLING_PITCH =
  /包赢|包赔|稳赚|稳赢|必赢|必中|回血|押一赔|荷官|真人视讯|输赢(?:随意|不限)|返点|一赔[十百0-9]|日返|出黑|稳定出款|先出款|帮你(?:追回|拿回|挽回|要回)|可以追回(?!吗)|不成功不收费|成功后再?(?:付款|收费)|上桌就?送|起押|跟单(?![员号据])|(?:收益|回报)率?(?:百分之|[0-9])|[上下]分(?![公店部院局厂行区类别钟析配享开成布手散数册期批])|彩金|充值[^，,；;。！!？?\n]{0,6}送|日入(?![库职园住学场])|日赚|月入(?:过万|[0-9一二两三四五六七八九十几]+万)|宝妈可做|轻松翻倍|返水|带单(?![据子])|提现秒到|注册就?送|首充|首存|电子游艺|爆分|开奖|特码|一肖|中特|期期准/u
/**
 * A porn wink or a meeting offered: one's town (`同城`), a date (`约吗`, `可约`; not `约我们`), a visit or a room
 * (`空降`, `开房`, `包夜`, `酒店见`, `可上门`; not `可上门安装`), a price a time or a night (`300一晚`, `150一次`, `300全套`), company (`陪你聊天`), a girl
 * offered (`学生妹`), who wants the goods addressed (`要资源的`), a companion for hire (`陪玩`), a sign to reply (`扣1`, `想看的`), a whole series or samples
 * had (`全集`, `有样片`; not a studio's `样片拿到了`), a ping (`滴滴`, not the ride-hailing app).
 */
const PORN_WINK =
  /酒店见|学生妹|陪你(?:聊|睡|玩|过夜)|[0-9]{2,4}(?:块|元)?全套|全套服务|要资源的|可上门(?!安装|维修|测量|量尺|取|送|回收|服务费)|(?<![0-9.])[0-9]{2,4}(?:块|元)?一(?:次|晚|夜|炮)|同城(?!快递|配送|物流|速递|发货|自提|送)|约[吗炮pP]|约我(?!们)|可约|空降(?!兵|部队|领导|高管|干部)|开房|包夜|陪玩|陪睡|上门服务|扣1|想看的|全集|[有看要求]样片|滴滴(?!打车|出行|司机|快车|专车|顺风车)/u
/**
 * A price or a secret handed over privately: asked for by private message (`私信报价`), a price or a list fetched
 * from the speaker or sent privately (`底价找我拿`, `名单私发`), left where members pick it up (`报价在群文件`); a
 * firm's quote sent to a colleague (`报价单我发你邮箱`) is work.
 */
const HANDED_OVER =
  /私[信聊]报价|(?:(?<!报)价|名单|资料)[^，,；;。！!？?\n]{0,4}(?:找我(?:要|拿)|私[信聊发]|在群文件)|私发/u
/**
 * Someone an insult is aimed at: who posted above (`楼上`), the speaker's swagger (`老子`), a person pointed at
 * (`这人`, `这货`, `那人`), a gift to the reader (`送你`).
 */
const AIMED_WORDS = /楼上|老子|这人|那人|这货|那货|送你/u
/** An @-mention: @ and a name's first character. */
const MENTION = /[@＠][^\s@＠，,；;。！!？?]/u

/**
 * True if the message pitches outside the hit (see offers: an offer, an invitation, the speaker vouching; with
 * `allowDomains`, contact details or a link not on that list), names a way to reach someone (CONTACT_WORDS of
 * contact-words.ts, an account's id after a colon), or holds a gambling pitch, a porn wink or a meeting offer, or a
 * price handed over privately (GAMBLING_PITCH, PORN_WINK, HANDED_OVER): then a clean reading of the hit's words
 * clears nothing (`博采电气的区域经理说包赢`, `成人视频制作，主页有样片`, `成本加运费，找我要`).
 */
export function stillPitches(
  text: string,
  c: Pick<Candidate, 'start' | 'end'>,
  allowDomains: readonly string[] = [],
): boolean {
  return (
    offers(text, c.start, c.end, allowDomains) ||
    CONTACT_WORDS.test(text) ||
    ID_AFTER_COLON.test(text) ||
    GAMBLING_PITCH.test(text) ||
    PORN_WINK.test(text) ||
    HANDED_OVER.test(text)
  )
}

/**
 * True for an insult hit in a message that aims it at someone: an @-mention, `楼上`, `老子`, `这人`, `送你` anywhere
 * in it (`楼上SB和SD`, `SB（Super Boss）@张三`, `老子SB版，你服不服`). Hits of other categories are aimed at no one.
 */
export function aimedAt(text: string, c: Candidate): boolean {
  return c.category === 'insult' && (AIMED_WORDS.test(text) || MENTION.test(text))
}

/** True if the message still pitches (stillPitches) or aims an insult hit at someone (aimedAt). */
export function pitchesOrAims(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  return stillPitches(text, c, allowDomains) || aimedAt(text, c)
}
