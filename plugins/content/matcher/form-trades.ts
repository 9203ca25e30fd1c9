/**
 * Readings of a sound-alike as a firm's name from its trade written after it (beside form-brands.ts): a line of
 * business no shop's word closes (`斯丹光学`, `伯才电器`), or a market of some goods (`博采眼镜城`, `家薇建材市场`). They
 * run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { isWordAt } from './expansion-data.js'
import { stillPitches } from './pitch-guard.js'

/** Lines of business a firm's name takes (the shops' kinds are in form-brands.ts): `斯丹光学`, `伯才电器`, `家薇门窗`. */
const TRADES = new Set([
  '光学',
  '眼镜',
  '电器',
  '家电',
  '电气',
  '通讯',
  '机械',
  '汽配',
  '汽修',
  '医药',
  '药业',
  '医疗',
  '生物',
  '食品',
  '服饰',
  '服装',
  '鞋业',
  '纺织',
  '家纺',
  '门窗',
  '陶瓷',
  '卫浴',
  '灯饰',
  '照明',
  '化工',
  '塑胶',
  '模具',
  '钢材',
  '包装',
  '广告',
  '租赁',
  '置业',
  '地产',
  '环保',
  '能源',
  '母婴',
  '珠宝',
  '钟表',
  '乐器',
  '印务',
  '制衣',
  '建筑',
  '劳务',
  '家政',
  '保洁',
  '地板',
  '涂料',
  '石材',
])
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
 * True for a swap form (homophone, toneless, look-alike) followed by a line of business (TRADES: `斯丹光学的镜片`) or by
 * goods of two or three characters, ending in a word of CC-CEDICT, and a market's word (`博采眼镜城二楼的铺位`,
 * `家薇建材市场`): a firm's or a market's name. `博采娱乐城`, `博采游戏城`, a message that offers the reader
 * something (`斯丹光学，加我私聊`) and the term as written stay hits.
 */
export function namesTrade(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never)) return false
  const at = c.end
  let named = TRADES.has(text.slice(at, at + 2))
  for (let end = at + 2; !named && end <= at + 3 && end < text.length; end++) {
    if (!MARKET.test(text.slice(end, end + 2))) continue
    const goods = text.slice(at, end)
    named = [...goods].every(ch => /\p{Script=Han}/u.test(ch) && !NOT_GOODS.has(ch)) && isWordAt(text, end - 2)
  }
  return named && !stillPitches(text, c, allowDomains)
}
