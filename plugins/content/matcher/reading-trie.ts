import { Int32Buffer } from './key-list.js'
import { RankedBits } from './ranked-bits.js'

/** The first and last folded Latin letters. */
export const LETTER_A = 0x61
const LETTER_Z = 0x7a

/** The id of the trie edge of a place that is no ideograph: its folded code point. */
export function fixedId(cp: number): number {
  return -(cp + 1)
}

/** True for a folded Latin letter. */
export function isLetter(cp: number): boolean {
  return cp >= LETTER_A && cp <= LETTER_Z
}

/**
 * The paths a ReadingTrie is built from, back to back: path p is ids[offsets[p]..offsets[p + 1]) (one id per
 * place), the folded code point of each place in codePoints alike, and it ends at owner owners[p].
 */
export interface TriePaths {
  ids: Int32Array
  codePoints: Int32Array
  offsets: Int32Array
  owners: Int32Array
}

/** TriePaths made path by path, place by place (no array per path). */
export class TriePathsBuilder {
  private readonly ids = new Int32Buffer()
  private readonly codePoints = new Int32Buffer()
  private readonly ends = new Int32Buffer()
  private readonly owners = new Int32Buffer()

  /** Adds a place to the path being made. */
  place(id: number, codePoint: number): void {
    this.ids.push(id)
    this.codePoints.push(codePoint)
  }

  /** Ends the path being made: it is owner's. */
  end(owner: number): void {
    this.ends.push(this.ids.length)
    this.owners.push(owner)
  }

  /** The paths made. */
  paths(): TriePaths {
    const offsets = new Int32Array(this.ends.length + 1)
    offsets.set(this.ends.view(), 1)
    return { ids: this.ids.view(), codePoints: this.codePoints.view(), offsets, owners: this.owners.view() }
  }
}

/**
 * A trie of the reading owners' places: an ideograph place is read by its syllable (the pinyin trie) or
 * initial (the initials trie), whether the text writes the ideograph or its letters; any other place by
 * its folded code point. Nodes are numbered breadth first, each node's children by ascending id, so that
 * the children of node n are nodes first[n] + 1..first[n + 1] and their ids ids[first[n]..first[n + 1])
 * (no table of children). The owners whose places end at node n, when it is one of the ownerNodes, are
 * owners[ownerFirst[r]..ownerFirst[r + 1]) for its rank r among them (ownerNodes.rankOf): most nodes end no path.
 */
export class ReadingTrie {
  readonly first: Int32Array
  readonly ids: Int32Array
  /** The nodes some path ends at. */
  readonly ownerNodes: RankedBits
  readonly ownerFirst: Int32Array
  readonly owners: Int32Array
  /** The ids a folded ideograph takes at the places of the owners (polyphones take several). */
  readonly idsOfIdeograph = new Map<number, number[]>()
  /** The ids of owners of one place only (see mayReplace). */
  readonly solo = new Set<number>()
  /** A Bloom filter of the ids of every two neighbouring places of an owner (see hasPair). */
  private readonly pairs: Int32Array
  private readonly pairShift: number

