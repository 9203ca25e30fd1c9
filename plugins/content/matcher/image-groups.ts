import type { KeyList } from './key-list.js'
import type { TermIndex } from './term-index.js'

/**
 * What each class image stands for, by its number (the rank of its end state, see KeyEnds): keys of image
 * c are members[offsets[c]..offsets[c + 1]), in ascending order of their code points (a hit finds its key
 * by binary search, see compareKeyTo); swap owners of image c are swapMembers[swapOffsets[c]..swapOffsets[c + 1]),
 * ascending; image c has lengths[c] code points.
 */
export interface ImageGroups {
  lengths: Int32Array
  offsets: Int32Array
  members: Int32Array
  swapOffsets: Int32Array
  swapMembers: Int32Array
  /** 1 for an image that is one of the anchors (see ReadingScan): a hit of it may start a reading form. */
  anchorClasses: Uint8Array
}

/**
 * Groups the keys, swap images and anchors by the class image they are. The images were made once each,
 * equal ones included (no table of distinct images: the automaton finds the equal ones, which end in one
 * state): image i of `images` is key i for i < keyCount, then swap image i - keyCount of swap owner
 * swapOwners[i - keyCount] (see swapImages), then the anchors; `numbered[i]` is its number among the
 * `count` distinct images.
 */
export function imageGroupsOf(
  index: TermIndex,
  images: KeyList,
  numbered: Int32Array,
  count: number,
  swapOwners: Int32Array,
): ImageGroups {
  const { keyCount } = index
  const firstAnchor = keyCount + swapOwners.length
  const lengths = new Int32Array(count)
  for (let i = 0; i < numbered.length; i++) lengths[numbered[i]] = images.offsets[i + 1] - images.offsets[i]
  const anchorClasses = new Uint8Array(count)
  for (let i = firstAnchor; i < numbered.length; i++) anchorClasses[numbered[i]] = 1
  const [offsets, members] = groupBy(numbered.subarray(0, keyCount), count)
  const byCodePoints = (x: number, y: number): number => compareKeys(index, x, y)
  for (let c = 0; c < count; c++) {
    if (offsets[c + 1] - offsets[c] > 1) members.subarray(offsets[c], offsets[c + 1]).sort(byCodePoints)
  }
  const [swapOffsets, swapEntries] = groupBy(numbered.subarray(keyCount, firstAnchor), count)
  const swapMembers = swapEntries.map(e => swapOwners[e])
  return { lengths, offsets, members, swapOffsets, swapMembers, anchorClasses }
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
