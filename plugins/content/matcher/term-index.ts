import { expandTerm, type ExpansionKind } from './expand.js'
import { foldString } from './normalize.js'
import type { Dictionary } from './types.js'

/** Owner kind codes: 0 is the term or phrase itself, i + 1 is OWNER_KINDS[i]. */
export const OWNER_KINDS: readonly ExpansionKind[] = ['pinyin', 'initials', 'homophone', 'split', 'lookalike']

/**
 * The distinct folded keys of a dictionary (terms, allowed phrases and their expansions; identical
 * folded forms share a key) and their owners, one per category and kind of use (term or allowed
 * phrase), in flat typed arrays to keep big dictionaries small. A key that is a term as written and an
 * expansion of another term keeps the term: the more exact owner is added first.
 */
export interface TermIndex {
  keyCount: number
  /** Folded code points of every key, back to back; key k is [keyOffsets[k], keyOffsets[k + 1]). */
  keyCodePoints: Int32Array
  keyOffsets: Int32Array
  /** Owners of key k are [ownerOffsets[k], ownerOffsets[k + 1]). */
  ownerOffsets: Int32Array
  ownerCategory: string[]
  /** The term or allowed phrase as written in the dictionary. */
  ownerText: string[]
  ownerIsAllowPhrase: Uint8Array
  /** 1 for a context word of the category (see CategoryRule.context). */
  ownerIsContext: Uint8Array
  /** 0 for the term itself, else 1 + the index of its expansion kind in OWNER_KINDS. */
  ownerKind: Uint8Array
  /** The expansion as written ("shabi"), or the term itself for kind 0. */
  ownerForm: string[]
}

interface Owner {
  category: string
  text: string
  allow: boolean
  context?: boolean
  kind: number
  form: string
}

/** Folds every term and allowed phrase of the dictionary, and their expansions, into a TermIndex. */
export function indexTerms(dictionary: Dictionary): TermIndex {
  const ids = new Map<string, number>()
  const folded: number[][] = []
  const owners: Owner[][] = []
  const add = (owner: Owner): void => {
    const key = foldString(owner.form)
    if (key.length === 0) return
    const id = String.fromCodePoint(...key)
    let k = ids.get(id)
    if (k === undefined) {
      k = folded.length
      ids.set(id, k)
      folded.push(key)
      owners.push([])
    }
    const same = (o: Owner): boolean =>
      o.category === owner.category && o.allow === owner.allow && o.context === owner.context
    if (!owners[k].some(same)) owners[k].push(owner)
  }
  const categories = Object.entries(dictionary.categories)
  for (const [category, rule] of categories) {
    for (const term of rule.terms) add({ category, text: term, allow: false, kind: 0, form: term })
    for (const phrase of rule.allow) add({ category, text: phrase, allow: true, kind: 0, form: phrase })
    for (const word of rule.context ?? [])
      add({ category, text: word, allow: false, context: true, kind: 0, form: word })
  }
  for (const [category, rule] of categories) {
    const kinds = new Set(rule.expand ?? [])
    if (kinds.size === 0) continue
    const expandAll = (text: string, allow: boolean): void => {
      for (const e of expandTerm(text, kinds)) {
        add({ category, text, allow, kind: OWNER_KINDS.indexOf(e.kind) + 1, form: e.form })
      }
    }
    for (const term of rule.terms) expandAll(term, false)
    for (const phrase of rule.allow) expandAll(phrase, true)
  }
  const keyOffsets = new Int32Array(folded.length + 1)
  const ownerOffsets = new Int32Array(folded.length + 1)
  folded.forEach((key, k) => {
    keyOffsets[k + 1] = keyOffsets[k] + key.length
    ownerOffsets[k + 1] = ownerOffsets[k] + owners[k].length
  })
  const flatOwners = owners.flat()
  return {
    keyCount: folded.length,
    keyCodePoints: Int32Array.from(folded.flat()),
    keyOffsets,
    ownerOffsets,
    ownerCategory: flatOwners.map(o => o.category),
    ownerText: flatOwners.map(o => o.text),
    ownerIsAllowPhrase: Uint8Array.from(flatOwners, o => (o.allow ? 1 : 0)),
    ownerIsContext: Uint8Array.from(flatOwners, o => (o.context ? 1 : 0)),
    ownerKind: Uint8Array.from(flatOwners, o => o.kind),
    ownerForm: flatOwners.map(o => (o.kind === 0 ? o.text : o.form)),
  }
}

/** The folded code points of key k (a view, no copy). */
export function keyAt(index: TermIndex, k: number): Int32Array {
  return index.keyCodePoints.subarray(index.keyOffsets[k], index.keyOffsets[k + 1])
}
