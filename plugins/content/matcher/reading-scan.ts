import { add, type Found } from './candidate-rules.js'
import { MAX_MIXED_IDEOGRAPHS } from './expand.js'
import { SKIP, bmpFoldTable, expansionOf, foldCodePoint, isExpansion } from './fold-table.js'
import { spanOfHit } from './hit-span.js'
import { type IdArray, Int32Buffer, type SignedIdArray, narrowIds, narrowSignedIds } from './key-list.js'
import { foldString } from './normalize.js'
import { READING_ALLOW, READING_INITIALS, READING_PINYIN } from './reading-owners.js'
import { LETTER_A, ReadingTrie, TriePathsBuilder, fixedId, isLetter, letterTrie } from './reading-trie.js'
import type { TermIndex } from './term-index.js'

/** The longest syllable looked for before a letter (zhuang, shuang). */
const MAX_SYLLABLE = 6
const NONE: number[] = []

/** The folded code points of a text, each with the end of its character and how many of the character's follow it. */
let cps = new Int32Array(256)
let ends = new Int32Array(256)
let tails = new Int32Array(256)

/** Grows cps, ends and tails to hold at least `size` code points. */
function reserve(size: number): void {
  if (cps.length >= size) return
  cps = new Int32Array(size)
  ends = new Int32Array(size)
  tails = new Int32Array(size)
}

/** Folds the text into cps, ends and tails (what the automaton reads, without skipped characters); returns how many. */
function foldText(text: string): number {
  reserve(text.length * 4)
  const bmp = bmpFoldTable()
  let n = 0
  for (let i = 0; i < text.length; i++) {
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
    if (n + folded.length > cps.length) return growAndFold(text)
    for (let k = 0; k < folded.length; k++) {
      cps[n] = folded[k]
      ends[n] = i + 1
      tails[n++] = folded.length - 1 - k
    }
  }
  return n
}

/** foldText after growing the arrays for a text whose characters fold to many code points. */
function growAndFold(text: string): number {
  reserve(foldString(text).length)
  return foldText(text)
}

/** A reading owner whose form an automaton hit is (see ReadingScan.ownersOf); use is 1 for an allowed phrase. */
export interface ReadingOwnerOfHit {
  order: number
  category: number
  use: number
  term: string
  /**
   * `split` for a form that also writes a character as its split (衤果liao for 裸聊), `homophone` for a pinyin
   * form that writes one character as a swap alternative (扫马jin群 for 扫码进群).
   */
  kind: 'pinyin' | 'initials' | 'split' | 'homophone'
  form: string
}

/** A pair of folded code points as one number (see ReadingScan.splitIdeographs). */
const PAIR = 0x110000
/**
 * How a place of a path is read: as the character, in letters, as the two components of its split, or as a
 * swap alternative of the character (a homophone or look-alike).
 */
const AS_CHARACTER = 0
const IN_LETTERS = 1
const AS_SPLIT = 2
const AS_SWAP = 3
/** The kind of each found form: initials or pinyin, +2 when a place is read as its split, +4 as a swap alternative. */
const KINDS: ReadonlyArray<ReadingOwnerOfHit['kind']> = [
  'initials',
  'pinyin',
  'split',
  'split',
  'homophone',
  'homophone',
  'homophone',
  'homophone',
]

const NO_OWNERS: ReadingOwnerOfHit[] = []
/**
 * Particles, which belong to the word before them: never read as a swap alternative beside letters (`有需要的
 * jia·薇` is 加薇 after 的, no 底价 written 的jia).
 */
const PARTICLES = new Set([...'的地得了着过吗吧呢啊呀嘛哦啦么'].map(c => c.codePointAt(0)!))

/** True if the triples `given` hold (end, tail, length). */
function isGiven(given: number[], end: number, tail: number, length: number): boolean {
  for (let g = 0; g < given.length; g += 3) {
    if (given[g] === end && given[g + 1] === tail && given[g + 2] === length) return true
  }
  return false
}

