import { pairedAlternatives } from './expand.js'
import { SKIP, foldCodePoint, isExpansion } from './fold-table.js'
import { foldString } from './normalize.js'
import type { Alphabet } from './alphabet.js'
import { Int32Buffer, type KeyListBuilder, keyCount, type KeyList } from './key-list.js'
import type { TermIndex } from './term-index.js'

/**
 * Most characters one substitution class may hold. The homophone and look-alike forms of a term swap
 * one or two of its characters for alternatives (swapAlternatives); when an alternative shares the
 * character's class, the term's own class image finds those forms, else the term needs one more image
 * with that class. Bigger classes mean fewer images but more candidate hits (each checked against the
 * term's real forms). On the bench's 10k terms, images per term: 4 -> 25.6, 8 -> 14.4, 16 -> 8.6,
 * 32 -> 5.6, 64 -> 4.2; without a cap one class takes 6,300 characters. Scanning the bench's chat
 * interleaved with main (9 rounds, load 8-10), this tree's CPU time per round over main's, median:
 * 8 -> 0.95 and 1.00, 12 -> 1.00, 16 -> 1.24, 32 -> 1.42: 8 is the largest that is not slower.
 */
const MAX_CLASS_SIZE = 8

/** The folded code point of a character that folds to exactly one, else -1. */
function foldedChar(c: string): number {
  if (c.length === 1) {
    const f = foldCodePoint(c.charCodeAt(0))
    if (!isExpansion(f)) return f === SKIP ? -1 : f
  }
  const folded = foldString(c)
  return folded.length === 1 ? folded[0] : -1
}

/**
 * The foldedChar of each alternative of a list, per list: the lists of swapAlternatives are shared by
 * every term with the same character (and reading), so most are folded once.
 */
const foldedLists = new WeakMap<string[], Int32Array>()

/** See foldedLists. */
function foldedList(list: string[]): Int32Array {
  let folded = foldedLists.get(list)
  if (folded === undefined) {
    folded = Int32Array.from(list, foldedChar)
    foldedLists.set(list, folded)
  }
  return folded
}

/** About how many swap images a swap owner has (12.6 at 100k bench terms): sizes the lists of images. */
export const IMAGES_PER_SWAP_OWNER = 13

/** A swap of folded code point a for b is the number a * PAIR + b. */
export const PAIR = 0x200000

/**
 * How often each character of the swap owners' texts is swapped for each of its alternatives
 * (`alternatives[s]`: swapAlternatives of swap owner s), by swap (see PAIR), characters as folded.
 */
export function swapPairs(index: TermIndex, alternatives: string[][][][]): Map<number, number> {
  // Counted by list, then by character: a list of alternatives is shared by the terms with the same
  // character (see foldedLists), so each list's alternatives are walked once, not once per term.
  const uses = new Map<string[], number[]>()
  for (let s = 0; s < alternatives.length; s++) {
    const chars = [...index.texts[index.swapText[s]]]
    for (const list of alternatives[s]) {
      for (let i = 0; i < chars.length; i++) {
        if (list[i].length === 0) continue
        const c = foldedChar(chars[i])
        if (c < 0) continue
        // The characters this list was seen with and how often, as pairs [c, count, ...] (almost always one).
        let ofList = uses.get(list[i])
        if (ofList === undefined) {
          ofList = [c, 0]
          uses.set(list[i], ofList)
        }
        let at = 0
        while (at < ofList.length && ofList[at] !== c) at += 2
        if (at === ofList.length) ofList.push(c, 0)
        ofList[at + 1]++
      }
    }
  }
  // Counted by character, then alternative: small-integer keys (a pair's number is no small integer).
  const counts = new Map<number, Map<number, number>>()
  for (const [list, ofList] of uses) {
    const folded = foldedList(list)
    for (let at = 0; at < ofList.length; at += 2) {
      const c = ofList[at]
      let ofChar = counts.get(c)
      if (ofChar === undefined) {
        ofChar = new Map()
        counts.set(c, ofChar)
      }
      for (let k = 0; k < folded.length; k++) {
        const b = folded[k]
        if (b < 0 || b === c) continue
        ofChar.set(b, (ofChar.get(b) ?? 0) + ofList[at + 1])
      }
    }
  }
  const swaps = new Map<number, number>()
  for (const [c, ofChar] of counts) for (const [b, count] of ofChar) swaps.set(c * PAIR + b, count)
  return swaps
}

