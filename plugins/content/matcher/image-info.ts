import type { Alphabet } from './alphabet.js'
import { type ImageMembers, NO_MEMBERS } from './image-members.js'
import { foldString } from './normalize.js'
import type { TermIndex } from './term-index.js'

/**
 * One byte per class image (see CompiledTables): its length in code points in the low six bits
 * (LONG for 63 or more, whose length is in ImageInfo.longLengths), ANCHOR and LATIN flags above.
 * Lengths are small (the 100k-term bench's longest image has 9 code points), so a byte replaces
 * an Int32 of length and two bytes of flags per image.
 */
export interface ImageInfo {
  bytes: Uint8Array
  /** Image, length pairs of the images of LONG length, by ascending image. */
  longLengths: Int32Array
}

/** The length bits of an ImageInfo byte; this value says the length is in longLengths. */
export const LONG = 0x3f
/**
 * An image that is an anchor of the reading or split owners (see anchorsOf): the reading scan and the split
 * walk run after a hit of one.
 */
export const ANCHOR = 0x40
/**
 * An image that holds a code of a Latin letter, through a key of its or a swap owner's text: only a hit of
 * one may be a reading form too (see ReadingScan.ownersOf). Set only when the index has reading owners.
 */
export const LATIN = 0x80

/** Packs per-image lengths and flags (anchor: 1, latin: 1 or an empty array for none) as ImageInfo. */
export function imageInfoOf(lengths: Int32Array, anchors: Uint8Array, latin: Uint8Array): ImageInfo {
  const bytes = new Uint8Array(lengths.length)
  const long: number[] = []
  for (let c = 0; c < lengths.length; c++) {
    let b = Math.min(lengths[c], LONG)
    if (b === LONG) long.push(c, lengths[c])
    if (anchors[c] === 1) b |= ANCHOR
    if (latin[c] === 1) b |= LATIN
    bytes[c] = b
  }
  return { bytes, longLengths: Int32Array.from(long) }
}

/** The length in code points of image c, whose ImageInfo byte is `b`. */
export function lengthOf(info: ImageInfo, c: number, b: number): number {
  const n = b & LONG
  if (n < LONG) return n
  const pairs = info.longLengths
  let lo = 0
  let hi = (pairs.length >> 1) - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const image = pairs[2 * mid]
    if (image === c) return pairs[2 * mid + 1]
    if (image < c) lo = mid + 1
    else hi = mid - 1
  }
  throw new Error(`image ${c} has no long length`)
}

/** True if the long lengths are ascending image, length pairs, one for each image of LONG length and no other. */
export function longLengthsAgree(info: ImageInfo): boolean {
  const { bytes, longLengths } = info
  if (longLengths.length % 2 !== 0) return false
  let p = 0
  for (let c = 0; c < bytes.length; c++) {
    if ((bytes[c] & LONG) !== LONG) continue
    if (longLengths[p] !== c || longLengths[p + 1] < LONG) return false
    p += 2
  }
  return p === longLengths.length
}

/** 1 for each image that is LATIN (see there). */
export function latinImagesOf(index: TermIndex, alphabet: Alphabet, members: ImageMembers): Uint8Array {
  const letterCodes = new Set<number>()
  for (let cp = 0x61; cp <= 0x7a; cp++) if (alphabet.codeOf(cp) !== 0) letterCodes.add(alphabet.codeOf(cp))
  const { codePoints, codes } = alphabet
  const isLatin = new Uint8Array(codePoints.length > 0 ? codePoints[codePoints.length - 1] + 1 : 0)
  for (let i = 0; i < codePoints.length; i++) if (letterCodes.has(codes[i])) isLatin[codePoints[i]] = 1
  const latin = (cps: ArrayLike<number>): boolean => {
    for (let i = 0; i < cps.length; i++) if (isLatin[cps[i]] === 1) return true
    return false
  }
  const classes = new Uint8Array(members.slots.length)
  if (letterCodes.size === 0) return classes
  const swapLatin = Uint8Array.from(index.swapText, t => (latin(foldString(index.texts[t])) ? 1 : 0))
  const { keyCodePoints, keyOffsets } = index
  const keyLatin = new Uint8Array(index.keyCount)
  for (let k = 0; k < index.keyCount; k++) {
    for (let i = keyOffsets[k]; i < keyOffsets[k + 1]; i++) keyLatin[k] |= isLatin[keyCodePoints[i]]
  }
  const { slots, classOffsets, classMembers, swapOffsets, swapMembers } = members
  for (let c = 0; c < classes.length; c++) {
    const slot = slots[c]
    if (slot >= 0) classes[c] = swapLatin[slot]
    if (slot >= NO_MEMBERS) continue
    const g = -2 - slot
    let flag = 0
    for (let m = classOffsets[g]; m < classOffsets[g + 1]; m++) flag |= keyLatin[classMembers[m]]
    for (let m = swapOffsets[g]; m < swapOffsets[g + 1]; m++) flag |= swapLatin[swapMembers[m]]
    classes[c] = flag
  }
  return classes
}
