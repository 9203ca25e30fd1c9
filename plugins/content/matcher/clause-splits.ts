/**
 * Two readings of a hit's characters as ordinary words of the sentence, not the term: a two-character term split
 * by a clause break whose last character starts a word of the next clause (`傻，逼急了`), and a sound-alike whose
 * verb takes 完 and an object (`罗聊完客户`: chatting with a client). Both keep the hit while the message still
 * pitches (see pitch-guard.ts).
 */

import type { Candidate } from './allow-filter.js'
import { pitchesOrAims } from './pitch-guard.js'
import type { MatchKind } from './types.js'
import { isSegmenterWord, segmentsOf } from './word-segments.js'

/** Marks that end a clause: what stands after one starts a new clause. */
const CLAUSE_BREAK = /[，,；;。！!？?、]/u
/** An ideograph. */
const IDEOGRAPH = /^\p{Script=Han}$/u

/**
 * True for a hit of a two-character term whose characters a clause break parts (`傻，逼`) and whose last character
 * starts a word of two characters with the one after it, as the segmenter reads the next clause (`逼急`, `逼得`):
 * the break ends one clause and the word starts the next. The break written between the characters with nothing
 * after them (`你个傻，逼`), or a word the segmenter does not read there, keeps the hit; so does a message that
 * still pitches or aims the insult at someone.
 */
export function splitByClause(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if ([...c.term].length !== 2 || c.end - c.start < 3 || c.end >= text.length) return false
  if (!CLAUSE_BREAK.test(text.slice(c.start + 1, c.end - 1))) return false
  const last = c.end - 1
  if (!IDEOGRAPH.test(text[last]) || !IDEOGRAPH.test(text[c.end])) return false
  if (!isSegmenterWord(text.charCodeAt(last), text.charCodeAt(c.end))) return false
  const segments = segmentsOf(text, last, Math.min(text.length, c.end + 8))
  if (!segments.some(s => s.wordLike && s.start === last && s.end === c.end + 1)) return false
  return !pitchesOrAims(text, c, allowDomains)
}

/** Kinds that swap a term's characters for others of their sound or look. */
const SWAP_KINDS = new Set<MatchKind>(['homophone', 'toneless', 'lookalike', 'pinyin'])
/** Complements of a finished or done action (`聊完`, `聊好`). */
const DONE = new Set('完好')

/**
 * True for a two-character swap form that keeps the term's last character, a verb, and swaps its first for a
 * sound-alike, when the verb takes a complement of a finished action and then an object of two or more
 * characters the segmenter reads as one word (`罗聊完客户`, `罗聊好方案`): the verb's own phrase, a chat done with
 * someone. The term written as itself, the swap at the end of what is said (`罗聊完了`), or a message that still
 * pitches keeps the hit.
 */
export function takesDoneObject(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind) || c.term.length !== 2 || c.end - c.start !== 2) return false
  if (text[c.start] === c.term[0] || text[c.start + 1] !== c.term[1]) return false
  if (!DONE.has(text[c.end] ?? '') || !IDEOGRAPH.test(text[c.end + 1] ?? '')) return false
  const segments = segmentsOf(text, c.end + 1, Math.min(text.length, c.end + 9))
  const object = segments[0]
  if (object === undefined || !object.wordLike || object.end - object.start < 2) return false
  return !pitchesOrAims(text, c, allowDomains)
}
