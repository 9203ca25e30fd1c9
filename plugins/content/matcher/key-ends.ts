/**
 * Which automaton states end a key, and which key: the keys (class images) are numbered in the order of
 * their end states, so the key ending in state s is the number of key-ending states before s (its rank
 * in a bit set of the states), and no array of one key number per state is kept. `bits` has bit s & 31
 * of word s >>> 5 set for each state s that ends a key; `ranks[w]` counts the bits set in words before w.
 */
export interface KeyEnds {
  bits: Int32Array
  ranks: Int32Array
}

/** The rank directory of a bit set of key ends (see KeyEnds). */
export function keyEndsOf(bits: Int32Array): KeyEnds {
  const ranks = new Int32Array(bits.length)
  for (let w = 1; w < bits.length; w++) ranks[w] = ranks[w - 1] + bitCount(bits[w - 1])
  return { bits, ranks }
}

/**
 * The key ends of an automaton of `states` states in which key k ends in state endOf[k] (equal keys in one
 * state, distinct keys in states of their own), and the number each key gets (`renumbered[k]`: the rank of its
 * end state, the same for equal keys).
 */
export function keyEndsOfStates(endOf: Int32Array, states: number): { ends: KeyEnds; renumbered: Int32Array } {
  const bits = new Int32Array((states + 31) >>> 5)
  for (let k = 0; k < endOf.length; k++) bits[endOf[k] >>> 5] |= 1 << (endOf[k] & 31)
  const ends = keyEndsOf(bits)
  const renumbered = new Int32Array(endOf.length)
  for (let k = 0; k < endOf.length; k++) renumbered[k] = keyEndingIn(ends, endOf[k])
  return { ends, renumbered }
}

/** The key ending in state s, or -1 if none does. */
export function keyEndingIn(ends: KeyEnds, s: number): number {
  const word = ends.bits[s >>> 5]
  const bit = 1 << (s & 31)
  if ((word & bit) === 0) return -1
  return ends.ranks[s >>> 5] + bitCount(word & (bit - 1))
}

/** How many keys end in the states (the bits set). */
export function keyEndCount(ends: KeyEnds): number {
  const last = ends.bits.length - 1
  return last < 0 ? 0 : ends.ranks[last] + bitCount(ends.bits[last])
}

/** The number of bits set in a 32-bit integer. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0
}
