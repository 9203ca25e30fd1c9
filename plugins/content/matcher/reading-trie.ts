import { Int32Buffer } from './key-list.js'

/** The first and last folded Latin letters. */
export const LETTER_A = 0x61
const LETTER_Z = 0x7a
/** Trie edge ids: an ideograph place's syllable (or initial) id is >= 0, a fixed code point's -(cp + 1). */
const ID_OFFSET = 0x200000
/** Sorting packs an id (plus ID_OFFSET, below 2^22) and a node (below 2^26) into one float. */
const NODE_SCALE = 2 ** 26

/** The id of the trie edge of a place that is no ideograph: its folded code point. */
export function fixedId(cp: number): number {
  return -(cp + 1)
}

/** True for a folded Latin letter. */
export function isLetter(cp: number): boolean {
  return cp >= LETTER_A && cp <= LETTER_Z
}

/**
 * A trie of the reading owners' places: an ideograph place is read by its syllable (the pinyin trie) or
 * initial (the initials trie), whether the text writes the ideograph or its letters; any other place by
 * its folded code point. Children of node n are ids[first[n]..first[n + 1]) ascending; owners whose places
 * end at n are owners[ownerFirst[n]..ownerFirst[n + 1]).
 */
export class ReadingTrie {
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
    let places = 0
    for (const { ids } of paths) places += ids.length
    const edges = new EdgeTable(places)
    // Typed buffers: no JS array of every node growing (and copied) as it fills.
    const parents = new Int32Buffer()
    const idsOf = new Int32Buffer()
    const endOf = new Int32Buffer()
    parents.push(-1)
    idsOf.push(0)
    for (const { owner, ids, codePoints } of paths) {
      let node = 0
      for (let d = 0; d < ids.length; d++) {
        let child = edges.childOf(node, ids[d])
        if (child < 0) {
          child = parents.length
          parents.push(node)
          idsOf.push(ids[d])
          edges.add(node, ids[d], child)
        }
        node = child
        if (ids[d] >= 0) {
          const list = this.idsOfIdeograph.get(codePoints[d])
          if (list === undefined) this.idsOfIdeograph.set(codePoints[d], [ids[d]])
          else if (!list.includes(ids[d])) list.push(ids[d])
        }
      }
      endOf.push(node)
      endOf.push(owner)
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
    const nodes = parents.length
    const parent = parents.data
    const idOf = idsOf.data
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
    const ends = endOf.view()
    for (let i = 0; i < ends.length; i += 2) this.ownerFirst[ends[i] + 1]++
    for (let n = 0; n < nodes; n++) this.ownerFirst[n + 1] += this.ownerFirst[n]
    this.owners = new Int32Array(ends.length / 2)
    const at = this.ownerFirst.slice(0, nodes)
    for (let i = 0; i < ends.length; i += 2) this.owners[at[ends[i]]++] = ends[i + 1]
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

/** The edges (node, id) -> child of a trie being built: open addressing over typed arrays, sized for `count` edges at most. */
export class EdgeTable {
  private readonly nodes: Int32Array
  private readonly ids: Int32Array
  private readonly children: Int32Array
  private readonly mask: number

  constructor(count: number) {
    let size = 1024
    while (size < count * 2) size *= 2
    this.nodes = new Int32Array(size).fill(-1)
    this.ids = new Int32Array(size)
    this.children = new Int32Array(size)
    this.mask = size - 1
  }

  /** The child of node on id, or -1. */
  childOf(node: number, id: number): number {
    for (let slot = pairHash(node, id) & this.mask; this.nodes[slot] >= 0; slot = (slot + 1) & this.mask) {
      if (this.nodes[slot] === node && this.ids[slot] === id) return this.children[slot]
    }
    return -1
  }

  /** Adds the edge (not there yet). */
  add(node: number, id: number, child: number): void {
    let slot = pairHash(node, id) & this.mask
    while (this.nodes[slot] >= 0) slot = (slot + 1) & this.mask
    this.nodes[slot] = node
    this.ids[slot] = id
    this.children[slot] = child
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

/** A trie of the syllables' letters (see ReadingScan.letterNext). */
export function letterTrie(syllables: string[]): { letterNext: Int32Array; letterSyllable: Int32Array } {
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
