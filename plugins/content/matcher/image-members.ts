import { Int32Buffer } from './key-list.js'

/**
 * The keys and swap owners of each class image, in one Int32 per image: most images (at 100k terms, about
 * nine in ten) are swap images of one swap owner and no key, whose slot is that owner. `slots[c]` is image
 * c's only swap owner (>= 0) when it has no key and one swap owner, -1 when it has neither (an anchor),
 * else -2 - g: group g's keys are classMembers[classOffsets[g]..classOffsets[g + 1]) (ascending, see
 * compareKeyTo) and its swap owners swapMembers[swapOffsets[g]..swapOffsets[g + 1]).
 */
export interface ImageMembers {
  slots: Int32Array
  classOffsets: Int32Array
  classMembers: Int32Array
  swapOffsets: Int32Array
  swapMembers: Int32Array
}

/** The slot of an image without keys or swap owners (see ImageMembers). */
export const NO_MEMBERS = -1

/**
 * ImageMembers from per-image groups: image c's keys classMembers[classOffsets[c]..classOffsets[c + 1]),
 * its swap owners swapMembers[swapOffsets[c]..swapOffsets[c + 1]).
 */
export function imageMembersOf(
  classOffsets: Int32Array,
  classMembers: Int32Array,
  swapOffsets: Int32Array,
  swapMembers: Int32Array,
): ImageMembers {
  const images = classOffsets.length - 1
  const slots = new Int32Array(images)
  // Typed buffers: no JS arrays of every group and member growing (and copied) as they fill.
  const groupClass = new Int32Buffer()
  const groupSwap = new Int32Buffer()
  const keys = new Int32Buffer()
  const swaps = new Int32Buffer()
  groupClass.push(0)
  groupSwap.push(0)
  for (let c = 0; c < images; c++) {
    const keyCount = classOffsets[c + 1] - classOffsets[c]
    const swapCount = swapOffsets[c + 1] - swapOffsets[c]
    if (keyCount === 0 && swapCount <= 1) {
      slots[c] = swapCount === 1 ? swapMembers[swapOffsets[c]] : NO_MEMBERS
      continue
    }
    slots[c] = -2 - (groupClass.length - 1)
    for (let m = classOffsets[c]; m < classOffsets[c + 1]; m++) keys.push(classMembers[m])
    for (let s = swapOffsets[c]; s < swapOffsets[c + 1]; s++) swaps.push(swapMembers[s])
    groupClass.push(keys.length)
    groupSwap.push(swaps.length)
  }
  return {
    slots,
    classOffsets: groupClass.toArray(),
    classMembers: keys.toArray(),
    swapOffsets: groupSwap.toArray(),
    swapMembers: swaps.toArray(),
  }
}
