import { foldString } from './normalize.js'
import type { Dictionary } from './types.js'

/**
 * The distinct folded keys of a dictionary (terms and allowed phrases; identical folded forms share a
 * key) and their owners, one per category and kind, in flat typed arrays to keep big dictionaries small.
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
}

/** Folds every term and allowed phrase of the dictionary into a TermIndex. */
export function indexTerms(dictionary: Dictionary): TermIndex {
  const ids = new Map<string, number>()
  const folded: number[][] = []
  const owners: { category: string; text: string; allow: boolean }[][] = []
  const add = (category: string, text: string, allow: boolean): void => {
    const key = foldString(text)
    if (key.length === 0) return
    const id = String.fromCodePoint(...key)
    let k = ids.get(id)
    if (k === undefined) {
      k = folded.length
      ids.set(id, k)
      folded.push(key)
      owners.push([])
    }
    if (!owners[k].some(o => o.category === category && o.allow === allow)) owners[k].push({ category, text, allow })
  }
  for (const [category, rule] of Object.entries(dictionary.categories)) {
    for (const term of rule.terms) add(category, term, false)
    for (const phrase of rule.allow) add(category, phrase, true)
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
  }
}

/** The folded code points of key k (a view, no copy). */
export function keyAt(index: TermIndex, k: number): Int32Array {
  return index.keyCodePoints.subarray(index.keyOffsets[k], index.keyOffsets[k + 1])
}
