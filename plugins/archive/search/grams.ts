import type { ArchiveRecord } from '../capture/record.js'

/**
 * Character n-gram keys of the archive's search index. Every key is an exact
 * float64 integer: a unigram is its code point, a bigram `(a + 1) * CP + b`,
 * and the other namespaces add a power of two above both. Nothing here needs a
 * word segmenter: a 1-character word is its unigram, a 2-character word its
 * bigram (both exact), a longer word the intersection of its bigrams (then
 * each candidate is checked against the record).
 */
const CP = 0x110000
/** Sender names (case as written, like `matches`). */
const NAME = 2 ** 48
/** Sender contact ids (FNV-1a 32-bit). */
const MEMBER_ID = 2 ** 49
/** Recall records, by the recalled message's id. */
const RECALL = 2 ** 50

/** The text a word search looks in, as `matches` reads it (lower-cased). */
export function haystack(r: ArchiveRecord): string {
  return [r.text, r.quote?.text, r.attachment?.title, r.attachment?.fileName, r.attachment?.description]
    .filter(Boolean)
    .join('\n')
    .toLowerCase()
}

/** Receives one key of a record (a key may come more than once). */
export type KeySink = (key: number) => void

/**
 * Emit the unigrams and bigrams of `s[0, end)` (whitespace breaks a bigram) under namespace `ns`, reading
 * code points as `for…of` does (a lone surrogate is a code point of its own).
 */
function emitGrams(s: string, end: number, ns: number, emit: KeySink): void {
  let prev = -1
  for (let i = 0; i < end; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < end) {
      const low = s.charCodeAt(i + 1)
      if (low >= 0xdc00 && low < 0xe000) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
        i++
      }
    }
    if (isSpace(c)) {
      prev = -1
      continue
    }
    emit(ns + c)
    if (prev >= 0) emit(ns + (prev + 1) * CP + c)
    prev = c
  }
}

/** Add the unigrams and bigrams of `s` under namespace `ns` to `out`. */
function addGrams(s: string, out: Set<number>, ns: number): void {
  emitGrams(s, s.length, ns, k => out.add(k))
}

/** Characters of a message's text that are indexed: words after them are not found by search (exports have them). */
export const INDEXED_CHARS = 32_768

/**
 * Emit every key a record is found by: its text's grams, its sender's id and name grams, what it recalls.
 * The same grams as of `haystack(r).slice(0, INDEXED_CHARS)`, read field by field (the newline that
 * joins them breaks a bigram anyway), without building the joined string. Keys may repeat.
 */
export function emitRecordKeys(r: ArchiveRecord, emit: KeySink): void {
  // Field by field, with no array of the fields made per record.
  let budget = emitField(r.text, INDEXED_CHARS, emit)
  budget = emitField(r.quote?.text, budget, emit)
  const a = r.attachment
  if (a) {
    budget = emitField(a.title, budget, emit)
    budget = emitField(a.fileName, budget, emit)
    emitField(a.description, budget, emit)
  }
  emitGrams(r.sender.name, r.sender.name.length, NAME, emit)
  emit(MEMBER_ID + fnv32(r.sender.id))
  if (r.recalls) emit(RECALL + fnv32(r.recalls))
}

/** Emit the grams of one text field (lower-cased) within `budget` characters; returns the budget left after it. */
function emitField(field: string | undefined, budget: number, emit: KeySink): number {
  if (!field || budget <= 0) return budget
  const s = field.toLowerCase()
  emitGrams(s, Math.min(s.length, budget), 0, emit)
  return budget - s.length - 1
}

/** Every key a record is found by, once each (see {@link emitRecordKeys}). */
export function recordKeys(r: ArchiveRecord): Set<number> {
  const out = new Set<number>()
  emitRecordKeys(r, k => out.add(k))
  return out
}

/** What the index can say about one search word or member: keys to intersect, and whether that is exact. */
export interface KeyQuery {
  keys: number[]
  /** The docs holding every key are exactly the docs that match (no check against the record needed). */
  exact: boolean
}

/** Keys of a word: its unigram (1 character), else its bigrams; exact for 1 or 2 characters without a space. */
export function wordKeys(word: string, ns = 0): KeyQuery {
  const pieces = (ns ? word : word.toLowerCase()).split(/\s+/).filter(Boolean)
  const keys = new Set<number>()
  for (const piece of pieces) {
    const chars = [...piece]
    if (chars.length === 1) keys.add(ns + (chars[0].codePointAt(0) as number))
    else {
      const grams = new Set<number>()
      addGrams(piece, grams, ns)
      for (const k of grams) if (k - ns >= CP) keys.add(k)
    }
  }
  return { keys: [...keys], exact: pieces.length === 1 && [...pieces[0]].length <= 2 }
}

/** Keys of a member filter: the contact id's key, or the grams of a part of the name. */
export function memberKeys(member: string): { id: number; name: KeyQuery } {
  return { id: MEMBER_ID + fnv32(member), name: wordKeys(member, NAME) }
}

/** The key of recall records pointing at message `id`. */
export function recallKey(id: string): number {
  return RECALL + fnv32(id)
}

/** Whitespace (ASCII, no-break and ideographic space): breaks a bigram, never a key. */
function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029
}

/** FNV-1a, 32 bits, over UTF-16 code units. */
export function fnv32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
