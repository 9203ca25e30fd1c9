import { pairedAlternatives } from './expand.js'
import { SKIP, foldCodePoint, isExpansion } from './fold-table.js'
import { foldString } from './normalize.js'
import { Int32Buffer, KeyListBuilder, keyCount, type KeyList } from './key-list.js'
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

/** A swap of folded code point a for b is the number a * PAIR + b. */
export const PAIR = 0x200000

/**
 * How often each character of the swap owners' texts is swapped for each of its alternatives
 * (`alternatives[s]`: swapAlternatives of swap owner s), by swap (see PAIR), characters as folded.
 */
export function swapPairs(index: TermIndex, alternatives: string[][][][]): Map<number, number> {
  // Counted by character, then alternative: small-integer keys (a pair's number is no small integer).
  const counts = new Map<number, Map<number, number>>()
  for (let s = 0; s < alternatives.length; s++) {
    const chars = [...index.texts[index.swapText[s]]]
    for (const list of alternatives[s]) {
      for (let i = 0; i < chars.length; i++) {
        if (list[i].length === 0) continue
        const c = foldedChar(chars[i])
        if (c < 0) continue
        let ofChar = counts.get(c)
        if (ofChar === undefined) {
          ofChar = new Map()
          counts.set(c, ofChar)
        }
        const folded = foldedList(list[i])
        for (let k = 0; k < folded.length; k++) {
          const b = folded[k]
          if (b < 0 || b === c) continue
          ofChar.set(b, (ofChar.get(b) ?? 0) + 1)
        }
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
 * the swap owner of each, and the swap owners whose characters or alternatives do not all fold to one
 * code point: the term's own image, then one per alternative outside its character's
 * class, and per pair of such alternatives that the term's two-character swaps take. Every homophone and
 * look-alike form of the term reads as one of them (more images than forms are harmless: hits are checked).
 */
export function swapImages(index: TermIndex, alternatives: string[][][][], classes: Map<number, number>): SwapImages {
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
  const images = new KeyListBuilder()
  const owners = new Int32Buffer()
  const unaligned: number[] = []
  const aligned = new AlignedImages(classes, images, owners)
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
      for (const c of image) images.codes.push(c.codePointAt(0)!)
      images.end()
      owners.push(s)
    }
  }
  return { images: images.toKeyList(), owners: owners.toArray(), unaligned }
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
    private readonly images: KeyListBuilder,
    private readonly owners: Int32Buffer,
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
    const { codes } = this.images
    for (let i = 0; i < this.base.length; i++) codes.push(i === x ? a : i === y ? b : this.base[i])
    this.images.end()
    this.owners.push(s)
  }
}

/** The class images of the swap owners' forms (see swapImages): image i is swap owner owners[i]'s. */
export interface SwapImages {
  images: KeyList
  owners: Int32Array
  /** Swap owners whose characters or alternatives do not all fold to one code point. */
  unaligned: number[]
}

/**
 * The distinct class images of the keys and swap owners (see swapImages), each read through `codeOf`,
 * and what each image stands for: keys of image c are members[offsets[c]..offsets[c + 1]), in ascending
 * order of their code points (a hit finds its key by binary search, see compareKeyTo); swap owners of
 * image c are swapMembers[swapOffsets[c]..swapOffsets[c + 1]), ascending; image c has lengths[c] code points.
 */
export interface ClassKeys {
  images: KeyList
  lengths: Int32Array
  offsets: Int32Array
  members: Int32Array
  swapOffsets: Int32Array
  swapMembers: Int32Array
  /** 1 for an image that is one of the anchors (see ReadingScan): a hit of it may start a reading form. */
  anchorClasses: Uint8Array
}

/**
 * Groups the keys and the swap owners' images by their image under `codes` (folded code point -> code,
 * 0 for none; stable counting sorts by image). Images are numbered in the order first seen, keys first,
 * then the `anchors` (see anchorsOf in reading-owners.ts) that are no image yet, which stand for no key.
 */
export function classKeysOf(index: TermIndex, codes: Int32Array, swaps: SwapImages, anchors: KeyList): ClassKeys {
  const distinct = new DistinctKeys(index.keyCount + keyCount(swaps.images) + keyCount(anchors))
  const imageOfKey = new Int32Array(index.keyCount)
  for (let k = 0; k < index.keyCount; k++)
    imageOfKey[k] = distinct.idOf(index.keyCodePoints, index.keyOffsets[k], index.keyOffsets[k + 1], codes)
  const { codes: swapCodes, offsets: swapOffsetsOf } = swaps.images
  const imageOfSwap = new Int32Array(keyCount(swaps.images))
  for (let i = 0; i < imageOfSwap.length; i++)
    imageOfSwap[i] = distinct.idOf(swapCodes, swapOffsetsOf[i], swapOffsetsOf[i + 1], codes)
  const anchorImages: number[] = []
  for (let i = 0; i < keyCount(anchors); i++)
    anchorImages.push(distinct.idOf(anchors.codes, anchors.offsets[i], anchors.offsets[i + 1], codes))
  const images = distinct.keys.toKeyList()
  const count = keyCount(images)
  const anchorClasses = new Uint8Array(count)
  for (const c of anchorImages) anchorClasses[c] = 1
  const [offsets, members] = groupBy(imageOfKey, count)
  const byCodePoints = (x: number, y: number): number => compareKeys(index, x, y)
  for (let c = 0; c < count; c++) {
    if (offsets[c + 1] - offsets[c] > 1) members.subarray(offsets[c], offsets[c + 1]).sort(byCodePoints)
  }
  const [swapOffsets, swapEntries] = groupBy(imageOfSwap, count)
  const swapMembers = swapEntries.map(e => swaps.owners[e])
  const lengths = new Int32Array(count)
  for (let c = 0; c < count; c++) lengths[c] = images.offsets[c + 1] - images.offsets[c]
  return { images, lengths, offsets, members, swapOffsets, swapMembers, anchorClasses }
}

/**
 * Distinct keys numbered in the order first seen, in an open-addressing hash table over a KeyList
 * (no string or object per key).
 */
class DistinctKeys {
  readonly keys = new KeyListBuilder()
  private starts = new Int32Buffer()
  private table: Int32Array

  constructor(expected: number) {
    let size = 1024
    while (size < expected * 2) size *= 2
    this.table = new Int32Array(size).fill(-1)
  }

  /** The id of the key source[from..to) read through codes, added if new. */
  idOf(source: Int32Array, from: number, to: number, codes: Int32Array): number {
    let h = 0x811c9dc5
    for (let i = from; i < to; i++) h = Math.imul(h ^ codes[source[i]], 0x01000193)
    const mask = this.table.length - 1
    const stored = this.keys.codes
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]
      if (id < 0) break
      const at = this.starts.data[id]
      if (this.keys.ends.data[id] - at !== to - from) continue
      let same = true
      for (let i = 0; i < to - from && same; i++) same = stored.data[at + i] === codes[source[from + i]]
      if (same) return id
    }
    const id = this.keys.count
    this.starts.push(stored.length)
    for (let i = from; i < to; i++) stored.push(codes[source[i]])
    this.keys.end()
    if (2 * (id + 1) > this.table.length) this.grow()
    else this.insert(id, h)
    return id
  }

  private insert(id: number, h: number): void {
    const mask = this.table.length - 1
    let slot = (h ^ (h >>> 15)) & mask
    while (this.table[slot] >= 0) slot = (slot + 1) & mask
    this.table[slot] = id
  }

  /** Doubles the table and puts every key back (their hashes again, from their stored codes). */
  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1)
    const stored = this.keys.codes.data
    for (let id = 0; id < this.keys.count; id++) {
      let h = 0x811c9dc5
      for (let i = this.starts.data[id]; i < this.keys.ends.data[id]; i++) h = Math.imul(h ^ stored[i], 0x01000193)
      this.insert(id, h)
    }
  }
}

/** The entries 0..n-1 grouped by group[entry] (stable counting sort): group c is entries[offsets[c]..offsets[c + 1]). */
function groupBy(group: Int32Array, groups: number): [Int32Array, Int32Array] {
  const offsets = new Int32Array(groups + 1)
  for (const c of group) offsets[c + 1]++
  for (let c = 0; c < groups; c++) offsets[c + 1] += offsets[c]
  const next = offsets.slice(0, groups)
  const entries = new Int32Array(group.length)
  for (let e = 0; e < group.length; e++) entries[next[group[e]]++] = e
  return [offsets, entries]
}

/** Orders two keys of equal length by their code points. */
function compareKeys(index: TermIndex, x: number, y: number): number {
  const { keyCodePoints, keyOffsets } = index
  const n = keyOffsets[x + 1] - keyOffsets[x]
  for (let i = 0; i < n; i++) {
    const d = keyCodePoints[keyOffsets[x] + i] - keyCodePoints[keyOffsets[y] + i]
    if (d !== 0) return d
  }
  return 0
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
