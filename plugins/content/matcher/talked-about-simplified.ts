/**
 * Traditional characters read as simplified ones for the talked-about rules (talked-about.ts), whose cues are written
 * in simplified characters: `本群禁止傳播色情` reads as `本群禁止传播色情`. Offsets are kept: only characters of the
 * Basic Multilingual Plane whose simplified form is one such character are swapped.
 */

import { TRAD_TO_SIMP } from './data/trad-to-simp-pairs.js'
import { keptForLastText } from './last-text.js'

let table: Uint16Array | undefined

/** The 6,763 characters of GB 2312, the simplified set (read from its byte pairs, rows 16 to 87). */
function gb2312(): Set<string> {
  const bytes: number[] = []
  for (let row = 0xb0; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell)
  return new Set(new TextDecoder('gbk').decode(new Uint8Array(bytes)))
}

/**
 * A table of UTF-16 codes to the code of their simplified form (0 for none): the BMP pairs of TRAD_TO_SIMP from a
 * character outside GB 2312 to one inside it. The table folds a few variants the other way too (`概` to `槪`),
 * which stay.
 */
function pairs(): Uint16Array {
  if (table !== undefined) return table
  table = new Uint16Array(0x10000)
  const simplified = gb2312()
  const chars = [...TRAD_TO_SIMP]
  for (let i = 0; i + 1 < chars.length; i += 2)
    if (chars[i].length === 1 && !simplified.has(chars[i]) && simplified.has(chars[i + 1]))
      table[chars[i].charCodeAt(0)] = chars[i + 1].charCodeAt(0)
  return table
}

/** The text with its traditional BMP characters simplified, the same length (the last answer is kept). */
export const simplifiedCjk = keptForLastText(text => {
  const map = pairs()
  let out = ''
  let from = 0
  for (let at = 0; at < text.length; at++) {
    const simple = map[text.charCodeAt(at)]
    if (simple === 0) continue
    out += text.slice(from, at) + String.fromCharCode(simple)
    from = at + 1
  }
  return from === 0 ? text : out + text.slice(from)
})
