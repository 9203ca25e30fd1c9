/**
 * Readings of a hit as everyday words by how they are used around it: a product's name in brackets before its kind of
 * goods (`「一夜晴」面霜`), a plan switched from one period to another (`日转月`), a team sent to a place (`下驻社区`),
 * and a person's pet name before a verb (`小薇信了`). Each keeps the hit where the message still pitches.
 */

import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { stillPitches } from './pitch-guard.js'

/** Marks that open a name: `「`, `《`, `『`, `“`, `"`. */
const NAME_OPEN = /[「《『“"]$/u
/**
 * A name's closing mark, then maybe a few words of what the product does, then a kind of goods: `」面膜`, `》修复面膜`,
 * `”礼盒`, `」系列`.
 */
const GOODS_AFTER =
  /^[」》』”"]\p{Script=Han}{0,4}?(?:面膜|面霜|眼霜|精华|乳液|身体乳|爽肤水|化妆水|洗面奶|口红|唇膏|唇釉|粉底|香水|香氛|护手霜|防晒|沐浴露|洗发水|礼盒|套装|套盒|系列|新品|单品|新款|款|香薰|蜡烛|茶|咖啡|奶茶|蛋糕|月饼|零食|酒|手办|盲盒|皮肤|项目|疗程|套餐)/u

/**
 * True for a swap form (homophone, toneless, look-alike) that is the whole of a name in brackets or quotation marks
 * followed by a kind of goods, maybe past what the product does: a product's name (`「一夜晴」修复面膜`, `《柏家乐》
 * 礼盒`). The term as written and a message that still pitches (see stillPitches: `「一夜晴」面膜，同城可约`) stay hits.
 */
export function namesProduct(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || !NAME_OPEN.test(text.slice(0, c.start))) return false
  return GOODS_AFTER.test(text.slice(c.end, c.end + 12)) && !stillPitches(text, c, allowDomains)
}

/** Periods a plan is billed by: 日, 周, 月, 季, 年. */
const PERIODS = new Set('日周月季年')

/**
 * True for a swap form that writes 转 for a term's character between two periods a plan is billed by: one plan
 * switched to another (`临停可以日转月`, `月转年更划算`), not the term. `日转五百` and a message that still pitches
 * (`日转月，日赚五百`) stay hits.
 */
export function switchesPeriod(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || c.form.length !== c.term.length) return false
  const at = c.form.indexOf('转')
  if (at < 1 || c.term[at] === '转') return false
  const from = text[c.start + at - 1]
  const to = text[c.start + at + 1]
  return PERIODS.has(from) && to !== undefined && PERIODS.has(to) && !stillPitches(text, c, allowDomains)
}

/** Verbs of being sent or settled somewhere: 驻 (stationed), 住, 进, 入, 到. */
const SETTLES = new Set('驻住进入到')
/**
 * A place a team is sent to or people live in, maybe past whose: `我们小区`, `社区`, `各村`, `企业`. Not a platform
 * or a site online.
 */
const PLACE_AFTER =
  /^(?:我们|你们|他们|咱们|本|该|各|辖区|这个|那个)?(?:小区|社区|村|街道|乡镇|镇|单位|学校|园区|企业|工地|楼栋|医院|工厂|厂区|网格)/u

/**
 * True for a swap form whose swapped last character is a verb of being sent or settled somewhere, followed by a place
 * (`工作组下驻我们小区`, `民警进住社区`): a team or people sent there, not the term. A message that still pitches stays a
 * hit (see stillPitches).
 */
export function settlesInPlace(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || c.form.length !== c.term.length) return false
  const last = c.form.at(-1) ?? ''
  if (last === c.term.at(-1) || !SETTLES.has(last)) return false
  return PLACE_AFTER.test(text.slice(c.end, c.end + 6)) && !stillPitches(text, c, allowDomains)
}

/** A pet name's prefix right before a term's first character: `小薇`, `阿薇`. */
const PET_PREFIX = /[小阿]$/u
/** What seeks or adds a person before their name: the name is then the contact (`加小薇`, `找阿薇`). */
const SOUGHT = /(?:加|添|找|私|联系|扫)$/u
/** An aspect particle after a verb, not the start of another word (`了解`, `过来`): `信了`, `信过`. */
const ASPECT_AFTER = /^[了过着](?![解来去])/u

/**
 * True for a two-character hit whose first character ends a pet name (`小薇`, `阿薇`, `张小薇`) and whose second is
 * a verb taking an aspect particle: the person and what they did (`张小薇信了我们的方案`), not the term. A name
 * sought (`加小薇信了吗`) and a message that still pitches (see stillPitches) stay hits.
 */
export function namesPetBeforeVerb(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.end - c.start !== 2 || c.term.length !== 2) return false
  const before = text.slice(Math.max(0, c.start - 4), c.start)
  if (!PET_PREFIX.test(before) || SOUGHT.test(before.slice(0, -1))) return false
  if (!ASPECT_AFTER.test(text.slice(c.end, c.end + 2))) return false
  // The hit's own characters may be contact words (薇信): the rest of the message is asked whether it pitches.
  const masked = text.slice(0, c.start) + '　'.repeat(c.end - c.start) + text.slice(c.end)
  return !stillPitches(masked, c, allowDomains)
}
