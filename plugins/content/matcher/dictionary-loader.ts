import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { LineCounter, parseDocument } from 'yaml'
import { fileProblem } from '../../../bot/config/user-file.js'
import { issueText } from '../../../bot/config/issue-text.js'
import { knownKeysAt, nearestKey } from '../../../bot/config/suggest-key.js'
import type { z } from 'zod'
import { DictionaryError, type DictionaryProblem } from './dictionary-error.js'
import type { DictionaryWarning } from './dictionary-warning.js'
import { syntaxProblems, yamlWarnings } from './dictionary-syntax.js'
import { finishDraft, problemAt, type DictionaryDraft, type Located } from './dictionary-draft.js'
import { foldString } from './normalize.js'
import {
  categorySchema,
  dictionaryFileSchema,
  linksSchema,
  strictDictionaryFileSchema,
  type CategoryEntry,
  type LinksEntry,
} from './dictionary-schema.js'
import type { Dictionary } from './types.js'
import { YamlLocator, formatPath, type YamlPath } from './yaml-locator.js'

/** A loaded dictionary and the non-fatal warnings found while loading it. */
export interface LoadedDictionary {
  dictionary: Dictionary
  /** What an admin should look at though it loads, e.g. a term listed in two categories (see warningText). */
  warnings: DictionaryWarning[]
}

/**
 * Loads and merges dictionary YAML files in order: categories with the same key are merged (lists
 * are concatenated, a later label or severity wins), and so are the links sections.
 * Throws DictionaryError listing every problem with its file and line. The same files, unchanged, give the same
 * result object (shared: callers must not change it).
 */
export function loadDictionaryFiles(paths: string[]): LoadedDictionary {
  const sources = paths.map(readSource)
  // A start reads the same files twice (the config check, then the content plugin): the second read is the first's.
  const key = createHash('sha256')
    .update(JSON.stringify([paths, sources.map(s => (typeof s === 'string' ? s : null))]))
    .digest('hex')
  if (lastLoad?.key === key) return lastLoad.loaded
  const problems: DictionaryProblem[] = []
  const warnings: DictionaryWarning[] = []
  const draft: DictionaryDraft = { categories: new Map(), links: null, unreadable: new Set(), fileUnreadable: false }
  if (paths.length === 0) problems.push({ code: 'no-file', message: '没有给出词库文件（no dictionary file given）' })
  for (const [i, path] of paths.entries()) readDictionaryFile(path, sources[i], draft, problems, warnings)
  const result = finishDraft(draft)
  problems.push(...result.problems)
  warnings.push(...result.warnings)
  if (problems.length > 0 || !result.dictionary) throw new DictionaryError(problems)
  const loaded = { dictionary: result.dictionary, warnings }
  lastLoad = { key, loaded }
  return loaded
}

/**
 * The last dictionary loaded, keyed by a hash of its files' paths and contents: loading the same files unchanged returns
 * the same (shared, never changed) result; any edit of a file loads anew.
 */
let lastLoad: { key: string; loaded: LoadedDictionary } | undefined

function readSource(path: string): string | Error {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    return error as Error
  }
}

