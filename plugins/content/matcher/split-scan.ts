import { add, type Found } from './candidate-rules.js'
import { MAX_FORMS_PER_KIND, pairedAlternatives } from './expand.js'
import { SKIP, bmpFoldTable, expansionOf, foldCodePoint, isExpansion } from './fold-table.js'
import { spanOfHit } from './hit-span.js'
import type { IdArray } from './key-list.js'
import { foldString } from './normalize.js'
import { EdgeTable, ReadingTrie, TriePathsBuilder, fixedId } from './reading-trie.js'
import type { TermIndex } from './term-index.js'

/** A split owner whose form a text span is (see SplitScan.ownersOf); use is 1 for an allowed phrase. */
export interface SplitOwnerOfHit {
  order: number
  category: number
  use: number
  term: string
  kind: 'split'
  form: string
}

const NO_OWNERS: SplitOwnerOfHit[] = []
/** Fields of one found form in SplitScan.found: start, end, owner, form index, then two (place, split) pairs. */
const FIELDS = 8

/**
 * Finds the split forms of the split owners (SplitTables, see split-owners.ts) in a text, as if they were
 * keys: the owner's text with one character written as one of its splits, or two characters as splits
 * among the first pairedAlternatives of theirs, at least one split of two code points or more, and the
 * form among the first MAX_FORMS_PER_KIND expandTerm enumerates (its index counts every split form before
 * it). The text's folded code points are walked along a trie of the owners' folded characters from each
 * place a form holding a hit of an anchor (a long split) may start; a character's edge is also taken by
 * each of its splits. Of the ways one owner's form is read at one span, the first enumerated is the form.
 */
export class SplitScan {
  private readonly trie: ReadingTrie
  /** The split list of each place of each owner (places are the text's characters, one code point each). */
  private readonly places: IdArray
  private readonly placeFirst: Int32Array
  /** List l's splits are split ids listSplits[listFirst[l]..listFirst[l + 1]), as written listWritten[l]. */
  private readonly listFirst: Int32Array
  private readonly listSplits: Int32Array
  private readonly listWritten: string[][]
  /** Split s (a distinct folded split) is a split of the folded characters splitChars[splitCharFirst[s]..[s + 1]). */
  private readonly splitCharFirst: Int32Array
  private readonly splitChars: Int32Array
  /** 1 for a split of two code points or more. */
  private readonly splitLong: Uint8Array
  /** The folded splits as a trie: node 0 the root, splitEdges its edges, splitAt the split ending at a node. */
  private readonly splitEdges: EdgeTable
  private readonly splitAt: Int32Array
  private readonly back: number
  private readonly path: Int32Array
  private readonly found: number[] = []
  /** Per span: its first found entry, the end of its entries, and 1 once an automaton hit took it (see ownersOf). */
  private readonly spans: number[] = []
  private cps = new Int32Array(256)
  private ends = new Int32Array(256)
  private tails = new Int32Array(256)
  private starts = new Uint8Array(256)

