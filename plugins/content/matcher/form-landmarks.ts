/**
 * A hit that names a building by the shop or mall it houses, as a place where something stands (`X家居城楼顶那个
 * 电站`, `X超市门口`): a landmark, not the term. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { CLAUSE_CHARACTERS, PLATFORM_CHARACTERS } from './form-brands.js'
import { stillPitches } from './pitch-guard.js'

/** The last character of a noun for a shop's or a mall's building: 家居城, 超市, 商场, 大厦, 酒楼, 花园, 小区, 酒店. */
const BUILDING_HEADS = new Set('城店场厦楼园区馆院市寓苑')
/** Characters that make the run a game's or a site's part, not a building (专场, 游戏城, 线上商城, 赛场, 现场). */
const NO_BUILDING = new Set('专游戏博赛现线网在')
/** A part of a building or a spot by it, right after the building: where a thing stands or a person waits. */
const SPOT_AFTER =
  /^的?(?:楼顶|屋顶|顶楼|天台|楼上|楼下|门口|大门|门前|对面|旁边|隔壁|附近|后面|后门|侧门|停车场|地下室|外墙)/u
/**
 * What follows the spot when the sentence goes on about a thing or a person there: a demonstrative, 的, a verb of being,
 * opening, parking, fitting or meeting, a clause's end (`楼顶那个电站`, `门口新开了`, `楼下的车位`, `门口等我`); not a noun
 * run that names what the building offers (`顶楼真人荷官`).
 */
const SPOT_GOES_ON = /^(?:那|这|的|有|是|在|新|停|装|等|见|集合|碰头|[，,。！!？?；;\s]|$)/u
/** An ideograph. */
const IDEOGRAPH = /^\p{Script=Han}$/u

/**
 * True for a hit followed by a building's noun of one to four ideographs (none a clause's, a platform's or a game's
 * character: see BUILDING_HEADS, NO_BUILDING) and a spot of that building the sentence goes on from (see SPOT_AFTER,
 * SPOT_GOES_ON): `X家居城楼顶那个电站是我们装的`, `X超市门口等我`. `X娱乐城楼上`, `X平台旁边`, what the building offers
 * after its spot (`X大厦顶楼真人荷官`), a building named with no spot (`X家居城`) and a message that still pitches (see
 * stillPitches: `X家居城楼上，包赢`) stay hits.
 */
export function namesLandmark(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  for (let end = c.end + 1; end <= c.end + 4 && end <= text.length; end++) {
    const char = text[end - 1]
    if (!IDEOGRAPH.test(char) || CLAUSE_CHARACTERS.has(char) || PLATFORM_CHARACTERS.has(char)) return false
    if (NO_BUILDING.has(char)) return false
    const spot = BUILDING_HEADS.has(char) ? SPOT_AFTER.exec(text.slice(end, end + 5)) : null
    if (spot !== null && SPOT_GOES_ON.test(text.slice(end + spot[0].length, end + spot[0].length + 1)))
      return !stillPitches(text, c, allowDomains)
  }
  return false
}