/**
 * The class of every folded code point of the keys and of the swaps: the representative code point of
 * its class. Classes join each term character with its alternatives, most used swaps first, up to
 * MAX_CLASS_SIZE characters each; a code point outside every swap is its own class.
 */
export function substitutionClasses(index: TermIndex, swaps: Map<number, number>): Map<number, number> {
  const parent = new Map<number, number>()
  const size = new Map<number, number>()
  const find = (x: number): number => {
    let root = x
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!
      parent.set(y, root)
      y = next
    }
    return root
  }
  const byUse = [...swaps.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])
  for (const [pair] of byUse) {
    const a = find(Math.floor(pair / PAIR))
    const b = find(pair % PAIR)
    if (a === b) continue
    const joined = (size.get(a) ?? 1) + (size.get(b) ?? 1)
    if (joined > MAX_CLASS_SIZE) continue
    const [root, child] = a < b ? [a, b] : [b, a]
    parent.set(child, root)
    size.set(root, joined)
  }
  const classes = new Map<number, number>()
  for (const cp of parent.keys()) classes.set(cp, find(cp))
  const { keyCodePoints } = index
  let end = 0
  for (let i = 0; i < keyCodePoints.length; i++) end = Math.max(end, keyCodePoints[i] + 1)
  const known = new Uint8Array(end)
  for (const cp of classes.keys()) if (cp < end) known[cp] = 1
  for (let i = 0; i < keyCodePoints.length; i++) {
    const cp = keyCodePoints[i]
    if (known[cp] === 0) {
      known[cp] = 1
      classes.set(cp, cp)
    }
  }
  return classes
}

/**
 * The class images of every swap owner's forms (folded code points, each its class's representative),
 * added to `images` as they are made, the swap owner of each, and the swap owners whose characters
 * or alternatives do not all fold to one code point: the term's own image, then one per alternative
 * outside its character's class, and per pair of such alternatives that the term's two-character swaps
 * take. Every homophone and look-alike form of the term reads as one of them (more images than forms are
 * harmless: hits are checked).
 */
export function swapImages(
  index: TermIndex,
  alternatives: string[][][][],
  classes: Map<number, number>,
  images: KeyListBuilder,
): SwapImages {
  const pieces = new Map<string, string>()
  const pieceOf = (c: string): string => {
    let piece = pieces.get(c)
    if (piece === undefined) {
      piece = String.fromCodePoint(...foldString(c).map(cp => classes.get(cp) ?? cp))
      pieces.set(c, piece)
    }
    return piece
  }
  // The pieces of each list of alternatives, shared by the terms with the same character (see foldedLists).
  const pieceLists = new WeakMap<string[], string[]>()
  const piecesOf = (list: string[]): string[] => {
    let listed = pieceLists.get(list)
    if (listed === undefined) {
      listed = list.map(pieceOf)
      pieceLists.set(list, listed)
    }
    return listed
  }
  const made = new MadeImages(images, IMAGES_PER_SWAP_OWNER * alternatives.length)
  const unaligned: number[] = []
  const aligned = new AlignedImages(classes, made)
  for (let s = 0; s < alternatives.length; s++) {
    const lists = alternatives[s]
    if (!lists.some(list => list.some(a => a.length > 0))) continue
    const chars = [...index.texts[index.swapText[s]]]
    if (aligned.add(s, chars, lists)) continue
    const base = chars.map(pieceOf)
    if (chars.some(c => foldedChar(c) < 0) || lists.some(list => list.some(a => foldedList(a).some(f => f < 0))))
      unaligned.push(s)
    const found = new Set([base.join('')])
    const crossing = (list: string[][], i: number, n: number): string[] => {
      const crossed: string[] = []
      const all = piecesOf(list[i])
      for (let k = 0; k < all.length && k < n; k++) {
        const piece = all[k]
        if (piece !== base[i] && !crossed.includes(piece)) crossed.push(piece)
      }
      return crossed
    }
    const swapped = (swaps: Array<[number, string]>): string => {
      const parts = [...base]
      for (const [i, piece] of swaps) parts[i] = piece
      return parts.join('')
    }
    for (const list of lists) {
      const positions = base.flatMap((_, i) => (list[i].length > 0 ? [i] : []))
      const paired = pairedAlternatives(positions.length)
      for (const i of positions) for (const piece of crossing(list, i, Infinity)) found.add(swapped([[i, piece]]))
      for (let x = 0; x < positions.length; x++) {
        for (let y = x + 1; y < positions.length; y++) {
          const second = crossing(list, positions[y], paired)
          for (const a of crossing(list, positions[x], paired))
            for (const b of second)
              found.add(
                swapped([
                  [positions[x], a],
                  [positions[y], b],
                ]),
              )
        }
      }
    }
    for (const image of found) {
      const codes = made.start([...image].length)
      let i = 0
      for (const c of image) codes[i++] = c.codePointAt(0)!
      made.add(s)
    }
  }
  return { owners: made.owners.view(), unaligned, counts: made.counts() }
}

