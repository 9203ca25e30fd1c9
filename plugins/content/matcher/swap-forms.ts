import { EXPANSION_KINDS, expandTerm, swapFormsOf, type Expansion, type ExpansionKind } from './expand.js'
import { SKIP, foldCodePoint, isExpansion } from './fold-table.js'
import { foldString } from './normalize.js'

/**
 * Terms whose swap forms a matcher keeps, least recently used out first (see SwapForms): about 19 MB of
 * heap when full (with the expansion tables' own caches). At 4,096 the bench's 100k-term rounds (chat and
 * uniform text, about 3,000 candidate terms a MB each) evicted each other's terms: scan 3 MB/s, 27 at 16,384.
 */
export const SWAP_FORMS_CACHED = 16384

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
  let aligned: boolean | undefined
  let choices: Array<Set<number>> | undefined
  return e => {
    if (e.kind !== 'split' && e.kind !== 'initials') return false
    aligned ??= chars.every(isOneCodePoint) && alternatives.every(list => list.every(a => a.every(isOneCodePoint)))
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

/** Separators of a term's list of swap forms (see SwapForms): before each key, and between a key and its kind. */
const ENTRY = '\u0000'
const KIND = '\u0001'

/**
 * The swap forms of the terms a matcher's hits were checked against (swapFormsOf, worked out on a term's
 * first candidate hit) for the `capacity` most recently used terms. Each term's as one string, under 1 KB
 * where a map would take ~10 KB: per form ENTRY, its key, KIND, its kind's index in EXPANSION_KINDS, and
 * its form unless that is the key; then a last ENTRY.
 */
export class SwapForms {
  private readonly terms = new Map<number, string>()

  constructor(readonly capacity = SWAP_FORMS_CACHED) {}

  /** How many terms' forms are kept. */
  get size(): number {
    return this.terms.size
  }

  /** The swap form that folds to `key` of `term` expanding `kinds`, swap owner `owner` of its matcher. */
  formOf(owner: number, term: string, kinds: ReadonlySet<ExpansionKind>, key: string): Expansion | undefined {
    let list = this.terms.get(owner)
    if (list === undefined) {
      const entries = swapFormsOf(term, kinds).map(
        e => `${e.key}${KIND}${EXPANSION_KINDS.indexOf(e.kind)}${e.form === e.key ? '' : e.form}`,
      )
      list = `${ENTRY}${entries.join(ENTRY)}${ENTRY}`
      if (this.terms.size >= this.capacity) this.terms.delete(this.terms.keys().next().value!)
    } else this.terms.delete(owner)
    this.terms.set(owner, list)
    const at = list.indexOf(`${ENTRY}${key}${KIND}`)
    if (at < 0) return undefined
    const from = at + key.length + 2
    const form = list.slice(from + 1, list.indexOf(ENTRY, from))
    return { form: form === '' ? key : form, kind: EXPANSION_KINDS[list.charCodeAt(from) - 0x30], key }
  }
}
