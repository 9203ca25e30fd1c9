import { readingSyllables, type ExpansionKind } from './expand.js'
import { Int32Buffer, KeyListBuilder, type KeyList } from './key-list.js'
import { foldString } from './normalize.js'
import type { TermIndex } from './term-index.js'

/** Reading owner flags (TermIndex.readingFlags): an allowed phrase, and the reading kinds its category expands. */
export const READING_ALLOW = 1
export const READING_PINYIN = 2
export const READING_INITIALS = 4

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
 * The text as a reading owner when its category expands pinyin or initials: those forms (every mix of
 * its ideographs and their syllables or initials, see expand.ts's mixed) are then no keys, the scan
 * recognises them (see reading-scan.ts). Undefined when they stay keys: the category expands neither,
 * or an ideograph of the text does not fold to one code point (the scan compares one folded code point
 * per ideograph). A text without readings has no such forms: its reading owner has no syllable.
 */
export function readingOwnerOf(text: string, kinds: ReadonlySet<ExpansionKind>): ReadingOwner | undefined {
  const flags = (kinds.has('pinyin') ? READING_PINYIN : 0) | (kinds.has('initials') ? READING_INITIALS : 0)
  if (flags === 0) return undefined
  const keyKinds = new Set([...kinds].filter(kind => kind !== 'pinyin' && kind !== 'initials'))
  const syllables = readingSyllables(text)
  if (syllables === undefined) return { kinds: 0, syllables: [], keyKinds }
  const chars = [...text]
  if (chars.some((c, i) => syllables[i] !== '' && foldString(c).length !== 1)) return undefined
  return { kinds: flags, syllables, keyKinds }
}

/** Reading owners in the order added (see TermIndex.readingCategory). */
export class ReadingOwners {
  private readonly category = new Int32Buffer()
  private readonly text = new Int32Buffer()
  private readonly flags = new Int32Buffer()
  private readonly order = new Int32Buffer()
  private readonly ends = new Int32Buffer()
  private readonly syllableIds = new Int32Buffer()
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
        this.syllableIds.push(-1)
        continue
      }
      let id = this.idOfSyllable.get(syllable)
      if (id === undefined) {
        id = this.syllables.length
        this.syllables.push(syllable)
        this.idOfSyllable.set(syllable, id)
      }
      this.syllableIds.push(id)
    }
    this.ends.push(this.syllableIds.length)
  }

  /** Sets the index's reading owner tables. */
  fill(index: TermIndex): void {
    index.readingCategory = this.category.toArray()
    index.readingText = this.text.toArray()
    index.readingFlags = Uint8Array.from(this.flags.toArray())
    index.readingOrder = this.order.toArray()
    index.readingOffsets = new Int32Array(this.ends.length + 1)
    index.readingOffsets.set(this.ends.data.subarray(0, this.ends.length), 1)
    index.readingSyllables = this.syllableIds.toArray()
    index.syllables = this.syllables
  }
}

/** The places of a reading owner: one per folded code point of its text (an ideograph folds to one). */
export interface Places {
  /** The syllable id of each place, -1 for a place of a character that is no ideograph. */
  syllable: number[]
  codePoint: number[]
  /** The index of the place's character among the text's code points. */
  char: number[]
}

/** The places of reading owner r (see Places). */
export function placesOf(index: TermIndex, r: number): Places {
  const places: Places = { syllable: [], codePoint: [], char: [] }
  ;[...index.texts[index.readingText[r]]].forEach((c, i) => {
    const s = index.readingSyllables[index.readingOffsets[r] + i]
    for (const cp of foldString(c)) {
      places.syllable.push(s)
      places.codePoint.push(cp)
      places.char.push(i)
    }
  })
  return places
}

/**
 * The anchors of the reading owners: strings of which every reading form writes at least one, so that a
 * text in which the automaton finds none (they are keys of their own, see classKeysOf) holds no reading
 * form and the reading scan is skipped. A syllable of several letters is one. A place written in one
 * letter (a syllable like a, e, o; every initial) is one only in an owner of one place; else it stands
 * beside a neighbouring place of the form, written as the owner's own code point or in one letter too
 * (a neighbour written in more letters is an anchor itself): each such pair is one (`哦k` in `ok` is none).
 */
export function anchorsOf(index: TermIndex): KeyList {
  const anchors = new Set<string>()
  for (let r = 0; r < index.readingFlags.length; r++) {
    const { syllable, codePoint } = placesOf(index, r)
    for (const kind of [READING_PINYIN, READING_INITIALS]) {
      if ((index.readingFlags[r] & kind) === 0) continue
      const letters = syllable.map(s =>
        s < 0 ? '' : kind === READING_PINYIN ? index.syllables[s] : index.syllables[s][0],
      )
      letters.forEach((x, i) => {
        if (x.length > 1) anchors.add(x)
        if (x.length !== 1) return
        if (letters.length === 1) anchors.add(x)
        for (const j of [i - 1, i + 1]) {
          if (j < 0 || j >= letters.length) continue
          const neighbours = [String.fromCodePoint(codePoint[j])]
          if (letters[j].length === 1) neighbours.push(letters[j])
          for (const y of neighbours) anchors.add(j < i ? y + x : x + y)
        }
      })
    }
  }
  const list = new KeyListBuilder()
  for (const anchor of [...anchors].sort()) {
    for (const c of anchor) list.codes.push(c.codePointAt(0)!)
    list.end()
  }
  return list.toKeyList()
}
