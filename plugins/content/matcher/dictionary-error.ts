/** Thrown when dictionary files cannot be loaded; lists every problem as "file:line: message". */
export class DictionaryError extends Error {
  readonly problems: string[]

  constructor(problems: string[]) {
    super(`词库有误 (invalid dictionary):\n${problems.map(p => `  ${p}`).join('\n')}`)
    this.name = 'DictionaryError'
    this.problems = problems
  }
}