/**
 * Finds the pinyin and initials forms of the reading owners (ReadingTables) in a text, as
 * if they were keys: every mix of an owner's ideographs and their syllables (pinyin) or initials, at
 * least one of them written in letters, all of them or one only when it has more than
 * MAX_MIXED_IDEOGRAPHS (see expand.ts's mixed). The text's folded code points are walked from each place
 * a form may start (up to the longest owner's places before a letter) along the tries: a letter run by
 * the syllables it spells, an ideograph by the syllables the owners read it; where an owner's places
 * end, each ideograph the text writes must be the owner's own. Of the owners of one form, the first of
 * each category and use is kept (in the owners' order, as a key keeps its owners); a form that is also a
 * key or swap form is left to the automaton's hit, which orders all its owners (see ownersOf).
 */
export class ReadingScan {
  private readonly pinyin: ReadingTrie
  private readonly initials: ReadingTrie
  /** Owner r's places are placeSyllable/placeCodePoint/placeChar[placeFirst[r]..placeFirst[r + 1]). */
  private readonly placeFirst: Int32Array
  private readonly placeSyllable: SignedIdArray
  private readonly placeCodePoint: IdArray
  private readonly placeChar: IdArray
  private readonly ideographCount: IdArray
  /** Syllables by letters: the child of letter node n on letter x is letterNext[n * 26 + x - 'a'] (0 none). */
  private readonly letterNext: Int32Array
  private readonly letterSyllable: Int32Array
  private readonly back: number
  private readonly pathStart: Int32Array
  private readonly pathLetters: Uint8Array
  /** The ideograph (folded) a place read AS_SPLIT is the split of. */
  private readonly pathIdeograph: Int32Array
  /**
   * The ideographs whose split of two code points is the pair (first * PAIR + second), for the characters
   * of the reading owners that are also split owners of the same category and use (their category
   * expands `split`): a form may write such a character as its split and the others in letters.
   */
  private readonly splitIdeographs = new Map<number, number[]>()
  /** 1 for a reading owner whose characters may be written as their splits (see splitIdeographs). */
  private readonly splitReadable: Uint8Array
  /**
   * The ideographs a code point is a swap alternative of (homophone, toneless or look-alike), for the
   * characters of the reading owners that are also swap owners of the same category and use: a pinyin form
   * may write one such character as its alternative and others in letters (扫马jin群). Kept flat (about
   * 8k code points and 45k pairs at 10k terms): code point swapKeys[k] is an alternative of the ideographs
   * swapValues[swapStarts[k]..swapStarts[k + 1]), swapKeys sorted.
   */
  private swapKeys = new Int32Array(0)
  /** 1 for a code point of the BMP in swapKeys: most ideographs near letters are none, told without a search. */
  private readonly swapMarks = new Uint8Array(0x10000)
  private swapStarts = new Int32Array(1)
  private swapValues = new Int32Array(0)
  /** 1 for a reading owner whose characters may be written as their swap alternatives (see swapKeys). */
  private readonly swapReadable: Uint8Array
  private readonly found: number[] = []
  private readonly forms: string[] = []
  /**
   * The BMP code points a walk from the root of the pinyin (initials) trie may step from (see rootStartsOf), one
   * bit each: walkAll starts no walk at a token of none, which would find nothing (most ideographs before a
   * letter start no form).
   */
  private readonly pinyinStarts: Int32Array
  private readonly initialsStarts: Int32Array

