import { expandTerm, swapAlternatives, type ExpansionKind } from './expand.js'
import { type IdArray, Int32Buffer, narrowIds, narrowSignedIds } from './key-list.js'
import { lettersOfWeChat, measureWordTerms, spokenForms } from './measure-words.js'
import { foldedKey } from './normalize.js'
import { ReadingOwners, readingOwnerOf, type ReadingTables } from './reading-owners.js'
import { SplitOwners, splitOwnerOf, type SplitTables } from './split-owners.js'
import { hasSwapKinds, storedForms } from './swap-forms.js'
import type { Dictionary } from './types.js'

/** Owner kind codes: 0 is the term or phrase itself, i + 1 is OWNER_KINDS[i]. */
export const OWNER_KINDS: readonly ExpansionKind[] = [
  'pinyin',
  'initials',
  'homophone',
  'split',
  'lookalike',
  'toneless',
]

/**
 * The distinct folded keys of a dictionary (terms, allowed phrases and their expansions; identical
 * folded forms share a key) and their owners, one per category and kind of use (term or allowed
 * phrase), in flat typed arrays to keep big dictionaries small. A key that is a term as written and an
 * expansion of another term keeps the term: the more exact owner is added first.
 *
 * The homophone and look-alike forms that swap characters one for one are no keys (see swap-forms.ts):
 * each term or allowed phrase that has such forms is a swap owner instead, whose forms a hit of its
 * class images is checked against. Owners of a key and swap owners share one order (ownerOrder,
 * swapOrder: the order main's owners were added in), which decides between them as it does between owners.
 * Nor are the pinyin and initials forms keys: their terms and phrases are reading owners (ReadingTables,
 * see reading-owners.ts), in the same order. Nor are most split forms: their terms and phrases are split
 * owners (SplitTables, see split-owners.ts), in the same order too.
 */
export interface TermIndex extends ReadingTables, SplitTables {
  keyCount: number
  /** Folded code points of every key, back to back; key k is [keyOffsets[k], keyOffsets[k + 1]). */
  keyCodePoints: Int32Array
  keyOffsets: Int32Array
  /** Owners of key k are [ownerOffsets[k], ownerOffsets[k + 1]). */
  ownerOffsets: Int32Array
  /** The dictionary's category names, and its terms, allowed phrases and context words as written, each once. */
  categories: string[]
  texts: string[]
  /** Owner o's category is categories[ownerCategory[o]]. */
  ownerCategory: IdArray
  /** Owner o's term or allowed phrase as written in the dictionary is texts[ownerText[o]]. */
  ownerText: Int32Array
  ownerIsAllowPhrase: Uint8Array
  /** 1 for a context word of the category (see CategoryRule.context). */
  ownerIsContext: Uint8Array
  /** 0 for the term itself, else 1 + the index of its expansion kind in OWNER_KINDS. */
  ownerKind: Uint8Array
  /**
   * When owner o was added: of two owners of one key with the same category and use, the first keeps
   * the key (a term's own key comes before every expansion; expansions in term order).
   */
  ownerOrder: Int32Array
  /** Swap owner s: its category, term or allowed phrase (texts), use and order, as for owners. */
  swapCategory: IdArray
  swapText: Int32Array
  swapIsAllowPhrase: Uint8Array
  swapOrder: Int32Array
  /**
   * The key of swap owner s's own text, or -1 when its characters or their swap alternatives do not fold
   * to one code point each (compileTables sets those: a hit is then checked without the quick test of
   * compile.ts's swapCandidates).
   */
  swapKey: Int32Array
  /**
   * The swapAlternatives of swap owner s, worked out by the compile (from pinyin-pro and the expansion
   * tables) and kept so that a scan needs neither: for the t-th swap kind of its category (swapKindsOf)
   * and character i of its text (n characters), alternativeLists[swapAlternatives[swapAlternativeOffsets[s]
   * + t * n + i]], each alternative one code point (list 0 is the empty one).
   */
  swapAlternativeOffsets: Int32Array
  swapAlternatives: IdArray
  alternativeLists: string[]
  /** Swap owner s's stored forms' keys that a swap form of it could fold like (see swapFormsWith), if any. */
  swapTaken: Map<number, string[]>
  /**
   * The expansions as written ("Shabi") that are not their key's own code points, by owner; the others
   * (most: 839k of the 867k keys of a 10k-term expanded dictionary) are given back by formOf.
   */
  ownerForms: Map<number, string>
}

