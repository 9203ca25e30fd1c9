import { type FilePlace, placeText } from './yaml-locator.js'

/**
 * What kind of warning a dictionary has (it loads, but an admin should look):
 * - `two-categories`: a term listed in two categories (`other` is the earlier one);
 * - `allow-is-term`: an allowed phrase equal to a term of its category, so that term never matches (`other` is the term);
 * - `disable-unused`: a `disable` entry that is no word of an earlier file, so it switches nothing off;
 * - `yaml`: a warning of the YAML parser (an unknown tag, …).
 */
export type DictionaryWarningCode = 'two-categories' | 'allow-is-term' | 'disable-unused' | 'yaml'

/** The other place a warning names: the earlier category of a term, the term an allowed phrase equals. */
export interface WarningOther extends FilePlace {
  category: string
  word: string
}

/** One warning of a dictionary: what kind, where, which word, and what to tell the admin. */
export interface DictionaryWarning {
  code: DictionaryWarningCode
  file: string
  /** 1-based line in `file`. */
  line: number
  /** 1-based column in `file` (not shown in the text). */
  column: number
  /** The category the warning is in (absent for a `yaml` warning). */
  category?: string
  /** The word (term, allowed phrase or disabled word) the warning is about. */
  word?: string
  other?: WarningOther
  /** What to look at, as the admin reads it after "file:line: ": Chinese first, the English in brackets after it. */
  message: string
}

/** A warning as the admin reads it: "file:line: message". */
export function warningText(w: DictionaryWarning): string {
  return `${w.file}:${w.line}: ${w.message}`
}

/**
 * What a warning is about, without its places (an edit moves lines): two warnings with the same identity are the
 * same warning before and after an edit. The message counts only for a `yaml` warning (the parser's own words,
 * which hold no place); the others' messages quote the other place's line.
 */
function warningIdentity(w: DictionaryWarning): string {
  const o = w.other
  return JSON.stringify([
    w.code,
    w.file,
    w.category ?? null,
    w.word ?? null,
    o ? [o.file, o.category, o.word] : null,
    w.code === 'yaml' ? w.message : null,
  ])
}

/** The warnings of `after` that `before` does not have (compared by warningIdentity, not by line). */
export function newWarnings(
  before: readonly DictionaryWarning[],
  after: readonly DictionaryWarning[],
): DictionaryWarning[] {
  const known = new Set(before.map(warningIdentity))
  return after.filter(w => !known.has(warningIdentity(w)))
}

/** A word of a dictionary file at its place. */
interface PlacedWord {
  value: string
  at: FilePlace
}

/** A warning about a word of a category, at the word's place. */
function warningAt(
  code: DictionaryWarningCode,
  word: PlacedWord,
  category: string,
  message: string,
  other?: { category: string; word: PlacedWord },
): DictionaryWarning {
  return {
    code,
    ...word.at,
    category,
    word: word.value,
    ...(other ? { other: { ...other.word.at, category: other.category, word: other.word.value } } : {}),
    message,
  }
}

/** `term` of `category` is also a term of an earlier category. */
export function twoCategories(
  term: PlacedWord,
  category: string,
  earlier: { category: string; term: PlacedWord },
): DictionaryWarning {
  const word = JSON.stringify(term.value)
  return warningAt(
    'two-categories',
    term,
    category,
    `词 ${word} 同时在类别 ${earlier.category}（${placeText(earlier.term.at)}）和 ${category} 里（term ${word} is in both ${earlier.category} and ${category}）`,
    { category: earlier.category, word: earlier.term },
  )
}

/** An allowed phrase of `category` equal to its `term`: the term never matches. */
export function allowIsTerm(phrase: PlacedWord, category: string, term: PlacedWord): DictionaryWarning {
  const [p, t] = [JSON.stringify(phrase.value), JSON.stringify(term.value)]
  return warningAt(
    'allow-is-term',
    phrase,
    category,
    `允许短语 ${p} 和类别 ${category} 的词 ${t}（${placeText(term.at)}）相同：这个词永远不会命中（allowed phrase ${p} equals term ${t} of ${category}: that term never matches）`,
    { category, word: term },
  )
}

/** A `disable` entry of `category` that no earlier file lists. */
export function disableUnused(off: PlacedWord, category: string): DictionaryWarning {
  const word = JSON.stringify(off.value)
  return warningAt(
    'disable-unused',
    off,
    category,
    `categories.${category}.disable: ${word} 不是前面词库文件里 ${category} 的词或允许短语，什么也没有停用（${word} is no term or allowed phrase of ${category} in an earlier file: it switches nothing off）`,
  )
}
