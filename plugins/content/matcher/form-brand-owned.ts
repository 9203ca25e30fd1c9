/**
 * Capitals read as a brand or a carrier from what follows them: a thing the firm runs or sells after 的 (`SQ的航班`,
 * `HP的硒鼓`), or a model code (`HP M1136`). They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesOrAims } from './pitch-guard.js'

/**
 * Two capital letters, as a carrier's or a maker's code is written (SQ, HP); three or more are a phrase's initials
 * (`TMD`, `CNM`, `NMSL`: a curse, not a code).
 */
const CAPITALS = /^[A-Z]{2}$/u
/**
 * What a carrier, a maker or a listed firm has, after 的: flights and tickets (`的航班`, `的机票`, `的航线`), its
 * goods and their parts (`的硒鼓`, `的墨盒`, `的打印机`, `的驱动`, `的配件`), its counter and after-sales, its shares.
 */
const OWNED_AFTER =
  /^ ?的 ?(?:航班|机票|航线|航司|飞机|值机|舱位|里程|行李额|硒鼓|墨盒|墨粉|粉盒|打印机|复印机|驱动|配件|零件|型号|说明书|专柜|售后|股票|股价|财报)/u
/** A model code after a space: letters then digits, maybe a letter after (`M1136`, `P1108`, `X200`, `CC388A`). */
const MODEL_AFTER = /^ [A-Z]{1,3}-?\d{2,}[A-Z]{0,2}(?![A-Za-z0-9])/u
/**
 * Whom or what the letters are said of, just before them: `你就是SB`, `这个SB`, `这SB的打印机`, `你们SB的售后`,
 * `一群SB`, `这家SB`; or a curse they follow (`他妈SB`).
 */
const SAID_OF_BEFORE = /(?:[你他她个是这那@＠们群妈]|[这那]家|真是|楼上|老子)\s*$/u

/**
 * True for capitals followed by what a firm runs or sells after 的 (see OWNED_AFTER: `订了SQ的航班`, `HP的硒鼓`) or by
 * a model code (see MODEL_AFTER: `HP M1136 卡纸了`): a carrier's or a maker's letters, not the term's initials. Letters
 * said of someone (`你个SB M1的`, `你们SB的售后`), three or more (`TMD的售后`), `SQ的视频`, `SB 2000` and a message that pitches or aims an insult (see
 * pitchesOrAims: `HP M1136 私聊我`) stay hits.
 */
export function namesBrandOwned(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!CAPITALS.test(text.slice(c.start, c.end))) return false
  const after = text.slice(c.end, c.end + 10)
  if (!OWNED_AFTER.test(after) && !MODEL_AFTER.test(after)) return false
  return !SAID_OF_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start)) && !pitchesOrAims(text, c, allowDomains)
}