  constructor(private readonly index: TermIndex) {
    const owners = index.readingFlags.length
    // Typed buffers, filled place by place: no JS array of every place growing (and copied) as it fills.
    const placeFirst = new Int32Buffer()
    const placeSyllable = new Int32Buffer()
    const placeCodePoint = new Int32Buffer()
    const placeChar = new Int32Buffer()
    placeFirst.push(0)
    const ideographCount = new Int32Array(owners)
    const pinyinPaths = new TriePathsBuilder()
    const initialsPaths = new TriePathsBuilder()
    let maxPlaces = 1
    let maxChars = 1
    let maxCodePoint = 0
    for (let r = 0; r < owners; r++) {
      const flags = index.readingFlags[r]
      const first = placeSyllable.length
      let i = 0
      for (const c of index.texts[index.readingText[r]]) {
        const s = index.readingSyllables[index.readingOffsets[r] + i]
        for (const cp of foldString(c)) {
          placeSyllable.push(s)
          placeCodePoint.push(cp)
          maxCodePoint = Math.max(maxCodePoint, cp)
          placeChar.push(i)
          if ((flags & READING_PINYIN) !== 0) pinyinPaths.place(s >= 0 ? s : fixedId(cp), cp)
          if ((flags & READING_INITIALS) !== 0)
            initialsPaths.place(s >= 0 ? index.syllables[s].charCodeAt(0) - LETTER_A : fixedId(cp), cp)
          if (s >= 0) ideographCount[r]++
        }
        i++
      }
      maxChars = Math.max(maxChars, i)
      placeFirst.push(placeSyllable.length)
      maxPlaces = Math.max(maxPlaces, placeSyllable.length - first)
      if ((flags & READING_PINYIN) !== 0) pinyinPaths.end(r)
      if ((flags & READING_INITIALS) !== 0) initialsPaths.end(r)
    }
    this.placeFirst = placeFirst.toArray()
    this.placeSyllable = narrowSignedIds(placeSyllable.view(), index.syllables.length)
    this.placeCodePoint = narrowIds(placeCodePoint.view(), maxCodePoint + 1)
    this.placeChar = narrowIds(placeChar.view(), maxChars)
    this.ideographCount = narrowIds(ideographCount, maxPlaces + 1)
    this.pinyin = new ReadingTrie(pinyinPaths.paths())
    this.initials = new ReadingTrie(initialsPaths.paths())
    this.splitReadable = this.readSplits()
    this.swapReadable = this.readSwaps()
    this.pinyinStarts = this.rootStartsOf(this.pinyin, true)
    this.initialsStarts = this.rootStartsOf(this.initials, false)
    // A place read as its split takes two tokens.
    this.back = (this.splitIdeographs.size > 0 ? 2 : 1) * (maxPlaces - 1)
    this.pathStart = new Int32Array(maxPlaces)
    this.pathLetters = new Uint8Array(maxPlaces)
    this.pathIdeograph = new Int32Array(maxPlaces)
    const { letterNext, letterSyllable } = letterTrie(index.syllables)
    this.letterNext = letterNext
    this.letterSyllable = letterSyllable
  }

  /**
   * Fills splitIdeographs from the split owners that are reading owners too (same text, category and
   * use); returns splitReadable.
   */
  private readSplits(): Uint8Array {
    const { index } = this
    const readable = new Uint8Array(index.readingFlags.length)
    if (index.splitText.length === 0) return readable
    const splitOwner = new Map<string, number>()
    for (let s = 0; s < index.splitText.length; s++)
      splitOwner.set(`${index.splitText[s]} ${index.splitCategory[s]} ${index.splitIsAllowPhrase[s]}`, s)
    for (let r = 0; r < readable.length; r++) {
      const use = index.readingFlags[r] & READING_ALLOW
      const s = splitOwner.get(`${index.readingText[r]} ${index.readingCategory[r]} ${use}`)
      if (s === undefined) continue
      readable[r] = 1
      let i = 0
      for (const c of index.texts[index.readingText[r]]) {
        const list = index.splitLists[index.splitPlaces[index.splitOffsets[s] + i++]]
        const ideograph = foldString(c)
        if (list === '' || ideograph.length !== 1) continue
        for (const split of list.split('\t')) {
          const parts = foldString(split)
          if (parts.length !== 2) continue
          const pair = parts[0] * PAIR + parts[1]
          const known = this.splitIdeographs.get(pair)
          if (known === undefined) this.splitIdeographs.set(pair, [ideograph[0]])
          else if (!known.includes(ideograph[0])) known.push(ideograph[0])
        }
      }
    }
    return readable
  }

