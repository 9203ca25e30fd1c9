/**
 * A claim of the lowest whose 低 starts a word of manner with the character after it (`全网最低调的爆款`: 低调, low-key):
 * no price claimed. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'

/** What makes 低 a word of manner or mood, not of price: 低调, 低俗, 低迷, 低沉, 低落; not before 价 (`最低迷价格`) nor
 * ending a clause (`全网最低调，下单送礼`: the lowest, then a word). */
const MANNER_AFTER = /^[调俗迷沉落](?!的?价|[，,；;。！!？?\s]|$)/u

/**
 * True for a hit written as its term ending in 最低 whose 低 makes a word of manner with the character after it (see
 * MANNER_AFTER): `这款红酒是全网最低调的爆款`, `全网最低调的一家店`. `全网最低价`, `全网最低，速来` and a message that still
 * pitches (see stillPitches: `全网最低调的爆款，私聊拿货`) stay hits.
 */
export function saysLowKey(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!c.term.endsWith('最低') || text.slice(c.end - 2, c.end) !== '最低') return false
  return MANNER_AFTER.test(text.slice(c.end, c.end + 3)) && !stillPitches(text, c, allowDomains)
}
