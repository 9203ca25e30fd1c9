import { expandTerm, type ExpansionKind } from './expand.js'
import { foldedKey } from './normalize.js'
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
  /**
   * The expansion as written ("shabi"), or the term itself for kind 0; '' when that is the key itself
   * (most expansions: the key's code points give it back, see formOf). A 10k-term expanded dictionary
   * keeps 28k of its 867k forms.
   */
  ownerForm: string[]
}

/** A growable Int32Array. */
class Int32Buffer {
  data = new Int32Array(1024)
  length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length)
  }
}

/** Owners in the order added, each linked to the previous owner of its key (see indexTerms). */
class Owners {
  key = new Int32Buffer()
  previousOfKey = new Int32Buffer()
  category: string[] = []
  text: string[] = []
  form: string[] = []
  flags = new Int32Buffer()
}

const ALLOW = 1
const CONTEXT = 2

/** Folds every term and allowed phrase of the dictionary, and their expansions, into a TermIndex. */
export function indexTerms(dictionary: Dictionary): TermIndex {
  const ids = new Map<string, number>()
  const codePoints = new Int32Buffer()
  const keyEnds = new Int32Buffer()
  const lastOwnerOfKey = new Int32Buffer()
  const owners = new Owners()
  const add = (category: string, text: string, flags: number, kind: number, form: string, id: string): void => {
    if (id === '') return
    let k = ids.get(id)
    if (k === undefined) {
      k = ids.size
      ids.set(id, k)
      for (let i = 0; i < id.length; ) {
        const cp = id.codePointAt(i)!
        codePoints.push(cp)
        i += cp > 0xffff ? 2 : 1
      }
      keyEnds.push(codePoints.length)
      lastOwnerOfKey.push(-1)
    }
    const last = lastOwnerOfKey.data[k]
    for (let o = last; o >= 0; o = owners.previousOfKey.data[o]) {
      if (owners.category[o] === category && (owners.flags.data[o] & 0xff) === flags) return
    }
    lastOwnerOfKey.data[k] = owners.category.length
    owners.key.push(k)
    owners.previousOfKey.push(last)
    owners.category.push(category)
    owners.text.push(text)
    owners.form.push(form === id ? '' : form)
    owners.flags.push(flags | (kind << 8))
  }
  const categories = Object.entries(dictionary.categories)
  for (const [category, rule] of categories) {
    for (const term of rule.terms) add(category, term, 0, 0, term, foldedKey(term))
    for (const phrase of rule.allow) add(category, phrase, ALLOW, 0, phrase, foldedKey(phrase))
    for (const word of rule.context ?? []) add(category, word, CONTEXT, 0, word, foldedKey(word))
  }
  for (const [category, rule] of categories) {
    const kinds = new Set(rule.expand ?? [])
    if (kinds.size === 0) continue
    const expandAll = (text: string, flags: number): void => {
      for (const e of expandTerm(text, kinds))
        add(category, text, flags, OWNER_KINDS.indexOf(e.kind) + 1, e.form, e.key)
    }
    for (const term of rule.terms) expandAll(term, 0)
    for (const phrase of rule.allow) expandAll(phrase, ALLOW)
  }
  return flatten(ids.size, codePoints, keyEnds, owners)
}

/** Groups the owners by key (a stable counting sort: each key keeps its owners in the order added). */
function flatten(keyCount: number, codePoints: Int32Buffer, keyEnds: Int32Buffer, owners: Owners): TermIndex {
  const keyOffsets = new Int32Array(keyCount + 1)
  keyOffsets.set(keyEnds.data.subarray(0, keyCount), 1)
  const ownerCount = owners.category.length
  const ownerOffsets = new Int32Array(keyCount + 1)
  for (let o = 0; o < ownerCount; o++) ownerOffsets[owners.key.data[o] + 1]++
  for (let k = 0; k < keyCount; k++) ownerOffsets[k + 1] += ownerOffsets[k]
  const next = ownerOffsets.slice(0, keyCount)
  const index: TermIndex = {
    keyCount,
    keyCodePoints: codePoints.toArray(),
    keyOffsets,
    ownerOffsets,
    ownerCategory: new Array<string>(ownerCount),
    ownerText: new Array<string>(ownerCount),
    ownerIsAllowPhrase: new Uint8Array(ownerCount),
    ownerIsContext: new Uint8Array(ownerCount),
    ownerKind: new Uint8Array(ownerCount),
    ownerForm: new Array<string>(ownerCount),
  }
  for (let o = 0; o < ownerCount; o++) {
    const at = next[owners.key.data[o]]++
    const flags = owners.flags.data[o]
    index.ownerCategory[at] = owners.category[o]
    index.ownerText[at] = owners.text[o]
    index.ownerIsAllowPhrase[at] = flags & ALLOW ? 1 : 0
    index.ownerIsContext[at] = flags & CONTEXT ? 1 : 0
    index.ownerKind[at] = flags >> 8
    index.ownerForm[at] = owners.form[o]
  }
  return index
}

/** The folded code points of key k (a view, no copy). */
export function keyAt(index: TermIndex, k: number): Int32Array {
  return index.keyCodePoints.subarray(index.keyOffsets[k], index.keyOffsets[k + 1])
}

/** The form of owner o of key k as written (see TermIndex.ownerForm). */
export function formOf(index: TermIndex, o: number, k: number): string {
  return index.ownerForm[o] || String.fromCodePoint(...keyAt(index, k))
}
