/**
 * Traditional characters read as simplified ones for the talked-about rules (talked-about.ts), whose cues are written
 * in simplified characters: `本群禁止傳播色情` reads as `本群禁止传播色情`. Offsets are kept: only characters of the
 * Basic Multilingual Plane whose simplified form is one such character are swapped.
 */

import { TRAD_TO_SIMP } from './data/trad-to-simp-pairs.js'

let table: Map<string, string> | undefined

/** The BMP pairs of TRAD_TO_SIMP, traditional to simplified. */
function pairs(): Map<string, string> {
  if (table !== undefined) return table
  table = new Map()
  const chars = [...TRAD_TO_SIMP]
  for (let i = 0; i + 1 < chars.length; i += 2)
    if (chars[i].length === 1 && chars[i + 1].length === 1) table.set(chars[i], chars[i + 1])
  return table
}

let lastIn = ''
let lastOut = ''

/** The text with its traditional BMP characters simplified, the same length (the last answer is kept). */
export function simplifiedCjk(text: string): string {
  if (text === lastIn) return lastOut
  const map = pairs()
  let out = ''
  let from = 0
  for (let at = 0; at < text.length; at++) {
    const simple = map.get(text[at])
    if (simple === undefined) continue
    out += text.slice(from, at) + simple
    from = at + 1
  }
  lastIn = text
  lastOut = from === 0 ? text : out + text.slice(from)
  return lastOut
}
