/** Operations on ascending lists of doc numbers (postings). */

/** Docs in both lists (galloping through the longer one). */
export function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  if (a.length > b.length) [a, b] = [b, a]
  const out: number[] = []
  let j = 0
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i]
    let step = 1
    while (j + step < b.length && b[j + step] < x) step *= 2
    let lo = j
    let hi = Math.min(j + step, b.length - 1)
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (b[mid] < x) lo = mid + 1
      else hi = mid
    }
    j = lo
    if (b[j] === x) out.push(x)
  }
  return out
}

/** Docs in either list, once each. */
export function union(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++]
    if (out[out.length - 1] !== x) out.push(x)
  }
  return out
}
