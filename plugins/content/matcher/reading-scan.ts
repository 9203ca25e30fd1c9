import { add, type Found } from './candidate-rules.js'
import { MAX_MIXED_IDEOGRAPHS } from './expand.js'
import { SKIP, bmpFoldTable, expansionOf, foldCodePoint, isExpansion } from './fold-table.js'
import { spanOfHit } from './hit-span.js'
import { foldString } from './normalize.js'
import { READING_ALLOW, READING_INITIALS, READING_PINYIN, placesOf } from './reading-owners.js'
import type { TermIndex } from './term-index.js'

const LETTER_A = 0x61
const LETTER_Z = 0x7a
/** Trie edge ids: an ideograph place's syllable (or initial) id is >= 0, a fixed code point's -(cp + 1). */
const ID_OFFSET = 0x200000
const NODE_SCALE = 0x400000
/** The longest syllable looked for before a letter (zhuang, shuang). */
const MAX_SYLLABLE = 6
const NONE: number[] = []

/** The id of the trie edge of a place that is no ideograph: its folded code point. */
function fixedId(cp: number): number {
  return -(cp + 1)
}

/** True for a folded Latin letter. */
function isLetter(cp: number): boolean {
  return cp >= LETTER_A && cp <= LETTER_Z
}

/**
 * A trie of the reading owners' places: an ideograph place is read by its syllable (the pinyin trie) or
 * initial (the initials trie), whether the text writes the ideograph or its letters; any other place by
 * its folded code point. Children of node n are ids[first[n]..first[n + 1]) ascending; owners whose places
 * end at n are owners[ownerFirst[n]..ownerFirst[n + 1]).
 */
class ReadingTrie {
  readonly first: Int32Array
  readonly ids: Int32Array
  readonly children: Int32Array
  readonly ownerFirst: Int32Array
  readonly owners: Int32Array
  /** The ids a folded ideograph takes at the places of the owners (polyphones take several). */
  readonly idsOfIdeograph = new Map<number, number[]>()
  /** The ids of owners of one place only (see mayReplace). */
  readonly solo = new Set<number>()
  /** A Bloom filter of the ids of every two neighbouring places of an owner (see hasPair). */
  private readonly pairs: Int32Array
  private readonly pairShift: number

  constructor(paths: Array<{ owner: number; ids: number[]; codePoints: number[] }>) {
    const edges = new Map<number, number>()
    const parent: number[] = [-1]
    const idOf: number[] = [0]
    const endOf: number[] = []
    for (const { owner, ids, codePoints } of paths) {
      let node = 0
      for (let d = 0; d < ids.length; d++) {
        const key = node * NODE_SCALE + ids[d] + ID_OFFSET
        let child = edges.get(key)
        if (child === undefined) {
          child = parent.length
          parent.push(node)
          idOf.push(ids[d])
          edges.set(key, child)
        }
        node = child
        if (ids[d] >= 0) {
          const list = this.idsOfIdeograph.get(codePoints[d])
          if (list === undefined) this.idsOfIdeograph.set(codePoints[d], [ids[d]])
          else if (!list.includes(ids[d])) list.push(ids[d])
        }
      }
      endOf.push(node, owner)
    }
    let pairCount = 0
    for (const { ids } of paths) pairCount += ids.length - 1
    const bitsLog = Math.min(24, Math.max(10, Math.ceil(Math.log2(pairCount * PAIR_BITS + 1))))
    this.pairs = new Int32Array(1 << (bitsLog - 5))
    this.pairShift = 32 - (bitsLog - 5)
    for (const { ids } of paths) {
      if (ids.length === 1) this.solo.add(ids[0])
      for (let d = 1; d < ids.length; d++) {
        const h = pairHash(ids[d - 1], ids[d])
        this.pairs[h >>> this.pairShift] |= pairBit(h)
      }
    }
    const nodes = parent.length
    this.first = new Int32Array(nodes + 1)
    for (let n = 1; n < nodes; n++) this.first[parent[n] + 1]++
    for (let n = 0; n < nodes; n++) this.first[n + 1] += this.first[n]
    this.ids = new Int32Array(nodes - 1)
    this.children = new Int32Array(nodes - 1)
    const next = this.first.slice(0, nodes)
    for (let n = 1; n < nodes; n++) {
      const at = next[parent[n]]++
      this.ids[at] = idOf[n]
      this.children[at] = n
    }
    for (let n = 0; n < nodes; n++) sortChildren(this.ids, this.children, this.first[n], this.first[n + 1])
    this.ownerFirst = new Int32Array(nodes + 1)
    for (let i = 0; i < endOf.length; i += 2) this.ownerFirst[endOf[i] + 1]++
    for (let n = 0; n < nodes; n++) this.ownerFirst[n + 1] += this.ownerFirst[n]
    this.owners = new Int32Array(endOf.length / 2)
    const at = this.ownerFirst.slice(0, nodes)
    for (let i = 0; i < endOf.length; i += 2) this.owners[at[endOf[i]]++] = endOf[i + 1]
  }

