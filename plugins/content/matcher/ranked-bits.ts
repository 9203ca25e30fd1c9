/**
 * A set of the numbers 0..size - 1 that tells each member's rank (how many members are below it) in a few reads:
 * per block of 32 numbers, how many members come before the block and a bit per number of it, side by side (one
 * cache line for both). A table by rank of the members then takes the place of one by number: 1 bit and 1 Int32 in
 * 32 a number, instead of an Int32, where few numbers are members.
 */
export class RankedBits {
  private readonly blocks: Int32Array

  /** The set of the numbers below `size` for which `isMember` is true. */
  constructor(size: number, isMember: (i: number) => boolean) {
    const count = (size + 31) >>> 5
    this.blocks = new Int32Array(2 * count + 2)
    let members = 0
    for (let block = 0; block < count; block++) {
      this.blocks[2 * block] = members
      let bits = 0
      for (let k = 0, i = block << 5; k < 32 && i < size; k++, i++) {
        if (!isMember(i)) continue
        bits |= 1 << k
        members++
      }
      this.blocks[2 * block + 1] = bits
    }
    this.blocks[2 * count] = members
  }

  /** How many members there are. */
  get count(): number {
    return this.blocks[this.blocks.length - 2]
  }

  /** True if i is a member. */
  has(i: number): boolean {
    return (this.blocks[((i >>> 5) << 1) + 1] & (1 << (i & 31))) !== 0
  }

  /** How many members are below i (for a member, its place in a table by rank). */
  rankOf(i: number): number {
    const at = (i >>> 5) << 1
    return this.blocks[at] + bitCount(this.blocks[at + 1] & ((1 << (i & 31)) - 1))
  }
}

/** The number of bits set in a 32-bit value. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}
