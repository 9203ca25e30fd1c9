/**
 * Two capital letters counted as two things right after them (`BC两条线`, `AB两栋楼`): each letter names one, no
 * insult's initials. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesOrAims } from './pitch-guard.js'

/** Two letters, as written. */
const LETTER_PAIR = /^[A-Za-zＡ-Ｚａ-ｚ]{2}$/u
/**
 * Two counted with a classifier of things, right after the letters: `两条线`, `两栋`, `俩区`, `两个组`; not `两个字`, which
 * spells the insult out, nor 两个 before people or a verb (`两个人`, `两个傻子`, `两个东西`, `两个都是`).
 */
const TWO_THINGS =
  /^\s*(?:两|俩|二|2)\s*(?:条(?![狗虫蛆])|栋|座|组|类|款|端|种|套|家|队|区|期|版|线|班|层|台|部|个(?![字人都是也全傻笨蠢货]|东西|玩意|家伙))/u

/**
 * People in the message the letters may be aimed at, or names called besides: `楼主`, `你们`, `他们`, `这俩`, `两个SB`,
 * `的人`, `都是垃圾`, `滚`, `狗` (rev46).
 */
const PEOPLE_OR_NAMES = /楼主|[你您他她]|这俩|那俩|两个[A-Za-z]|的人|滚|去死|垃圾|废物|狗|猪|白痴|傻/u

/**
 * True for an insult's initials or letters (`BC`, `SB`) followed by two things counted (see TWO_THINGS): `我们分to B和to
 * C，BC两条线分开考核`, `AB两栋楼今天停水`. `你就是个BC`, `BC两个字送给你` and a message that aims it at someone or still
 * pitches (see pitchesOrAims: `楼上BC两个组都一样`), or names people (see PEOPLE_OR_NAMES: `他们BC两个队都是垃圾`)
 * stay hits.
 */
export function countsLetterPair(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.category !== 'insult' || !LETTER_PAIR.test(text.slice(c.start, c.end))) return false
  return (
    TWO_THINGS.test(text.slice(c.end, c.end + 5)) &&
    !PEOPLE_OR_NAMES.test(text) &&
    !pitchesOrAims(text, c, allowDomains)
  )
}
