import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Action } from '../../../bot/core/actions.js'
import {
  compileMatcher,
  DictionaryError,
  loadDictionaryFiles,
  problemCount,
  problemText,
  problemsOf,
  warningText,
  type Dictionary,
  type DictionaryProblem,
  type DictionaryWarning,
  type MatcherCache,
  type Matcher,
} from '../matcher/index.js'

/** The result of one reload attempt. */
export interface ReloadOutcome {
  ok: boolean
  problems: DictionaryProblem[]
}

/** Categories, terms and allowed domains of a dictionary, in one short line. */
export function dictionarySummary(d: Dictionary): string {
  const cats = Object.values(d.categories)
  const terms = cats.reduce((n, c) => n + c.terms.length, 0)
  const patterns = cats.reduce((n, c) => n + c.patterns.length, 0)
  return `${cats.length} 类 ${terms} 个词${patterns ? ` ${patterns} 条正则` : ''}${d.links ? `，链接白名单 ${d.links.allowDomains.length} 个域名` : ''}`
}

const REJECTED = 'content.dictionary-rejected'

/**
 * A failed reload, as the admins' notice and `#词库 重载` both say it: how many problems (a line standing for several
 * syntax errors counts as them all), then the first 10 lines, each at its file:line.
 */
export function rejectedText(problems: readonly DictionaryProblem[], version: number): string {
  const count = problemCount(problems)
  const shown =
    problems.slice(0, 10).map(problemText).join('\n') + (problems.length > 10 ? `\n…共 ${count} 个问题` : '')
  return `⚠️ 词库文件有 ${count} 个问题，继续使用旧词库（版本 ${version}）：\n${shown}`
}

/** A failed reload in a status line: its first problem, and how many there are when more (`… 等 3 个问题`). */
export function failureText(problems: readonly DictionaryProblem[]): string {
  const first = problems[0] ? problemText(problems[0]) : ''
  const count = problemCount(problems)
  return count > 1 ? `${first} 等 ${count} 个问题` : first
}

/**
 * The compiled dictionary in use. Created from the files (throws
 * DictionaryError at start); `reload()` swaps in a new matcher only when the
 * files load and compile, otherwise keeps the previous one. Each outcome
 * queues one admin notice, handed out by `takeNotices()` on the next event or
 * the minute job (a failure repeated unchanged is not re-announced).
 */
export class DictionaryHolder {
  matcher: Matcher
  version = 1
  loadedAt: number
  warnings: DictionaryWarning[]
  lastFailure?: { at: number; problems: DictionaryProblem[] }
  private pending: Action[] = []
  /** Each file's content hash as last read (loaded or refused); `''` for a file that could not be read. */
  private read = new Map<string, string>()

  /**
   * `check` names what is wrong with a compiled dictionary beyond its files (the warning self-check): a reload
   * it objects to is refused like a broken file. With a `cache`, compiled tables are read from it and stored in it.
   */
  constructor(
    readonly files: string[],
    private now: () => number,
    private check: (m: Matcher) => DictionaryProblem[] = () => [],
    private cache?: MatcherCache,
  ) {
    this.noteContents()
    const { dictionary, warnings } = loadDictionaryFiles(files)
    this.matcher = compileMatcher(dictionary, cache)
    this.warnings = warnings
    this.loadedAt = now()
  }

  /** Re-read and compile the files; on any problem keep the current matcher. `notify: false` queues no admin notice. */
  reload(notify = true): ReloadOutcome {
    this.noteContents()
    try {
      const { dictionary, warnings } = loadDictionaryFiles(this.files)
      const matcher = compileMatcher(dictionary, this.cache)
      const objections = this.check(matcher)
      if (objections.length) throw new DictionaryError(objections)
      this.matcher = matcher
      this.warnings = warnings
      this.version++
      this.loadedAt = this.now()
      this.lastFailure = undefined
      if (notify)
        this.notify(
          'content.dictionary-reloaded',
          `✅ 词库已重新加载（版本 ${this.version}）：${dictionarySummary(dictionary)}${warnings.length ? `\n提示：\n${warnings.slice(0, 5).map(warningText).join('\n')}` : ''}`,
        )
      return { ok: true, problems: [] }
    } catch (e) {
      const problems = problemsOf(e)
      // The same problems as the admins read them: an unchanged failure.
      const read = (ps: readonly DictionaryProblem[]) => ps.map(problemText).join('\n')
      const same = this.lastFailure !== undefined && read(this.lastFailure.problems) === read(problems)
      this.lastFailure = { at: this.now(), problems }
      if (notify && !same) this.notify(REJECTED, rejectedText(problems, this.version))
      // Asked (`#词库 重载`, an edit): the answer says it, so a queued notice of the same failure is not sent too.
      if (!notify)
        this.pending = this.pending.filter(
          a => a.rule !== REJECTED || !('text' in a) || a.text !== rejectedText(problems, this.version),
        )
      return { ok: false, problems }
    }
  }

  /**
   * Whether a file's content differs from what the last load read. A file's new time stamp alone is no change: the
   * bot's own edit (`#词库 添加`) was read by the reload right after it, so the watcher seeing it skips it.
   */
  changedSinceRead(): boolean {
    return this.files.some(f => hashOf(f) !== this.read.get(f))
  }

  /** Hashes taken before the files are parsed: a write in between shows as a change at the next look, never as none. */
  private noteContents(): void {
    for (const f of this.files) this.read.set(f, hashOf(f))
  }

  /** Admin notices queued by reloads since the last call. */
  takeNotices(): Action[] {
    if (!this.pending.length) return []
    const out = this.pending
    this.pending = []
    return out
  }

  private notify(rule: string, text: string): void {
    this.pending.push({ type: 'notifyAdmins', rule, text })
    if (this.pending.length > 3) this.pending.shift()
  }
}

/** A file's content hash; `''` when it cannot be read (a reload then reports why). */
function hashOf(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex')
  } catch {
    return ''
  }
}