/** Owners in the order added, each linked to the previous owner of its key (see indexTerms). */
class Owners {
  key = new Int32Buffer()
  previousOfKey = new Int32Buffer()
  category = new Int32Buffer()
  text = new Int32Buffer()
  /** Forms that differ from their key, by owner in the order added. */
  forms = new Map<number, string>()
  flags = new Int32Buffer()
  order = new Int32Buffer()
}

/** Terms and allowed phrases whose one-for-one swaps are checked at scan time (see TermIndex). */
class SwapOwners {
  category = new Int32Buffer()
  text = new Int32Buffer()
  flags = new Int32Buffer()
  order = new Int32Buffer()
  key = new Int32Buffer()
  alternativeEnds = new Int32Buffer()
  alternatives = new Int32Buffer()
  lists = new Interned()
  /** The list id of each alternatives array seen (expand.ts shares one per character and reading). */
  listIds = new Map<string[], number>()
  taken = new Map<number, string[]>()

  constructor() {
    this.lists.idOf('')
    this.alternativeEnds.push(0)
  }

  /** Keeps the alternatives of the next swap owner (see TermIndex.swapAlternatives) and its taken keys. */
  keep(alternatives: string[][][], taken: string[]): void {
    if (taken.length > 0) this.taken.set(this.alternativeEnds.length - 1, taken)
    for (const list of alternatives) {
      for (const choices of list) {
        let id = choices.length === 0 ? 0 : this.listIds.get(choices)
        if (id === undefined) {
          id = this.lists.idOf(choices.join(''))
          this.listIds.set(choices, id)
        }
        this.alternatives.push(id)
      }
    }
    this.alternativeEnds.push(this.alternatives.length)
  }
}

/** Strings numbered in the order first seen. */
class Interned {
  readonly list: string[] = []
  private readonly ids = new Map<string, number>()

  idOf(s: string): number {
    let id = this.ids.get(s)
    if (id === undefined) {
      id = this.list.length
      this.ids.set(s, id)
      this.list.push(s)
    }
    return id
  }
}

/**
 * Distinct keys numbered in the order first seen, their code points back to back (key k ends at
 * ends[k]), found through an open-addressing table over those code points: no map of a million strings
 * that all live until the index is built.
 */
class KeyTable {
  readonly codePoints = new Int32Buffer()
  readonly ends = new Int32Buffer()
  private table = new Int32Array(1 << 16).fill(-1)

  /** How many keys there are. */
  get size(): number {
    return this.ends.length
  }

  /** The number of key `key` (non-empty), added if new when `add`, else -1 if new. */
  idOf(key: string, add: boolean): number {
    let h = 0x811c9dc5
    let length = 0
    for (let i = 0; i < key.length; length++) {
      const cp = key.codePointAt(i)!
      h = Math.imul(h ^ cp, 0x01000193)
      i += cp > 0xffff ? 2 : 1
    }
    const mask = this.table.length - 1
    const stored = this.codePoints.data
    let slot = (h ^ (h >>> 15)) & mask
    for (; this.table[slot] >= 0; slot = (slot + 1) & mask) {
      const id = this.table[slot]
      const start = id === 0 ? 0 : this.ends.data[id - 1]
      if (this.ends.data[id] - start !== length) continue
      let same = true
      for (let i = 0, at = start; i < key.length && same; at++) {
        const cp = key.codePointAt(i)!
        same = stored[at] === cp
        i += cp > 0xffff ? 2 : 1
      }
      if (same) return id
    }
    if (!add) return -1
    const id = this.ends.length
    for (let i = 0; i < key.length; ) {
      const cp = key.codePointAt(i)!
      this.codePoints.push(cp)
      i += cp > 0xffff ? 2 : 1
    }
    this.ends.push(this.codePoints.length)
    this.table[slot] = id
    if (2 * (id + 1) > this.table.length) this.grow()
    return id
  }

