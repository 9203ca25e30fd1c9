import { KeyListBuilder, type KeyList } from './key-list.js'
import { foldString } from './normalize.js'
import { READING_INITIALS, READING_PINYIN } from './reading-owners.js'
import type { TermIndex } from './term-index.js'

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
 * text in which the automaton finds none (they are keys of their own, see imageGroupsOf) holds no reading
 * form and the reading scan is skipped. A syllable of several letters is one. A place written in one
 * letter (a syllable like a, e, o; every initial) is one only in an owner of one place; else it stands
 * beside a neighbouring place of the form, written as the owner's own code point or in one letter too
 * (a neighbour written in more letters is an anchor itself): each such pair is one (`哦k` in `ok` is none).
 * The `others` (the split owners', see splitAnchorsOf) join them.
 */
export function anchorsOf(index: TermIndex, others: string[] = []): KeyList {
  const anchors = new Set<string>(others)
  for (let r = 0; r < index.readingFlags.length; r++) addAnchorsOf(index, r, anchors)
  const list = new KeyListBuilder()
  for (const anchor of [...anchors].sort()) {
    for (const c of anchor) list.codes.push(c.codePointAt(0)!)
    list.end()
  }
  return list.toKeyList()
}

/** Adds reading owner r's anchors (see anchorsOf) to `anchors`. */
export function addAnchorsOf(index: TermIndex, r: number, anchors: Set<string>): void {
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