  /**
   * Fills swapKeys, swapStarts and swapValues from the swap owners that are reading owners too (same text,
   * category and use); returns swapReadable.
   */
  private readSwaps(): Uint8Array {
    const { index } = this
    const readable = new Uint8Array(index.readingFlags.length)
    if (index.swapText.length === 0) return readable
    const ideographsOf = new Map<number, number[]>()
    const swapOwner = new Map<string, number>()
    for (let s = 0; s < index.swapText.length; s++)
      swapOwner.set(`${index.swapText[s]} ${index.swapCategory[s]} ${index.swapIsAllowPhrase[s]}`, s)
    for (let r = 0; r < readable.length; r++) {
      const use = index.readingFlags[r] & READING_ALLOW
      const s = swapOwner.get(`${index.readingText[r]} ${index.readingCategory[r]} ${use}`)
      if (s === undefined) continue
      readable[r] = 1
      const chars = [...index.texts[index.readingText[r]]]
      for (let at = index.swapAlternativeOffsets[s]; at < index.swapAlternativeOffsets[s + 1]; at += chars.length) {
        for (let i = 0; i < chars.length; i++) {
          const ideograph = foldString(chars[i])
          if (ideograph.length !== 1) continue
          for (const alternative of index.alternativeLists[index.swapAlternatives[at + i]]) {
            const folded = foldString(alternative)
            if (folded.length !== 1 || folded[0] === ideograph[0] || PARTICLES.has(folded[0])) continue
            const known = ideographsOf.get(folded[0])
            if (known === undefined) ideographsOf.set(folded[0], [ideograph[0]])
            else if (!known.includes(ideograph[0])) known.push(ideograph[0])
          }
        }
      }
    }
    this.swapKeys = Int32Array.from(ideographsOf.keys()).sort()
    for (const key of this.swapKeys) if (key < 0x10000) this.swapMarks[key] = 1
    this.swapStarts = new Int32Array(this.swapKeys.length + 1)
    const values: number[] = []
    for (let k = 0; k < this.swapKeys.length; k++) {
      values.push(...ideographsOf.get(this.swapKeys[k])!)
      this.swapStarts[k + 1] = values.length
    }
    this.swapValues = Int32Array.from(values)
    return readable
  }

  /**
   * The BMP code points from which walk, at the trie's root, may step to a child: letters, the code points of
   * the root's fixed children, the ideographs (and swap alternatives, for pinyin) with an id of a root child,
   * and the first code point of a split of such an ideograph (see walk). All of them when the root ends a path.
   */
  private rootStartsOf(trie: ReadingTrie, pinyin: boolean): Int32Array {
    const bits = new Int32Array(0x10000 >> 5)
    const mark = (cp: number): void => {
      if (cp < 0x10000) bits[cp >> 5] |= 1 << (cp & 31)
    }
    if (trie.ownerNodes.has(0)) return bits.fill(-1)
    const startsAtRoot = (ideograph: number): boolean =>
      (trie.idsOfIdeograph.get(ideograph) ?? NONE).some(id => trie.child(0, id) >= 0)
    for (let cp = LETTER_A; cp < LETTER_A + 26; cp++) mark(cp)
    for (let at = trie.first[0]; at < trie.first[1]; at++) if (trie.ids[at] < 0) mark(-trie.ids[at] - 1)
    for (const ideograph of trie.idsOfIdeograph.keys()) if (startsAtRoot(ideograph)) mark(ideograph)
    for (const [pair, ideographs] of this.splitIdeographs)
      if (ideographs.some(startsAtRoot)) mark(Math.floor(pair / PAIR))
    if (!pinyin) return bits
    for (let k = 0; k < this.swapKeys.length; k++)
      for (let i = this.swapStarts[k]; i < this.swapStarts[k + 1]; i++)
        if (startsAtRoot(this.swapValues[i])) mark(this.swapKeys[k])
    return bits
  }

