import { domainProblem, normalizeDomain, patternProblem, termProblem, valueProblemText } from './dictionary-checks.js'
import type { DictionaryProblem, DictionaryProblemCode } from './dictionary-error.js'
import { allowIsTerm, disableUnused, twoCategories, type DictionaryWarning } from './dictionary-warning.js'
import { foldString } from './normalize.js'
import { DEFAULT_EXPANSIONS, type ExpansionKind } from './expand.js'
import { STANDARD_CATEGORIES } from './standard-categories.js'
import { DEFAULT_ACT, type CategoryRule, type Dictionary, type MatchKind, type Severity } from './types.js'
import type { FilePlace } from './yaml-locator.js'

/** A string from a dictionary file with its place. */
export interface Located {
  value: string
  at: FilePlace
  /** For a `disable` entry: true once it switched off a word of an earlier file. */
  used?: boolean
}

/** A category merged from one or more files, before validation. */
export interface CategoryDraft {
  at: FilePlace
  label?: string
  severity?: Severity
  terms: Located[]
  allow: Located[]
  patterns: Located[]
  /** The expansions the last file that set them asked for. */
  expand?: ExpansionKind[]
  /** The kinds that act, as the last file that set them asked for. */
  act?: MatchKind[]
  context: Located[]
  /** Terms that need a slang context word nearby, and those words (see CategoryRule.slang). */
  slang: Located[]
  slangContext: Located[]
  /** Words of earlier files this category's later files switch off (see the `disable` key). */
  disable: Located[]
}

/** The links section merged from one or more files, before validation. */
export interface LinksDraft {
  at: FilePlace
  category?: string
  label?: string
  severity?: Severity
  allowDomains: Located[]
}

/** Everything read from the dictionary files, in file order. */
export interface DictionaryDraft {
  categories: Map<string, CategoryDraft>
  links: LinksDraft | null
  /** Category keys (and "links") with a part that could not be read: their completeness is unknown. */
  unreadable: Set<string>
  /** True when a whole file could not be read. */
  fileUnreadable: boolean
}

/** The validated dictionary (null if there are problems), the problems and the warnings. */
export interface DraftResult {
  dictionary: Dictionary | null
  problems: DictionaryProblem[]
  warnings: DictionaryWarning[]
}

/** A problem at a place of a file. */
export function problemAt(
  at: FilePlace,
  code: DictionaryProblemCode,
  message: string,
  category?: string,
): DictionaryProblem {
  return {
    code,
    file: at.file,
    line: at.line,
    column: at.column,
    ...(category === undefined ? {} : { category }),
    message,
  }
}

/** What a category's label and severity are, for the admin who left one out. */
const LACKING = { label: '类别的中文名，如 label: 广告', severity: '严重程度，low、medium 或 high' }

/**
 * Validates a merged draft. Checks that need every part of a category (its label and severity) are
 * skipped for parts that could not be read: those already have their own problem.
 */
export function finishDraft(draft: DictionaryDraft): DraftResult {
  const problems: DictionaryProblem[] = []
  const warnings: DictionaryWarning[] = []
  const firstTerm = new Map<string, { category: string; term: Located }>()
  const categories: Record<string, CategoryRule> = {}
  const isComplete = (key: string): boolean => !draft.fileUnreadable && !draft.unreadable.has(key)
  for (const [key, d] of draft.categories) {
    const complete = isComplete(key)
    for (const field of ['label', 'severity'] as const)
      if (complete && d[field] === undefined)
        problems.push(
          problemAt(
            d.at,
            'category-incomplete',
            `类别 ${key} 缺少 ${field}：${LACKING[field]}（category "${key}" has no ${field}）`,
            key,
          ),
        )
    // Each value with what is wrong with it, said at its list (`categories.ad.slang` for slang).
    const check = (code: DictionaryProblemCode, list: string, value: Located, problem: string | null) => {
      if (problem)
        problems.push(
          problemAt(value.at, code, valueProblemText(`categories.${key}.${list}`, value.value, problem), key),
        )
      return problem
    }
    const termIds = new Map<string, Located>()
    for (const [list, term] of [
      ...d.terms.map(t => ['terms', t] as const),
      ...d.slang.map(t => ['slang', t] as const),
    ]) {
      const problem = check('empty-term', list, term, termProblem(term.value))
      const id = String.fromCodePoint(...foldString(term.value))
      if (problem || termIds.has(id)) continue
      termIds.set(id, term)
      const earlier = firstTerm.get(id)
      if (!earlier) firstTerm.set(id, { category: key, term })
      else warnings.push(twoCategories(term, key, earlier))
    }
    for (const phrase of d.allow) {
      const problem = check('empty-term', 'allow', phrase, termProblem(phrase.value))
      const same = problem ? undefined : termIds.get(String.fromCodePoint(...foldString(phrase.value)))
      if (same) warnings.push(allowIsTerm(phrase, key, same))
    }
    for (const off of d.disable) if (!off.used) warnings.push(disableUnused(off, key))
    for (const pattern of d.patterns) check('bad-pattern', 'patterns', pattern, patternProblem(pattern.value))
    const standard = Object.hasOwn(STANDARD_CATEGORIES, key) ? STANDARD_CATEGORIES[key] : undefined
    categories[key] = {
      label: d.label ?? key,
      severity: d.severity ?? 'medium',
      terms: [...d.terms, ...d.slang].map(t => t.value),
      allow: d.allow.map(a => a.value),
      patterns: d.patterns.map(p => p.value),
      expand: d.expand ?? [...(standard?.expand ?? DEFAULT_EXPANSIONS)],
      act: d.act ?? [...DEFAULT_ACT],
      context: d.context.length > 0 ? d.context.map(c => c.value) : [...(standard?.context ?? [])],
      // Only when given: a dictionary without slang is as it was (and keeps its cache key).
      ...(d.slang.length > 0 ? { slang: d.slang.map(t => t.value) } : {}),
      ...(d.slangContext.length > 0 ? { slangContext: d.slangContext.map(c => c.value) } : {}),
    }
  }
  const links = draft.links
  if (links) {
    const missing = (['category', 'label', 'severity'] as const).filter(field => links[field] === undefined)
    // `links` is a top-level section (beside `categories`), not a category: one problem names what it lacks.
    if (isComplete('links') && missing.length > 0)
      problems.push(
        problemAt(
          links.at,
          'links-incomplete',
          `顶层的 links 段缺少 ${missing.join(' / ')}：它是链接设置，不是类别（the top-level links section has no ${missing.join(' / ')}）`,
        ),
      )
    for (const domain of links.allowDomains) {
      const problem = domainProblem(domain.value)
      if (problem)
        problems.push(
          problemAt(domain.at, 'bad-domain', valueProblemText('links.allow_domains', domain.value, problem)),
        )
    }
  }
  if (problems.length > 0) return { dictionary: null, problems, warnings }
  const dictionary: Dictionary = {
    categories,
    links: links && {
      category: links.category ?? 'link',
      label: links.label ?? 'link',
      severity: links.severity ?? 'medium',
      allowDomains: [...new Set(links.allowDomains.map(d => normalizeDomain(d.value)))],
    },
  }
  return { dictionary, problems, warnings }
}
