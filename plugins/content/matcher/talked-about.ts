/**
 * A banned phrase talked about, not said: denied or forbidden (`不是永久有效`, `禁止私下交易`), quoted or
 * named as words not to say (`别跟客户说“全网最低”`, `包治百病这种词`), in a notice that warns of it
 * (`财务提醒：任何人让你私下转账…`), or kept back (`内部资料请勿外传`). These rules read a few characters of
 * the hit's clause; they run on candidates only. Reported by a member (`那人骂我“蠢货”，已经交给主管处理了`) or
 * named by a rule reminder (`请勿在群内私下转账`) clears a hit too, unless the message offers the reader something;
 * so does a term that is the topic of a rule or notice (`私单一律不算业绩`, `提成比例的调整方案 HR 会单独邮件通知`),
 * forbidden to take part in (`不允许接私单`), labelled a scam (`兼职刷单、扫码进群都是诈骗套路`) or quoted as someone
 * else's post (`刚才那条“内部价格表”的消息是谁发的`).
 */

import { speakerOffersAfterWarning } from './impostor-offers.js'
import { givesFigureAfter } from './deferred-values.js'
import {
  ANSWER_DEFERRED,
  ASKED,
  ASKED_WHETHER,
  CLAIMED_BY_OTHERS,
  LOOKED_UP,
  CONFIDED,
  PRICE_BOUND,
  QUESTION_END,
  REFUSED,
  RUMOURED,
  VALUE_ASKED,
  labelled,
  meaningAsked,
  passedOnAsked,
} from './talked-about-questions.js'
import {
  ASKER,
  IMPOSTOR,
  IMPOSTOR_DISCLAIMED,
  IMPOSTOR_WARNING,
  NAMED_AFTER,
  NAMED_AS_WORDS,
  NOT_TO_SAY,
  QUOTED_POST,
  SAYING,
  SPEAKER_NAMED,
  WARNING,
  listedAsWords,
  quotedTo,
} from './talked-about-quotes.js'
import { CLAUSE_END, SENTENCE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'
import { pitchesAround, stillPitches } from './pitch-guard.js'
import {
  CONCEALED,
  CONDITION,
  CRACKDOWN,
  DENIED,
  DENIED_NOUN,
  FORBIDDEN_LIST,
  FORBIDDEN_TO_DO,
  DONE_ANYWAY,
  FORBIDDEN_TO_POST,
  FORBIDDEN_WHO,
  FORBIDDEN_WITH,
  KEPT_BACK,
  KEPT_FROM,
  KIND_AFTER,
  LISTED_FORBIDDEN,
  NEGATED,
  NOT_POSTED,
  PRETEXT_AFTER,
  PRETEXT_BEFORE,
  RULES_HEADED,
  SANCTION_AFTER,
  SECRET_KEPT,
  DEFINED_AS,
  DEFINED_KEPT,
} from './talked-about-bans.js'
import {
  DM_FROM,
  DM_TOLD,
  REMOVED,
  REPORTED_POST,
  pointedPost,
  reportedFrom,
  reportedOrForbidden,
  reportedPost,
  toSpeaker,
} from './talked-about-reports.js'
import { DIRECTED, OFFER, answersPrice, invitedAfter, namesValue, tellsValue } from './talked-about-offers.js'
import { type TermAt, termAt, unoffered } from './talked-about-term.js'
import { othersWords, rivalClaim } from './talked-about-others-words.js'
import { checkedNot, handledReport } from './talked-about-handled.js'
import { toldReport } from './talked-about-findings.js'
import { cheatedBy } from './talked-about-victims.js'
import { punishedDeed } from './talked-about-punished.js'
import { forbiddenInAnyForm } from './talked-about-any-bans.js'
import { campaignAgainst } from './talked-about-campaigns.js'
import { mayRuleTopic, ruleTopic } from './talked-about-rule-topics.js'
import { ruleShape } from './talked-about-rule-shapes.js'
import { inStatement, statesAboutMessages, turnsToOffer } from './talked-about-statements.js'
import { simplifiedCjk } from './talked-about-simplified.js'
import { withoutWordNegations } from './talked-about-words.js'
import { framedAsReport } from './talked-about-frames.js'

/** A verb of saying or posting before a quotation: `说“`, `发了“`, `骂“`. */
const SAID_OR_POSTED = /说|讲|提到|写|喊|称|问|发|贴|骂/u

/** How a hit is talked about: `drop` (not said at all), `review` (a human should look), or said. */
export type TalkedAbout = 'drop' | 'review' | undefined

/** How far before a hit its cue may stand (the rules read no further back than this for a quick test). */
const CUE_REACH = 24
/**
 * A table of UTF-16 codes: 1 for a first character of a cue (see QUOTES, WARNING, IMPOSTOR, REPORT_LEAD, a deed's 把
 * or 将 of talked-about-handled.ts, the headings of banned words, the concessions and the rivals of talked-about-others-words.ts, the findings and causes of
 * talked-about-findings.ts), 2 for a sentence end.
 */
const CUE_CODES = new Uint8Array(0x10000)
for (const char of '“‘「『"\'提警谨注小当反防冒假伪禁严不切请勿别杜问咨打想有某那陌骂说客现凡查他她对网骗造谣诽污诬抹@＠举投谁竞同友隔差评违敏屏极哪即纵称讲通测被因由把将：:')
  CUE_CODES[char.charCodeAt(0)] = 1
for (const char of SENTENCE_END) CUE_CODES[char.charCodeAt(0)] = 2
/** How far after a hit a cue of NAMED_AFTER or KEPT_BACK may stand. */
const AFTER_REACH = 16
/**
 * A table of UTF-16 codes: 1 for a character of a cue after a hit (NAMED_AFTER, KEPT_BACK, the places of
 * NOT_TO_GROUP, the verbs of PUNISHED_AFTER, the conditions of FOUND_AFTER, the labels of SCAM_LABELLED), 2 for
 * a clause end.
 */
const AFTER_CODES = new Uint8Array(0x10000)
for (const char of '这之等此词话传泄露讨密准群朋外客踢移清警罚拉禁封经旦被骗诈钓违赌虚')
  AFTER_CODES[char.charCodeAt(0)] = 1
for (const char of CLAUSE_END) AFTER_CODES[char.charCodeAt(0)] = 2

/**
 * True if the hit at `start` may be talked about: a negation's last character just before it, a cue's
 * first character at most CUE_REACH characters before it in its sentence, a cue's character after it in its
 * clause or a 的 that ends it (a condition a rule in the next clause punishes, see PUNISHED_AFTER), or a report
 * later in the text (REPORTED). Most hits stop here.
 */
function mayTalkAbout(text: string, start: number, end: number): boolean {
  if (NEGATION_ENDS.has(text[start - 1])) return true
  for (let at = start - 1; at >= 0 && at >= start - CUE_REACH; at--) {
    const cue = CUE_CODES[text.charCodeAt(at)]
    if (cue === 1) return true
    if (cue === 2) break
  }
  for (let at = end; at < text.length && at < end + AFTER_REACH; at++) {
    const cue = AFTER_CODES[text.charCodeAt(at)]
    if (cue === 1) return true
    if (cue === 2) {
      if (text[at - 1] === '的') return true
      break
    }
  }
  return mayRuleTopic(text, start, end) || statesAboutMessages(text) || reportedFrom(text, end)
}

/**
 * The last characters of the negations and prohibitions of NEGATED, of the bounds of PRICE_BOUND, of
 * FORBIDDEN_TO_DO and of CRACKDOWN, of the labels of LABEL_BEFORE, and the 以 of a pretext (PRETEXT_AFTER).
 */
const NEGATION_ENDS = new Set(
  '是非说算止禁要准许得勿别绝于近过按照嫌接做搞走碰沾与事收查打击处治杀缔式由义以反防制离对理范没未',
)

/**
 * How the hit text[start, end) is talked about (a cue at most CUE_REACH characters before it, or
 * AFTER_REACH after it in its clause):
 * - `drop` when negated or forbidden directly before (不是, 并非, 别说, 禁止, 不要…, or a denial of one's own deed:
 *   `我没赌博`, see DENIED; a value kept from someone: `不要让客户知道我们的进货价`, see KEPT_FROM; not with a condition
 *   after: `不是全网最低就退差价`; 是不是 only in a reported question: `客户问是不是包治百病`, not
 *   `你是不是脑残`), or forbidden to post (`严禁在群里发赌博、六合彩`); when named as words
 *   (`包治百病这种词`), kept back or deferred to a source (`内部资料请勿外传`, `提成比例以邮件为准`), named what a thing
 *   is before a ban of passing it on (`护理记录属于内部资料，不许拍照`, see DEFINED_KEPT), asked
 *   about and refused, left unanswered or answered by a source with no offer (`客户问进货价的，一律回复不方便透露`,
 *   `有人问底价，我没回`, `客户问底价的，一律以官网报价为准`), a
 *   price named as a bound (`低于成本价`), or a value looked up (`帮我查下底价是多少`);
 *   when quoted after a verb of saying before the person it names (`说“公司骗人”的那位业主`);
 *   when quoted with a prohibition of saying in its clause (`别跟客户说“全网最低”`) or named as words
 *   (`“老板是骗子”这种话`), quoted as a reported question (`客户问“你们公司骗人吗”`), or quoted after a
 *   warning in its sentence (`警方提醒：“裸聊”敲诈高发`); when a warning in its sentence reports who asks you
 *   to do it (`提醒：任何人让你私下转账`); or when it follows an impostor in a sentence that warns
 *   (`有人冒充我们公司骗人，请提醒客户`); when a member reports it or a rule reminder names it, with no
 *   offer to the reader (see reportedOrForbidden); when asked about in a reported question (`客户问能不能包治百病`)
 *   or called a rumour (`有人造谣说公司要倒闭`), claimed by a rival of itself (`竞品老说自己是第一品牌`), asked who
 *   passed it on (`谁把内部资料转到客户群了？`), or the topic of a rule or notice (see ruleTopic), with no offer;
 *   when listed under a heading of banned words (`违禁词：约炮、裸聊`), said of us by someone else (`竞品说我们是黑心公司`)
 *   or an insult staff are told to bear (`哪怕客户说你是废物也要忍住`), with no offer;
 *   when a reporter of any kind tells it and a later clause tells it handled (`有乘客说司机让他私下转账，已经上报车队长`,
 *   see handledReport), a check found it not done (`保安去看了是打牌没赌钱`), a formal ban names who (`严禁司机与乘客
 *   私下转账`), a rules heading's sanction follows (`代驾群规：拉私单直接开除`), a campaign fights it (`反网赌宣传`) or a
 *   rival claims it of their goods (`别家药房讲保健品永久有效`), with no offer;
 *   when forbidden to take part in or hunted down (`不允许接私单`, `严查刷信誉`), labelled a scam with its list or the
 *   label of a post reported (see labelled), quoted as a post someone else sent (`刚才那条“内部价格表”的消息`), its
 *   meaning asked (`客户问“私单”是什么意思`, see meaningAsked) or the kind or sender of a past post pointed at whose sender
 *   is asked or named (`群里那条六合彩的消息，是谁拉进来的`, see pointedPost), with no offer;
 * - not talked about when a secret value's figures follow (`进货价不能透露，这款进货价每台1280`, see tellsValue),
 *   a price asked is answered by a figure (`有人问私单多少钱，我查了一下，八百`, see answersPrice), a ban hides our deed
 *   from someone (`严禁让客户知道我们私下交易`, see CONCEALED), a ban is followed, whatever ends its clause (`～`, an
 *   emoji), by an invitation to whoever wants it or a handover to the reader (`禁止讨论网赌～有意向的看我签名`,
 *   `不要透露客户名单，我私下发你一份`, see invitedAfter), or the
 *   speaker's own instruction follows a warning of impostors (`谨防冒充客服，所以有事直接加我微信`);
 * - `review` when quoted in a clause with a verb of saying and nothing more (`他说“第一品牌”`);
 * - undefined otherwise: the term is said (`不是骗子就加我vx` still finds 加我vx);
 * - last, `drop` when the whole message reads as a report or a rule that names the hit of `category` (framedAsReport).
 */
export function talkedAbout(
  text: string,
  start: number,
  end: number,
  allowDomains: readonly string[] = [],
  category?: string,
): TalkedAbout {
  const read = withoutWordNegations(simplifiedCjk(text))
  const how = talkedAboutIn(read, start, end, allowDomains)
  return how !== 'drop' && framedAsReport(read, start, end, category, allowDomains) ? 'drop' : how
}

/**
 * The rules that clear a term reported or told of someone else, a rule's example or someone else's words, in the
 * order talkedAboutIn asks them (see their modules).
 */
const REPORTS: readonly ((term: TermAt) => boolean)[] = [
  reportedOrForbidden,
  handledReport,
  checkedNot,
  toldReport,
  listedAsWords,
  othersWords,
  rivalClaim,
  cheatedBy,
  punishedDeed,
  forbiddenInAnyForm,
]

/** A denial asked to affirm: `难道不是黑心公司吗`, `你们不是“骗子公司”是什么`. */
const RHETORICAL = /难道|不是[^，,；;。！!？?\n]{0,12}?(?:还|又)?是(?:什么|啥)/u

/**
 * True for a price term after a bound (see PRICE_BOUND: `低于成本价`, `按进货价算`), which names the price without
 * giving it, unless a plea to keep it secret follows (see CONFIDED: `按进货价给你，别跟别人说`).
 */
function boundsPrice(text: string, end: number, before: string): boolean {
  return text[end - 1] === '价' && PRICE_BOUND.test(before) && !CONFIDED.test(text.slice(end))
}

/** Quoted items of a list right before a quoted term, each maybe closed by a separator: `“脑残”`, `“脑残”、`. */
const QUOTED_ITEMS = /(?:[“‘「『"][^”’」』"，,；;。！!？?\n]{1,8}[”’」』"][、和及与或]?)+$/u

/**
 * The words before a term quoted on its own (an opening mark right before it, a closing one right after), without
 * that mark and the quoted items of a list before it (`禁止“脑残”“` gives `禁止`); else undefined.
 */
function beforeQuote(before: string, after: string): string | undefined {
  if (!/[“‘「『"]$/u.test(before) || !/^[”’」』"]/u.test(after)) return undefined
  return before.slice(0, -1).replace(QUOTED_ITEMS, '')
}

/**
 * True for a quotation denied or forbidden right before its opening mark, maybe past other quoted items, and closed
 * right after the term: `我们不是“黑心公司”的人`, `本店从来不是“骗子公司”` deny the insult they quote, as `不是骗子公司`
 * does; `禁止“脑残”“废物”之类的话` forbids both.
 */
function deniesQuoted(before: string, after: string): boolean {
  const quoted = beforeQuote(before, after)
  return quoted !== undefined && NEGATED.test(quoted)
}

/**
 * talkedAbout of a text whose traditional characters are simplified and whose 别 inside words (识别, 特别) is
 * masked (see withoutWordNegations), offsets kept.
 */
function talkedAboutIn(text: string, start: number, end: number, allowDomains: readonly string[]): TalkedAbout {
  if (!mayTalkAbout(text, start, end)) return undefined
  const term = termAt(text, start, end, allowDomains)
  const { clauseFrom, before, after, sentenceBefore, sentenceAfter } = term
  const clauseTo = end + after.length
  if (tellsValue(text, start, end) && !boundsPrice(text, end, before)) return undefined
  if (answersPrice(text, end) || CONCEALED.test(before)) return undefined
  if (
    (NEGATED.test(before) || deniesQuoted(before, after) || (DENIED.test(before) && !DENIED_NOUN.test(after))) &&
    !RHETORICAL.test(before + after) &&
    !CONDITION.test(after) &&
    (!before.endsWith('是不是') || ASKED.test(before)) &&
    !turnsToOffer(text, end) &&
    !invitedAfter(text, end) &&
    !pitchesAround(text, start, end)
  )
    return 'drop'
  if (
    ((FORBIDDEN_TO_POST.test(before) && !DONE_ANYWAY.test(text.slice(end))) ||
      NAMED_AFTER.test(after) ||
      (KEPT_BACK.test(after) && !givesFigureAfter(text, end))) &&
    !invitedAfter(text, end) &&
    !pitchesAround(text, start, end)
  )
    return 'drop'
  if (FORBIDDEN_TO_POST.test(beforeQuote(before, after) ?? '') && !invitedAfter(text, end) && unoffered(term))
    return 'drop'
  if (
    (FORBIDDEN_WITH.test(before) ||
      FORBIDDEN_LIST.test(before) ||
      LISTED_FORBIDDEN.test(after) ||
      (KEPT_FROM.test(before) && namesValue(text.slice(start, end)))) &&
    !invitedAfter(text, end) &&
    !pitchesAround(text, start, end)
  )
    return 'drop'
  const pretext = PRETEXT_BEFORE.test(before) && PRETEXT_AFTER.test(after)
  const headedRule = RULES_HEADED.test(before) && SANCTION_AFTER.test(text.slice(end))
  if (
    (FORBIDDEN_TO_DO.test(before) || CRACKDOWN.test(before) || FORBIDDEN_WHO.test(before) || headedRule || pretext) &&
    unoffered(term)
  )
    return 'drop'
  if (campaignAgainst(term) || labelled(term)) return 'drop'
  if (NOT_POSTED.test(before) && KIND_AFTER.test(after)) return 'drop'
  if (SECRET_KEPT.test(sentenceAfter) && unoffered(term)) return 'drop'
  if (DEFINED_AS.test(before) && DEFINED_KEPT.test(sentenceAfter) && !invitedAfter(text, end) && unoffered(term))
    return 'drop'
  if (
    unoffered(term) &&
    REPORTED_POST.test(before) &&
    REMOVED.test(text.slice(end, edgeAfter(text, edgeAfter(text, end, CLAUSE_END) + 1, CLAUSE_END)))
  )
    return 'drop'
  if (boundsPrice(text, end, before)) return 'drop'
  if (VALUE_ASKED.test(after) && LOOKED_UP.test(before) && !OFFER.test(text)) return 'drop'
  if (ASKED.test(before) && REFUSED.test(sentenceAfter) && unoffered(term)) return 'drop'
  if (
    ASKED.test(before) &&
    ANSWER_DEFERRED.test(sentenceAfter) &&
    unoffered(term) &&
    !stillPitches(text, term, term.allowDomains)
  )
    return 'drop'
  if (REPORTS.some(report => report(term))) return 'drop'
  if ((ASKED_WHETHER.test(before) || RUMOURED.test(before) || CLAIMED_BY_OTHERS.test(before)) && unoffered(term))
    return 'drop'
  if (passedOnAsked(term) || meaningAsked(term) || pointedPost(term) || ruleTopic(term) || ruleShape(term))
    return 'drop'
  if (toSpeaker(text, start, end) && DM_FROM.test(before) && DM_TOLD.test(after) && unoffered(term)) return 'drop'
  if (inStatement(term)) return 'drop'
  const quoteEnd = quotedTo(text, clauseFrom, start, end, clauseTo)
  if (quoteEnd >= 0) {
    const clause = text.slice(clauseFrom, clauseTo)
    if (NOT_TO_SAY.test(clause) || NAMED_AS_WORDS.test(text.slice(quoteEnd + 1)) || WARNING.test(sentenceBefore))
      return 'drop'
    if (QUOTED_POST.test(text.slice(quoteEnd + 1)) && reportedPost(term)) return 'drop'
    if (ASKED.test(text.slice(clauseFrom, start)) && QUESTION_END.test(text.slice(end, quoteEnd))) return 'drop'
    if (SAID_OR_POSTED.test(before) && SPEAKER_NAMED.test(text.slice(quoteEnd + 1)) && unoffered(term)) return 'drop'
    if (SAYING.test(clause)) return 'review'
  }
  if (WARNING.test(sentenceBefore) && ASKER.test(before)) return 'drop'
  if (IMPOSTOR.test(sentenceBefore)) {
    const sentence = text.slice(edgeBefore(text, start, SENTENCE_END), edgeAfter(text, end, SENTENCE_END))
    const warned = IMPOSTOR_WARNING.test(sentence) || IMPOSTOR_DISCLAIMED.test(sentenceAfter)
    const ownOffer = DIRECTED.test(before) || speakerOffersAfterWarning(text, start, end)
    if (warned && (IMPOSTOR.test(before) || !ownOffer) && unoffered(term)) return 'drop'
  }
  return undefined
}
