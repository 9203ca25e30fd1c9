import { buildAlphabet, type Alphabet } from './alphabet.js'
import { buildAutomaton } from './automaton.js'
import { buildScanArena } from './scan-table.js'
import type { HitLinks } from './scanner.js'
import { indexTerms, keyAt, type TermIndex } from './term-index.js'
import type { Dictionary } from './types.js'

/** What compiling a dictionary's terms produces: everything the scanner reads (and the matcher cache keeps). */
export interface CompiledTables {
  index: TermIndex
  alphabet: Alphabet
  arena: Int32Array
  links: HitLinks
}

/** Expands and indexes the terms, then builds the automaton and its scan arena (the costly part of a compile). */
export function compileTables(dictionary: Dictionary): CompiledTables {
  const index = indexTerms(dictionary)
  const alphabet = buildAlphabet(index.keyCodePoints)
  const keys: Int32Array[] = []
  for (let k = 0; k < index.keyCount; k++) keys.push(keyAt(index, k).map(alphabet.codeOf))
  const automaton = buildAutomaton(keys, alphabet.size)
  const arena = buildScanArena(alphabet, automaton, keys)
  return { index, alphabet, arena, links: { out: automaton.out, report: automaton.report } }
}