  /** False when no owner has a place of id `left` just before one of id `right` (true: maybe one has). */
  hasPair(left: number, right: number): boolean {
    const h = pairHash(left, right)
    return (this.pairs[h >>> this.pairShift] & pairBit(h)) === pairBit(h)
  }

  /** True if the trie has no owner. */
  get empty(): boolean {
    return this.first[0] === this.first[1]
  }

  /** The child of node on id, or -1. */
  child(node: number, id: number): number {
    let lo = this.first[node]
    let hi = this.first[node + 1] - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const d = this.ids[mid] - id
      if (d === 0) return this.children[mid]
      if (d < 0) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
}

/** Bits of the pair filter per pair of neighbouring places (about 1% false passes with two bits). */
const PAIR_BITS = 12

/** A hash of two ids (see ReadingTrie.hasPair). */
function pairHash(left: number, right: number): number {
  const h = Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b)
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
}

/** The two bits of a pair in its word of the filter. */
function pairBit(h: number): number {
  return (1 << (h & 31)) | (1 << ((h >>> 5) & 31))
}

/** Sorts the children ids[from..to) (and children alike) by id: an insertion sort, most nodes have few. */
function sortChildren(ids: Int32Array, children: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    const packed = Float64Array.from(
      { length: to - from },
      (_, i) => (ids[from + i] + ID_OFFSET) * NODE_SCALE + children[from + i],
    )
    packed.sort()
    for (let i = 0; i < packed.length; i++) {
      ids[from + i] = Math.floor(packed[i] / NODE_SCALE) - ID_OFFSET
      children[from + i] = packed[i] % NODE_SCALE
    }
    return
  }
  for (let i = from + 1; i < to; i++) {
    const id = ids[i]
    const c = children[i]
    let j = i - 1
    for (; j >= from && ids[j] > id; j--) {
      ids[j + 1] = ids[j]
      children[j + 1] = children[j]
    }
    ids[j + 1] = id
    children[j + 1] = c
  }
}

/** The folded code points of a text, each with the end of its character and how many of the character's follow it. */
let cps = new Int32Array(256)
let ends = new Int32Array(256)
let tails = new Int32Array(256)

/**
 * Folds text[from..to) (from and to at character boundaries) into cps, ends and tails: what the
 * automaton reads, without skipped characters. Returns how many code points.
 */
function foldText(text: string, from: number, to: number): number {
  if (cps.length < (to - from) * 4) {
    cps = new Int32Array((to - from) * 4)
    ends = new Int32Array((to - from) * 4)
    tails = new Int32Array((to - from) * 4)
  }
  const bmp = bmpFoldTable()
  let n = 0
  for (let i = from; i < to; i++) {
    const unit = bmp[text.charCodeAt(i)]
    if (unit >= 0) {
      cps[n] = unit
      ends[n] = i + 1
      tails[n++] = 0
      continue
    }
    if (unit === SKIP) continue
    // A surrogate pair or a character folding to several code points.
    const cp = text.codePointAt(i)!
    if (cp > 0xffff) i++
    const f = foldCodePoint(cp)
    if (f === SKIP) continue
    if (!isExpansion(f)) {
      cps[n] = f
      ends[n] = i + 1
      tails[n++] = 0
      continue
    }
    const folded = expansionOf(f)
    if (n + folded.length > cps.length) return growAndFold(text, from, to)
    for (let k = 0; k < folded.length; k++) {
      cps[n] = folded[k]
      ends[n] = i + 1
      tails[n++] = folded.length - 1 - k
    }
  }
  return n
}