  constructor({ ids, codePoints, offsets, owners }: TriePaths) {
    const count = owners.length
    for (let at = 0; at < ids.length; at++) {
      if (ids[at] < 0) continue
      const list = this.idsOfIdeograph.get(codePoints[at])
      if (list === undefined) this.idsOfIdeograph.set(codePoints[at], [ids[at]])
      else if (!list.includes(ids[at])) list.push(ids[at])
    }
    const pairCount = Math.max(0, ids.length - count)
    const bitsLog = Math.min(24, Math.max(10, Math.ceil(Math.log2(pairCount * PAIR_BITS + 1))))
    this.pairs = new Int32Array(1 << (bitsLog - 5))
    this.pairShift = 32 - (bitsLog - 5)
    for (let p = 0; p < count; p++) {
      if (offsets[p + 1] - offsets[p] === 1) this.solo.add(ids[offsets[p]])
      for (let at = offsets[p] + 1; at < offsets[p + 1]; at++) {
        const h = pairHash(ids[at - 1], ids[at])
        this.pairs[h >>> this.pairShift] |= pairBit(h)
      }
    }
    const { parents, nodeIds, ends } = depthFirstNodes(ids, offsets)
    const nodes = parents.length
    // The children of each depth-first node, in the order made (ascending ids: the paths were sorted).
    const childFirst = new Int32Array(nodes + 1)
    for (let n = 1; n < nodes; n++) childFirst[parents[n] + 1]++
    for (let n = 0; n < nodes; n++) childFirst[n + 1] += childFirst[n]
    const children = new Int32Array(Math.max(0, nodes - 1))
    const fill = childFirst.slice(0, nodes)
    for (let n = 1; n < nodes; n++) children[fill[parents[n]]++] = n
    // Breadth first: node b's children get the next numbers.
    const queue = new Int32Array(nodes)
    const numberOf = new Int32Array(nodes)
    this.first = new Int32Array(nodes + 1)
    this.ids = new Int32Array(Math.max(0, nodes - 1))
    let next = 1
    for (let b = 0; b < nodes; b++) {
      const n = queue[b]
      this.first[b] = next - 1
      for (let at = childFirst[n]; at < childFirst[n + 1]; at++) {
        const child = children[at]
        numberOf[child] = next
        queue[next] = child
        this.ids[next - 1] = nodeIds[child]
        next++
      }
    }
    this.first[nodes] = nodes - 1
    const ending = new Uint8Array(nodes)
    for (let p = 0; p < count; p++) ending[numberOf[ends[p]]] = 1
    this.ownerNodes = new RankedBits(nodes, n => ending[n] === 1)
    const rankOfEnd = (p: number): number => this.ownerNodes.rankOf(numberOf[ends[p]])
    const ranks = this.ownerNodes.count
    this.ownerFirst = new Int32Array(ranks + 1)
    for (let p = 0; p < count; p++) this.ownerFirst[rankOfEnd(p) + 1]++
    for (let r = 0; r < ranks; r++) this.ownerFirst[r + 1] += this.ownerFirst[r]
    this.owners = new Int32Array(count)
    const at = this.ownerFirst.slice(0, ranks)
    for (let p = 0; p < count; p++) this.owners[at[rankOfEnd(p)]++] = owners[p]
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
      if (d === 0) return mid + 1
      if (d < 0) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
}

/**
 * The trie's nodes numbered depth first (node 0 the root): each node's parent and id, and the node each path
 * ends at. The paths are taken in the order of their ids (a prefix first), so that each shares with the one
 * before it the nodes of their common prefix: no table of edges, and each node's children come in ascending ids.
 */
function depthFirstNodes(
  ids: Int32Array,
  offsets: Int32Array,
): { parents: Int32Array; nodeIds: Int32Array; ends: Int32Array } {
  const count = offsets.length - 1
  const order = new Int32Array(count)
  let longest = 0
  for (let p = 0; p < count; p++) {
    order[p] = p
    longest = Math.max(longest, offsets[p + 1] - offsets[p])
  }
  order.sort((x, y) => {
    const xEnd = offsets[x + 1]
    const yEnd = offsets[y + 1]
    for (let i = offsets[x], j = offsets[y]; i < xEnd && j < yEnd; i++, j++) {
      if (ids[i] !== ids[j]) return ids[i] - ids[j]
    }
    return xEnd - offsets[x] - (yEnd - offsets[y])
  })
  const parents = new Int32Buffer(ids.length + 1)
  const nodeIds = new Int32Buffer(ids.length + 1)
  parents.push(-1)
  nodeIds.push(0)
  const ends = new Int32Array(count)
  // The nodes of the path before, by depth.
  const path = new Int32Array(longest + 1)
  let before = -1
  for (let i = 0; i < count; i++) {
    const p = order[i]
    const start = offsets[p]
    const length = offsets[p + 1] - start
    let common = 0
    if (before >= 0) {
      const limit = Math.min(length, offsets[before + 1] - offsets[before])
      while (common < limit && ids[start + common] === ids[offsets[before] + common]) common++
    }
    for (let d = common; d < length; d++) {
      path[d + 1] = parents.length
      parents.push(path[d])
      nodeIds.push(ids[start + d])
    }
    ends[p] = path[length]
    before = p
  }
  return { parents: parents.view(), nodeIds: nodeIds.view(), ends }
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
