import { expect } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { scopedFindings } from '../../../../plugins/content/assess/message-policy.js'
import { passesOutward } from '../../../../plugins/content/assess/outward.js'
import { contentConfigSchema } from '../../../../plugins/content/config.js'
import { type Matcher, compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { repoRoot } from './helpers.js'

/** The shared labelled sample: one message per line with the categories it should get. */
export const EVAL_FILE = path.resolve(repoRoot, '../shared/moderation/eval.jsonl')
/** The dictionary the shared sample was labelled with. */
export const SHARED_DICTIONARY = path.resolve(repoRoot, '../shared/moderation/dictionary.yaml')
/** Layered over the dictionaries the held-out samples are measured with: the samples' company site. */
export const EVAL_V2_OPTIONS = path.resolve(repoRoot, 'test/plugins/content/matcher/fixtures/eval-v2-options.yaml')
/** The dictionary the product ships and loads by default (plugins/content/config.ts DEFAULT_DICTIONARY). */
export const SHIPPED_DICTIONARY = path.resolve(repoRoot, 'data/dictionaries/default.yaml')
/** True when the shared sample is present on this machine. */
export const hasEvalFile = existsSync(EVAL_FILE) && existsSync(SHARED_DICTIONARY)

let sharedCompiled: Matcher | undefined
let shippedCompiled: Matcher | undefined

/** The matcher of the shared dictionary under the eval-v2 options (the held-out samples' setup), compiled once. */
export function sharedEvalMatcher(): Matcher {
  sharedCompiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY, EVAL_V2_OPTIONS]).dictionary)
  return sharedCompiled
}

/** The matcher of the shipped dictionary under the eval-v2 options, compiled once. */
export function shippedEvalMatcher(): Matcher {
  shippedCompiled ??= compileMatcher(loadDictionaryFiles([SHIPPED_DICTIONARY, EVAL_V2_OPTIONS]).dictionary)
  return shippedCompiled
}

/** One labelled message. */
interface EvalCase {
  id: string
  text: string
  expect: string[]
  kind: string
}

/** Precision and recall over (id, category) pairs, with the pairs that went wrong. */
export interface EvalScore {
  precision: number
  recall: number
  falsePositives: string[]
  falseNegatives: string[]
}

/** The labelled messages of a JSONL file. */
function readCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => JSON.parse(line) as EvalCase)
}

/** Runs the matcher over a labelled sample (by default the first one), keeping the kinds asked for. */
export function scoreEval(matcher: Matcher, file = EVAL_FILE, keep: (kind: string) => boolean = () => true): EvalScore {
  return score(
    matcher,
    readCases(file).filter(c => keep(c.kind)),
  )
}

/** Precision and recall per kind of message (clean kinds have recall 1 and count only false positives). */
export function scoreByKind(matcher: Matcher, file: string): Record<string, EvalScore> {
  const byKind = new Map<string, EvalCase[]>()
  for (const c of readCases(file)) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c])
  return Object.fromEntries([...byKind].map(([kind, cases]) => [kind, score(matcher, cases)]))
}

/**
 * A printable report of a labelled sample: precision and recall per kind of message, over every kind but
 * `stretch`, and every miss and false positive (review-only hits count as flagged).
 */
export function reportEval(matcher: Matcher, file: string): { lines: string[]; core: EvalScore } {
  const lines = [`${path.basename(file)}:`]
  const cases = readCases(file)
  for (const [kind, s] of Object.entries(scoreByKind(matcher, file)).sort(([a], [b]) => a.localeCompare(b))) {
    const rows = cases.filter(c => c.kind === kind)
    const figures = rows.some(c => c.expect.length > 0)
      ? `precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}`
      : `${s.falsePositives.length} false positive(s)`
    lines.push(`  ${kind} (${rows.length}): ${figures}`)
  }
  const core = scoreEval(matcher, file, kind => kind !== 'stretch')
  lines.push(`  all but stretch: precision ${core.precision.toFixed(3)} recall ${core.recall.toFixed(3)}`)
  const stretch = scoreEval(matcher, file, kind => kind === 'stretch')
  for (const wrong of [...core.falseNegatives, ...core.falsePositives]) lines.push(`  ${wrong}`)
  for (const wrong of [...stretch.falseNegatives, ...stretch.falsePositives]) lines.push(`  (stretch) ${wrong}`)
  return { lines, core }
}

/**
 * The matcher as the content plugin reads it for the rows of `kinds` in these files: a staff member's message
 * in an internal group under the plugin's default `scope` (e.g. confidential `outward`, contact `nonStaff`);
 * every other text as the matcher alone finds it. For `--internal` of the held-out tools.
 */
export function asInternalStaff(matcher: Matcher, files: string[], kinds: ReadonlySet<string>): Matcher {
  if (kinds.size === 0) return matcher
  const texts = new Set(
    files.flatMap(f =>
      readCases(f)
        .filter(c => kinds.has(c.kind))
        .map(c => c.text),
    ),
  )
  const cfg = contentConfigSchema.parse({})
  const categoriesOf = (text: string): string[] => {
    const found = matcher.categoriesOf(text)
    if (!texts.has(text)) return found
    const findings = found.map(category => ({ category, label: category, severity: 'medium' as const, evidence: [] }))
    const kept = scopedFindings(
      cfg,
      findings,
      'internal',
      true,
      () => false,
      () => passesOutward(text),
    )
    return kept.map(f => f.category)
  }
  return {
    dictionary: matcher.dictionary,
    scan: t => matcher.scan(t),
    checkUrl: u => matcher.checkUrl(u),
    categoriesOf,
  }
}

function score(matcher: Matcher, cases: EvalCase[]): EvalScore {
  let truePositives = 0
  const falsePositives: string[] = []
  const falseNegatives: string[] = []
  for (const c of cases) {
    const found = matcher.categoriesOf(c.text)
    for (const category of found) {
      if (c.expect.includes(category)) truePositives++
      else falsePositives.push(`${c.id} [${c.kind}] unexpected ${category}: ${c.text}`)
    }
    for (const category of c.expect) {
      if (!found.includes(category)) falseNegatives.push(`${c.id} [${c.kind}] missed ${category}: ${c.text}`)
    }
  }
  const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole)
  return {
    precision: ratio(truePositives, truePositives + falsePositives.length),
    recall: ratio(truePositives, truePositives + falseNegatives.length),
    falsePositives,
    falseNegatives,
  }
}

/** Asserts that each sentence gets `category` with both eval matchers (shared and shipped, eval-v2 options). */
export function flaggedInBoth(category: string, sentences: string[]): void {
  for (const m of [sharedEvalMatcher(), shippedEvalMatcher()])
    for (const s of sentences) expect(m.categoriesOf(s), s).toContain(category)
}

/** Asserts that each sentence gets no category with both eval matchers (shared and shipped, eval-v2 options). */
export function cleanInBoth(sentences: string[]): void {
  for (const m of [sharedEvalMatcher(), shippedEvalMatcher()])
    for (const s of sentences) expect(m.categoriesOf(s), s).toEqual([])
}