/** foldText after growing the arrays for a text whose characters fold to many code points. */
function growAndFold(text: string, from: number, to: number): number {
  const size = foldString(text.slice(from, to)).length
  cps = new Int32Array(size)
  ends = new Int32Array(size)
  tails = new Int32Array(size)
  return foldText(text, from, to)
}

/**
 * Finds the pinyin and initials forms of the reading owners (TermIndex.readingCategory) in a text, as
 * if they were keys: every mix of an owner's ideographs and their syllables (pinyin) or initials, at
 * least one of them written in letters, all of them or one only when it has more than
 * MAX_MIXED_IDEOGRAPHS (see expand.ts's mixed). The text's folded code points are walked from each place
 * a form may start (up to the longest owner's places before a letter) along the tries: a letter run by
 * the syllables it spells, an ideograph by the syllables the owners read it; where an owner's places
 * end, each ideograph the text writes must be the owner's own. Of the owners of one form, the first of
 * each category and use is kept (in the owners' order, as a key keeps its owners), and none whose key
 * owner of that category and use came first.
 */
export class ReadingScan {
  private readonly pinyin: ReadingTrie
  private readonly initials: ReadingTrie
  /** Owner r's places are placeSyllable/placeCodePoint/placeChar[placeFirst[r]..placeFirst[r + 1]). */
  private readonly placeFirst: Int32Array
  private readonly placeSyllable: Int32Array
  private readonly placeCodePoint: Int32Array
  private readonly placeChar: Int32Array
  private readonly ideographCount: Int32Array
  /** Syllables by letters: the child of letter node n on letter x is letterNext[n * 26 + x - 'a'] (0 none). */
  private readonly letterNext: Int32Array
  private readonly letterSyllable: Int32Array
  /** The keys that hold a Latin letter (only those can be a reading form), by their code points. */
  private readonly latinKeys = new Map<string, number>()
  private readonly back: number
  private readonly pathStart: Int32Array
  private readonly pathLetters: Uint8Array
  private readonly found: number[] = []
  private readonly forms: string[] = []

  constructor(private readonly index: TermIndex) {
    const owners = index.readingFlags.length
    const placeFirst = [0]
    const placeSyllable: number[] = []
    const placeCodePoint: number[] = []
    const placeChar: number[] = []
    this.ideographCount = new Int32Array(owners)
    const pinyinPaths = []
    const initialsPaths = []
    let maxPlaces = 1
    for (let r = 0; r < owners; r++) {
      const places = placesOf(index, r)
      placeSyllable.push(...places.syllable)
      placeCodePoint.push(...places.codePoint)
      placeChar.push(...places.char)
      const pinyinIds = places.syllable.map((s, d) => (s >= 0 ? s : fixedId(places.codePoint[d])))
      const initialsIds = places.syllable.map((s, d) =>
        s >= 0 ? index.syllables[s].charCodeAt(0) - LETTER_A : fixedId(places.codePoint[d]),
      )
      const codePoints = places.codePoint
      this.ideographCount[r] = places.syllable.filter(s => s >= 0).length
      placeFirst.push(placeSyllable.length)
      maxPlaces = Math.max(maxPlaces, pinyinIds.length)
      if ((index.readingFlags[r] & READING_PINYIN) !== 0) pinyinPaths.push({ owner: r, ids: pinyinIds, codePoints })
      if ((index.readingFlags[r] & READING_INITIALS) !== 0)
        initialsPaths.push({ owner: r, ids: initialsIds, codePoints })
    }
    this.placeFirst = Int32Array.from(placeFirst)
    this.placeSyllable = Int32Array.from(placeSyllable)
    this.placeCodePoint = Int32Array.from(placeCodePoint)
    this.placeChar = Int32Array.from(placeChar)
    this.pinyin = new ReadingTrie(pinyinPaths)
    this.initials = new ReadingTrie(initialsPaths)
    this.back = maxPlaces - 1
    this.pathStart = new Int32Array(maxPlaces)
    this.pathLetters = new Uint8Array(maxPlaces)
    const { letterNext, letterSyllable } = letterTrie(index.syllables)
    this.letterNext = letterNext
    this.letterSyllable = letterSyllable
    if (owners > 0) this.keepLatinKeys()
  }

