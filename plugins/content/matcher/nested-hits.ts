import type { Match } from './types.js'

/**
 * True if `outer` reports what `inner` says, and more: the same category, a span that holds inner's and is
 * longer (or the same span of the same term, found twice), acting whenever inner acts. `加我V信` is one hit of
 * 加我微信, not also 加我v (0–3) and v信 (2–4) inside it.
 */
function covers(outer: Match, inner: Match): boolean {
  if (outer === inner || outer.category !== inner.category) return false
  if (outer.start > inner.start || outer.end < inner.end) return false
  if (outer.reviewOnly === true && inner.reviewOnly !== true) return false
  const longer = outer.end - outer.start > inner.end - inner.start
  return longer || outer.term === inner.term
}

/**
 * True if `other`, a hit of the same term and kind as `m`, overlaps it and is longer (or as long and first):
 * one term read twice over the same characters is one hit, the longest.
 */
function overlapsLonger(other: Match, m: Match, otherFirst: boolean): boolean {
  if (other === m || other.category !== m.category || other.term !== m.term) return false
  if (other.start >= m.end || m.start >= other.end) return false
  if (other.reviewOnly === true && m.reviewOnly !== true) return false
  const a = other.end - other.start
  const b = m.end - m.start
  return a > b || (a === b && otherFirst)
}

/**
 * The matches (ordered by position) without those another match of the same category already reports: a hit
 * inside a longer one of its category, and the shorter of two overlapping hits of one term, unless the
 * dropped hit acts and the kept one only goes for review. Categories never change: every category keeps
 * its longest hit. The same array when nothing is dropped.
 */
export function withoutNestedHits(matches: Match[]): Match[] {
  if (matches.length < 2) return matches
  let kept: Match[] | null = null
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as Match
    let dropped = false
    for (let j = 0; j < matches.length && !dropped; j++) {
      const other = matches[j] as Match
      if (j === i || other.category !== m.category) continue
      // Two identical spans of one term: the first stays.
      const sameSpan = other.start === m.start && other.end === m.end && other.term === m.term
      dropped = sameSpan ? j < i && covers(other, m) : covers(other, m) || overlapsLonger(other, m, j < i)
    }
    if (dropped && kept === null) kept = matches.slice(0, i)
    else if (!dropped && kept !== null) kept.push(m)
  }
  return kept ?? matches
}
