import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { stillPitches } from './pitch-guard.js'

/** A modal verb before the hit: what must, should or needs to be done (`得`, `要`, `需要`, `必须`, `应该`). */
const MODAL_BEFORE = /(?:得|要|需要|必须|应该|应当|得要|还得|就得)$/u
/** What ends the clause of a verb: punctuation, the text's end, an aspect or a complement (`了`, `一下`, `一遍`, `完`). */
const VERB_END = /^(?:$|[\s，,。.！!？?；;、…~～]|了|一下|一遍|一次|一轮|完|好)/u

/**
 * True for a swap form whose swapped last character makes it a verb phrase after a modal verb (see MODAL_BEFORE),
 * ending its clause as a verb does (see VERB_END): `嫩芽要时时采，老叶留着`, `春茶必须时时采一遍` say what must be
 * done, no lottery. A message that still pitches (see stillPitches: `要时时采的加我V信`) keeps the hit.
 */
export function followsModal(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || c.form.length !== c.term.length) return false
  if (c.form.at(-1) === c.term.at(-1) || text[c.end - 1] !== c.form.at(-1)) return false
  if (!MODAL_BEFORE.test(text.slice(Math.max(0, c.start - 3), c.start))) return false
  return VERB_END.test(text.slice(c.end, c.end + 2)) && !stillPitches(text, c, allowDomains)
}
