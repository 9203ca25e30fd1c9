/**
 * A form by sound or look of a term that names a street or a stop, with a spot on it after (`博才路那边`: 博彩 written
 * 博才, then 路): where someone is, not the term. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { stillPitches } from './pitch-guard.js'

/** The noun of a street, a road or a stop right after the form: 路, 大街, 大道, 巷, 胡同, 站, 地铁站. */
const STREET = /^(?:路|街|大街|大道|巷|胡同|地铁站|公交站|站)/u
/**
 * A spot on the street, or its number, right after its noun: `口`, `上`, `那边`, `附近`, `东段`, `38号`; not `路子` nor
 * `路线`, which name a way of doing.
 */
const SPOT_AFTER =
  /^(?:口|上(?![线门])|边上|那边|这边|那头|附近|旁边|对面|一带|沿线|[东西南北中]段|[0-9０-９]+号|[一二三四五六七八九十百]+号)/u

/**
 * True for a form by sound or look of a term (not the term's own characters) followed by the noun of a street or a
 * stop and a spot on it (see STREET, SPOT_AFTER): `客户说车在博才路那边抛锚了`, `约在博才路口等`. The term written as it is
 * (`博彩路口`), a street named with no spot (`博才路`) and a message that still pitches (see stillPitches:
 * `来博才路38号，百家乐现场开`) stay hits.
 */
export function namesStreet(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || text.slice(c.start, c.end) === c.term) return false
  const street = STREET.exec(text.slice(c.end, c.end + 3))
  if (street === null || !SPOT_AFTER.test(text.slice(c.end + street[0].length, c.end + street[0].length + 4)))
    return false
  return !stillPitches(text, c, allowDomains)
}
