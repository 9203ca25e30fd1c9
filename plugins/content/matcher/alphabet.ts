/** Codes 1..size for the folded code points used by a dictionary's keys, by class, most frequent first (see codeOfRank). */
export interface Alphabet {
  /** The largest code. */
  size: number
  /** Folded code point -> code, or 0 when no key uses it. */
  codeOf(folded: number): number
  /** The folded code points used, ascending, and their codes (what codeOf looks up; kept for the cache). */
  codePoints: Int32Array
  codes: Int32Array
}

/**
 * Builds the alphabet of folded keys (code points stored back to back, and `counts[cp]` more of code point
 * cp), one code per class: every code point of a class (see substitution-classes.ts) gets the code of its
 * class, most frequent class first.
 */
export function buildAlphabet(
  keyCodePoints: Int32Array,
  classes: Map<number, number>,
  counts: Int32Array = new Int32Array(0),
): Alphabet {
  let end = Math.max(1, counts.length)
  for (let i = 0; i < keyCodePoints.length; i++) end = Math.max(end, keyCodePoints[i] + 1)
  const classOf = new Int32Array(end)
  for (let cp = 0; cp < end; cp++) classOf[cp] = cp
  for (const [cp, c] of classes) if (cp < end) classOf[cp] = c
  const frequency = new Int32Array(end)
  const used = new Uint8Array(end)
  for (let i = 0; i < keyCodePoints.length; i++) {
    const cp = keyCodePoints[i]
    frequency[classOf[cp]]++
    used[cp] = 1
  }
  for (let cp = 0; cp < counts.length; cp++) {
    if (counts[cp] === 0) continue
    frequency[classOf[cp]] += counts[cp]
    used[cp] = 1
  }
  const counted: number[] = []
  for (let c = 0; c < end; c++) if (frequency[c] > 0) counted.push(c)
  counted.sort((x, y) => frequency[y] - frequency[x] || x - y)
  const codeOfClass = new Int32Array(end)
  counted.forEach((c, i) => {
    codeOfClass[c] = codeOfRank(i)
  })
  const sorted: number[] = []
  for (let cp = 0; cp < end; cp++) if (used[cp] === 1) sorted.push(cp)
  const codePoints = Int32Array.from(sorted)
  const codes = Int32Array.from(sorted, cp => codeOfClass[classOf[cp]])
  return alphabetOf(codePoints, codes)
}

/** The alphabet of ascending folded code points and their codes (as built by buildAlphabet, or read from the cache). */
export function alphabetOf(codePoints: Int32Array, codes: Int32Array): Alphabet {
  const codeOf = (folded: number): number => {
    let lo = 0
    let hi = codePoints.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (codePoints[mid] === folded) return codes[mid]
      if (codePoints[mid] < folded) lo = mid + 1
      else hi = mid - 1
    }
    return 0
  }
  let size = 0
  for (const code of codes) size = Math.max(size, code)
  return { size, codeOf, codePoints, codes }
}

/**
 * The code of the r-th most frequent code point: 1..31, 33..63, 65... (no code is a multiple of 32, a
 * layout kept from a former scanner's predecessor signatures; the frequent letters get the small codes).
 */
function codeOfRank(r: number): number {
  return r + 1 + Math.floor(r / 31)
}