  /** The place of code point cp in swapKeys, or -1 when it is no swap alternative of a reading owner's ideograph. */
  private swapKeyOf(cp: number): number {
    if (cp < 0x10000 && this.swapMarks[cp] === 0) return -1
    const keys = this.swapKeys
    let low = 0
    let high = keys.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      if (keys[mid] < cp) low = mid + 1
      else if (keys[mid] > cp) high = mid - 1
      else return mid
    }
    return -1
  }

  /** True if some ideograph that cp is a swap alternative of has a trie id `paired` accepts (see mayBe). */
  private swapPairs(trie: ReadingTrie, cp: number, paired: (other: number) => boolean): boolean {
    const k = this.swapKeyOf(cp)
    if (k < 0) return false
    for (let i = this.swapStarts[k]; i < this.swapStarts[k + 1]; i++)
      for (const other of trie.idsOfIdeograph.get(this.swapValues[i]) ?? NONE) if (paired(other)) return true
    return false
  }

  /** The ideographs whose split the tokens t and t + 1 are (see splitIdeographs), or undefined. */
  private splitAt(t: number, n: number): number[] | undefined {
    if (t < 0 || t + 1 >= n || this.splitIdeographs.size === 0) return undefined
    return this.splitIdeographs.get(cps[t] * PAIR + cps[t + 1])
  }

  /** True if no category expands pinyin or initials: there are no reading forms. */
  get empty(): boolean {
    return this.pinyin.empty && this.initials.empty
  }

  /**
   * Adds the candidates of the reading forms in found.text (see ReadingScan), but for the forms an
   * automaton hit already gave with its other owners (`given`: end, tail and length of each, see ownersOf).
   */
  addCandidates(found: Found, given: number[]): void {
    const n = foldText(found.text)
    this.findAll(n)
    if (this.found.length > 0) this.addFound(found, given)
  }

  /**
   * The reading owners whose form is the `length` folded code points `key` (a hit of the automaton), the
   * first of each category and use: an automaton hit that holds a Latin letter may be a key or swap form
   * of some owners and a reading form of others, whose order decides between them as between owners.
   */
  ownersOf(key: Int32Array, length: number): ReadingOwnerOfHit[] {
    let latin = false
    for (let i = 0; i < length && !latin; i++) latin = isLetter(key[i])
    if (!latin || this.empty) return NO_OWNERS
    reserve(length)
    cps.set(key.subarray(0, length))
    this.findAll(length)
    let owners: ReadingOwnerOfHit[] = NO_OWNERS
    for (let at = 0; at < this.found.length; at += 4) {
      if (this.found[at] !== 0 || this.found[at + 1] !== length) continue
      const r = this.found[at + 2]
      if (owners === NO_OWNERS) owners = []
      owners.push({
        order: this.index.readingOrder[r],
        category: this.index.readingCategory[r],
        use: this.index.readingFlags[r] & READING_ALLOW,
        term: this.index.texts[this.index.readingText[r]],
        kind: KINDS[this.found[at + 3]],
        form: this.forms[at / 4],
      })
    }
    return owners
  }

  /** Finds the reading forms in the n folded code points of cps (see found). */
  private findAll(n: number): void {
    // Setting an array's length is a runtime call: only when it holds something.
    if (this.found.length !== 0) this.found.length = 0
    if (this.forms.length !== 0) this.forms.length = 0
    if (!this.pinyin.empty) this.walkAll(this.pinyin, true, n)
    if (!this.initials.empty) this.walkAll(this.initials, false, n)
  }

  /**
   * Walks the trie from every token a form may start at: up to `back` tokens before a letter that may be
   * an owner's place written in letters (mayReplace), and that letter.
   */
  private walkAll(trie: ReadingTrie, pinyin: boolean, n: number): void {
    const starts = pinyin ? this.pinyinStarts : this.initialsStarts
    let from = 0
    for (let t = 0; t < n; t++) {
      if (!isLetter(cps[t]) || !this.mayReplace(trie, pinyin, t, n)) continue
      for (let p = Math.max(from, t - this.back); p <= t; p++) {
        const cp = cps[p]
        if (cp < 0x10000 && (starts[cp >> 5] & (1 << (cp & 31))) === 0) continue
        this.walk(trie, pinyin, 0, p, p, 0, n)
      }
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
        for (const split of this.splitAt(t - 2, n) ?? NONE)
          for (const left of trie.idsOfIdeograph.get(split) ?? NONE) if (trie.hasPair(left, id)) return true
        if (pinyin && this.swapPairs(trie, cp, left => trie.hasPair(left, id))) return true
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
        for (const split of this.splitAt(u, n) ?? NONE)
          for (const right of trie.idsOfIdeograph.get(split) ?? NONE) if (trie.hasPair(id, right)) return true
        if (pinyin && this.swapPairs(trie, cp, right => trie.hasPair(id, right))) return true
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
    if (trie.ownerNodes.has(node)) this.ownersAt(trie, pinyin, node, start, t, depth)
    if (t >= n || trie.first[node] === trie.first[node + 1]) return
    const cp = cps[t]
    const fixed = trie.child(node, fixedId(cp))
    if (fixed >= 0) this.step(trie, pinyin, fixed, start, t, t + 1, depth, AS_CHARACTER, n)
    if (isLetter(cp)) {
      if (!pinyin) {
        const child = trie.child(node, cp - LETTER_A)
        if (child >= 0) this.step(trie, pinyin, child, start, t, t + 1, depth, IN_LETTERS, n)
        return
      }
      for (let l = 0, u = t; u < n && isLetter(cps[u]); u++) {
        l = this.letterNext[l * 26 + cps[u] - LETTER_A]
        if (l === 0) break
        const s = this.letterSyllable[l]
        if (s < 0) continue
        const child = trie.child(node, s)
        if (child >= 0) this.step(trie, pinyin, child, start, t, u + 1, depth, IN_LETTERS, n)
      }
      return
    }
    for (const split of this.splitAt(t, n) ?? NONE) {
      for (const id of trie.idsOfIdeograph.get(split) ?? NONE) {
        const child = trie.child(node, id)
        if (child < 0) continue
        this.pathIdeograph[depth] = split
        this.step(trie, pinyin, child, start, t, t + 2, depth, AS_SPLIT, n)
      }
    }
    const k = pinyin ? this.swapKeyOf(cp) : -1
    for (let i = k < 0 ? 0 : this.swapStarts[k], end = k < 0 ? 0 : this.swapStarts[k + 1]; i < end; i++) {
      const swapped = this.swapValues[i]
      for (const id of trie.idsOfIdeograph.get(swapped) ?? NONE) {
        const child = trie.child(node, id)
        if (child < 0) continue
        this.pathIdeograph[depth] = swapped
        this.step(trie, pinyin, child, start, t, t + 1, depth, AS_SWAP, n)
      }
    }
    const ids = trie.idsOfIdeograph.get(cp)
    if (ids === undefined) return
    for (const id of ids) {
      const child = trie.child(node, id)
      if (child >= 0) this.step(trie, pinyin, child, start, t, t + 1, depth, AS_CHARACTER, n)
    }
  }

  /** Records place `depth` as read from token t (`how`: AS_CHARACTER, IN_LETTERS or AS_SPLIT) and walks on from `next`. */
  private step(
    trie: ReadingTrie,
    pinyin: boolean,
    child: number,
    start: number,
    t: number,
    next: number,
    depth: number,
    how: number,
    n: number,
  ): void {
    this.pathStart[depth] = t
    this.pathLetters[depth] = how
    this.walk(trie, pinyin, child, start, next, depth + 1, n)
  }

  /** Records each owner whose places end at node and whose form the text writes from token start to t. */
  private ownersAt(trie: ReadingTrie, pinyin: boolean, node: number, start: number, t: number, depth: number): void {
    const { index, placeFirst, placeSyllable, placeCodePoint } = this
    const rank = trie.ownerNodes.rankOf(node)
    for (let at = trie.ownerFirst[rank]; at < trie.ownerFirst[rank + 1]; at++) {
      const r = trie.owners[at]
      let replaced = 0
      let leading = 0
      let ideograph = 0
      let oneLetter = true
      let own = true
      let split = 0
      let swaps = 0
      for (let d = 0; d < depth && own; d++) {
        const p = placeFirst[r] + d
        const s = placeSyllable[p]
        if (s < 0) continue
        if (this.pathLetters[d] === IN_LETTERS) {
          replaced++
          if (ideograph < 2) leading++
          if (index.syllables[s].length !== 1) oneLetter = false
        } else if (this.pathLetters[d] === AS_SPLIT) {
          split = 2
          own = this.splitReadable[r] === 1 && this.pathIdeograph[d] === placeCodePoint[p]
        } else if (this.pathLetters[d] === AS_SWAP) {
          swaps++
          own = this.swapReadable[r] === 1 && this.pathIdeograph[d] === placeCodePoint[p]
        } else own = cps[this.pathStart[d]] === placeCodePoint[p]
        ideograph++
      }
      // One swapped character with letters beside it: more would read too freely.
      if (!own || replaced === 0 || swaps > 1) continue
      const count = this.ideographCount[r]
      // A long term: all in letters, one, or its leading word (see expand.ts's mixed).
      if (count > MAX_MIXED_IDEOGRAPHS && replaced !== count && replaced !== 1 && !(replaced === 2 && leading === 2))
        continue
      // An initials form that spells only one-letter syllables is the pinyin form, which comes first.
      if (!pinyin && oneLetter && (index.readingFlags[r] & READING_PINYIN) !== 0) continue
      this.found.push(start, t, r, (pinyin ? 1 : 0) + split + (swaps > 0 ? 4 : 0))
      this.forms.push(this.formOf(r, depth, pinyin))
    }
  }

  /**
   * Owner r's form as the path writes it: the text with the places read in letters as their syllables or
   * initials, and those read as their split as its two components (folded).
   */
  private formOf(r: number, depth: number, pinyin: boolean): string {
    const out = [...this.index.texts[this.index.readingText[r]]]
    for (let d = 0; d < depth; d++) {
      if (this.pathLetters[d] === AS_CHARACTER) continue
      const p = this.placeFirst[r] + d
      if (this.pathLetters[d] === AS_SPLIT) {
        const t = this.pathStart[d]
        out[this.placeChar[p]] = String.fromCodePoint(cps[t], cps[t + 1])
        continue
      }
      if (this.pathLetters[d] === AS_SWAP) {
        out[this.placeChar[p]] = String.fromCodePoint(cps[this.pathStart[d]])
        continue
      }
      const syllable = this.index.syllables[this.placeSyllable[p]]
      out[this.placeChar[p]] = pinyin ? syllable : syllable[0]
    }
    return out.join('')
  }

  /** Adds the candidates of the forms found but those `given` (see ReadingScan for which owners of one form are kept). */
  private addFound(found: Found, given: number[]): void {
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
    let skip = false
    for (let i = 0; i < order.length; i++) {
      const at = order[i]
      const start = list[at]
      const end = list[at + 1]
      const key = cps.subarray(start, end)
      if (i === 0 || start !== list[order[i - 1]] || end !== list[order[i - 1] + 1]) {
        kept.clear()
        skip = isGiven(given, ends[end - 1], tails[end - 1], end - start)
      }
      const r = list[at + 2]
      const use = index.readingCategory[r] * 2 + (index.readingFlags[r] & READING_ALLOW)
      if (skip || kept.has(use)) continue
      kept.add(use)
      const allowPhrase = (index.readingFlags[r] & READING_ALLOW) !== 0
      const span = spanOfHit(found.text, ends[end - 1], tails[end - 1], key)
      const category = index.categories[index.readingCategory[r]]
      const term = index.texts[index.readingText[r]]
      const kind = KINDS[list[at + 3]]
      add(found, span, ends[end - 1], category, term, allowPhrase, false, kind, this.forms[at / 4])
    }
  }
}
