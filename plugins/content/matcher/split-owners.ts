import { ideographsOf, variantFormsOf, type ExpansionKind } from './expand.js'
import { type ExpansionTables, expansionTables, splitsOf } from './expansion-data.js'
import { type IdArray, Int32Buffer, KeyListBuilder } from './key-list.js'
import { foldString } from './normalize.js'
import { hasSwapKinds, isOneCodePoint } from './swap-forms.js'

/**
 * Split owners: the terms and allowed phrases whose split forms that write a split of two code points or
 * more (好 -> 女子) are no keys (see splitOwnerOf): split owner s's category, text, use (1 for an allowed
 * phrase) and order (as for a TermIndex's owners), and the splits of each character i of its text,
 * splitLists[splitPlaces[splitOffsets[s] + i]] (as written, tab-separated; list 0 is the empty one, for a
 * character that is no ideograph or has no splits).
 */
export interface SplitTables {
  splitCategory: IdArray
  splitText: Int32Array
  splitIsAllowPhrase: Uint8Array
  splitOrder: Int32Array
  splitOffsets: Int32Array
  splitPlaces: IdArray
  splitLists: string[]
}

/**
 * The splits of each character of the text (as splitsOf gives them, none for a character that is no
 * ideograph) when the text is a split owner: its category expands `split`, some character has a split of
 * two code points or more, and those forms can fold like no other form of the text, so that the scan may
 * find them apart. They fold longer than the text; the text's other forms fold as long or shorter when
 * each of its characters, each of their swap alternatives (`alternatives`, see swapAlternatives) and each
 * split folds to one code point at least, and each word variant form to at most as many as the text.
 * Undefined when the text keeps all its split forms as keys.
 */
export function splitOwnerOf(
  text: string,
  kinds: ReadonlySet<ExpansionKind>,
  alternatives: string[][][],
): string[][] | undefined {
  if (!kinds.has('split')) return undefined
  const chars = [...text]
  for (const c of chars) if (!isOneCodePoint(c)) return undefined
  const tables = expansionTables()
  const ideographs = ideographsOf(chars)
  const splits: string[][] = chars.map(() => NO_SPLITS)
  let long = false
  for (const i of ideographs) {
    const list = splitsOf(tables, chars[i])
    const kind = splitKindOf(list)
    if (kind === EMPTY) return undefined
    long ||= kind === LONG
    splits[i] = list
  }
  if (!long) return undefined
  if (hasSwapKinds(kinds)) for (const list of alternatives) for (const a of list) if (!isOneEach(a)) return undefined
  if (
    kinds.has('lookalike') &&
    variantsMayLengthen(tables) &&
    variantFormsOf(text).some(f => foldString(f).length > chars.length)
  )
    return undefined
  return splits
}

const NO_SPLITS: string[] = []
/** What splitKindOf says of a list: all its splits fold to one code point, some to more, some to none. */
const SHORT = 0
const LONG = 1
const EMPTY = 2
/** splitKindOf of each split list seen (splitsOf keeps one list per character). */
const splitKinds = new WeakMap<string[], number>()

/** EMPTY if a split of the list folds to nothing, else LONG if one folds to two code points or more, else SHORT. */
function splitKindOf(list: string[]): number {
  let kind = splitKinds.get(list)
  if (kind === undefined) {
    const lengths = list.map(split => foldString(split).length)
    kind = lengths.includes(0) ? EMPTY : lengths.some(n => n >= 2) ? LONG : SHORT
    splitKinds.set(list, kind)
  }
  return kind
}

/** Whether each alternatives list seen (expand.ts shares one per character and reading) folds to one code point each. */
const oneEach = new WeakMap<string[], boolean>()

/** True if every alternative of the list folds to one code point. */
function isOneEach(list: string[]): boolean {
  if (list.length === 0) return true
  let one = oneEach.get(list)
  if (one === undefined) {
    one = list.every(isOneCodePoint)
    oneEach.set(list, one)
  }
  return one
}

/** Whether some word variant of the tables folds longer than its word, by tables. */
const lengthening = new WeakMap<ExpansionTables, boolean>()

/** True if some word variant folds to more code points than its word has (else no variant form folds longer than its term). */
function variantsMayLengthen(tables: ExpansionTables): boolean {
  let may = lengthening.get(tables)
  if (may === undefined) {
    may = false
    for (const [word, variants] of tables.wordVariants)
      for (const v of variants.split('\t')) may ||= foldString(v).length > [...word].length
    lengthening.set(tables, may)
  }
  return may
}

/** Split owners in the order added (see SplitTables). */
export class SplitOwners {
  private readonly category = new Int32Buffer()
  private readonly text = new Int32Buffer()
  private readonly flags = new Int32Buffer()
  private readonly order = new Int32Buffer()
  /** Per owner, the split list id of each character of its text, as a key list. */
  private readonly places = new KeyListBuilder()
  private readonly lists: string[] = ['']
  private readonly idOfList = new Map<string[], number>()

  /** Adds a split owner (`splits`: splitOwnerOf's). */
  add(category: number, text: number, allowPhrase: boolean, splits: string[][], order: number): void {
    this.category.push(category)
    this.text.push(text)
    this.flags.push(allowPhrase ? 1 : 0)
    this.order.push(order)
    for (const list of splits) {
      let id = list.length === 0 ? 0 : this.idOfList.get(list)
      if (id === undefined) {
        id = this.lists.length
        this.lists.push(list.join('\t'))
        this.idOfList.set(list, id)
      }
      this.places.codes.push(id)
    }
    this.places.end()
  }

  /** The split owners' tables. */
  tables(): SplitTables {
    const { codes, offsets } = this.places.toKeyList()
    return {
      splitCategory: this.category.toArray(),
      splitText: this.text.toArray(),
      splitIsAllowPhrase: Uint8Array.from(this.flags.toArray()),
      splitOrder: this.order.toArray(),
      splitOffsets: offsets,
      splitPlaces: codes,
      splitLists: this.lists,
    }
  }
}

/**
 * The anchors of the split owners: the folded splits of two code points or more of their characters. Every
 * split form the scan finds writes one (see SplitScan), so a text without any needs no split walk.
 */
export function splitAnchorsOf(tables: SplitTables): string[] {
  const anchors = new Set<string>()
  for (const list of tables.splitLists) {
    if (list === '') continue
    for (const split of list.split('\t')) {
      const folded = foldString(split)
      if (folded.length >= 2) anchors.add(String.fromCodePoint(...folded))
    }
  }
  return [...anchors]
}