  /** Doubles the table and puts every key back (hashed again from its stored code points). */
  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1)
    const mask = this.table.length - 1
    const stored = this.codePoints.data
    for (let id = 0, start = 0; id < this.ends.length; start = this.ends.data[id++]) {
      let h = 0x811c9dc5
      for (let at = start; at < this.ends.data[id]; at++) h = Math.imul(h ^ stored[at], 0x01000193)
      let slot = (h ^ (h >>> 15)) & mask
      while (this.table[slot] >= 0) slot = (slot + 1) & mask
      this.table[slot] = id
    }
  }
}

const ALLOW = 1
const CONTEXT = 2

/** A TermIndex, and the swapAlternatives of each of its swap owners. */
export interface IndexedTerms {
  index: TermIndex
  alternatives: string[][][][]
}

/** Folds every term and allowed phrase of the dictionary, and their expansions, into a TermIndex. */
export function indexTerms(dictionary: Dictionary): IndexedTerms {
  const keys = new KeyTable()
  const lastOwnerOfKey = new Int32Buffer()
  const owners = new Owners()
  const categoryIds = new Interned()
  const textIds = new Interned()
  const swaps = new SwapOwners()
  const readings = new ReadingOwners()
  const splits = new SplitOwners()
  const alternatives: string[][][][] = []
  let order = 0
  const add = (
    category: string,
    text: string,
    flags: number,
    kind: number,
    form: string,
    id: string,
    added: number,
  ): void => {
    if (id === '') return
    const count = keys.size
    const k = keys.idOf(id, true)
    if (k === count) lastOwnerOfKey.push(-1)
    const c = categoryIds.idOf(category)
    const last = lastOwnerOfKey.data[k]
    for (let o = last; o >= 0; o = owners.previousOfKey.data[o]) {
      if (owners.category.data[o] === c && (owners.flags.data[o] & 0xff) === flags) return
    }
    lastOwnerOfKey.data[k] = owners.key.length
    if (form !== id) owners.forms.set(owners.key.length, form)
    owners.key.push(k)
    owners.previousOfKey.push(last)
    owners.category.push(c)
    owners.text.push(textIds.idOf(text))
    owners.flags.push(flags | (kind << 8))
    owners.order.push(added)
  }
  // Each term's spoken forms follow it as terms of its own (老板是个骗子, 加我vx; see measureWordTerms).
  const spoken = measureWordTerms(dictionary)
  const spokenTerms = (terms: string[], category: string): string[] =>
    spoken.size === 0 ? terms : terms.flatMap(t => [t, ...spokenForms(t, category).filter(f => spoken.get(f) === t)])
  const categories = Object.entries(dictionary.categories)
  for (const [category, rule] of categories) {
    for (const term of spokenTerms(rule.terms, category)) add(category, term, 0, 0, term, foldedKey(term), order++)
    for (const phrase of rule.allow) add(category, phrase, ALLOW, 0, phrase, foldedKey(phrase), order++)
    for (const word of rule.context ?? []) add(category, word, CONTEXT, 0, word, foldedKey(word), order++)
  }
  for (const [category, rule] of categories) {
    const ruleKinds = new Set(rule.expand ?? [])
    if (ruleKinds.size === 0) continue
    const swapping = hasSwapKinds(ruleKinds)
    const expandAll = (text: string, flags: number): void => {
      const added = order++
      const reading = readingOwnerOf(text, ruleKinds)
      if (reading) readings.add(categoryIds.idOf(category), textIds.idOf(text), flags === ALLOW, reading, added)
      // A reading owner's pinyin and initials forms are found by the scan (see reading-owners.ts).
      const kinds = reading?.keyKinds ?? ruleKinds
      const swapsOfText = swapping ? swapAlternatives(text, kinds) : []
      // A split owner's split forms that write a long split are found by the scan (see split-owners.ts).
      const splitsOfText = splitOwnerOf(text, kinds, swapsOfText)
      const atScan = splitsOfText !== undefined
      if (atScan) splits.add(categoryIds.idOf(category), textIds.idOf(text), flags === ALLOW, splitsOfText, added)
      const stored = swapping ? storedForms(text, kinds, swapsOfText, atScan) : undefined
      const forms = stored?.forms ?? expandTerm(text, kinds, true, atScan)
      for (const e of forms) add(category, text, flags, OWNER_KINDS.indexOf(e.kind) + 1, e.form, e.key, added)
      if (!stored) return
      swaps.keep(swapsOfText, stored.taken)
      alternatives.push(swapsOfText)
      swaps.category.push(categoryIds.idOf(category))
      swaps.text.push(textIds.idOf(text))
      swaps.flags.push(flags)
      swaps.order.push(added)
      swaps.key.push(keys.idOf(foldedKey(text), false))
    }
    for (const term of spokenTerms(rule.terms, category)) expandAll(term, 0)
    for (const phrase of rule.allow) expandAll(phrase, ALLOW)
  }
  // 微信 in letters alone is a key of the term itself (薇信 ← wx, vx), kept only where an account is asked for;
  // added last, so that letters another term of the category writes (v信's initials vx, a slang wx) keep that term.
  for (const [category, rule] of categories)
    for (const term of rule.slang === undefined ? rule.terms : rule.terms.filter(t => !rule.slang?.includes(t)))
      for (const letters of lettersOfWeChat(term)) add(category, term, 0, 0, letters, foldedKey(letters), order++)
  const index = flatten(keys.size, keys.codePoints, keys.ends, owners, categoryIds.list, textIds.list)
  const categoryCount = categoryIds.list.length
  index.swapCategory = narrowIds(swaps.category.toArray(), categoryCount)
  index.swapText = swaps.text.toArray()
  index.swapIsAllowPhrase = Uint8Array.from(swaps.flags.toArray())
  index.swapOrder = swaps.order.toArray()
  index.swapKey = swaps.key.toArray()
  index.swapAlternativeOffsets = swaps.alternativeEnds.toArray()
  index.swapAlternatives = narrowIds(swaps.alternatives.view(), swaps.lists.list.length)
  index.alternativeLists = swaps.lists.list
  index.swapTaken = swaps.taken
  Object.assign(index, readings.tables(), splits.tables())
  index.readingCategory = narrowIds(index.readingCategory as Int32Array, categoryCount)
  index.readingSyllables = narrowSignedIds(index.readingSyllables as Int32Array, index.syllables.length)
  index.splitCategory = narrowIds(index.splitCategory as Int32Array, categoryCount)
  index.splitPlaces = narrowIds(index.splitPlaces as Int32Array, index.splitLists.length)
  return { index, alternatives }
}

