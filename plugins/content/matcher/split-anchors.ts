import type { CompiledTables } from './compiled-tables.js'
import { keyEndingIn } from './key-ends.js'
import { CELLS_SLOT } from './scan-table.js'
import { splitAnchorsOf } from './split-owners.js'

/**
 * Which ANCHOR images (see image-info.ts) are anchors of the split owners (splitAnchorsOf), as one flag
 * stands for the reading owners' anchors and theirs: a hit of an anchor of the reading owners alone needs no
 * split walk (every split form writes a split anchor, whose own hit starts the walk around it), and a hit of
 * a split anchor that holds no code of a letter of the reading owners' syllables needs no reading scan (every
 * reading anchor writes one, see anchorsOf, so no reading anchor is that image). Derived when a matcher is
 * made (never stored).
 */
export interface SplitAnchors {
  /** The images of the split anchors. */
  images: ReadonlySet<number>
  /** Those of them that hold no code of a syllable's letter: no reading anchor is one of them. */
  splitOnly: ReadonlySet<number>
}

/** The split anchors' images of compiled tables: each anchor's codes walked down the automaton's trie from its root. */
export function splitAnchorsIn(tables: CompiledTables): SplitAnchors {
  const { index, alphabet } = tables
  const letters = new Set<number>()
  for (const syllable of index.syllables)
    for (const letter of syllable) letters.add(alphabet.codeOf(letter.codePointAt(0)!))
  letters.delete(0)
  const images = new Set<number>()
  const splitOnly = new Set<number>()
  for (const anchor of splitAnchorsOf(index)) {
    const c = anchorImageOf(tables, anchor)
    images.add(c)
    if (![...anchor].some(ch => letters.has(alphabet.codeOf(ch.codePointAt(0)!)))) splitOnly.add(c)
  }
  return { images, splitOnly }
}

/** The class image an anchor is (its codes walked down the automaton's trie from its root); throws if it is no key. */
export function anchorImageOf(tables: CompiledTables, anchor: string): number {
  const { alphabet, arena, links } = tables
  const cells = arena[CELLS_SLOT]
  let s = 0
  for (const ch of anchor) {
    const a = alphabet.codeOf(ch.codePointAt(0)!)
    const t = (arena[cells + (s << 1)] >> 1) + a
    if (a === 0 || arena[cells + (t << 1) + 1] !== s) throw new Error(`anchor ${anchor} is no key of the automaton`)
    s = t
  }
  const c = keyEndingIn(links, s)
  if (c < 0) throw new Error(`anchor ${anchor} is no key of the automaton`)
  return c
}