  constructor(private readonly index: TermIndex) {
    const owners = index.splitCategory.length
    this.places = index.splitPlaces
    this.placeFirst = index.splitOffsets
    const listCount = index.splitLists.length
    this.listWritten = index.splitLists.map(list => (list === '' ? [] : list.split('\t')))
    const idOfSplit = new Map<string, number>()
    const listFirst = new Int32Array(listCount + 1)
    const listSplits: number[] = []
    const lengths: number[] = []
    let longest = 1
    for (let l = 0; l < listCount; l++) {
      for (const split of this.listWritten[l]) {
        const folded = String.fromCodePoint(...foldString(split))
        let s = idOfSplit.get(folded)
        if (s === undefined) {
          s = lengths.length
          idOfSplit.set(folded, s)
          lengths.push([...folded].length)
        }
        listSplits.push(s)
        longest = Math.max(longest, [...folded].length)
      }
      listFirst[l + 1] = listSplits.length
    }
    this.listFirst = listFirst
    this.listSplits = Int32Array.from(listSplits)
    this.splitLong = Uint8Array.from(lengths, n => (n >= 2 ? 1 : 0))
    const charOfList = new Int32Array(listCount).fill(-1)
    const paths = new TriePathsBuilder()
    let maxPlaces = 1
    for (let r = 0; r < owners; r++) {
      let i = 0
      for (const c of index.texts[index.splitText[r]]) {
        const cp = foldString(c)[0]
        paths.place(fixedId(cp), cp)
        const l = this.places[this.placeFirst[r] + i++]
        if (l > 0) charOfList[l] = cp
      }
      paths.end(r)
      maxPlaces = Math.max(maxPlaces, i)
    }
    this.trie = new ReadingTrie(paths.paths())
    const charsOf: number[][] = lengths.map(() => [])
    for (let l = 1; l < listCount; l++) {
      for (let at = listFirst[l]; at < listFirst[l + 1]; at++) {
        const list = charsOf[this.listSplits[at]]
        if (charOfList[l] >= 0 && !list.includes(charOfList[l])) list.push(charOfList[l])
      }
    }
    this.splitCharFirst = new Int32Array(lengths.length + 1)
    charsOf.forEach((list, s) => {
      this.splitCharFirst[s + 1] = this.splitCharFirst[s] + list.length
    })
    this.splitChars = Int32Array.from(charsOf.flat())
    let nodes = 1
    const splitAt = [-1]
    this.splitEdges = new EdgeTable(lengths.reduce((n, x) => n + x, 0))
    for (const [folded, s] of idOfSplit) {
      let node = 0
      for (const c of folded) {
        const cp = c.codePointAt(0)!
        let child = this.splitEdges.childOf(node, cp)
        if (child < 0) {
          child = nodes++
          splitAt.push(-1)
          this.splitEdges.add(node, cp, child)
        }
        node = child
      }
      splitAt[node] = s
    }
    this.splitAt = Int32Array.from(splitAt)
    this.back = maxPlaces - 1 + longest - 1
    this.path = new Int32Array(maxPlaces)
  }

  /** True if there is no split owner. */
  get empty(): boolean {
    return this.index.splitCategory.length === 0
  }