  /** Fills latinKeys. */
  private keepLatinKeys(): void {
    const { keyCodePoints, keyOffsets, keyCount } = this.index
    for (let k = 0; k < keyCount; k++) {
      let latin = false
      for (let at = keyOffsets[k]; at < keyOffsets[k + 1] && !latin; at++) latin = isLetter(keyCodePoints[at])
      if (latin)
        this.latinKeys.set(String.fromCodePoint(...keyCodePoints.subarray(keyOffsets[k], keyOffsets[k + 1])), k)
    }
  }

  /** Adds the candidates of the reading forms in found.text (see ReadingScan). */
  addCandidates(found: Found): void {
    const n = foldText(found.text, 0, found.text.length)
    this.found.length = 0
    this.forms.length = 0
    if (!this.pinyin.empty) this.walkAll(this.pinyin, true, n)
    if (!this.initials.empty) this.walkAll(this.initials, false, n)
    if (this.found.length > 0) this.addFound(found)
  }

  /**
   * Walks the trie from every token a form may start at: up to `back` tokens before a letter that may be
   * an owner's place written in letters (mayReplace), and that letter.
   */
  private walkAll(trie: ReadingTrie, pinyin: boolean, n: number): void {
    let from = 0
    for (let t = 0; t < n; t++) {
      if (!isLetter(cps[t]) || !this.mayReplace(trie, pinyin, t, n)) continue
      for (let p = Math.max(from, t - this.back); p <= t; p++) this.walk(trie, pinyin, 0, p, p, 0, n)
      from = t + 1
    }
  }

  /**
   * False when no form of the trie's owners writes a place in letters from token t: no syllable (or
   * initial) spelled there is the id of an owner of one place, or of a place whose neighbouring place in
   * the owner (every form holds all its places, back to back) the text may write next to it.
   */
  private mayReplace(trie: ReadingTrie, pinyin: boolean, t: number, n: number): boolean {
    if (!pinyin) return this.mayBe(trie, pinyin, cps[t] - LETTER_A, t, t + 1, n)
    for (let l = 0, u = t; u < n && isLetter(cps[u]); u++) {
      l = this.letterNext[l * 26 + cps[u] - LETTER_A]
      if (l === 0) return false
      const s = this.letterSyllable[l]
      if (s >= 0 && this.mayBe(trie, pinyin, s, t, u + 1, n)) return true
    }
    return false
  }

  /** See mayReplace: place id `id` written in tokens t..u. */
  private mayBe(trie: ReadingTrie, pinyin: boolean, id: number, t: number, u: number, n: number): boolean {
    if (trie.solo.has(id)) return true
    if (t > 0) {
      const cp = cps[t - 1]
      if (trie.hasPair(fixedId(cp), id)) return true
      if (!isLetter(cp)) {
        for (const left of trie.idsOfIdeograph.get(cp) ?? NONE) if (trie.hasPair(left, id)) return true
      } else if (!pinyin) {
        if (trie.hasPair(cp - LETTER_A, id)) return true
      } else {
        // The syllables that end just before t.
        for (let v = t - 1; v >= 0 && v >= t - MAX_SYLLABLE && isLetter(cps[v]); v--) {
          const left = this.syllableOf(v, t)
          if (left >= 0 && trie.hasPair(left, id)) return true
        }
      }
    }
    if (u < n) {
      const cp = cps[u]
      if (trie.hasPair(id, fixedId(cp))) return true
      if (!isLetter(cp)) {
        for (const right of trie.idsOfIdeograph.get(cp) ?? NONE) if (trie.hasPair(id, right)) return true
      } else if (!pinyin) {
        if (trie.hasPair(id, cp - LETTER_A)) return true
      } else {
        for (let l = 0, v = u; v < n && isLetter(cps[v]); v++) {
          l = this.letterNext[l * 26 + cps[v] - LETTER_A]
          if (l === 0) break
          const right = this.letterSyllable[l]
          if (right >= 0 && trie.hasPair(id, right)) return true
        }
      }
    }
    return false
  }

