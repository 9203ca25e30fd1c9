import { foldString } from './normalize.js'
import { patternProblem } from './patterns.js'
import type { DictionaryProblem, DictionaryProblemCode } from './dictionary-error.js'
import type { Dictionary } from './types.js'

export { patternProblem }

/** Why a term or allowed phrase cannot be matched, or null. */
export function termProblem(term: string): string | null {
  return foldString(term).length === 0
    ? '规范化后是空的：只有分隔符、标点、符号或表情，什么也匹配不到（is empty after normalisation: only separators, punctuation, symbols or emoji）'
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
    : '不是域名：只写 example.com，不要 https:// 和路径（is not a host name: write example.com, without scheme or path）'
}

/** Every problem of a dictionary built in code (no file locations), each message "category.list: …" as files say it. */
export function dictionaryProblems(dictionary: Dictionary): DictionaryProblem[] {
  const problems: DictionaryProblem[] = []
  for (const [category, rule] of Object.entries(dictionary.categories)) {
    const add = (code: DictionaryProblemCode, list: string, value: string, problem: string | null) => {
      if (problem) problems.push({ code, category, message: valueProblemText(`${category}.${list}`, value, problem) })
    }
    for (const term of rule.terms) add('empty-term', 'terms', term, termProblem(term))
    for (const phrase of rule.allow) add('empty-term', 'allow', phrase, termProblem(phrase))
    for (const source of rule.patterns) add('bad-pattern', 'patterns', source, patternProblem(source))
  }
  for (const domain of dictionary.links?.allowDomains ?? []) {
    const problem = domainProblem(domain)
    if (problem)
      problems.push({ code: 'bad-domain', message: valueProblemText('links.allow_domains', domain, problem) })
  }
  return problems
}

/** The message of a problem with one value of a list: `categories.ad.terms: "——" 规范化后是空的…`. */
export function valueProblemText(list: string, value: string, problem: string): string {
  return `${list}: ${JSON.stringify(value)} ${problem}`
}
