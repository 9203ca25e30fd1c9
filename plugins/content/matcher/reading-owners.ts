import { readingSyllables, spellsWordBySound, type ExpansionKind } from './expand.js'
import { type IdArray, Int32Buffer, KeyListBuilder, type SignedIdArray } from './key-list.js'
import { foldString } from './normalize.js'

/** Reading owner flags (ReadingTables.readingFlags): an allowed phrase, and the reading kinds its category expands. */
export const READING_ALLOW = 1
export const READING_PINYIN = 2
export const READING_INITIALS = 4

/**
 * Reading owners: the terms and allowed phrases whose pinyin and initials forms are no keys (see
 * readingOwnerOf): reading owner r's category, text, flags (READING_ALLOW, READING_PINYIN,
 * READING_INITIALS) and order (as for a TermIndex's owners), and the syllable of each code point i of
 * its text, syllables[readingSyllables[readingOffsets[r] + i]] (-1 for a character that is no ideograph).
 */
export interface ReadingTables {
  readingCategory: IdArray
  readingText: Int32Array
  readingFlags: Uint8Array
  readingOrder: Int32Array
  readingOffsets: Int32Array
  readingSyllables: SignedIdArray
  syllables: string[]
}

/** What a term or allowed phrase's pinyin and initials forms are made of (see readingOwnerOf). */
export interface ReadingOwner {
  /** READING_PINYIN and READING_INITIALS as the category expands them. */
  kinds: number
  /** The toneless syllable of each character, '' for the characters that are no ideograph. */
  syllables: string[]
  /** The category's other kinds: the forms that stay keys. */
  keyKinds: ReadonlySet<ExpansionKind>
}

/**
 * The text as a reading owner when its category expands pinyin or initials (no initials for a text that
 * writes a common word by sound, see spellsWordBySound): those forms (every mix of
 * its ideographs and their syllables or initials, see expand.ts's mixed) are then no keys, the scan
 * recognises them (see reading-scan.ts). Undefined when they stay keys: the category expands neither,
 * or an ideograph of the text does not fold to one code point (the scan compares one folded code point
 * per ideograph). A text without readings has no such forms: its reading owner has no syllable.
 */
export function readingOwnerOf(text: string, kinds: ReadonlySet<ExpansionKind>): ReadingOwner | undefined {
  const initials = kinds.has('initials') && !spellsWordBySound(text)
  const flags = (kinds.has('pinyin') ? READING_PINYIN : 0) | (initials ? READING_INITIALS : 0)
  if (flags === 0) return undefined
  const keyKinds = new Set([...kinds].filter(kind => kind !== 'pinyin' && kind !== 'initials'))
  const syllables = readingSyllables(text)
  if (syllables === undefined) return { kinds: 0, syllables: [], keyKinds }
  const chars = [...text]
  if (chars.some((c, i) => syllables[i] !== '' && foldString(c).length !== 1)) return undefined
  return { kinds: flags, syllables, keyKinds }
}

/** Reading owners in the order added (see ReadingTables). */
export class ReadingOwners {
  private readonly category = new Int32Buffer()
  private readonly text = new Int32Buffer()
  private readonly flags = new Int32Buffer()
  private readonly order = new Int32Buffer()
  /** Per owner, the syllable id of each code point of its text (-1: no ideograph), as a key list. */
  private readonly syllableIds = new KeyListBuilder()
  private readonly syllables: string[] = []
  private readonly idOfSyllable = new Map<string, number>()

  /** Adds a reading owner (none for one without syllables: it has no reading forms). */
  add(category: number, text: number, allowPhrase: boolean, owner: ReadingOwner, order: number): void {
    if (owner.kinds === 0) return
    this.category.push(category)
    this.text.push(text)
    this.flags.push(owner.kinds | (allowPhrase ? READING_ALLOW : 0))
    this.order.push(order)
    for (const syllable of owner.syllables) {
      if (syllable === '') {
        this.syllableIds.codes.push(-1)
        continue
      }
      let id = this.idOfSyllable.get(syllable)
      if (id === undefined) {
        id = this.syllables.length
        this.syllables.push(syllable)
        this.idOfSyllable.set(syllable, id)
      }
      this.syllableIds.codes.push(id)
    }
    this.syllableIds.end()
  }

  /** The reading owners' tables. */
  tables(): ReadingTables {
    const { codes, offsets } = this.syllableIds.toKeyList()
    return {
      readingCategory: this.category.toArray(),
      readingText: this.text.toArray(),
      readingFlags: Uint8Array.from(this.flags.toArray()),
      readingOrder: this.order.toArray(),
      readingOffsets: offsets,
      readingSyllables: codes,
      syllables: this.syllables,
    }
  }
}
