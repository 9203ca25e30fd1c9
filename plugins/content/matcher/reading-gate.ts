import type { CompiledTables } from './compiled-tables.js'
import { bmpFoldTable } from './fold-table.js'
import { SPACED_SCRIPT_END } from './hit-span.js'
import { foldString } from './normalize.js'
import { READING_ALLOW, READING_INITIALS, READING_PINYIN } from './reading-owners.js'
import { addAnchorsOf, placesOf } from './reading-places.js'
import { anchorImageOf } from './split-anchors.js'
import type { TermIndex } from './term-index.js'

/** Runs of up to this many code points are held in the filter; a longer word is told by its windows of this length. */
const RUN = 6
/** Bits the filter takes for each run it holds (two set a run: about 1.4% of the runs no form writes pass). */
const BITS_PER_RUN = 16
/** The filter's most bits (128 KB): the reading owners of a dictionary whose letter strings hold more get no gate. */
const MAX_BITS = 1 << 20
/** How many code points of a word are read on either side of a hit's last one. */
const REACH = 15
/** FNV-1a's offset basis, the hash of the empty run. */
const SEED = 0x811c9dc5 | 0

/** The hash of a run after one more code point (FNV-1a over code points). */
function hashOn(h: number, cp: number): number {
  return Math.imul(h ^ cp, 0x01000193)
}

/** A 32-bit hash mixed (murmur3's finaliser), so that its low bits are as random as its high ones. */
function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/**
 * Tells the hits of reading anchors that no form can be found around (see ReadingScan): an anchor of
 * initials or pinyin inside a longer Latin word (pt and pp in `PPT`, ht and tp in `http`, sx in `.xlsx`)
 * is most hits of anchors in chat, and costs the whole reading scan.
 *
 * Why a hit may be told so: a form of a term (not an allowed phrase) is a candidate only if it reads as one
 * word (see HitSpan): a form whose first or last code point is a letter or digit of a spaced script does
 * not touch another. A form holds a hit of one of its owner's anchors (see anchorsOf); where that hit's
 * last code point is such a letter, the form therefore holds the whole word around it (the letters and
 * digits next to each other, no character between them skipped), and the form writes that word's code
 * points as the letters of places (syllables or initials) or as characters of places that are no
 * ideographs: as a run of its owner's letter string (every place written in letters, see letterStringsOf).
 * Ideographs, swap alternatives and split components are not letters of a spaced script, but for a few
 * (digits that stand for a sound, `breaks`): the word is read up to them. So a hit whose word is a run of
 * no letter string (kept as a Bloom filter of every run of 2 to RUN code points: a run no string holds is
 * never taken for one) needs no reading scan, unless it is an anchor of an allowed phrase's form
 * (`allowImages`: such forms need not read as one word, see termCandidates).
 */
export class ReadingGate {
  /** The filter of the letter strings' runs, or undefined when there is no gate (every hit may be read). */
  private readonly bits: Int32Array | undefined
  private readonly mask: number
  /** 1 for a code point of a spaced script that a form may write other than as a letter of its owner's string. */
  private readonly breaks = new Uint8Array(SPACED_SCRIPT_END)
  /** The images of the anchors of the reading owners that are allowed phrases. */
  readonly allowImages = new Set<number>()
  /** The code points of the word around a hit (see mayRead). */
  private readonly word = new Int32Array(2 * REACH + 1)
  private readonly bmp = bmpFoldTable()

  constructor(tables: CompiledTables) {
    const { index } = tables
    const strings: Int32Array[] = []
    let runs = 0
    for (let r = 0; r < index.readingFlags.length && runs * BITS_PER_RUN <= MAX_BITS; r++) {
      if ((index.readingFlags[r] & READING_ALLOW) !== 0) continue
      for (const string of letterStringsOf(index, r)) {
        strings.push(string)
        for (let k = 2; k <= RUN; k++) runs += Math.max(0, string.length - k + 1)
      }
    }
    let size = 32
    while (size < runs * BITS_PER_RUN) size *= 2
    this.mask = size - 1
    if (size > MAX_BITS) {
      this.bits = undefined
      return
    }
    this.bits = new Int32Array(size >> 5)
    for (const string of strings) {
      for (let i = 0; i < string.length; i++) {
        let h = SEED
        for (let k = 0; k < RUN && i + k < string.length; k++) {
          h = hashOn(h, string[i + k])
          if (k > 0) this.hold(h)
        }
      }
    }
    this.markBreaks(index)
    const anchors = new Set<string>()
    for (let r = 0; r < index.readingFlags.length; r++)
      if ((index.readingFlags[r] & READING_ALLOW) !== 0) addAnchorsOf(index, r, anchors)
    for (const anchor of anchors) this.allowImages.add(anchorImageOf(tables, anchor))
  }