/** Groups the owners by key (a stable counting sort: each key keeps its owners in the order added). */
function flatten(
  keyCount: number,
  codePoints: Int32Buffer,
  keyEnds: Int32Buffer,
  owners: Owners,
  categories: string[],
  texts: string[],
): TermIndex {
  const keyOffsets = new Int32Array(keyCount + 1)
  keyOffsets.set(keyEnds.data.subarray(0, keyCount), 1)
  const ownerCount = owners.key.length
  const ownerOffsets = new Int32Array(keyCount + 1)
  for (let o = 0; o < ownerCount; o++) ownerOffsets[owners.key.data[o] + 1]++
  for (let k = 0; k < keyCount; k++) ownerOffsets[k + 1] += ownerOffsets[k]
  const next = ownerOffsets.slice(0, keyCount)
  const index: TermIndex = {
    keyCount,
    keyCodePoints: codePoints.toArray(),
    keyOffsets,
    ownerOffsets,
    categories,
    texts,
    ownerCategory: narrowIds(new Int32Array(0), categories.length),
    ownerText: new Int32Array(ownerCount),
    ownerIsAllowPhrase: new Uint8Array(ownerCount),
    ownerIsContext: new Uint8Array(ownerCount),
    ownerKind: new Uint8Array(ownerCount),
    ownerOrder: new Int32Array(ownerCount),
    swapCategory: new Int32Array(0),
    swapText: new Int32Array(0),
    swapIsAllowPhrase: new Uint8Array(0),
    swapOrder: new Int32Array(0),
    swapKey: new Int32Array(0),
    swapAlternativeOffsets: new Int32Array(1),
    swapAlternatives: new Int32Array(0),
    alternativeLists: [''],
    swapTaken: new Map(),
    readingCategory: new Int32Array(0),
    readingText: new Int32Array(0),
    readingFlags: new Uint8Array(0),
    readingOrder: new Int32Array(0),
    readingOffsets: new Int32Array(1),
    readingSyllables: new Int32Array(0),
    syllables: [],
    splitCategory: new Int32Array(0),
    splitText: new Int32Array(0),
    splitIsAllowPhrase: new Uint8Array(0),
    splitOrder: new Int32Array(0),
    splitOffsets: new Int32Array(1),
    splitPlaces: new Int32Array(0),
    splitLists: [''],
    ownerForms: new Map(),
  }
  const ownerCategory = new Int32Array(ownerCount)
  for (let o = 0; o < ownerCount; o++) {
    const at = next[owners.key.data[o]]++
    const flags = owners.flags.data[o]
    ownerCategory[at] = owners.category.data[o]
    index.ownerText[at] = owners.text.data[o]
    index.ownerIsAllowPhrase[at] = flags & ALLOW ? 1 : 0
    index.ownerIsContext[at] = flags & CONTEXT ? 1 : 0
    index.ownerKind[at] = flags >> 8
    index.ownerOrder[at] = owners.order.data[o]
    const form = owners.forms.get(o)
    if (form !== undefined) index.ownerForms.set(at, form)
  }
  index.ownerCategory = narrowIds(ownerCategory, categories.length)
  return index
}

