/**
 * A campaign against a kind of wrong, for talkedAbout (talked-about.ts): the term after a word against it and before
 * what the campaign is (`反网赌宣传`, `防网赌知识讲座`, `抵制网赌签名活动`, `远离赌博、珍爱家庭主题征文`), or a slogan that
 * turns from it, ending its clause (`珍爱生命，远离赌博`). It names the wrong it fights.
 */

import { type TermAt, unoffered } from './talked-about-term.js'

/** A word against a wrong, directly before its term: `反`, `防`, `禁`, `抵制`, `远离`, `打击`, `预防`. */
const AGAINST = /(?:反|防|禁|拒绝|抵制|远离|反对|打击|严打|整治|治理|预防|防范)$/u
/** A verb that turns from a wrong, directly before its term in a slogan: `远离`, `拒绝`, `抵制`, `反对`. */
const TURNED_FROM = /(?:拒绝|抵制|远离|反对)$/u
/**
 * After the term, maybe past other items of a list and a few characters, what a campaign is: `宣传`, `讲座`, `主题班会`,
 * `专项行动`, `签名活动`, `知识`, `海报`, `征文`.
 */
const CAMPAIGN_AFTER =
  /^(?:[、和及与][^，,；;。！!？?\n]{1,6}?)*[^，,；;。！!？?\n]{0,4}?(?:宣传|宣讲|讲座|主题|知识|活动|专项|行动|教育|海报|标语|倡议|签名|征文|班会|课|培训|展板|展览|视频|手册|工作|斗争|公益|承诺|专题|小组|办公室|中心|联盟|漫画|短片|演讲|比赛|普法)/u
/** The rest of a slogan's clause after its term: nothing, or other items of its list. */
const SLOGAN_END = /^(?:[、和及与][^，,；;。！!？?\n、和及与]{1,6})*[！!]?$/u

/**
 * True for a term a campaign fights (AGAINST before, CAMPAIGN_AFTER after) or a slogan turns from (TURNED_FROM before,
 * the clause's end after), with no offer to the reader outside it.
 */
export function campaignAgainst(term: TermAt): boolean {
  const { before, after } = term
  const fought = AGAINST.test(before) && CAMPAIGN_AFTER.test(after)
  if (!fought && !(TURNED_FROM.test(before) && SLOGAN_END.test(after))) return false
  return unoffered(term)
}
