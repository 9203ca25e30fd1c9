/**
 * A term ending in 信号 (威信号, read as 微信号) whose 信号 is a signal: `华威信号灯`, `手机威信号不好`. It runs on the
 * candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'

/**
 * What a signal is or does right after 信号: a thing that sends or shows it (`灯`, `塔`, `弹`, `线`, `旗`,
 * `机`, `站`, `器`, `放大器`; not `源`: 号源 is accounts for sale, `出售微信号源`) or how strong it is (`不好`, `差`, `弱`, `满格`, `断了`, `覆盖`). Not 号码, an account's
 * number, nor how hard it is to remember, type or find, nor digits it lacks (`不好记`, `不好搜`, `差一位`).
 */
const SIGNAL_AFTER =
  /^(?:灯|塔|弹|线|旗|机|站|器|兵|枪|放大|屏蔽|干扰|覆盖|强度|满格|(?:不好|不太好|不行|很差|太差|差|弱|很弱|太弱|断了|中断|没了|不稳定?)(?![记加找搜输念写认一二两几个位点]))/u

/**
 * True for a term whose last characters are 信号 followed by what a signal is or does (see SIGNAL_AFTER): a
 * signal, not an account's number (`华威信号灯厂的订单`, `手机威信号不好，打不通`). `威信号码多少`, `我威信号是abc123` and a
 * message that still pitches (see stillPitches: `威信号不好，加我vx`) stay hits.
 */
export function namesSignal(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!text.slice(c.start, c.end).endsWith('信号') || !SIGNAL_AFTER.test(text.slice(c.end, c.end + 4))) return false
  // The hit's own 威信 is no contact word of the guard's: the rest of the message is read.
  const rest = text.slice(0, c.start) + '　'.repeat(c.end - c.start) + text.slice(c.end)
  return !stillPitches(rest, c, allowDomains)
}
