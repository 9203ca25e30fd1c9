import {
  COMMON_RANK,
  expansionTables,
  splitsOf,
  tonedReadings,
  tonelessReadings,
  wordCount,
  wordTables,
  type ExpansionTables,
} from './expansion-data.js'
import { nounSaidOf } from './said-nouns.js'
import { foldedKey } from './normalize.js'

/**
 * How a term can be written besides itself; each dictionary category chooses which it expands into.
 * `toneless`: a homophone in any tone beyond the `homophone` ones (加维 for 加薇), see tonelessAlternatives.
 */
export type ExpansionKind = 'pinyin' | 'initials' | 'homophone' | 'toneless' | 'split' | 'lookalike'
/** Every expansion kind, in the order reports prefer when one form could come from several. */
export const EXPANSION_KINDS: readonly ExpansionKind[] = [
  'pinyin',
  'lookalike',
  'split',
  'homophone',
  'toneless',
  'initials',
]
/**
 * Expansions a category gets unless it says otherwise or is a standard one (standard-categories.ts):
 * initials (`bjl`, `sb`) and toneless homophones (读博 for 赌博, 加为好友 for 加薇) collide easily and are opt-in.
 */
export const DEFAULT_EXPANSIONS: readonly ExpansionKind[] = ['pinyin', 'homophone', 'split', 'lookalike']

/** One way of writing a term, e.g. { form: 'shabi', kind: 'pinyin' } for 傻逼. */
export interface Expansion {
  form: string
  kind: ExpansionKind
  /** The form folded as the matcher reads it (see foldedKey). */
  key: string
}

/** At most this many forms of one kind per term (the longest terms would otherwise grow exponentially). */
export const MAX_FORMS_PER_KIND = 128
/** Homophone substitutes per character: the most frequent characters with the same toned reading. */
const HOMOPHONES_PER_CHARACTER = 8
/** In long terms, with near sounds: same reading first, then the others by frequency. */
const NEAR_HOMOPHONES_PER_CHARACTER = 16
/**
 * Terms of at least LONG_TERM characters also take near homophones: another tone or a near sound
 * (z/zh, c/ch, s/sh, in/ing, en/eng), e.g. 垃圾东西 -> 辣鸡东西, 成人视频 -> 成人视屏; shorter terms
 * take only another tone of the same syllable (傻逼 -> 傻笔; 赌场 -> 独唱 is dropped as a word).
 */
const LONG_TERM = 4
/** Near sounds: pairs of initials and finals spammers (and input methods) swap. */
const NEAR_SOUNDS: Array<[RegExp, string]> = [
  [/^zh/, 'z'],
  [/^ch/, 'c'],
  [/^sh/, 's'],
  [/^z(?!h)/, 'zh'],
  [/^c(?!h)/, 'ch'],
  [/^s(?!h)/, 'sh'],
  [/ing$/, 'in'],
  [/in$/, 'ing'],
  [/eng$/, 'en'],
  [/en$/, 'eng'],
]
/**
 * Homophones, split and variant characters replace one character of a term with any of its
 * alternatives, or two characters with their PAIRED_ALTERNATIVES first ones (the automaton's build
 * time grows quickly with many rare characters in many forms).
 */
const PAIRED_ALTERNATIVES = 3
/** A two-character term has a single pair, so both of its characters take all their alternatives (煞笔 for 傻逼). */
const PAIRED_ALTERNATIVES_OF_PAIR = 8
/**
 * A word that two swapped characters make stays a form when the corpus has it less than this share as
 * often as the term's own word: such a word is written mostly as the evasion (煞笔 214 against 傻逼
 * 3973 on Weibo; 独唱 155 against 赌场 359 is a word of its own).
 */
const RARE_WORD_SHARE = 0.1
/** Toneless homophones per character (see tonelessAlternatives): each swap owner's class images grow with them. */
const TONELESS_PER_CHARACTER = 4
/** Toneless homophones per character of the near nasal final (琴 qin for 情 qing), after those of the syllable. */
const NASAL_PER_CHARACTER = 4
/** Finals input methods and dialects confuse: in/ing, en/eng, an/ang (瑟琴 for 色情). */
const NASAL_FINALS: Array<[RegExp, string]> = [
  [/ing$/, 'in'],
  [/in$/, 'ing'],
  [/eng$/, 'en'],
  [/en$/, 'eng'],
  [/ang$/, 'an'],
  [/an$/, 'ang'],
]
/** Pinyin and initials mix with characters in every combination up to this many ideographs. */
export const MAX_MIXED_IDEOGRAPHS = 6
/** Chinese numerals spammers write as digits (一夜情 -> 1夜情), a homophone in effect. */
const NUMERAL_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
}
const IDEOGRAPH = /^\p{Script=Han}$/u
/** Whether each character seen is an ideograph (IDEOGRAPH), as found so far: every term asks again. */
const ideographCache = new Map<string, boolean>()
/** The same for characters of one UTF-16 unit, by unit (0: not asked yet, 1: no, 2: yes): no string hashing. */
const ideographUnits = new Uint8Array(0x10000)

