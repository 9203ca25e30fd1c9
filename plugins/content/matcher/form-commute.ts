/**
 * A hit that reads as a way to work, not a deal kept from the company: `明早我直接去工地，不走公司了` (one skips the
 * office on the way). It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'
import { SENTENCE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'

/** The term's letters as a way past the office: 不走公司, 不经过公司, 不回公司. */
const PAST_OFFICE = /^不(?:走|经过|回|去)公司$/u
/** A trip straight to a place in the sentence: `直接去客户家`, `直接到现场`, `先去仓库`, `顺路去`, `从家出发`. */
const TRIP = /(?:直接|先|顺路|顺道|自己)(?:去|到|过去|开车去|骑车去)|(?:从家|在家)(?:出发|过去|直接)/u
/**
 * A deal's words anywhere in the message: an order, money, a price, a payment settled face to face, a commission,
 * something private.
 */
const DEAL_WORDS = /单|钱|款|价|费|付|转账|提成|私|回扣|现金|红包|便宜|优惠|折|结算|现结|当面结|当面给/u

/**
 * True for the term written as a way past the office (see PAST_OFFICE) in a sentence that names a trip straight to a
 * place (see TRIP), with no deal's word in the message (see DEAL_WORDS): `明早我直接去工地量尺寸，不走公司了`. `这单直接
 * 去客户家收钱，不走公司了`, `不走公司，私下给你便宜点`, a sentence with no trip and a message that still pitches
 * (see stillPitches) stay hits.
 */
export function skipsOffice(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!PAST_OFFICE.test(text.slice(c.start, c.end)) || DEAL_WORDS.test(text)) return false
  const sentence = text.slice(edgeBefore(text, c.start, SENTENCE_END), edgeAfter(text, c.end, SENTENCE_END))
  return TRIP.test(sentence) && !stillPitches(text, c, allowDomains)
}