  /**
   * False when no form of a term (not an allowed phrase) holding the hit of an anchor that ends at `end`
   * (`tail` code points of its last character after it) can read as one word (see ReadingGate).
   */
  mayRead(text: string, end: number, tail: number): boolean {
    if (this.bits === undefined || tail !== 0) return true
    const { bmp, word } = this
    const last = this.letterOf(bmp[text.charCodeAt(end - 1)])
    if (last < 0) return true
    let from = REACH
    word[from] = last
    for (let j = end - 2; j >= 0 && from > 0; j--) {
      const cp = this.letterOf(bmp[text.charCodeAt(j)])
      if (cp < 0) break
      word[--from] = cp
    }
    let to = REACH + 1
    for (let j = end; j < text.length && to < word.length; j++) {
      const cp = this.letterOf(bmp[text.charCodeAt(j)])
      if (cp < 0) break
      word[to++] = cp
    }
    if (to - from < 2) return true
    const width = Math.min(RUN, to - from)
    for (let s = from; s + width <= to; s++) {
      let h = SEED
      for (let k = 0; k < width; k++) h = hashOn(h, word[s + k])
      if (!this.holds(h)) return false
    }
    return true
  }

  /**
   * The folded code point of a BMP unit (its fold table value) when it is a letter or digit of a spaced script
   * that is no break, else -1 (skipped, several code points, a surrogate, another script or a break).
   */
  private letterOf(folded: number): number {
    return folded >= 0 && folded < SPACED_SCRIPT_END && this.breaks[folded] === 0 ? folded : -1
  }

  /** Sets the filter's two bits of a run's hash. */
  private hold(h: number): void {
    const a = mixed(h)
    const b = mixed(a ^ 0x5bd1e995)
    this.bits![(a & this.mask) >>> 5] |= 1 << (a & 31)
    this.bits![(b & this.mask) >>> 5] |= 1 << (b & 31)
  }

  /** True if both of the filter's bits of a run's hash are set: a run of some letter string, or one in 70 others. */
  private holds(h: number): boolean {
    const a = mixed(h)
    const b = mixed(a ^ 0x5bd1e995)
    const bits = this.bits!
    return (
      (bits[(a & this.mask) >>> 5] & (1 << (a & 31))) !== 0 && (bits[(b & this.mask) >>> 5] & (1 << (b & 31))) !== 0
    )
  }

  /**
   * Marks the code points of spaced scripts that a reading form may write other than as its owner's letter
   * string: swap alternatives (digits read as a sound), split components and ideograph places folding to one
   * (any in the index: more than the forms use, which only reads fewer words).
   */
  private markBreaks(index: TermIndex): void {
    const mark = (cp: number): void => {
      if (cp < SPACED_SCRIPT_END) this.breaks[cp] = 1
    }
    for (const list of index.alternativeLists) for (const cp of foldString(list)) mark(cp)
    for (const list of index.splitLists) for (const cp of foldString(list.replaceAll('\t', ''))) mark(cp)
    for (let r = 0; r < index.readingFlags.length; r++) {
      const { syllable, codePoint } = placesOf(index, r)
      for (let i = 0; i < syllable.length; i++) if (syllable[i] >= 0) mark(codePoint[i])
    }
  }
}

/**
 * Reading owner r's letter strings: its places' folded code points with each ideograph written as its syllable
 * (for pinyin) and as its initial (for initials), as its category expands them.
 */
function letterStringsOf(index: TermIndex, r: number): Int32Array[] {
  const { syllable, codePoint } = placesOf(index, r)
  const strings: Int32Array[] = []
  for (const kind of [READING_PINYIN, READING_INITIALS]) {
    if ((index.readingFlags[r] & kind) === 0) continue
    const codes: number[] = []
    syllable.forEach((s, i) => {
      if (s < 0) codes.push(codePoint[i])
      else if (kind === READING_PINYIN) codes.push(...foldString(index.syllables[s]))
      else codes.push(index.syllables[s].codePointAt(0)!)
    })
    strings.push(Int32Array.from(codes))
  }
  return strings
}