/** True if the character is an ideograph (IDEOGRAPH). */
function isIdeograph(c: string): boolean {
  if (c.length === 1) {
    const unit = c.charCodeAt(0)
    if (ideographUnits[unit] === 0) ideographUnits[unit] = IDEOGRAPH.test(c) ? 2 : 1
    return ideographUnits[unit] === 2
  }
  let is = ideographCache.get(c)
  if (is === undefined) {
    is = IDEOGRAPH.test(c)
    ideographCache.set(c, is)
  }
  return is
}

/** The places of the ideographs among the characters. */
export function ideographsOf(chars: string[]): number[] {
  const places: number[] = []
  for (let i = 0; i < chars.length; i++) if (isIdeograph(chars[i])) places.push(i)
  return places
}
const SYLLABLE = /^[a-z]+$/
/** Whether each split seen folds to at most one code point, as found so far. */
const shortSplits = new Map<string, boolean>()

/** True if the split folds to at most one code point: its split forms stay keys (see expandTerm). */
export function isShortSplit(split: string): boolean {
  let short = shortSplits.get(split)
  if (short === undefined) {
    short = [...foldedKey(split)].length <= 1
    shortSplits.set(split, short)
  }
  return short
}

/**
 * The forms a term expands into for the given kinds, without the term itself and without duplicates
 * (a form that folds like the term or like an earlier form is dropped). Built from maintained tables,
 * see expansion-data.ts; the same term always gives the same forms in the same order. Without `swaps`,
 * the homophone and look-alike forms that swap characters one for one are left out (the matcher finds
 * those by character class, see swap-forms.ts); the word variants stay. With `splitsAtScan` (a split
 * owner's, see split-owners.ts), the split forms that write a split of two code points or more are left
 * out too (counted towards the cap all the same): the scan finds those.
 */
export function expandTerm(
  term: string,
  kinds: ReadonlySet<ExpansionKind>,
  swaps = true,
  splitsAtScan = false,
): Expansion[] {
  const chars = [...term]
  const ideographs = ideographsOf(chars)
  if (ideographs.length === 0 || kinds.size === 0) return []
  const tables = expansionTables()
  const seen = new Set([foldedKey(term)])
  const forms: Expansion[] = []
  const add = (form: string, kind: ExpansionKind): void => {
    const key = foldedKey(form)
    if (key === '' || seen.has(key)) return
    seen.add(key)
    forms.push({ form, kind, key })
  }
  const unlessWords = (form: string, kind: ExpansionKind): void => {
    if (!readsAsWords(term, form)) add(form, kind)
  }
  const toneless = kinds.has('pinyin') || kinds.has('initials') ? tonelessReadings(term) : []
  const readable = toneless.length === chars.length && ideographs.every(i => SYLLABLE.test(toneless[i]))
  for (const kind of EXPANSION_KINDS) {
    if (!kinds.has(kind)) continue
    if (kind === 'pinyin' && readable) mixed(chars, ideographs, i => toneless[i], kind, add)
    if (kind === 'initials' && readable && !spellsWordBySound(term))
      mixed(chars, ideographs, i => toneless[i][0], kind, add)
    if (kind === 'homophone' && swaps)
      substitute(chars, ideographs, homophoneAlternatives(term, chars, tables), kind, unlessWords)
    if (kind === 'toneless' && swaps)
      substitute(chars, ideographs, tonelessAlternatives(term, chars, tables), kind, unlessWords)
    if (kind === 'split') {
      const splits = chars.map(c => splitsOf(tables, c))
      if (!splitsAtScan) substitute(chars, ideographs, splits, kind, add)
      else if (splits.some(list => list.some(isShortSplit))) substitute(chars, ideographs, splits, kind, add, true)
    }
    if (kind === 'lookalike') {
      for (const form of wordVariantForms(chars, tables)) add(form, kind)
      for (const form of digitLetterForms(term)) add(form, kind)
      if (swaps) substitute(chars, ideographs, lookalikeAlternatives(chars, tables), kind, unlessWords)
    }
  }
  return forms
}

/**
 * True for a term of two characters that writes, by sound, a word far more common than itself (薇信 for
 * 微信: the same toned readings, and the corpus has the term less than RARE_WORD_SHARE as often): its
 * initials (wx) are that word's initials as much as its own, and it takes none.
 */
