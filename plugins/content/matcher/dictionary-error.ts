/**
 * What kind of problem a dictionary has, for hints and tools (people read the message):
 * - `no-file`: no dictionary file given;
 * - `unreadable`: a file that cannot be read (missing, a folder, not allowed);
 * - `syntax`: a YAML syntax error (the first few of a file, then one line without a line number standing for the rest:
 *   its `count` says how many);
 * - `duplicate-key`: a key written twice in one map (`label:` twice in a category);
 * - `unknown-key`: a key the dictionary format does not know (`term:` for `terms:`);
 * - `invalid-value`: a value of the wrong type or not one of the allowed ones (a severity, an `expand` or `act`
 *   kind, a category key with spaces, a file with nothing but comments);
 * - `category-incomplete`: a category without a label or severity in any file (one problem each);
 * - `links-incomplete`: the top-level links section without its category, label or severity;
 * - `empty-term`: a term, slang or allowed phrase that is nothing but separators, punctuation or emoji;
 * - `bad-pattern`: a regular expression that does not compile, could be catastrophically slow or matches empty text;
 * - `bad-domain`: an allowed domain that is no host name;
 * - `self-check`: a warning the bot would send matches the dictionary;
 * - `unexpected`: any other error while loading (its message).
 */
export type DictionaryProblemCode =
  | 'no-file'
  | 'unreadable'
  | 'syntax'
  | 'duplicate-key'
  | 'unknown-key'
  | 'invalid-value'
  | 'category-incomplete'
  | 'links-incomplete'
  | 'empty-term'
  | 'bad-pattern'
  | 'bad-domain'
  | 'self-check'
  | 'unexpected'

/** One problem of a dictionary: what kind, where (when it is in a file) and what to tell the admin. */
export interface DictionaryProblem {
  code: DictionaryProblemCode
  /** The file as named in config or on the command line; absent for a dictionary built in code. */
  file?: string
  /** 1-based line in `file`; absent when the problem is about the whole file. */
  line?: number
  /** 1-based column in `file` (not shown in the text). */
  column?: number
  /** The key of the category the problem is in (for `category-incomplete`: the category that lacks it). */
  category?: string
  /**
   * How many problems this one stands for when more than one: the line that sums up a file's syntax errors past the
   * first few (see problemCount).
   */
  count?: number
  /** What is wrong, as the admin reads it after "file:line: ": Chinese first, the English in brackets after it. */
  message: string
}

/** How many problems a list holds, each summing line counted as the problems it stands for. */
export function problemCount(problems: readonly DictionaryProblem[]): number {
  return problems.reduce((n, p) => n + (p.count ?? 1), 0)
}

/**
 * A problem as the admin reads it: "file:line: message" (fewer parts when it has no file or line; an unreadable
 * file's message names the file itself).
 */
export function problemText(p: DictionaryProblem): string {
  if (p.file === undefined || p.code === 'unreadable') return p.message
  return p.line === undefined ? `${p.file}: ${p.message}` : `${p.file}:${p.line}: ${p.message}`
}

/** Thrown when dictionary files cannot be loaded or compiled; lists every problem (each shown by problemText). */
export class DictionaryError extends Error {
  readonly problems: DictionaryProblem[]

  constructor(problems: DictionaryProblem[]) {
    const count = problemCount(problems)
    super(
      `词库有 ${count} 个问题（invalid dictionary: ${count} problem${count === 1 ? '' : 's'}）：\n${problems.map(p => `  ${problemText(p)}`).join('\n')}`,
    )
    this.name = 'DictionaryError'
    this.problems = problems
  }
}

/** The problems of an error thrown while loading a dictionary: a DictionaryError's own, else one `unexpected`. */
export function problemsOf(e: unknown): DictionaryProblem[] {
  if (e instanceof DictionaryError) return e.problems
  return [{ code: 'unexpected', message: `读取词库时出错（${(e as Error)?.message ?? String(e)}）` }]
}
