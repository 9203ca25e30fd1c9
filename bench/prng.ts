/** Seeded pseudo-random numbers (mulberry32), so every benchmark run sees the same data. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
  /** An index in [0, n) skewed towards small indices (a few talkative people, many quiet ones). */
  skewed(n: number): number
}

/** A PRNG from a 32-bit seed. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: list => list[Math.floor(next() * list.length)],
    chance: p => next() < p,
    skewed: n => Math.min(n - 1, Math.floor(n * next() ** 2.5)),
  }
}
