import { type Candidate, type Reading, readsAny } from './allow-filter.js'
import { countsAfterCode } from './code-classifiers.js'
import { endsDayWord } from './day-words.js'
import { namesFlag } from './flagged-as.js'
import { gradesGoods } from './goods-batches.js'
import { namesByKin } from './kin-names.js'
import { followsModal } from './modal-verbs.js'
import { startsNumber } from './numeral-counts.js'
import { callsSignUp } from './sign-ups.js'

/**
 * True for a hit its place in the sentence reads otherwise (issue #22, f42): a child's or a parent's name before a
 * word of kin (kin-names.ts), a swapped-in numeral starting a number (numeral-counts.ts), a grade of goods said of a
 * batch (goods-batches.ts), a classifier after a part's code (code-classifiers.ts), a term's 日 closing a word of days
 * (day-words.ts), a category a filter judged something as (flagged-as.ts), a verb phrase after a modal verb
 * (modal-verbs.ts), an activity the group is called to sign up for (sign-ups.ts). Each keeps the hit in a message
 * that still pitches.
 */
export function readsByPlace(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  return readsAny(PLACE_READINGS, text, c, allowDomains)
}

const PLACE_READINGS: readonly Reading[] = [
  namesByKin,
  startsNumber,
  gradesGoods,
  countsAfterCode,
  endsDayWord,
  namesFlag,
  followsModal,
  callsSignUp,
]