export function spellsWordBySound(term: string): boolean {
  const chars = [...term]
  if (chars.length !== 2 || ideographsOf(chars).length !== 2) return false
  const toned = tonedReadings(term)
  if (toned.length !== 2) return false
  const table = wordTables()
  const { words, wordCounts } = table
  const own = Math.max(0, wordCount(table, chars[0], chars[1]))
  const { readingIds, best } = wordsReadAs(expansionTables())
  const first = readingIds.get(toned[0])
  const second = readingIds.get(toned[1])
  if (first === undefined || second === undefined) return false
  const code = ((term.charCodeAt(0) << 16) | term.charCodeAt(1)) >>> 0
  return best.some(top => {
    const at = top.get(first * READING_PAIR + second)
    return at !== undefined && words[at] !== code && wordCounts[at] * RARE_WORD_SHARE > own
  })
}

/** Toned readings by id, and the most frequent words by their pair of reading ids (see wordsReadAs). */
interface WordsBySound {
  readingIds: Map<string, number>
  /** First reading id * READING_PAIR + second -> the index (WordTables.words) of the most frequent word, and of the next. */
  best: [Map<number, number>, Map<number, number>]
}

/** More than the number of toned readings: a pair of reading ids as one number. */
const READING_PAIR = 1 << 16

/** The words by their characters' toned readings (see wordsReadAs), kept as long as their tables. */
const wordsBySound = new WeakMap<ExpansionTables, WordsBySound>()

/**
 * The two most frequent words (WordTables) of each pair of toned readings ("wei1 xin4" -> 微信, 威信),
 * reading each character as any reading the frequency list gives it: built once per tables.
 */
function wordsReadAs(tables: ExpansionTables): WordsBySound {
  let bySound = wordsBySound.get(tables)
  if (bySound !== undefined) return bySound
  bySound = { readingIds: new Map(), best: [new Map(), new Map()] }
  const readingsOf = new Map<number, number[]>()
  for (const [reading, chars] of tables.homophones) {
    const id = bySound.readingIds.size
    bySound.readingIds.set(reading, id)
    for (let i = 0; i < chars.length; i++) {
      const list = readingsOf.get(chars.charCodeAt(i))
      if (list === undefined) readingsOf.set(chars.charCodeAt(i), [id])
      else list.push(id)
    }
  }
  const { words, wordCounts } = wordTables()
  const [top, next] = bySound.best
  for (let i = 0; i < words.length; i++) {
    const firstReadings = readingsOf.get(words[i] >>> 16)
    const secondReadings = readingsOf.get(words[i] & 0xffff)
    if (firstReadings === undefined || secondReadings === undefined) continue
    for (const a of firstReadings)
      for (const b of secondReadings) {
        const key = a * READING_PAIR + b
        const at = top.get(key)
        if (at === undefined || wordCounts[i] > wordCounts[at]) {
          if (at !== undefined) next.set(key, at)
          top.set(key, i)
        } else {
          const second = next.get(key)
          if (second === undefined || wordCounts[i] > wordCounts[second]) next.set(key, i)
        }
      }
  }
  wordsBySound.set(tables, bySound)
  return bySound
}

/**
 * The toneless syllable of each character of a term in context, '' for the characters that are no
 * ideograph, or undefined when the term has no pinyin forms (no ideograph, or one without a reading):
 * what its pinyin and initials forms write for each ideograph (see mixed).
 */
export function readingSyllables(term: string): string[] | undefined {
  const chars = [...term]
  const ideographs = ideographsOf(chars)
  if (ideographs.length === 0) return undefined
  const toneless = tonelessReadings(term)
  if (toneless.length !== chars.length || !ideographs.every(i => SYLLABLE.test(toneless[i]))) return undefined
  return chars.map((c, i) => (isIdeograph(c) ? toneless[i] : ''))
}

/**
 * The homophone and look-alike forms of `term` that swap characters one for one and are no keys (see
 * swap-forms.ts), exactly as expandTerm(term, kinds) gives them, without building the term's other forms:
 * expandTerm without its pinyin and initials forms, minus the word variants and split forms (keys) and
 * the forms that fold like them. The same substitute calls in the same order, so the same caps, and the
 * first form of a key that does not read as words is the one expandTerm keeps. Pinyin and initials forms
 * write a Latin letter where the term has an ideograph, and no character of the expansion tables folds
 * to one, so they never fold like a swap form.
 */
export function swapFormsOf(term: string, kinds: ReadonlySet<ExpansionKind>): Expansion[] {
  const chars = [...term]
  const ideographs = ideographsOf(chars)
  if (ideographs.length === 0) return []
  const tables = expansionTables()
  const taken: string[] = []
  if (kinds.has('lookalike'))
    for (const form of [...wordVariantForms(chars, tables), ...digitLetterForms(term)]) taken.push(foldedKey(form))
  if (kinds.has('split')) {
    const splits = chars.map(c => splitsOf(tables, c))
    substitute(chars, ideographs, splits, 'split', form => taken.push(foldedKey(form)))
  }
  return swapFormsWith(term, kinds, swapAlternatives(term, kinds), taken)
}

