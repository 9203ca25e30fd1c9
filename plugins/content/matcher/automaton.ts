import { CellAllocator } from './cell-allocator.js'
import { keyCount, type KeyList } from './key-list.js'

/**
 * A double-array trie of the keys over alphabet codes 1..alphabetSize (no failure links: every scan
 * walks it forward from where a key may start, see start-scan.ts and scanner.ts). A state is a cell
 * index; the root is cell 0, its base is 0 and it has a child on every code, so the root's child on
 * code a is always cell a. Cell s is stored as the pair cells[2s] = base << 1 | (1 if a key ends in s),
 * cells[2s + 1] = check (the parent state, -1 if free). The transition from s on code a is
 * t = base(s) + a when check(t) === s. Base and check of a state share a cache line.
 */
export interface Automaton {
  cells: Int32Array
  /** The state key i (in the order given) ends in. */
  endOf: Int32Array
}

/**
 * The keys in ascending order of their codes (a key before its extensions), copied back to back in that
 * order (`codes`, `offsets`), with `order[i]` the index of the i-th key in the list given.
 */
function sortedKeys(keys: KeyList, alphabetSize: number): KeyList & { order: Int32Array } {
  const { codes, offsets } = keys
  const n = keyCount(keys)
  const order = orderOfKeys(keys, alphabetSize)
  const sortedCodes = new Int32Array(codes.length)
  const sortedOffsets = new Int32Array(n + 1)
  for (let i = 0, at = 0; i < n; i++) {
    const k = order[i]
    for (let c = offsets[k]; c < offsets[k + 1]; c++) sortedCodes[at++] = codes[c]
    sortedOffsets[i + 1] = at
  }
  return { codes: sortedCodes, offsets: sortedOffsets, order }
}

/**
 * The indexes of the keys in ascending order of their codes: by their first code by counting, then two
 * codes at a time: a run of keys that share their first `depth` codes is ordered by its next two codes
 * with the key's place in the run packed below them into one float (a numeric sort, no comparator call;
 * a code past a key's end is 0, so a key sorts before its extensions), then each run that shares those
 * too from depth + 2. Small runs, and every run when the packing does not fit a float (huge alphabets),
 * take a comparator.
 */
function orderOfKeys(keys: KeyList, alphabetSize: number): Int32Array {
  const { codes, offsets } = keys
  const n = keyCount(keys)
  const order = new Int32Array(n)
  const codeBits = Math.ceil(Math.log2(alphabetSize + 1))
  const codeScale = 2 ** codeBits
  const fits = 2 * codeBits + Math.ceil(Math.log2(n + 1)) <= 52
  const codeAt = (k: number, depth: number): number =>
    offsets[k] + depth < offsets[k + 1] ? codes[offsets[k] + depth] : 0
  const compareFrom =
    (depth: number) =>
    (x: number, y: number): number => {
      const ax = offsets[x]
      const ay = offsets[y]
      const lx = offsets[x + 1] - ax
      const ly = offsets[y + 1] - ay
      const m = Math.min(lx, ly)
      for (let i = depth; i < m; i++) {
        const d = codes[ax + i] - codes[ay + i]
        if (d !== 0) return d
      }
      return lx - ly
    }
  const sortRun = (from: number, to: number, depth: number): void => {
    const length = to - from
    if (length <= SMALL_RUN) {
      insertionSort(keys, order, from, to, depth)
      return
    }
    if (!fits) {
      order.subarray(from, to).sort(compareFrom(depth))
      return
    }
    const placeScale = 2 ** Math.ceil(Math.log2(length + 1))
    const run = order.slice(from, to)
    const packed = new Float64Array(length)
    for (let i = 0; i < length; i++) {
      const k = run[i]
      packed[i] = (codeAt(k, depth) * codeScale + codeAt(k, depth + 1)) * placeScale + i
    }
    packed.sort()
    for (let i = 0; i < length; i++) order[from + i] = run[packed[i] % placeScale]
    for (let i = 0; i < length; ) {
      const pair = Math.floor(packed[i] / placeScale)
      let j = i + 1
      while (j < length && Math.floor(packed[j] / placeScale) === pair) j++
      if (j - i > 1 && pair % codeScale !== 0) sortRun(from + i, from + j, depth + 2)
      i = j
    }
  }
  // The first code by counting (one pass in key order), then each run of one first code from depth 1.
  const firsts = new Int32Array(alphabetSize + 2)
  for (let k = 0; k < n; k++) firsts[codes[offsets[k]] + 1]++
  for (let a = 1; a < firsts.length; a++) firsts[a] += firsts[a - 1]
  const at = firsts.slice()
  for (let k = 0; k < n; k++) order[at[codes[offsets[k]]]++] = k
  for (let a = 1; a <= alphabetSize; a++) if (firsts[a + 1] - firsts[a] > 1) sortRun(firsts[a], firsts[a + 1], 1)
  return order
}