/** The folded code points of key k (a view, no copy). */
export function keyAt(index: TermIndex, k: number): Int32Array {
  return index.keyCodePoints.subarray(index.keyOffsets[k], index.keyOffsets[k + 1])
}

/** The form of owner o of key k as written (see TermIndex.ownerForms). */
export function formOf(index: TermIndex, o: number, k: number): string {
  const form = index.ownerForms.get(o)
  if (form !== undefined) return form
  let key = ''
  for (let i = index.keyOffsets[k]; i < index.keyOffsets[k + 1]; i++)
    key += String.fromCodePoint(index.keyCodePoints[i])
  return key
}

/** Swap owner s's swapAlternatives as the index keeps them (see TermIndex.swapAlternatives). */
export function swapAlternativesOf(index: TermIndex, s: number): string[][][] {
  const n = [...index.texts[index.swapText[s]]].length
  const start = index.swapAlternativeOffsets[s]
  const lists: string[][][] = []
  for (let at = start; at < index.swapAlternativeOffsets[s + 1]; at += n) {
    const list: string[][] = []
    for (let i = 0; i < n; i++) list.push([...index.alternativeLists[index.swapAlternatives[at + i]]])
    lists.push(list)
  }
  return lists
}

/** Swap owner s's taken keys (see TermIndex.swapTaken). */
export function swapTakenOf(index: TermIndex, s: number): string[] {
  return index.swapTaken.get(s) ?? []
}
