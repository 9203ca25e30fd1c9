import { buildAlphabet, type Alphabet } from './alphabet.js'
import { buildAutomaton } from './automaton.js'
import { buildScanArena } from './scan-table.js'
import type { HitLinks } from './scanner.js'
import { classKeysOf, substitutionClasses } from './substitution-classes.js'
import { indexTerms, type TermIndex } from './term-index.js'
import type { Dictionary } from './types.js'

/** What compiling a dictionary's terms produces: everything the scanner reads (and the matcher cache keeps). */
export interface CompiledTables {
  index: TermIndex
  alphabet: Alphabet
  arena: Int32Array
  /** The automaton's key ends: its keys are the class keys (see ClassKeys), not the index's keys. */
  links: HitLinks
  /** Keys of class key c: classMembers[classOffsets[c]..classOffsets[c + 1]) (see ClassKeys). */
  classOffsets: Int32Array
  classMembers: Int32Array
}

/**
 * Expands and indexes the terms, then builds the automaton over their class keys and its scan arena
 * (the costly part of a compile). The automaton reads each character as its substitution class, so
 * one class key stands for a term and all the forms that swap characters within their classes.
 */
export function compileTables(dictionary: Dictionary): CompiledTables {
  const index = indexTerms(dictionary)
  const alphabet = buildAlphabet(index.keyCodePoints, substitutionClasses(index))
  const classKeys = classKeysOf(index, alphabet.codeOf)
  const automaton = buildAutomaton(classKeys.images, alphabet.size)
  const arena = buildScanArena(alphabet, automaton, classKeys.images)
  return {
    index,
    alphabet,
    arena,
    links: { out: automaton.out, report: automaton.report },
    classOffsets: classKeys.offsets,
    classMembers: classKeys.members,
  }
}
