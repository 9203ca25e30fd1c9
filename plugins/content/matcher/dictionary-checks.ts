import { foldString } from './normalize.js'
import { patternProblem } from './patterns.js'
import type { DictionaryProblem, DictionaryProblemCode } from './dictionary-error.js'
import type { Dictionary } from './types.js'

export { patternProblem }

/** Why a term or allowed phrase cannot be matched, or null. */
export function termProblem(term: string): string | null {
  return foldString(term).length === 0
    ? 'is empty after normalisation (only separators, punctuation, symbols or emoji)'
    : null
}

/** An allowed domain as compared with hosts: lower case, without a leading "*." or ".". */
export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^\*?\./, '')
    .replace(/\.$/, '')
}

/** Why an allowed domain is not a host name, or null. */
export function domainProblem(domain: string): string | null {
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(normalizeDomain(domain))
    ? null
    : 'is not a host name (write example.com, without scheme or path)'
}

/** Every problem of a dictionary built in code (no file locations), each message "category: …". */
export function dictionaryProblems(dictionary: Dictionary): DictionaryProblem[] {
  const problems: DictionaryProblem[] = []
  for (const [category, rule] of Object.entries(dictionary.categories)) {
    const add = (code: DictionaryProblemCode, message: string) =>
      problems.push({ code, category, message: `${category}: ${message}` })
    for (const term of rule.terms) {
      const problem = termProblem(term)
      if (problem) add('empty-term', `term ${JSON.stringify(term)} ${problem}`)
    }
    for (const phrase of rule.allow) {
      const problem = termProblem(phrase)
      if (problem) add('empty-term', `allowed phrase ${JSON.stringify(phrase)} ${problem}`)
    }
    for (const source of rule.patterns) {
      const problem = patternProblem(source)
      if (problem) add('bad-pattern', `pattern ${JSON.stringify(source)}: ${problem}`)
    }
  }
  for (const domain of dictionary.links?.allowDomains ?? []) {
    const problem = domainProblem(domain)
    if (problem)
      problems.push({ code: 'bad-domain', message: `links: allowed domain ${JSON.stringify(domain)} ${problem}` })
  }
  return problems
}