/**
 * The swap images as they are made (see swapImages): each added to the images at once, with its swap
 * owner, and how often each class code point occurs in them (for the alphabet's frequencies).
 */
class MadeImages {
  readonly owners: Int32Buffer
  private scratch = new Int32Array(64)
  private length = 0
  private uses = new Int32Array(1024)
  private largest = -1

  /** For about `expected` images (see Int32Buffer). */
  constructor(
    private readonly images: KeyListBuilder,
    expected: number,
  ) {
    this.owners = new Int32Buffer(expected)
  }

  /** Room for the next image's `length` codes (written by the caller, then add). */
  start(length: number): Int32Array {
    if (this.scratch.length < length) this.scratch = new Int32Array(length * 2)
    this.length = length
    return this.scratch
  }

  /** Adds the image written since start, of swap owner s. */
  add(s: number): void {
    const { scratch, length } = this
    for (let i = 0; i < length; i++) {
      const cp = scratch[i]
      if (cp >= this.uses.length) {
        const grown = new Int32Array(Math.max(cp + 1, this.uses.length * 2))
        grown.set(this.uses)
        this.uses = grown
      }
      this.uses[cp]++
      if (cp > this.largest) this.largest = cp
      this.images.codes.push(cp)
    }
    this.images.end()
    this.owners.push(s)
  }

  /** How often each code point occurs in the images made (indexed by code point, up to the largest). */
  counts(): Int32Array {
    return this.uses.slice(0, this.largest + 1)
  }
}

/**
 * swapImages of a swap owner whose characters and alternatives all fold to one code point (almost every
 * one), worked out on code points instead of strings. Each image is the text's class image with one
 * place swapped for a class, or two, so two images are the same exactly when they swap the same places
 * for the same classes: an image of a later list of alternatives is left out when an earlier list's
 * crossing classes at its places give it. The images come in the order swapImages finds them.
 */
class AlignedImages {
  /** The class of each alternative of a list (see foldedLists), -1 where one folds to no one code point. */
  private readonly classLists = new WeakMap<string[], Int32Array>()
  private base = new Int32Array(0)

  constructor(
    private readonly classes: Map<number, number>,
    private readonly made: MadeImages,
  ) {}