/**
 * swapFormsOf from what a compile keeps of the term (no expansion tables, no pinyin-pro): its
 * swapAlternatives, and the keys of its word variant and split forms that a swap form may fold like
 * (`taken`: more do no harm). Reads only the WordTables (see readsAsWords).
 */
export function swapFormsWith(
  term: string,
  kinds: ReadonlySet<ExpansionKind>,
  alternatives: string[][][],
  taken: Iterable<string>,
): Expansion[] {
  const chars = [...term]
  const ideographs = ideographsOf(chars)
  if (ideographs.length === 0) return []
  const keys = new Set([foldedKey(term), ...taken])
  const forms: Expansion[] = []
  const add = (form: string, kind: ExpansionKind): void => {
    const key = foldedKey(form)
    if (key === '' || keys.has(key) || readsAsWords(term, form)) return
    keys.add(key)
    forms.push({ form, kind, key })
  }
  const swapKinds = swapKindsOf(kinds)
  for (let t = 0; t < swapKinds.length; t++) substitute(chars, ideographs, alternatives[t], swapKinds[t], add)
  return forms
}

/** The kinds that swap characters one for one (homophone, toneless, lookalike) among `kinds`, in EXPANSION_KINDS order. */
export function swapKindsOf(kinds: ReadonlySet<ExpansionKind>): ExpansionKind[] {
  return EXPANSION_KINDS.filter(kind => SWAP_KINDS.has(kind) && kinds.has(kind))
}

/** The kinds whose forms swap characters one for one (see swap-forms.ts). */
export const SWAP_KINDS: ReadonlySet<ExpansionKind> = new Set(['homophone', 'toneless', 'lookalike'])
/** Kinds that write a term by sound with other characters: a homophone, or one in another tone. */
export const SOUND_KINDS: ReadonlySet<string> = new Set<ExpansionKind>(['homophone', 'toneless'])

/**
 * The characters each character of a term may be swapped for by its homophone and look-alike forms,
 * one list per swap kind in `kinds` (EXPANSION_KINDS order), each with one entry per character (none for
 * characters that are no ideograph). Every such form swaps one character for an alternative of its
 * list, or two characters for alternatives among the first pairedAlternatives of theirs.
 */
export function swapAlternatives(term: string, kinds: ReadonlySet<ExpansionKind>): string[][][] {
  const chars = [...term]
  const tables = expansionTables()
  return swapKindsOf(kinds)
    .map(kind =>
      kind === 'homophone'
        ? homophoneAlternatives(term, chars, tables)
        : kind === 'toneless'
          ? tonelessAlternatives(term, chars, tables)
          : lookalikeAlternatives(chars, tables),
    )
    .map(list => list.map((alternatives, i) => (isIdeograph(chars[i]) ? alternatives : [])))
}

/**
 * How many of its first alternatives each character takes in two-character swaps, when `positions`
 * characters of the term have alternatives (see substitute).
 */
export function pairedAlternatives(positions: number): number {
  return positions === 2 ? PAIRED_ALTERNATIVES_OF_PAIR : PAIRED_ALTERNATIVES
}

/**
 * Every mix of ideographs and their replacement (pinyin or initial), all replaced included:
 * 百家乐 -> baijiale, bai家乐, 百jia乐, ... Long terms get only the fully replaced form and single swaps.
 */
function mixed(
  chars: string[],
  ideographs: number[],
  replacement: (i: number) => string,
  kind: ExpansionKind,
  add: (form: string, kind: ExpansionKind) => void,
): void {
  const n = ideographs.length
  const write = (replaced: (k: number) => boolean): string => {
    const out = [...chars]
    ideographs.forEach((i, k) => {
      if (replaced(k)) out[i] = replacement(i)
    })
    return out.join('')
  }
  add(
    write(() => true),
    kind,
  )
  if (n > MAX_MIXED_IDEOGRAPHS) {
    for (let k = 0; k < n; k++)
      add(
        write(j => j === k),
        kind,
      )
    // The leading word in letters too, as a subject is written (lb就是个骗子 for 老板就是个骗子: frec3).
    add(
      write(j => j < 2),
      kind,
    )
    return
  }
  for (let mask = 1; mask < (1 << n) - 1; mask++)
    add(
      write(k => (mask & (1 << k)) !== 0),
      kind,
    )
}

/**
 * Replaces one or two characters by their alternatives, in every combination, up to the cap. With
 * `shortOnly` (split alternatives), only the forms whose splits are all short (isShortSplit) are added;
 * the others count towards the cap all the same.
 */
