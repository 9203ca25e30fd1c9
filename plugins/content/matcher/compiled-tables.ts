import { buildAlphabet, type Alphabet } from './alphabet.js'
import { buildAutomaton } from './automaton.js'
import { imageGroupsOf } from './image-groups.js'
import { type ImageInfo, imageInfoOf, latinImagesOf } from './image-info.js'
import { type ImageMembers, imageMembersOf } from './image-members.js'
import { KeyListBuilder } from './key-list.js'
import { anchorsOf } from './reading-places.js'
import { buildScanArena } from './scan-table.js'
import { splitAnchorsOf } from './split-owners.js'
import { keyEndCount, keyEndsOfStates, type KeyEnds } from './key-ends.js'
import {
  IMAGES_PER_SWAP_OWNER,
  anchorImagesOf,
  keyImagesOf,
  substitutionClasses,
  swapImages,
  swapPairs,
  toAlphabetCodes,
} from './substitution-classes.js'
import { indexTerms, type TermIndex } from './term-index.js'
import type { Dictionary } from './types.js'

/** What compiling a dictionary's terms produces: everything the scanner reads (and the matcher cache keeps). */
export interface CompiledTables {
  index: TermIndex
  alphabet: Alphabet
  arena: Int32Array
  /**
   * The automaton's key ends: its keys are the class images (see ImageGroups), not the index's keys,
   * numbered in the order of their end states (see KeyEnds); every array below is by that number.
   */
  links: KeyEnds
  /** Image c's length and flags (see ImageInfo). */
  images: ImageInfo
  /** Image c's keys and swap owners (see ImageMembers, ImageGroups). */
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
  // One image per key, swap image and anchor, in that order, equal ones included (see imageGroupsOf).
  const expected = index.keyCount + IMAGES_PER_SWAP_OWNER * alternatives.length
  const made = new KeyListBuilder(expected, CODES_PER_IMAGE * expected)
  keyImagesOf(index, classes, made)
  const swaps = swapImages(index, alternatives, classes, made)
  swaps.unaligned.forEach(s => {
    index.swapKey[s] = -1
  })
  const classCodes = Int32Array.from(classes.keys())
  const anchors = anchorsOf(index, splitAnchorsOf(index))
  const alphabet = buildAlphabet(concatenated([index.keyCodePoints, classCodes, anchors.codes]), classes, swaps.counts)
  anchorImagesOf(anchors, classes, made)
  const images = made.view()
  toAlphabetCodes(images.codes, alphabet, classes)
  const automaton = buildAutomaton(images, alphabet.size)
  const arena = buildScanArena(alphabet, automaton, images)
  const { ends, renumbered } = keyEndsOfStates(automaton.endOf, automaton.cells.length / 2)
  const groups = imageGroupsOf(index, images, renumbered, keyEndCount(ends), swaps.owners)
  const members = imageMembersOf(groups.offsets, groups.members, groups.swapOffsets, groups.swapMembers)
  const latin = index.readingCategory.length > 0 ? latinImagesOf(index, alphabet, members) : new Uint8Array(0)
  const info = imageInfoOf(groups.lengths, groups.anchorClasses, latin)
  return { index, alphabet, arena, links: ends, images: info, members }
}

/** Room for this many codes an image (3.5 at 100k bench terms) is made before the first images come (see Int32Buffer). */
const CODES_PER_IMAGE = 4

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