/** Runs of at most this many keys are sorted by insertion (see orderOfKeys). */
const SMALL_RUN = 16

/**
 * Sorts order[from..to) by the keys' codes from `depth` on (a key before its extensions): an insertion
 * sort with the comparison inline, for the many small runs (no comparator closure, no subarray per run).
 */
function insertionSort(keys: KeyList, order: Int32Array, from: number, to: number, depth: number): void {
  const { codes, offsets } = keys
  for (let i = from + 1; i < to; i++) {
    const k = order[i]
    const ak = offsets[k]
    const lk = offsets[k + 1] - ak
    let j = i - 1
    for (; j >= from; j--) {
      const x = order[j]
      const ax = offsets[x]
      const lx = offsets[x + 1] - ax
      const m = Math.min(lx, lk)
      let d = 0
      for (let c = depth; c < m && d === 0; c++) d = codes[ax + c] - codes[ak + c]
      if ((d === 0 ? lx - lk : d) <= 0) break
      order[j + 1] = x
    }
    order[j + 1] = k
  }
}

/**
 * The cells of the automaton under construction, as they will be stored (see Automaton) but with
 * check + 1 (0 for a free cell), so that a grown array needs no fill: a new array is zeros already, and
 * filling it would touch every page of it (a page fault each, the first time), most of which the build
 * never writes.
 */
class Cells {
  pairs: Int32Array = new Int32Array(0)

  /** How many cells there is room for. */
  get capacity(): number {
    return this.pairs.length >>> 1
  }

  ensure(size: number): void {
    if (size <= this.capacity) return
    const pairs = new Int32Array(2 * Math.max(size, this.capacity * 2, 1024))
    pairs.set(this.pairs)
    this.pairs = pairs
  }
}

/**
 * Builds the automaton for non-empty keys of codes in 1..alphabetSize (equal keys end in the same state,
 * so a key list need not be made distinct first). The states are placed
 * breadth first; the queue holds two values a state, its cell and where its keys start in sorted order:
 * they end where the next state's of the same depth start (the keys in between are shorter than that
 * depth, so they are skipped, as is a key that ends at the state itself), or at the last key.
 */