function substitute(
  chars: string[],
  ideographs: number[],
  alternatives: string[][],
  kind: ExpansionKind,
  add: (form: string, kind: ExpansionKind) => void,
  shortOnly = false,
): void {
  const positions = ideographs.filter(i => alternatives[i].length > 0)
  let count = 0
  const emit = (swaps: [number, string][]): boolean => {
    if (!shortOnly || swaps.every(([, s]) => isShortSplit(s))) add(replaced(chars, swaps), kind)
    return ++count < MAX_FORMS_PER_KIND
  }
  for (const i of positions) {
    for (const a of alternatives[i]) if (!emit([[i, a]])) return
  }
  const paired = pairedAlternatives(positions.length)
  for (let x = 0; x < positions.length; x++) {
    for (let y = x + 1; y < positions.length; y++) {
      for (const a of alternatives[positions[x]].slice(0, paired)) {
        for (const b of alternatives[positions[y]].slice(0, paired)) {
          if (
            !emit([
              [positions[x], a],
              [positions[y], b],
            ])
          )
            return
        }
      }
    }
  }
}

function replaced(chars: string[], swaps: [number, string][]): string {
  const out = [...chars]
  for (const [i, s] of swaps) out[i] = s
  return out.join('')
}

/**
 * For a common character, first the characters slang puns write for it (子 -> 纸), then common characters
 * with the same toned reading in context (赌 du3 -> 堵, 睹...),
 * in long terms also with another tone or a near sound; digits for numerals. Rare characters get none:
 * spammers swap the characters of everyday words.
 */
function homophoneAlternatives(term: string, chars: string[], tables: ExpansionTables): string[][] {
  const toned = tonedReadings(term)
  const memo = memoOf(tables)
  const long = chars.length >= LONG_TERM
  return chars.map((c, i) => {
    const reading = toned.length === chars.length ? toned[i] : ''
    const byCharacter = long ? memo.longTerm : memo.shortTerm
    let ofReading = byCharacter.get(c)
    if (ofReading === undefined) {
      ofReading = new Map()
      byCharacter.set(c, ofReading)
    }
    let alternatives = ofReading.get(reading)
    if (alternatives === undefined) {
      alternatives = characterAlternatives(c, reading, long, tables)
      ofReading.set(reading, alternatives)
    }
    return alternatives
  })
}

/** What expansions work out once per character or reading and tables (see memoOf). */
interface Memo {
  /**
   * Homophone alternatives of one character read `reading`, by character then reading, in short and in
   * long terms: the same for every term (a big dictionary repeats its characters; maps of maps, so that
   * a look-up builds no string).
   */
  shortTerm: Map<string, Map<string, string[]>>
  longTerm: Map<string, Map<string, string[]>>
  /** The characters read a reading, stably sorted by rank, by reading. */
  byRank: Map<string, Ranked[]>
  /** Look-alike alternatives by character (see lookalikeAlternatives). */
  lookalikes: Map<string, string[]>
  /** Toneless alternatives by character, then reading (see tonelessAlternatives). */
  toneless: Map<string, Map<string, string[]>>
  /** The characters of each toneless syllable by rank (see tonelessAlternatives). */
  bySyllable: Map<string, string[]>
  /** Characters and their form with 口 beside them that reads the same (see mouthFormOf), made on first use. */
  mouthForms?: Map<string, string>
}

/** The memo of each tables object: it goes when they go (see expansionTables). */
const memos = new WeakMap<ExpansionTables, Memo>()

/** The memo of these tables (see Memo). */
function memoOf(tables: ExpansionTables): Memo {
  let memo = memos.get(tables)
  if (memo === undefined) {
    memo = {
      shortTerm: new Map(),
      longTerm: new Map(),
      byRank: new Map(),
      lookalikes: new Map(),
      toneless: new Map(),
      bySyllable: new Map(),
    }
    memos.set(tables, memo)
  }
  return memo
}

/**
 * See homophoneAlternatives (a fresh array: callers only read it): the slang puns, then the characters
 * of the same reading, then those of the near readings by rank (a stable merge of the near readings'
 * lists, each sorted by rank once: the order a stable sort of them joined gives), each once and not
 * `c`, the first HOMOPHONES_PER_CHARACTER (long terms: NEAR_HOMOPHONES_PER_CHARACTER) of them.
 */