  /** The syllable the letter tokens v..t spell, or -1. */
  private syllableOf(v: number, t: number): number {
    let l = 0
    for (let x = v; x < t; x++) {
      l = this.letterNext[l * 26 + cps[x] - LETTER_A]
      if (l === 0) return -1
    }
    return this.letterSyllable[l]
  }

  /** Walks `trie` from node (depth places read, the next at token t) along every reading of the text. */
  private walk(
    trie: ReadingTrie,
    pinyin: boolean,
    node: number,
    start: number,
    t: number,
    depth: number,
    n: number,
  ): void {
    if (trie.ownerFirst[node] < trie.ownerFirst[node + 1]) this.ownersAt(trie, pinyin, node, start, t, depth)
    if (t >= n || trie.first[node] === trie.first[node + 1]) return
    const cp = cps[t]
    const fixed = trie.child(node, fixedId(cp))
    if (fixed >= 0) this.step(trie, pinyin, fixed, start, t, t + 1, depth, 0, n)
    if (isLetter(cp)) {
      if (!pinyin) {
        const child = trie.child(node, cp - LETTER_A)
        if (child >= 0) this.step(trie, pinyin, child, start, t, t + 1, depth, 1, n)
        return
      }
      for (let l = 0, u = t; u < n && isLetter(cps[u]); u++) {
        l = this.letterNext[l * 26 + cps[u] - LETTER_A]
        if (l === 0) break
        const s = this.letterSyllable[l]
        if (s < 0) continue
        const child = trie.child(node, s)
        if (child >= 0) this.step(trie, pinyin, child, start, t, u + 1, depth, 1, n)
      }
      return
    }
    const ids = trie.idsOfIdeograph.get(cp)
    if (ids === undefined) return
    for (const id of ids) {
      const child = trie.child(node, id)
      if (child >= 0) this.step(trie, pinyin, child, start, t, t + 1, depth, 0, n)
    }
  }

  /** Records place `depth` as read from token t (in letters or not) and walks on from `next`. */
  private step(
    trie: ReadingTrie,
    pinyin: boolean,
    child: number,
    start: number,
    t: number,
    next: number,
    depth: number,
    letters: number,
    n: number,
  ): void {
    this.pathStart[depth] = t
    this.pathLetters[depth] = letters
    this.walk(trie, pinyin, child, start, next, depth + 1, n)
  }

  /** Records each owner whose places end at node and whose form the text writes from token start to t. */
  private ownersAt(trie: ReadingTrie, pinyin: boolean, node: number, start: number, t: number, depth: number): void {
    const { index, placeFirst, placeSyllable, placeCodePoint } = this
    for (let at = trie.ownerFirst[node]; at < trie.ownerFirst[node + 1]; at++) {
      const r = trie.owners[at]
      let replaced = 0
      let oneLetter = true
      let own = true
      for (let d = 0; d < depth && own; d++) {
        const p = placeFirst[r] + d
        const s = placeSyllable[p]
        if (s < 0) continue
        if (this.pathLetters[d] === 1) {
          replaced++
          if (index.syllables[s].length !== 1) oneLetter = false
        } else own = cps[this.pathStart[d]] === placeCodePoint[p]
      }
      if (!own || replaced === 0) continue
      const count = this.ideographCount[r]
      if (count > MAX_MIXED_IDEOGRAPHS && replaced !== count && replaced !== 1) continue
      // An initials form that spells only one-letter syllables is the pinyin form, which comes first.
      if (!pinyin && oneLetter && (index.readingFlags[r] & READING_PINYIN) !== 0) continue
      this.found.push(start, t, r, pinyin ? 1 : 0)
      this.forms.push(this.formOf(r, depth, pinyin))
    }
  }

