import { expandTerm, type Expansion, type ExpansionKind } from './expand.js'
import { foldString } from './normalize.js'

/** True if the kinds have forms that swap characters one for one (homophone, lookalike). */
export function hasSwapKinds(kinds: ReadonlySet<ExpansionKind>): boolean {
  return kinds.has('homophone') || kinds.has('lookalike')
}

/**
 * The forms of a term that are keys: expandTerm's without the one-for-one swaps, each with the kind and
 * form expandTerm gives it. Of two forms that fold alike expandTerm keeps the first, and swap forms come
 * before split and initials forms: a split or initials form that could be a swap form takes the full
 * expansion's kind; otherwise (almost always) the expansion without swaps is the same, at a fraction of
 * the cost. `alternatives`: the term's swapAlternatives.
 */
export function storedForms(term: string, kinds: ReadonlySet<ExpansionKind>, alternatives: string[][][]): Expansion[] {
  const stored = expandTerm(term, kinds, false)
  if (!stored.some(swapTest(term, alternatives))) return stored
  const full = new Map(expandTerm(term, kinds).map(e => [e.key, e]))
  return stored.map(e => full.get(e.key) ?? e)
}

/**
 * A test whether a split or initials form could be a swap form of the term: its folded key differs from
 * the term's in at most two characters, each folded like an alternative of that character (always true
 * when the term's characters or their alternatives do not fold to one code point each).
 */
function swapTest(term: string, alternatives: string[][][]): (e: Expansion) => boolean {
  const chars = [...term]
  const aligned = chars.every(isOneCodePoint) && alternatives.every(list => list.every(a => a.every(isOneCodePoint)))
  let choices: Array<Set<number>> | undefined
  return e => {
    if (e.kind !== 'split' && e.kind !== 'initials') return false
    if (!aligned) return true
    const key = foldString(e.key)
    if (key.length !== chars.length) return false
    choices ??= chars.map((c, i) => new Set([c, ...alternatives.flatMap(list => list[i])].map(a => foldString(a)[0])))
    let swaps = 0
    for (let i = 0; i < key.length; i++) {
      if (key[i] === foldString(chars[i])[0]) continue
      if (!choices[i].has(key[i]) || ++swaps > 2) return false
    }
    return true
  }
}

/** Whether each character folds to exactly one code point, as found so far. */
const oneCodePoint = new Map<string, boolean>()

/** True if the character folds to exactly one code point. */
function isOneCodePoint(c: string): boolean {
  let one = oneCodePoint.get(c)
  if (one === undefined) {
    one = foldString(c).length === 1
    oneCodePoint.set(c, one)
  }
  return one
}
