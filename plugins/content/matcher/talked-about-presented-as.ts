/**
 * A claim something may not be presented as (f48): `课时卡不能宣传成永久有效`, `别把滤芯吹成包治百病`, `不得包装成第一品牌`.
 * It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { DONE_ANYWAY } from './talked-about-bans.js'
import { pitchesAround, pitchesBeside, stillPitches } from './pitch-guard.js'

/**
 * In the hit's clause before it, a prohibition, maybe what (`把课时卡`), then a verb of presenting with 成 or 为 right
 * before the hit: `不能宣传成`, `别吹成`, `不得包装成`, `不要标注为`, `禁止夸大成`, `不能说成是`.
 */
const PRESENTED_AS_BEFORE =
  /(?:禁止|严禁|不准|不许|不允许|不得|不能|不可以?|不要|别|切勿|请勿|勿)[^，,；;。！!？?\n]{0,8}?(?:宣传|包装|吹|吹嘘|夸大|夸|描述|说|讲|写|标|标注|印|打造|美化|形容|介绍|渲染|承诺)(?:成|为)(?:是)?$/u

/**
 * The end of the claim right after the hit, maybe past a word it starts (`全网最低价`) or 的, 之类的: the clause says no
 * more of it.
 */
const CLAIM_END = /^[^\P{Script=Han}我你的]{0,2}(?:的|之类的?|这种|等)?(?:[，,；;。！!？?\n]|$)/u

/**
 * After the claim, the speaker turning it round or selling: `但我们确实是`, `其实就是`, `就说长期有效`, `你懂的`, the effect vouched for (`效果杠杠的`), a price
 * (`99元一张`), a shop's call (`到店咨询`, `下单`; rev48).
 */
const TURNED =
  /但|可是|不过|其实|确实|实际上|本来|就说|改说|懂的|你懂|效果|疗效|体验|管用|杠杠|货到付款|[0-9一二两三四五六七八九十百千]+(?:块|元)|咨询|下单|购买|抢购|特价|包邮|优惠/u

/**
 * True for a hit right after a prohibition of presenting something as it (see PRESENTED_AS_BEFORE), the claim ending
 * its clause (CLAIM_END): a rule on what not to claim (`会员卡不能宣传成永久有效，合同写的是两年`). The speaker doing it
 * anyway (DONE_ANYWAY: `…，我们照写`), turning it round or selling (TURNED: `…，但我们确实是`, `…，99元一张`) and a message that still pitches, beside or around the hit (`…，加我微信`),
 * keep the hit.
 */
export function forbidsPresentingAs(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!CLAIM_END.test(text.slice(c.end, c.end + 5))) return false
  if (!PRESENTED_AS_BEFORE.test(text.slice(Math.max(0, c.start - 20), c.start))) return false
  if (DONE_ANYWAY.test(text.slice(c.end)) || TURNED.test(text.slice(c.end))) return false
  // The hit's own words may be the guard's: the rest of the message is asked whether it pitches.
  const rest = text.slice(0, c.start) + '　'.repeat(c.end - c.start) + text.slice(c.end)
  return (
    !stillPitches(rest, c, allowDomains) && !pitchesAround(text, c.start, c.end) && !pitchesBeside(text, c.start, c.end)
  )
}