  /** Owner r's form as the path writes it: the text with the places read in letters as their syllables or initials. */
  private formOf(r: number, depth: number, pinyin: boolean): string {
    const out = [...this.index.texts[this.index.readingText[r]]]
    for (let d = 0; d < depth; d++) {
      if (this.pathLetters[d] !== 1) continue
      const p = this.placeFirst[r] + d
      const syllable = this.index.syllables[this.placeSyllable[p]]
      out[this.placeChar[p]] = pinyin ? syllable : syllable[0]
    }
    return out.join('')
  }

  /** Adds the candidates of the forms found (see ReadingScan for which owners of one form are kept). */
  private addFound(found: Found): void {
    const { index } = this
    const list = this.found
    const order: number[] = []
    for (let i = 0; i < list.length; i += 4) order.push(i)
    order.sort(
      (x, y) =>
        list[x] - list[y] ||
        list[x + 1] - list[y + 1] ||
        index.readingOrder[list[x + 2]] - index.readingOrder[list[y + 2]],
    )
    const kept = new Set<number>()
    let claimed = new Map<number, number>()
    for (let i = 0; i < order.length; i++) {
      const at = order[i]
      const start = list[at]
      const end = list[at + 1]
      const key = cps.subarray(start, end)
      if (i === 0 || start !== list[order[i - 1]] || end !== list[order[i - 1] + 1]) {
        kept.clear()
        claimed = this.keyClaims(key)
      }
      const r = list[at + 2]
      const use = index.readingCategory[r] * 2 + (index.readingFlags[r] & READING_ALLOW)
      if (kept.has(use) || (claimed.get(use) ?? Infinity) < index.readingOrder[r]) continue
      kept.add(use)
      const allowPhrase = (index.readingFlags[r] & READING_ALLOW) !== 0
      const span = spanOfHit(found.text, ends[end - 1], tails[end - 1], key)
      const category = index.categories[index.readingCategory[r]]
      const term = index.texts[index.readingText[r]]
      const kind = list[at + 3] === 1 ? 'pinyin' : 'initials'
      add(found, span, ends[end - 1], category, term, allowPhrase, false, kind, this.forms[at / 4])
    }
  }

  /** The first order of the owners of the key `key` is (if one), by category * 2 + 1 for an allowed phrase. */
  private keyClaims(key: Int32Array): Map<number, number> {
    const claims = new Map<number, number>()
    if (this.latinKeys.size === 0) return claims
    const k = this.latinKeys.get(String.fromCodePoint(...key))
    if (k === undefined) return claims
    const { ownerOffsets, ownerCategory, ownerIsAllowPhrase, ownerIsContext, ownerOrder } = this.index
    for (let o = ownerOffsets[k]; o < ownerOffsets[k + 1]; o++) {
      if (ownerIsContext[o] === 1) continue
      const use = ownerCategory[o] * 2 + ownerIsAllowPhrase[o]
      claims.set(use, Math.min(claims.get(use) ?? Infinity, ownerOrder[o]))
    }
    return claims
  }
}

/** A trie of the syllables' letters (see ReadingScan.letterNext). */
function letterTrie(syllables: string[]): { letterNext: Int32Array; letterSyllable: Int32Array } {
  const next: number[] = new Array(26).fill(0)
  const syllableOf: number[] = [-1]
  syllables.forEach((syllable, s) => {
    let node = 0
    for (let i = 0; i < syllable.length; i++) {
      const x = node * 26 + syllable.charCodeAt(i) - LETTER_A
      if (next[x] === 0) {
        next[x] = syllableOf.length
        syllableOf.push(-1)
        for (let k = 0; k < 26; k++) next.push(0)
      }
      node = next[x]
    }
    syllableOf[node] = s
  })
  return { letterNext: Int32Array.from(next), letterSyllable: Int32Array.from(syllableOf) }
}
