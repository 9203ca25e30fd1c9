/**
 * Readings of a sound-alike as a market's name from its goods and a market's word written after it (`博采眼镜城`,
 * `家薇建材市场`); a firm's trade right after its name (`斯丹光学`, `伯才电器`) is a kind of business of form-brands.ts
 * (SHOPS). They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { isWordAt } from './expansion-data.js'
import { stillPitches } from './pitch-guard.js'

/** A market's word after its goods: `眼镜城`, `建材市场`, `数码广场`, `家具商场`. */
const MARKET = /^(?:城|商城|广场|市场|商场|商厦|大厦)/u
/**
 * Characters that make the goods before a market's word a platform's or a game's (娱乐城, 游戏城, 彩票, 棋牌, 真人) or a
 * clause's, not goods.
 */
const NOT_GOODS = new Set(
  '娱乐彩票游戏赌博注盘庄荷真人棋牌网金币分的了着过到进来去回在和跟与同找送领取给是就请可有要把被让带拉加入问约你我他她们这那',
)

/**
 * True for a swap form (homophone, toneless, look-alike) followed by goods of two or three characters, ending in a
 * word of CC-CEDICT, and a market's word (`博采眼镜城二楼的铺位`, `家薇建材市场`): a market's name. `博采娱乐城`,
 * `博采游戏城`, a message that still pitches (see stillPitches: `博采眼镜城，加我私聊`) and the term as written stay hits.
 */
export function namesMarket(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never)) return false
  for (let end = c.end + 2; end <= c.end + 3 && end < text.length; end++) {
    if (!MARKET.test(text.slice(end, end + 2))) continue
    const goods = text.slice(c.end, end)
    if ([...goods].every(ch => /\p{Script=Han}/u.test(ch) && !NOT_GOODS.has(ch)) && isWordAt(text, end - 2))
      return !stillPitches(text, c, allowDomains)
  }
  return false
}