  /**
   * Finds the split forms of the text that hold one of the anchor hits (end, tail and length of each, as
   * the automaton reports them); returns how many spans hold one.
   */
  find(text: string, anchors: number[]): number {
    this.found.length = 0
    this.spans.length = 0
    const n = this.fold(text)
    if (n === 0) return 0
    const { ends, tails, starts } = this
    starts.fill(0, 0, n)
    for (let a = 0; a < anchors.length; a += 3) {
      let lo = 0
      let hi = n - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (ends[mid] <= anchors[a]) lo = mid
        else hi = mid - 1
      }
      const last = lo - anchors[a + 1]
      if (last < 0 || ends[last] !== anchors[a] || tails[last] !== anchors[a + 1]) continue
      const first = last - anchors[a + 2] + 1
      for (let p = Math.max(0, first - this.back); p <= first; p++) starts[p] = 1
    }
    for (let p = 0; p < n; p++) if (starts[p] === 1) this.walk(0, p, p, 0, 0, n)
    if (this.found.length > 0) this.group()
    return this.spans.length / 3
  }

  /**
   * The split owners whose form the span (end, tail, length: an automaton hit) is, in owner order; they are
   * then left to that hit (see addRest).
   */
  ownersOf(end: number, tail: number, length: number): SplitOwnerOfHit[] {
    const { spans, found, ends, tails, index } = this
    for (let i = 0; i < spans.length; i += 3) {
      const at = spans[i]
      const start = found[at]
      const stop = found[at + 1]
      if (ends[stop - 1] !== end || tails[stop - 1] !== tail || stop - start !== length) continue
      spans[i + 2] = 1
      const owners: SplitOwnerOfHit[] = []
      for (let f = at; f < spans[i + 1]; f += FIELDS) {
        const r = found[f + 2]
        owners.push({
          order: index.splitOrder[r],
          category: index.splitCategory[r],
          use: index.splitIsAllowPhrase[r],
          term: index.texts[index.splitText[r]],
          kind: 'split',
          form: this.formOf(f),
        })
      }
      return owners
    }
    return NO_OWNERS
  }

  /** Adds the candidates of the spans found that no automaton hit took (see ownersOf), the first owner of each category and use. */
  addRest(into: Found): void {
    const { spans, found, cps, ends, tails, index } = this
    const kept = new Set<number>()
    for (let i = 0; i < spans.length; i += 3) {
      if (spans[i + 2] === 1) continue
      const at = spans[i]
      const start = found[at]
      const stop = found[at + 1]
      const span = spanOfHit(into.text, ends[stop - 1], tails[stop - 1], cps.subarray(start, stop))
      kept.clear()
      for (let f = at; f < spans[i + 1]; f += FIELDS) {
        const r = found[f + 2]
        const use = index.splitCategory[r] * 2 + index.splitIsAllowPhrase[r]
        if (kept.has(use)) continue
        kept.add(use)
        const category = index.categories[index.splitCategory[r]]
        const term = index.texts[index.splitText[r]]
        add(
          into,
          span,
          ends[stop - 1],
          category,
          term,
          index.splitIsAllowPhrase[r] === 1,
          false,
          'split',
          this.formOf(f),
        )
      }
    }
  }

  /** Folds the text into cps, ends and tails (as the automaton reads it, skipped characters left out); returns how many. */
  private fold(text: string): number {
    if (this.cps.length < text.length * 4) this.reserve(text.length * 4)
    const bmp = bmpFoldTable()
    let n = 0
    for (let i = 0; i < text.length; i++) {
      const unit = bmp[text.charCodeAt(i)]
      if (unit >= 0) {
        this.cps[n] = unit
        this.ends[n] = i + 1
        this.tails[n++] = 0
        continue
      }
      if (unit === SKIP) continue
      const cp = text.codePointAt(i)!
      if (cp > 0xffff) i++
      const f = foldCodePoint(cp)
      if (f === SKIP) continue
      const folded = isExpansion(f) ? expansionOf(f) : [f]
      if (n + folded.length > this.cps.length) {
        this.reserve(foldString(text).length)
        return this.fold(text)
      }
      for (let k = 0; k < folded.length; k++) {
        this.cps[n] = folded[k]
        this.ends[n] = i + 1
        this.tails[n++] = folded.length - 1 - k
      }
    }
    return n
  }

  /** Grows the folded text's arrays to hold `size` code points. */
  private reserve(size: number): void {
    this.cps = new Int32Array(size)
    this.ends = new Int32Array(size)
    this.tails = new Int32Array(size)
    this.starts = new Uint8Array(size)
  }

  /** Walks the trie from node (depth places read, `swaps` of them as splits, the next at token t). */
  private walk(node: number, start: number, t: number, depth: number, swaps: number, n: number): void {
    const { trie, cps } = this
    if (swaps > 0 && trie.ownerNodes.has(node)) this.ownersAt(node, start, t, depth)
    if (t >= n || trie.first[node] === trie.first[node + 1]) return
    const own = trie.child(node, fixedId(cps[t]))
    if (own >= 0) {
      this.path[depth] = -1
      this.walk(own, start, t + 1, depth + 1, swaps, n)
    }
    if (swaps === 2) return
    for (let l = 0, u = t; u < n; u++) {
      l = this.splitEdges.childOf(l, cps[u])
      if (l < 0) return
      const s = this.splitAt[l]
      if (s < 0) continue
      for (let at = this.splitCharFirst[s]; at < this.splitCharFirst[s + 1]; at++) {
        const child = trie.child(node, fixedId(this.splitChars[at]))
        if (child < 0) continue
        this.path[depth] = s
        this.walk(child, start, u + 1, depth + 1, swaps + 1, n)
      }
    }
  }

  /** Records each owner whose places end at node, read from token start to t, if that reading is one of its split forms. */
  private ownersAt(node: number, start: number, t: number, depth: number): void {
    const { trie, places, placeFirst, listFirst, listSplits } = this
    const rank = trie.ownerNodes.rankOf(node)
    for (let at = trie.ownerFirst[rank]; at < trie.ownerFirst[rank + 1]; at++) {
      const r = trie.owners[at]
      const swapped = [-1, -1, -1, -1]
      let k = 0
      let long = false
      for (let d = 0; d < depth && k >= 0; d++) {
        const s = this.path[d]
        if (s < 0) continue
        const l = places[placeFirst[r] + d]
        let j = -1
        for (let x = listFirst[l]; x < listFirst[l + 1] && j < 0; x++) if (listSplits[x] === s) j = x - listFirst[l]
        if (j < 0) k = -1
        else {
          swapped[k++] = d
          swapped[k++] = j
          if (this.splitLong[s] === 1) long = true
        }
      }
      if (k < 0 || !long) continue
      const index = this.formIndex(r, swapped)
      if (index >= 0) this.found.push(start, t, r, index, ...swapped)
    }
  }

  /**
   * The index among owner r's split forms (as expandTerm's substitute enumerates them, the cap counting every
   * one) of the form with splits (place, split index) in `swapped`, or -1 if the enumeration stops before it.
   */
  private formIndex(r: number, swapped: number[]): number {
    const { places, placeFirst, listFirst } = this
    const count = (d: number): number => {
      const l = places[placeFirst[r] + d]
      return listFirst[l + 1] - listFirst[l]
    }
    const depth = placeFirst[r + 1] - placeFirst[r]
    const [d1, j1, d2, j2] = swapped
    let singles = 0
    let positions = 0
    let before = 0
    for (let d = 0; d < depth; d++) {
      const c = count(d)
      if (c === 0) continue
      positions++
      if (d < d1) before += c
      singles += c
    }
    if (d2 < 0) return before + j1 < MAX_FORMS_PER_KIND ? before + j1 : -1
    const paired = pairedAlternatives(positions)
    if (j1 >= paired || j2 >= paired) return -1
    let index = singles
    for (let x = 0; x < depth; x++) {
      const cx = Math.min(paired, count(x))
      if (cx === 0) continue
      for (let y = x + 1; y < depth; y++) {
        const cy = Math.min(paired, count(y))
        if (cy === 0) continue
        if (x === d1 && y === d2) return index + j1 * cy + j2 < MAX_FORMS_PER_KIND ? index + j1 * cy + j2 : -1
        index += cx * cy
        if (index >= MAX_FORMS_PER_KIND) return -1
      }
    }
    return -1
  }

  /**
   * Sorts the forms found by span and owner order, keeps the first enumerated of each owner and span, and
   * lists the spans (see spans).
   */
  private group(): void {
    const { found, index } = this
    const order: number[] = []
    for (let f = 0; f < found.length; f += FIELDS) order.push(f)
    order.sort(
      (x, y) =>
        found[x] - found[y] ||
        found[x + 1] - found[y + 1] ||
        index.splitOrder[found[x + 2]] - index.splitOrder[found[y + 2]] ||
        found[x + 3] - found[y + 3],
    )
    const kept: number[] = []
    for (const f of order) {
      const last = kept.length - FIELDS
      if (last >= 0 && kept[last] === found[f] && kept[last + 1] === found[f + 1] && kept[last + 2] === found[f + 2])
        continue
      for (let i = 0; i < FIELDS; i++) kept.push(found[f + i])
    }
    found.length = 0
    found.push(...kept)
    for (let f = 0; f < found.length; f += FIELDS) {
      if (f > 0 && found[f] === found[f - FIELDS] && found[f + 1] === found[f + 1 - FIELDS]) {
        this.spans[this.spans.length - 2] = f + FIELDS
        continue
      }
      this.spans.push(f, f + FIELDS, 0)
    }
  }

  /** The form of found entry f as written: the owner's text with its split places written as those splits. */
  private formOf(f: number): string {
    const { found, index } = this
    const r = found[f + 2]
    const out = [...index.texts[index.splitText[r]]]
    for (let k = 4; k < FIELDS; k += 2) {
      const d = found[f + k]
      if (d < 0) continue
      const l = this.places[this.placeFirst[r] + d]
      out[d] = this.listWritten[l][found[f + k + 1]]
    }
    return out.join('')
  }
}