  /** Adds swap owner s's images (text `chars`, swapAlternatives `lists`); false if it is not aligned. */
  add(s: number, chars: string[], lists: string[][][]): boolean {
    const n = chars.length
    const base = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const f = foldedChar(chars[i])
      if (f < 0) return false
      base[i] = this.classes.get(f) ?? f
    }
    for (const list of lists) for (const a of list) if (this.classesOf(a).includes(-1)) return false
    this.base = base
    this.image(s, -1, 0, -1, 0)
    // Per list, per place: the crossing classes of every alternative, and of the first paired ones.
    const all: number[][][] = []
    const firsts: number[][][] = []
    for (let t = 0; t < lists.length; t++) {
      const list = lists[t]
      const positions: number[] = []
      for (let i = 0; i < n; i++) if (list[i].length > 0) positions.push(i)
      const paired = pairedAlternatives(positions.length)
      all.push(list.map((alternatives, i) => this.crossing(alternatives, i, Infinity)))
      firsts.push(list.map((alternatives, i) => this.crossing(alternatives, i, paired)))
      for (const i of positions) {
        for (const a of all[t][i]) {
          let seen = false
          for (let u = 0; u < t && !seen; u++) seen = all[u][i].includes(a)
          if (!seen) this.image(s, i, a, -1, 0)
        }
      }
      for (let p = 0; p < positions.length; p++) {
        for (let q = p + 1; q < positions.length; q++) {
          const x = positions[p]
          const y = positions[q]
          for (const a of firsts[t][x]) {
            for (const b of firsts[t][y]) {
              let seen = false
              for (let u = 0; u < t && !seen; u++) seen = firsts[u][x].includes(a) && firsts[u][y].includes(b)
              if (!seen) this.image(s, x, a, y, b)
            }
          }
        }
      }
    }
    return true
  }

  /** The classes of the first `n` alternatives that differ from place i's class, each once (swapImages' crossing). */
  private crossing(list: string[], i: number, n: number): number[] {
    const crossed: number[] = []
    const all = this.classesOf(list)
    for (let k = 0; k < all.length && k < n; k++) {
      const a = all[k]
      if (a !== this.base[i] && !crossed.includes(a)) crossed.push(a)
    }
    return crossed
  }

  /** Each alternative's class (see classLists). */
  private classesOf(list: string[]): Int32Array {
    let classed = this.classLists.get(list)
    if (classed === undefined) {
      classed = foldedList(list).map(f => (f < 0 ? -1 : (this.classes.get(f) ?? f)))
      this.classLists.set(list, classed)
    }
    return classed
  }

  /** Adds swap owner s's image: the base with class a at place x and b at place y (-1: none). */
  private image(s: number, x: number, a: number, y: number, b: number): void {
    const n = this.base.length
    const codes = this.made.start(n)
    for (let i = 0; i < n; i++) codes[i] = this.base[i]
    if (x >= 0) codes[x] = a
    if (y >= 0) codes[y] = b
    this.made.add(s)
  }
}

/** The class images of the swap owners' forms (see swapImages): swap image i is swap owner owners[i]'s. */
export interface SwapImages {
  owners: Int32Array
  /** Swap owners whose characters or alternatives do not all fold to one code point. */
  unaligned: number[]
  /** How often each class code point occurs in the swap images (indexed by code point; see buildAlphabet). */
  counts: Int32Array
}

/**
 * Adds the class image of each key to `images` (the first images, before the swap owners', see swapImages):
 * key k's image is image k.
 */
export function keyImagesOf(index: TermIndex, classes: Map<number, number>, images: KeyListBuilder): void {
  const { keyCodePoints, keyOffsets } = index
  for (let k = 0; k < index.keyCount; k++) {
    for (let i = keyOffsets[k]; i < keyOffsets[k + 1]; i++) images.codes.push(classOf(classes, keyCodePoints[i]))
    images.end()
  }
}

/** Adds the class image of each of the `anchors` (see anchorsOf in reading-places.ts) to `images`. */
export function anchorImagesOf(anchors: KeyList, classes: Map<number, number>, images: KeyListBuilder): void {
  for (let a = 0; a < keyCount(anchors); a++) {
    for (let i = anchors.offsets[a]; i < anchors.offsets[a + 1]; i++)
      images.codes.push(classOf(classes, anchors.codes[i]))
    images.end()
  }
}

/** The class (its representative) of a folded code point, itself when it is in none. */
function classOf(classes: Map<number, number>, cp: number): number {
  return classes.get(cp) ?? cp
}

/**
 * Replaces each class code point (a class's representative, or a code point of no class) by its class's
 * code in the alphabet: every class in an image has a code point the alphabet uses (see buildAlphabet).
 */
export function toAlphabetCodes(codes: Int32Array, alphabet: Alphabet, classes: Map<number, number>): void {
  const { codePoints } = alphabet
  const codeOfClass = new Int32Array(codePoints.length > 0 ? codePoints[codePoints.length - 1] + 1 : 0)
  for (let i = 0; i < codePoints.length; i++)
    codeOfClass[classes.get(codePoints[i]) ?? codePoints[i]] = alphabet.codes[i]
  for (let i = 0; i < codes.length; i++) codes[i] = codeOfClass[codes[i]]
}

/** Compares key k with the first `length` code points of `folded` (negative: the key sorts first). */
export function compareKeyTo(index: TermIndex, k: number, folded: Int32Array, length: number): number {
  const at = index.keyOffsets[k]
  for (let i = 0; i < length; i++) {
    const d = index.keyCodePoints[at + i] - folded[i]
    if (d !== 0) return d
  }
  return 0
}