function characterAlternatives(c: string, reading: string, long: boolean, tables: ExpansionTables): string[] {
  const common = (tables.rank.get(c) ?? Infinity) <= COMMON_RANK
  const readings = common && reading !== '' ? (long ? nearReadings(reading) : otherTones(reading)) : []
  const limit = long ? NEAR_HOMOPHONES_PER_CHARACTER : HOMOPHONES_PER_CHARACTER
  const alternatives: string[] = []
  const seen = new Set([c])
  const take = (h: string): boolean => {
    if (!seen.has(h)) {
      seen.add(h)
      alternatives.push(h)
    }
    return alternatives.length < limit
  }
  let open = true
  for (const h of wordTables().punCharacters.get(c) ?? '') if (open) open = take(h)
  for (const h of tables.homophones.get(readings[0]) ?? '') if (open && readsAsItself(h)) open = take(h)
  const lists = readings.slice(1).map(r => homophonesByRank(r, tables))
  const at = lists.map(() => 0)
  // In a long term, the same syllable in its other tones fills the first half of the places after the puns and
  // the same tone (芯 xin1 for 信 xin4, which the near sounds' more frequent characters, 行 星 型 xing, would crowd
  // out; none when those already take half, as 微 wei1's twelve), then all by rank.
  const sameSyllable = long ? readings.slice(1).filter(r => sameSyllableOf(r, reading)).length : 0
  while (open && alternatives.length < limit / 2) {
    let best = -1
    for (let l = 0; l < sameSyllable; l++) {
      if (at[l] < lists[l].length && (best < 0 || lists[l][at[l]].rank < lists[best][at[best]].rank)) best = l
    }
    if (best < 0) break
    open = take(lists[best][at[best]++].char)
  }
  while (open) {
    let best = -1
    for (let l = 0; l < lists.length; l++) {
      if (at[l] < lists[l].length && (best < 0 || lists[l][at[l]].rank < lists[best][at[best]].rank)) best = l
    }
    if (best < 0) break
    open = take(lists[best][at[best]++].char)
  }
  // In a long term, the character written as its sounding side (比列 for 比例, 网占 for 网站; frec).
  const side = long && common && reading !== '' ? soundingSideOf(c, reading, tables) : undefined
  if (side !== undefined && !seen.has(side)) {
    seen.add(side)
    alternatives.push(side)
  }
  // A homophone written with 口 beside it, reading the same, as chat writes a sound (哔 for 毕, so 傻哔 for 傻逼; frec).
  for (const h of [...alternatives]) {
    const mouth = mouthFormOf(h, tables)
    if (mouth !== undefined && !seen.has(mouth)) {
      seen.add(mouth)
      alternatives.push(mouth)
    }
  }
  const digit = NUMERAL_DIGITS[c]
  return digit === undefined ? alternatives : [digit, ...alternatives]
}

/** A toneless syllable's initial and first vowel (li of lie4, zha of zhan4): how near a side's sound must be. */
const ONSET = /^[^aeiouv]*[aeiouv]/

/**
 * The right side of a character's left–right split when it is a common character that starts as the character
 * sounds, whatever its tone and the end of its final (列 lie4 for 例 li4, 占 zhan4 for 站 zhan4, 丙 bing3 for 病):
 * the phonetic a hasty writer keeps; undefined when there is none.
 */
function soundingSideOf(c: string, reading: string, tables: ExpansionTables): string | undefined {
  const onset = ONSET.exec(reading)?.[0]
  for (const split of splitsOf(tables, c)) {
    const [left, right, more] = [...split]
    if (left === undefined || right === undefined || more !== undefined) continue
    if ((tables.rank.get(right) ?? Infinity) > COMMON_RANK || !readsAsItself(right)) continue
    const own = tables.pinyinReadings.get(right)
    if (onset !== undefined && own !== undefined && ONSET.exec(own)?.[0] === onset) return right
  }
  return undefined
}

/** Particles written with 口 (吧 啊 吗…): they end a sentence, no sound is written with them. */
const MOUTH_PARTICLES = new Set('吧啊吗呢呀啦哦嘛哪呗咯喽哈呵')

/**
 * The common character written as 口 beside `c` that reads as `c` alone does (毕 bi4 -> 哔 bi4, 八 -> 叭, 拉 ->
 * 啦 is a particle: none), from cjk-decomp's splits and pinyin-pro's readings; undefined when there is none.
 */
function mouthFormOf(c: string, tables: ExpansionTables): string | undefined {
  const memo = memoOf(tables)
  if (memo.mouthForms === undefined) {
    memo.mouthForms = new Map()
    for (const [char, splits] of tables.splits) {
      if ((tables.rank.get(char) ?? Infinity) > COMMON_RANK || MOUTH_PARTICLES.has(char)) continue
      for (const split of splits.split('\t')) {
        const [mouth, inner, more] = [...split]
        if (mouth !== '口' || inner === undefined || more !== undefined) continue
        const reading = tables.pinyinReadings.get(char)
        if (reading !== undefined && reading === tables.pinyinReadings.get(inner) && readsAsItself(char))
          memo.mouthForms.set(inner, char)
      }
    }
  }
  return memo.mouthForms.get(c)
}

