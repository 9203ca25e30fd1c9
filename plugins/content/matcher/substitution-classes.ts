import { OWNER_KINDS, keyAt, type TermIndex } from './term-index.js'
import { foldString } from './normalize.js'

/**
 * Most characters one substitution class may hold. Homophone and look-alike forms swap a term's
 * characters for others; when the swapped characters share a class, the automaton needs no key of
 * their own for those forms (the term's key, read by class, finds them, and each hit is checked
 * against the real keys). Bigger classes mean fewer keys but more hits to check. On the bench's 10k
 * terms (867k keys): 4 gives 329k class keys, 8 gives 248k. Scanning in one process, interleaved with
 * main (201 rounds, load 3-4), 4 took 0.90-0.93 of main's time and 8 0.96-1.06; built 8.3 against
 * 8.2 s CPU, retained 94.6 against 86 MB (main 12.6 s, 141 MB): 4 is the largest that is not slower.
 */
const MAX_CLASS_SIZE = 4
/** Owner kinds (see OWNER_KINDS) whose forms swap characters one for one. */
const SWAP_KINDS = new Set([OWNER_KINDS.indexOf('homophone') + 1, OWNER_KINDS.indexOf('lookalike') + 1])

/**
 * The class of every folded code point of the keys: the representative code point of its class.
 * Classes join the characters that homophone and look-alike forms swap, most used swaps first, up to
 * MAX_CLASS_SIZE characters each; a code point outside every swap is its own class.
 */
export function substitutionClasses(index: TermIndex): Map<number, number> {
  const swaps = new Map<number, number>()
  const termKeys = new Map<string, number[]>()
  for (let k = 0; k < index.keyCount; k++) {
    const key = keyAt(index, k)
    for (let o = index.ownerOffsets[k]; o < index.ownerOffsets[k + 1]; o++) {
      if (!SWAP_KINDS.has(index.ownerKind[o])) continue
      const text = index.texts[index.ownerText[o]]
      let term = termKeys.get(text)
      if (term === undefined) {
        term = foldString(text)
        termKeys.set(text, term)
      }
      if (term.length !== key.length) continue
      for (let i = 0; i < key.length; i++) {
        if (term[i] === key[i]) continue
        const pair = term[i] * 0x200000 + key[i]
        swaps.set(pair, (swaps.get(pair) ?? 0) + 1)
      }
    }
  }
  const parent = new Map<number, number>()
  const size = new Map<number, number>()
  const find = (x: number): number => {
    let root = x
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!
      parent.set(y, root)
      y = next
    }
    return root
  }
  const byUse = [...swaps.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])
  for (const [pair] of byUse) {
    const a = find(Math.floor(pair / 0x200000))
    const b = find(pair % 0x200000)
    if (a === b) continue
    const joined = (size.get(a) ?? 1) + (size.get(b) ?? 1)
    if (joined > MAX_CLASS_SIZE) continue
    const [root, child] = a < b ? [a, b] : [b, a]
    parent.set(child, root)
    size.set(root, joined)
  }
  const classes = new Map<number, number>()
  for (const cp of index.keyCodePoints) if (!classes.has(cp)) classes.set(cp, find(cp))
  return classes
}

/**
 * The distinct class images of the keys (each key's code points read through `codeOf`), and which
 * keys each image stands for: keys of image c are members[offsets[c]..offsets[c + 1]), in ascending
 * order of their code points (a hit finds its key by binary search, see compareKeyTo).
 */
export interface ClassKeys {
  images: Int32Array[]
  offsets: Int32Array
  members: Int32Array
}

/** Groups the keys by their image under codeOf (a stable counting sort by image). */
export function classKeysOf(index: TermIndex, codeOf: (folded: number) => number): ClassKeys {
  const ids = new Map<string, number>()
  const images: Int32Array[] = []
  const imageOfKey = new Int32Array(index.keyCount)
  for (let k = 0; k < index.keyCount; k++) {
    const image = keyAt(index, k).map(codeOf)
    let id = ''
    for (const code of image) id += String.fromCharCode(code >>> 16, code & 0xffff)
    let c = ids.get(id)
    if (c === undefined) {
      c = images.length
      ids.set(id, c)
      images.push(image)
    }
    imageOfKey[k] = c
  }
  const offsets = new Int32Array(images.length + 1)
  for (let k = 0; k < index.keyCount; k++) offsets[imageOfKey[k] + 1]++
  for (let c = 0; c < images.length; c++) offsets[c + 1] += offsets[c]
  const next = offsets.slice(0, images.length)
  const members = new Int32Array(index.keyCount)
  for (let k = 0; k < index.keyCount; k++) members[next[imageOfKey[k]]++] = k
  const byCodePoints = (x: number, y: number): number => compareKeys(index, x, y)
  for (let c = 0; c < images.length; c++) {
    if (offsets[c + 1] - offsets[c] > 1) members.subarray(offsets[c], offsets[c + 1]).sort(byCodePoints)
  }
  return { images, offsets, members }
}

/** Orders two keys of equal length by their code points. */
function compareKeys(index: TermIndex, x: number, y: number): number {
  const { keyCodePoints, keyOffsets } = index
  const n = keyOffsets[x + 1] - keyOffsets[x]
  for (let i = 0; i < n; i++) {
    const d = keyCodePoints[keyOffsets[x] + i] - keyCodePoints[keyOffsets[y] + i]
    if (d !== 0) return d
  }
  return 0
}

/** Compares key k with the first `length` code points of `folded` (negative: the key sorts first). */
export function compareKeyTo(index: TermIndex, k: number, folded: Int32Array, length: number): number {
  const at = index.keyOffsets[k]
  for (let i = 0; i < length; i++) {
    const d = index.keyCodePoints[at + i] - folded[i]
    if (d !== 0) return d
  }
  return 0
}
