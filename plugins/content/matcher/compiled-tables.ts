import { buildAlphabet, type Alphabet } from './alphabet.js'
import { buildAutomaton } from './automaton.js'
import { DistinctImages } from './distinct-images.js'
import { type ImageInfo, imageInfoOf, latinImagesOf } from './image-info.js'
import { type ImageMembers, imageMembersOf } from './image-members.js'
import { anchorsOf } from './reading-places.js'
import { buildScanArena } from './scan-table.js'
import { splitAnchorsOf } from './split-owners.js'
import { keyEndsOfStates, type KeyEnds } from './key-ends.js'
import {
  type ClassKeys,
  IMAGES_PER_SWAP_OWNER,
  classKeysOf,
  keyImagesOf,
  substitutionClasses,
  swapImages,
  swapPairs,
} from './substitution-classes.js'
import { indexTerms, type TermIndex } from './term-index.js'
import type { Dictionary } from './types.js'

/** What compiling a dictionary's terms produces: everything the scanner reads (and the matcher cache keeps). */
export interface CompiledTables {
  index: TermIndex
  alphabet: Alphabet
  arena: Int32Array
  /**
   * The automaton's key ends: its keys are the class images (see ClassKeys), not the index's keys,
   * numbered in the order of their end states (see KeyEnds); every array below is by that number.
   */
  links: KeyEnds
  /** Image c's length and flags (see ImageInfo). */
  images: ImageInfo
  /** Image c's keys and swap owners (see ImageMembers, ClassKeys). */
  members: ImageMembers
}

/**
 * Expands and indexes the terms, then builds the automaton over their class images and its scan arena
 * (the costly part of a compile). The automaton reads each character as its substitution class, so
 * one class image stands for a term and all the forms that swap characters within their classes.
 */
export function compileTables(dictionary: Dictionary): CompiledTables {
  const { index, alternatives } = indexTerms(dictionary)
  const pairs = swapPairs(index, alternatives)
  const classes = substitutionClasses(index, pairs)
  // The images are numbered as they are made: the keys' first, then the swap images (see classKeysOf).
  const distinct = new DistinctImages(index.keyCount + IMAGES_PER_SWAP_OWNER * alternatives.length)
  const imageOfKey = keyImagesOf(index, classes, distinct)
  const swaps = swapImages(index, alternatives, classes, distinct)
  swaps.unaligned.forEach(s => {
    index.swapKey[s] = -1
  })
  const classCodes = Int32Array.from(classes.keys())
  const anchors = anchorsOf(index, splitAnchorsOf(index))
  const alphabet = buildAlphabet(concatenated([index.keyCodePoints, classCodes, anchors.codes]), classes, swaps.counts)
  const classKeys = classKeysOf(index, alphabet, classes, distinct, imageOfKey, swaps, anchors)
  const automaton = buildAutomaton(classKeys.images, alphabet.size)
  const arena = buildScanArena(alphabet, automaton, classKeys.images)
  const { ends, renumbered } = keyEndsOfStates(automaton.endOf, automaton.cells.length / 2)
  const [classOffsets, classMembers] = regrouped(classKeys.offsets, classKeys.members, renumbered)
  const [swapOffsets, swapMembers] = regrouped(classKeys.swapOffsets, classKeys.swapMembers, renumbered)
  const members = imageMembersOf(classOffsets, classMembers, swapOffsets, swapMembers)
  const latin = index.readingCategory.length > 0 ? latinImagesOf(index, alphabet, members) : new Uint8Array(0)
  const lengths = renumberedValues(classKeys.lengths, renumbered)
  const images = imageInfoOf(lengths, renumberedValues(classKeys.anchorClasses, renumbered), latin)
  return { index, alphabet, arena, links: ends, images, members }
}

/** Per-image values (see ClassKeys) with image c's value at renumbered[c]. */
function renumberedValues<T extends Int32Array | Uint8Array>(values: T, renumbered: Int32Array): T {
  const out = values.slice() as T
  for (let c = 0; c < renumbered.length; c++) out[renumbered[c]] = values[c]
  return out
}

/** Groups of image c (members[offsets[c]..offsets[c + 1]), see ClassKeys) moved to group renumbered[c], in the same order. */
function regrouped(
  offsets: ClassKeys['offsets'],
  members: Int32Array,
  renumbered: Int32Array,
): [Int32Array, Int32Array] {
  const n = renumbered.length
  const moved = new Int32Array(n + 1)
  for (let c = 0; c < n; c++) moved[renumbered[c] + 1] = offsets[c + 1] - offsets[c]
  for (let c = 0; c < n; c++) moved[c + 1] += moved[c]
  const movedMembers = new Int32Array(members.length)
  // Copied one by one: most groups hold one member or none (a subarray per image cost more than the copy).
  for (let c = 0; c < n; c++) {
    for (let m = offsets[c], to = moved[renumbered[c]]; m < offsets[c + 1]; m++) movedMembers[to++] = members[m]
  }
  return [moved, movedMembers]
}

/** The arrays back to back. */
function concatenated(arrays: Int32Array[]): Int32Array {
  const all = new Int32Array(arrays.reduce((n, a) => n + a.length, 0))
  let at = 0
  for (const a of arrays) {
    all.set(a, at)
    at += a.length
  }
  return all
}