/**
 * For a common character of a term of two or three characters (longer terms take other tones as
 * homophones already), the most frequent common characters of the same syllable in any tone that its
 * homophone alternatives do not have (薇 wei1: 为, 位, 未, 维; 加维 for 加薇), up to TONELESS_PER_CHARACTER:
 * input methods list them under the same letters; then those of the near nasal final (in/ing, en/eng,
 * an/ang) in any tone (情 qing2: 亲, 琴...), up to NASAL_PER_CHARACTER; then its homophone alternatives, so
 * that a form may swap one character for a homophone and the other for one of these (瑟琴 for 色情: 瑟 se4 is
 * 色's homophone, 琴 qin2 this kind's). Far more of these make words than same-tone
 * homophones, so their hits are review-only unless a category's `act` lists `toneless`.
 */
function tonelessAlternatives(term: string, chars: string[], tables: ExpansionTables): string[][] {
  const toned = tonedReadings(term)
  const memo = memoOf(tables)
  const short = chars.length < LONG_TERM
  const homophones = homophoneAlternatives(term, chars, tables)
  return chars.map((c, i) => {
    const reading = toned.length === chars.length && short ? toned[i] : ''
    let ofReading = memo.toneless.get(c)
    if (ofReading === undefined) {
      ofReading = new Map()
      memo.toneless.set(c, ofReading)
    }
    let alternatives = ofReading.get(reading)
    if (alternatives === undefined) {
      const common = reading !== '' && (tables.rank.get(c) ?? Infinity) <= COMMON_RANK
      const taken = new Set([c, ...homophones[i]])
      const syllable = reading.replace(/[0-5]$/, '')
      const near = NASAL_FINALS.filter(([from]) => from.test(syllable)).map(([from, to]) => syllable.replace(from, to))
      alternatives = common
        ? [
            ...syllableByRank(syllable, tables)
              .filter(h => !taken.has(h))
              .slice(0, TONELESS_PER_CHARACTER),
            ...near
              .flatMap(s => syllableByRank(s, tables))
              .filter(h => !taken.has(h))
              .slice(0, NASAL_PER_CHARACTER),
            ...homophones[i],
          ]
        : []
      ofReading.set(reading, alternatives)
    }
    return alternatives
  })
}

/** The common characters of a toneless syllable in every tone, most frequent first (see Memo.bySyllable). */
function syllableByRank(syllable: string, tables: ExpansionTables): string[] {
  const { bySyllable } = memoOf(tables)
  let list = bySyllable.get(syllable)
  if (list === undefined) {
    const ranked = ['1', '2', '3', '4', '5'].flatMap(t => homophonesByRank(syllable + t, tables))
    list = [...new Set(ranked.sort((x, y) => x.rank - y.rank).map(h => h.char))]
    bySyllable.set(syllable, list)
  }
  return list
}

/** A character and its frequency rank (0 for characters outside the frequency list, as they sort). */
interface Ranked {
  char: string
  rank: number
}

/** The characters read `reading`, stably sorted by rank (see Memo.byRank). */
function homophonesByRank(reading: string, tables: ExpansionTables): Ranked[] {
  const { byRank } = memoOf(tables)
  let list = byRank.get(reading)
  if (list === undefined) {
    list = [...(tables.homophones.get(reading) ?? '')]
      .filter(readsAsItself)
      .map(char => ({ char, rank: tables.rank.get(char) ?? 0 }))
    list.sort((x, y) => x.rank - y.rank)
    byRank.set(reading, list)
  }
  return list
}

/**
 * True when normalisation leaves the character as it is. A homophone that folds to another character (乾 qian, a
 * homophone of 钱, folds to 干) would make a form of that other character, which is no homophone (赌钱 read in
 * 都干完了): it is no substitute.
 */
function readsAsItself(c: string): boolean {
  return foldedKey(c) === c
}

/** True when two readings are the same syllable, whatever their tones ("xin1", "xin4"). */
function sameSyllableOf(a: string, b: string): boolean {
  return a.replace(/[0-5]$/, '') === b.replace(/[0-5]$/, '')
}

/** The reading itself, then the same syllable in its other tones ("bi1" -> bi2, bi3...). */
function otherTones(reading: string): string[] {
  const syllable = reading.replace(/[0-5]$/, '')
  return [reading, ...['1', '2', '3', '4', '5'].map(t => syllable + t).filter(r => r !== reading)]
}

/** The reading itself, then its other tones, then its near sounds in every tone ("zi3" -> zi1..., zhi1...); pinyin-pro writes the neutral tone 0. */
function nearReadings(reading: string): string[] {
  const syllable = reading.replace(/[0-5]$/, '')
  const near = NEAR_SOUNDS.filter(([from]) => from.test(syllable)).map(([from, to]) => syllable.replace(from, to))
  const tones = (s: string): string[] => ['1', '2', '3', '4', '5'].map(t => s + t)
  return [reading, ...tones(syllable).filter(r => r !== reading), ...near.flatMap(tones)]
}