export function buildAutomaton(keys: KeyList, alphabetSize: number): Automaton {
  const { codes: sorted, offsets: starts, order } = sortedKeys(keys, alphabetSize)
  const count = order.length
  const totalLength = sorted.length
  const cells = new CellAllocator(totalLength + alphabetSize + 2)
  const built = new Cells()
  built.ensure(cells.capacity)
  const endOf = new Int32Array(count)
  cells.take(0)
  const queue = new Int32Array((totalLength + alphabetSize + 1) * 2)
  let head = 0
  let tail = 2 // the root: cell 0, keys from 0
  let depth = 0
  let levelEnd = tail
  /** The current node's child codes and their key ranges (first `n` of each; the root has every code). */
  const codes = new Int32Array(alphabetSize + 1)
  const ranges = new Int32Array(2 * (alphabetSize + 1))
  let n = 0
  let maxBase = 0
  const cursor = { wide: 0 }
  while (head < tail) {
    if (head === levelEnd) {
      depth++
      levelEnd = tail
    }
    const node = queue[head]
    const lo = queue[head + 1]
    head += 2
    const hi = head < levelEnd ? queue[head + 1] : count
    n = 0
    for (let i = lo; i < hi; ) {
      if (starts[i + 1] - starts[i] <= depth) {
        i++
        continue
      }
      const code = sorted[starts[i] + depth]
      let j = i + 1
      while (j < hi && starts[j + 1] - starts[j] > depth && sorted[starts[j] + depth] === code) j++
      codes[n] = code
      ranges[2 * n] = i
      ranges[2 * n + 1] = j
      n++
      i = j
    }
    if (node === 0) n = giveRootEveryCode(codes, ranges, n, alphabetSize, count)
    if (n === 0) continue
    const b = node === 0 ? 0 : placeChildren(cells, codes, n, cursor)
    built.ensure(Math.max(cells.capacity, b + alphabetSize + 1))
    const { pairs } = built
    pairs[2 * node] |= b << 1
    maxBase = Math.max(maxBase, b)
    for (let k = 0; k < n; k++) {
      const child = b + codes[k]
      cells.take(child)
      pairs[2 * child + 1] = node + 1
      const first = ranges[2 * k]
      // The keys that end here (equal keys, sorted first in the child's range) all end in the child.
      for (let e = first; e < ranges[2 * k + 1] && starts[e + 1] - starts[e] === depth + 1; e++) {
        endOf[order[e]] = child
        pairs[2 * child] = 1
      }
      queue[tail++] = child
      queue[tail++] = first
    }
  }
  return { cells: finish(built, maxBase + alphabetSize + 1), endOf }
}

/**
 * Makes the root have a child on every code (an empty key range for codes that start no key, placed where
 * the next code's keys start, so that the ranges stay back to back), so the state after any letter that
 * extends no longer prefix is simply the cell of its code. Takes the root's first `n` (ascending) codes
 * and ranges; returns the new count, alphabetSize.
 */
function giveRootEveryCode(
  codes: Int32Array,
  ranges: Int32Array,
  n: number,
  alphabetSize: number,
  total: number,
): number {
  let k = n - 1
  let next = total
  for (let code = alphabetSize; code >= 1; code--) {
    let lo = next
    let hi = next
    if (k >= 0 && codes[k] === code) {
      lo = ranges[2 * k]
      hi = ranges[2 * k + 1]
      k--
    }
    codes[code - 1] = code
    ranges[2 * (code - 1)] = lo
    ranges[2 * (code - 1) + 1] = hi
    next = lo
  }
  return alphabetSize
}

/** Nodes with more children than this are placed from their own cursor (see placeChildren). */
const WIDE_NODE = 8

/**
 * Finds a base so that base + code is free for every (ascending) child code, the first n of `codes`. Wide nodes (many
 * children with far-apart codes, e.g. a pinyin syllable followed by many characters in mixed forms)
 * rarely fit in the dense start of the array: they search from where the previous wide node went,
 * so that the build stays near-linear instead of rescanning the array for each of them.
 */
function placeChildren(cells: CellAllocator, codes: Int32Array, n: number, cursor: { wide: number }): number {
  const first = codes[0]
  const wide = n > WIDE_NODE
  const from = wide ? Math.max(first + 1, cursor.wide) : first + 1
  for (let p = cells.findFree(from); ; p = cells.findFree(p + 1)) {
    const b = p - first
    let fits = true
    for (let k = 1; k < n && fits; k++) fits = cells.isFree(b + codes[k])
    if (fits) {
      if (wide) cursor.wide = p
      return b
    }
  }
}

/**
 * The cells trimmed (keeping base(s) + code in bounds for every state and code), each check stored as it
 * is (-1 for a free cell), in place: a view of the built cells.
 */
function finish(built: Cells, minLength: number): Int32Array {
  let used = built.capacity
  while (used > 1 && built.pairs[2 * used - 1] === 0) used--
  const length = Math.max(used, minLength)
  built.ensure(length)
  const { pairs } = built
  for (let s = 1; s < 2 * length; s += 2) pairs[s]--
  return pairs.subarray(0, 2 * length)
}
