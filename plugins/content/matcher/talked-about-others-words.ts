/**
 * Someone else's words about us or to our staff, for talkedAbout (talked-about.ts): what a rival, a review or a
 * customer says we are (`竞品在抖音说我们公司要倒闭`, `差评里说我们是“黑心公司”`), and an insult a rule tells staff to
 * bear (`哪怕客户说你是废物也要忍住`). The speaker reports or answers those words; they do not say them.
 */

import { type TermAt, unoffered } from './talked-about-term.js'

/** A clause's characters, not its end: `[^，,；;。！!？?\n]`. */
const C = '[^，,；;。！!？?\\n]'
/**
 * Someone else who says it of us, directly before a term in its clause: `有竞品在业主群说我们是`, `差评里说我们是“`,
 * `客户骂我们`, `网上有人传我们公司`.
 */
const SAID_OF_US = new RegExp(
  `(?:竞品|同行|友商|对手|别家|差评|评论|评价|网上|有人|客户|顾客|客人|网友|对方)${C}{0,8}?(?:说|称|骂|写|讲|传|造谣)(?:我们|咱们|我司|本店|本公司)(?:公司|店|家)?(?:是|就是|都是)?[“‘「『"]?$`,
  'u',
)
/** The speaker agreeing with those words, later in the sentence: `，确实是`, `说得没错`. */
const AGREED = /确实|的确|没错|说得对|说的对|本来就|没说错/u
/**
 * A concession that someone else says or calls it, directly before a term: `哪怕客户说你是`, `即使对方骂你`,
 * `就算家长嫌你`.
 */
const CONCEDED = new RegExp(
  `(?:哪怕|即使|即便|就算|纵使|纵然|无论|不管)(?:是)?(?:客户|顾客|客人|对方|别人|家长|业主|学员|会员|用户|买家|患者|病人|有人|他们?|她们?)${C}{0,6}?(?:说|骂|喊|叫|称|讲|嫌)(?:你|您|你们|我们|咱们)?(?:是|就是)?[“‘「『"]?$`,
  'u',
)
/**
 * What staff are told to do about it, later in the sentence: bear it (`也要忍住`, `保持礼貌`, `耐心解释`) or not to
 * answer back (`不要回骂`, `别还嘴`).
 */
const BORNE =
  /(?:也|都|还)?(?:要|得|请|必须|务必|应该|应当)?(?:忍|冷静|克制|保持|礼貌|耐心|微笑|心平气和|好好说)|(?:别|不要|不能|不许|不准|不得|不可以?)(?:还口|还嘴|回骂|骂回去|顶嘴|吵|争吵|争执|发火|动手|计较|生气)/u

/**
 * A third party a reporter names, not ours: one pointed at with 某 (`某中介`, `某培训机构`), or a seller, a landlord or
 * an agency (`卖家`, `那个商家`, `房东`); not after our own (`本店商家`, `我们主播`).
 */
const THIRD_PARTY = `某${C}{1,5}?|(?<![我咱本店家们司])(?:卖家|商家|店家|厂家|中介|房东|代购|微商|机构)`
/** A claim someone makes of their own goods: `宣称`, `号称`, `声称`, `承诺`, `保证`, `标榜`. */
const CLAIMS = '宣称|号称|声称|承诺|保证|标榜|打出'
/**
 * A rival who says or advertises something of their goods, before a term in its clause: `别家药房讲保健品`,
 * `隔壁店宣传他们的净水器`, `同行广告写`, `有的商家吹`, a third party a reporter names (`某中介宣传`, `卖家宣称`); not of
 * us (`竞品说我们是`, see SAID_OF_US). Who reports a rival's claim does not make it.
 */
const RIVAL_CLAIMS = new RegExp(
  `(?:竞品|同行|别家|别的(?:品牌|商家|厂家|公司|店|药房|药店)|对手|友商|隔壁|他们家|那家|有的(?:商家|品牌|厂家|店)|有些(?:商家|品牌|厂家|店)|${THIRD_PARTY})${C}{0,6}?(?:说|讲|称|宣传|吹|吹嘘|广告|写|标|${CLAIMS})(?:(?![我咱本])${C}){0,8}$`,
  'u',
)
/** The speaker claiming the same of our goods later in the text: `我们的也是`, `咱家这款更`; not asked (`问我们是不是也`). */
const WE_TOO =
  /(?<!问)(?:我们|咱们|本店|我家|咱家|我这)(?:的|家|这|这边)?[^，,；;。！!？?\n]{0,4}?(?:也|同样|一样|更|才)(?!不)/u

/**
 * True for a term a rival claims of their goods (RIVAL_CLAIMS) that the speaker does not claim too (WE_TOO) nor agree
 * with (AGREED), with no offer to the reader: `顾客说别家药房讲保健品永久有效，问我们是不是也这样`.
 */
export function rivalClaim(term: TermAt): boolean {
  const rest = term.text.slice(term.end)
  return RIVAL_CLAIMS.test(term.before) && !WE_TOO.test(rest) && !AGREED.test(rest) && unoffered(term)
}

/**
 * True for a term someone else says of us (SAID_OF_US) and the speaker does not agree with, or an insult a rule
 * tells staff to bear (CONCEDED, then BORNE in the sentence), with no offer to the reader.
 */
export function othersWords(term: TermAt): boolean {
  const { before, sentenceAfter } = term
  const said = SAID_OF_US.test(before) && !AGREED.test(sentenceAfter)
  if (!said && !(CONCEDED.test(before) && BORNE.test(sentenceAfter))) return false
  return unoffered(term)
}