/**
 * True when a substituted form reads as everyday words: a substituted character makes a dictionary word
 * with its neighbour in the form that the term did not have (时时彩 -> 实时采: 实时), or turns a word of
 * the term into another word (时时彩 -> 实时彩: 时时 into 实时), two substituted characters make a word
 * (赌场 -> 独唱, though 赌场 is a word too), unless the form's word is rare next to the term's (see
 * RARE_WORD_SHARE: 煞笔 for 傻逼) or Weibo never has it (时时菜 for 时时彩: 时菜, seasonal vegetables, is a
 * CC-CEDICT word no one chats). A form that starts with a substituted surname (百家乐 -> 白佳乐) is a name
 * only where a name stands: the scan decides (see surname-names.ts). Characters a slang pun swaps are
 * trusted (垃圾东西 -> 辣鸡东西 although 辣鸡 and 鸡东 are words).
 */
export function readsAsWords(term: string, form: string): boolean {
  const tables = wordTables()
  const t = [...term]
  const f = [...form]
  if (t.length !== f.length) return false
  const noun = nounSaidOf(term)
  for (let i = 0; i + 1 < f.length; i++) {
    // A noun said of someone (老板是骗子) swapped into another word is still said of them: 老板是片子 (frec).
    if (noun > 0 && i >= noun) continue
    const changed = f[i] !== t[i] || f[i + 1] !== t[i + 1]
    if ([i, i + 1].every(k => f[k] === t[k] || tables.punCharacters.get(t[k])?.includes(f[k]))) continue
    const bothChanged = f[i] !== t[i] && f[i + 1] !== t[i + 1]
    const termCount = wordCount(tables, t[i], t[i + 1])
    const formCount = wordCount(tables, f[i], f[i + 1])
    if (!changed || formCount <= 0) continue
    if (!bothChanged && termCount < 0) return true
    if (formCount >= termCount * RARE_WORD_SHARE) return true
  }
  return false
}

/** The term's word variant forms (see wordVariantForms), before any folding or dedup. */
export function variantFormsOf(term: string): string[] {
  return wordVariantForms([...term], expansionTables())
}

/** The term with one of its words written as a variant word CC-CEDICT lists (傻逼 -> 傻屄, 傻屄 -> 傻逼). */
function wordVariantForms(chars: string[], tables: ExpansionTables): string[] {
  const forms: string[] = []
  for (let i = 0; i < chars.length; i++) {
    for (let n = 2; n <= 4 && i + n <= chars.length; n++) {
      const variants = tables.wordVariants.get(chars.slice(i, i + n).join(''))
      for (const v of variants?.split('\t') ?? []) forms.push([...chars.slice(0, i), v, ...chars.slice(i + n)].join(''))
    }
  }
  return forms
}

/** Letters written for a digit inside a number (1OO% for 100%, l0O for 100): o for 0, l and i for 1. */
const DIGIT_LETTERS: Record<string, string[]> = { '0': ['o'], '1': ['l', 'i'] }
/** A run of two digits or more with a 0 or a 1: a number whose digits letters may stand for. */
const DIGIT_RUN = /[0-9]*[01][0-9]*/g

/**
 * The term with the 0s, the 1s or both of its numbers of two digits or more written as the letters
 * that look like them, each digit the same way throughout (100%有效 -> 1oo%有效, loo%有效, ioo%有效...;
 * case is folded).
 */
function digitLetterForms(term: string): string[] {
  const runs = [...term.matchAll(DIGIT_RUN)].filter(m => m[0].length >= 2)
  if (runs.length === 0) return []
  const forms: string[] = []
  for (const zero of ['0', ...DIGIT_LETTERS['0']])
    for (const one of ['1', ...DIGIT_LETTERS['1']]) {
      if (zero === '0' && one === '1') continue
      const form = term.replace(DIGIT_RUN, run => (run.length < 2 ? run : run.replace(/0/g, zero).replace(/1/g, one)))
      if (form !== term) forms.push(form)
    }
  return forms
}

/**
 * Variant characters dictionaries list for a character (博 -> 愽), unless normalisation already folds
 * them, or folds them to nothing (丹 -> ⺼: a form with it would be the term without that character, 闪丹 a
 * look-alike of 闪 alone); callers only read the lists (kept per character, see Memo.lookalikes).
 */
function lookalikeAlternatives(chars: string[], tables: ExpansionTables): string[][] {
  const { lookalikes } = memoOf(tables)
  return chars.map(c => {
    let list = lookalikes.get(c)
    if (list === undefined) {
      const folded = foldedKey(c)
      list = [...(tables.variants.get(c) ?? '')].filter(v => {
        const key = foldedKey(v)
        return key !== folded && key !== ''
      })
      lookalikes.set(c, list)
    }
    return list
  })
}