/** Parses one file's source and merges it into the draft, recording problems with file and line. */
function readDictionaryFile(
  path: string,
  source: string | Error,
  draft: DictionaryDraft,
  problems: DictionaryProblem[],
  warnings: DictionaryWarning[],
): void {
  if (typeof source !== 'string') {
    const message =
      fileProblem(path, { zh: '词库文件', en: 'dictionary file' }) ??
      `无法读取词库文件 cannot read dictionary file: ${path}（${source.message}）`
    problems.push({ code: 'unreadable', file: path, message })
    draft.fileUnreadable = true
    return
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const locator = new YamlLocator(path, doc, lineCounter)
  warnings.push(...yamlWarnings(doc.warnings, locator))
  if (doc.errors.length > 0) {
    problems.push(...syntaxProblems(doc.errors, locator))
    draft.fileUnreadable = true
    return
  }
  const report = (issues: z.core.$ZodIssue[], prefix: YamlPath, schema: z.ZodType): void => {
    for (const issue of issues) problems.push(...describeIssue(locator, issue, prefix, schema))
  }
  const raw: unknown = doc.toJS()
  if (raw === null || raw === undefined) {
    // Nothing but comments (a company file just created): said as such, not as "expected a mapping, received null".
    const message = '词库文件是空的：至少要写 categories: 或 links:（the dictionary file is empty）'
    problems.push(problemAt(locator.placeOf([]), 'invalid-value', message))
    draft.fileUnreadable = true
    return
  }
  const strict = strictDictionaryFileSchema.safeParse(raw)
  if (!strict.success) report(strict.error.issues, [], strictDictionaryFileSchema)
  const file = strict.success ? strict : dictionaryFileSchema.safeParse(raw)
  if (!file.success) {
    draft.fileUnreadable = true
    return
  }
  for (const [key, value] of Object.entries(file.data.categories ?? {})) {
    const category = categorySchema.safeParse(value)
    if (category.success) mergeCategory(key, category.data, locator, draft)
    else {
      report(category.error.issues, ['categories', key], categorySchema)
      draft.unreadable.add(key)
    }
  }
  if (file.data.links === undefined) return
  const links = linksSchema.safeParse(file.data.links)
  if (links.success) mergeLinks(links.data, locator, draft)
  else {
    report(links.error.issues, ['links'], linksSchema)
    draft.unreadable.add('links')
  }
}

/**
 * The problems of a schema issue (checked by `schema` at `prefix`), "path: message" in Chinese as config problems
 * are; each unknown key is a problem of its own at the key's line, naming the nearest key the schema knows there.
 */
function describeIssue(
  locator: YamlLocator,
  issue: z.core.$ZodIssue,
  prefix: YamlPath,
  schema: z.ZodType,
): DictionaryProblem[] {
  const path: YamlPath = [...prefix, ...issue.path]
  const category = path[0] === 'categories' && typeof path[1] === 'string' ? path[1] : undefined
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path)
    return issue.keys.map(key => {
      const near = nearestKey(key, known)
      const hint = near ? `是不是 ${near}？（unknown key, did you mean ${near}?）` : '拼写错了？（unknown key）'
      const at = locator.keyPlace(path, key) ?? locator.placeOf(path)
      return problemAt(at, 'unknown-key', `${formatPath([...path, key])}: 未知的设置项，${hint}`, category)
    })
  }
  const where = path.length > 0 ? `${formatPath(path)}: ` : ''
  return [problemAt(locator.placeOf(path), 'invalid-value', `${where}${issueText(issue)}`, category)]
}

/** The strings of a YAML list with their places in the file. */
function located(locator: YamlLocator, values: string[] | null | undefined, path: YamlPath): Located[] {
  return (values ?? []).map((value, i) => ({ value, at: locator.placeOf([...path, i]) }))
}

/** Merges one category of a file into the draft. */
function mergeCategory(key: string, category: CategoryEntry, locator: YamlLocator, draft: DictionaryDraft): void {
  const path = ['categories', key]
  let d = draft.categories.get(key)
  if (!d) {
    d = {
      at: locator.placeOf(path),
      terms: [],
      allow: [],
      patterns: [],
      context: [],
      slang: [],
      slangContext: [],
      disable: [],
    }
    draft.categories.set(key, d)
  }
  if (category.label !== undefined) d.label = category.label
  if (category.severity !== undefined) d.severity = category.severity
  if (category.expand !== undefined && category.expand !== null) d.expand = category.expand
  if (category.act !== undefined && category.act !== null) d.act = category.act
  const slang = located(locator, category.slang, [...path, 'slang'])
  const terms = located(locator, category.terms, [...path, 'terms'])
  const disable = located(locator, category.disable, [...path, 'disable'])
  // A later file decides what an earlier one listed: its term is a term (even if the shipped file lists it as
  // slang, which needs a context word), its slang is slang, and what it disables is gone.
  const drop = (list: Located[], ids: Set<string>, by: Located[]): Located[] => {
    const kept = list.filter(t => !ids.has(termId(t.value)))
    for (const entry of by) if (list.some(t => termId(t.value) === termId(entry.value))) entry.used = true
    return kept
  }
  const off = new Set(disable.map(t => termId(t.value)))
  d.slang = drop(d.slang, new Set([...terms.map(t => termId(t.value)), ...off]), disable)
  d.terms = drop(d.terms, new Set([...slang.map(t => termId(t.value)), ...off]), disable)
  d.allow = drop(d.allow, off, disable)
  d.disable.push(...disable)
  d.context.push(...located(locator, category.context, [...path, 'context']))
  d.slang.push(...slang)
  d.slangContext.push(...located(locator, category.slang_context, [...path, 'slang_context']))
  d.terms.push(...terms)
  d.allow.push(...located(locator, category.allow, [...path, 'allow']))
  d.patterns.push(...located(locator, category.patterns, [...path, 'patterns']))
}

/** A term's identity as the matcher sees it (folded: `加 薇` is 加薇). */
function termId(term: string): string {
  return String.fromCodePoint(...foldString(term))
}

/** Merges the links section of a file into the draft. */
function mergeLinks(entry: LinksEntry, locator: YamlLocator, draft: DictionaryDraft): void {
  const links = (draft.links ??= { at: locator.placeOf(['links']), allowDomains: [] })
  if (entry.category !== undefined) links.category = entry.category
  if (entry.label !== undefined) links.label = entry.label
  if (entry.severity !== undefined) links.severity = entry.severity
  links.allowDomains.push(...located(locator, entry.allow_domains, ['links', 'allow_domains']))
}
