import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { stillPitches } from './pitch-guard.js'
import { SENTENCE_END, edgeAfter } from './talked-about-clauses.js'

/**
 * A call to sign up in the group for an activity, after the hit: 报名 or 报个名 in the group, or a list to add one's name to
 * (`有兴趣的在群里报名`, `想去的接龙`). Not a bare 报名, which a course or a job ad asks for too, nor 报名费 (a fee asked).
 */
const SIGN_UP = /(?:群里|群内|本群|群中)(?:报名|报个名)(?!费)|接龙/u
/**
 * Who is invited to sign up in the group (`有兴趣的在群里报名`, `想参加的接龙`): an invitation to the group's own sign-up,
 * which pitch-guard.ts' offers would read as one to reach the speaker; blanked before the guard.
 */
const INVITED_TO_SIGN_UP =
  /(?:有兴趣的|感兴趣的|想(?:参加|去|来|跑|玩)的|有意向的)(?:(?:就|请|可以)?(?:在|到)?(?:群里|群内|本群|下面|评论区))?(?:报名|报个名|接龙)/gu
/** How far after the hit a sign-up call may stand, in its sentence (see SENTENCE_END). */
const REACH = 20

/**
 * True for a swap form that writes other characters than the term's, in a sentence that calls the group to sign up
 * for an activity after it (see SIGN_UP): the form is the activity (`周六早上约跑，感兴趣的群里报名`, `下周约跑，想去的接龙`),
 * no wink; the invitation to sign up is no offer (see INVITED_TO_SIGN_UP). A message that still pitches (see
 * stillPitches: `约跑，同城的报名私聊`) keeps the hit, and so does a form with no sign-up after it in its sentence
 * (`今晚约跑吗`).
 */
export function callsSignUp(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || c.form === c.term) return false
  const to = Math.min(edgeAfter(text, c.end, SENTENCE_END), c.end + REACH)
  if (!SIGN_UP.test(text.slice(c.end, to))) return false
  return !stillPitches(
    text.replace(INVITED_TO_SIGN_UP, m => ' '.repeat(m.length)),
    c,
    allowDomains,
  )
}
