import { foldString } from './normalize.js'
import { patternProblem } from './patterns.js'
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

/** Every problem of a dictionary built in code (no file locations), as "category: message". */
export function dictionaryProblems(dictionary: Dictionary): string[] {
  const problems: string[] = []
  for (const [key, rule] of Object.entries(dictionary.categories)) {
    for (const term of rule.terms) {
      const problem = termProblem(term)
      if (problem) problems.push(`${key}: term ${JSON.stringify(term)} ${problem}`)
    }
    for (const phrase of rule.allow) {
      const problem = termProblem(phrase)
      if (problem) problems.push(`${key}: allowed phrase ${JSON.stringify(phrase)} ${problem}`)
    }
    for (const source of rule.patterns) {
      const problem = patternProblem(source)
      if (problem) problems.push(`${key}: pattern ${JSON.stringify(source)}: ${problem}`)
    }
  }
  for (const domain of dictionary.links?.allowDomains ?? []) {
    const problem = domainProblem(domain)
    if (problem) problems.push(`links: allowed domain ${JSON.stringify(domain)} ${problem}`)
  }
  return problems
}
