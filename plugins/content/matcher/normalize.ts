import { SKIP, expansionOf, foldCodePoint, isExpansion } from './fold-table.js'

/** Text reduced to folded letters and digits, with each UTF-16 unit's span in the original text. */
export interface NormalizedText {
  text: string
  /** Original start offset of the character that produced normalised unit i. */
  starts: Int32Array
  /** Original end offset (exclusive) of the character that produced normalised unit i. */
  ends: Int32Array
}

/** The folded code points of a string (how a dictionary term is matched). */
export function foldString(s: string): number[] {
  const folded: number[] = []
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!
    i += cp > 0xffff ? 2 : 1
    const f = foldCodePoint(cp)
    if (f === SKIP) continue
    if (isExpansion(f)) folded.push(...expansionOf(f))
    else folded.push(f)
  }
  return folded
}

/**
 * The folded code points of a string as a string: how a term is matched, and its identity as a key.
 * A string that folds to itself (most terms and their forms) is returned as is: no new string to build,
 * and a flat one to hash where the key goes in a map.
 */
export function foldedKey(s: string): string {
  let same = 0
  for (; same < s.length; ) {
    const cp = s.codePointAt(same)!
    if (foldCodePoint(cp) !== cp) break
    same += cp > 0xffff ? 2 : 1
  }
  if (same === s.length) return s
  let key = s.slice(0, same)
  for (let i = same; i < s.length; ) {
    const cp = s.codePointAt(i)!
    i += cp > 0xffff ? 2 : 1
    const f = foldCodePoint(cp)
    if (f === SKIP) continue
    if (isExpansion(f)) key += String.fromCodePoint(...expansionOf(f))
    else key += String.fromCodePoint(f)
  }
  return key
}

/** Normalises text for regex patterns, keeping a map from normalised units back to original offsets. */
export function normalizeText(text: string): NormalizedText {
  const units: number[] = []
  const starts: number[] = []
  const ends: number[] = []
  const push = (cp: number, start: number, end: number): void => {
    const before = units.length
    if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff))
    else units.push(cp)
    for (let k = before; k < units.length; k++) {
      starts.push(start)
      ends.push(end)
    }
  }
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!
    const end = i + (cp > 0xffff ? 2 : 1)
    const f = foldCodePoint(cp)
    if (isExpansion(f)) for (const c of expansionOf(f)) push(c, i, end)
    else if (f !== SKIP) push(f, i, end)
    i = end
  }
  let normalized = ''
  for (let k = 0; k < units.length; k += 8192) {
    normalized += String.fromCharCode(...units.slice(k, k + 8192))
  }
  return { text: normalized, starts: Int32Array.from(starts), ends: Int32Array.from(ends) }
}
