import { SWAP_KINDS, expandTerm, swapKindsOf, type Expansion, type ExpansionKind } from './expand.js'
import { SKIP, foldCodePoint, isExpansion } from './fold-table.js'
import { foldString } from './normalize.js'

/** True if the kinds have forms that swap characters one for one (homophone, toneless, lookalike). */
export function hasSwapKinds(kinds: ReadonlySet<ExpansionKind>): boolean {
  for (const kind of kinds) if (SWAP_KINDS.has(kind)) return true
  return false
}

/**
 * The forms of a term that are keys: expandTerm's without the one-for-one swaps, each with the kind and
 * form expandTerm gives it. Of two forms that fold alike expandTerm keeps the first, and swap forms come
 * before split and initials forms (only the look-alike ones before split forms): a split or initials form
 * that could be such a swap form takes the full expansion's kind; otherwise (almost always) the expansion
 * without swaps is the same, at a fraction of the cost. `alternatives`: the term's swapAlternatives. Also
 * the keys of those forms a swap form could fold like (see swapFormsWith; pinyin forms never do, see
 * swapFormsOf). `splitsAtScan`: as for expandTerm.
 */
export function storedForms(
  term: string,
  kinds: ReadonlySet<ExpansionKind>,
  alternatives: string[][][],
  splitsAtScan = false,
): { forms: Expansion[]; taken: string[] } {
  const stored = expandTerm(term, kinds, false, splitsAtScan)
  const test = swapKeyTest(term, alternatives)
  const taken = stored.filter(e => e.kind !== 'pinyin' && test(e.key))
  const keys = taken.map(e => e.key)
  // Of the swap forms, only the look-alike ones come before the split forms (EXPANSION_KINDS).
  const swapKinds = swapKindsOf(kinds)
  const lookalike = swapKeyTest(
    term,
    alternatives.filter((_, t) => swapKinds[t] === 'lookalike'),
  )
  if (!taken.some(e => (e.kind === 'split' && lookalike(e.key)) || e.kind === 'initials'))
    return { forms: stored, taken: keys }
  const full = new Map(expandTerm(term, kinds, true, splitsAtScan).map(e => [e.key, e]))
  return { forms: stored.map(e => full.get(e.key) ?? e), taken: keys }
}

/**
 * A test whether a folded key could be a swap form's of the term: it differs from the term's in at most
 * two characters, each folded like an alternative of that character (always true when the term's
 * characters or their alternatives do not fold to one code point each).
 */
export function swapKeyTest(term: string, alternatives: string[][][]): (folded: string) => boolean {
  const chars = [...term]
  let aligned: boolean | undefined
  let own: number[] | undefined
  return folded => {
    aligned ??= chars.every(isOneCodePoint) && alternatives.every(list => list.every(a => a.every(isOneCodePoint)))
    if (!aligned) return true
    const key = foldString(folded)
    if (key.length !== chars.length) return false
    own ??= chars.map(foldedOne)
    let swaps = 0
    for (let i = 0; i < key.length; i++) {
      if (key[i] === own[i]) continue
      if (!alternatives.some(list => list[i].some(a => foldedOne(a) === key[i])) || ++swaps > 2) return false
    }
    return true
  }
}

/** The code point a character that folds to exactly one (isOneCodePoint) folds to, mostly without an array. */
function foldedOne(c: string): number {
  if (c.length === 1) {
    const f = foldCodePoint(c.charCodeAt(0))
    if (!isExpansion(f)) return f
  }
  return foldString(c)[0]
}

/** Whether each character folds to exactly one code point, as found so far. */
const oneCodePoint = new Map<string, boolean>()

/** True if the character folds to exactly one code point. */
export function isOneCodePoint(c: string): boolean {
  if (c.length === 1) {
    const f = foldCodePoint(c.charCodeAt(0))
    if (!isExpansion(f)) return f !== SKIP
  }
  let one = oneCodePoint.get(c)
  if (one === undefined) {
    one = foldString(c).length === 1
    oneCodePoint.set(c, one)
  }
  return one
}
