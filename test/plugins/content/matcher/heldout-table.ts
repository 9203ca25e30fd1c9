/**
 * Precision / recall of eval.jsonl, eval-v2 and every held-out sample with the eval-v2 setup, stretch rows
 * apart, review-only hits flagged: `npx tsx test/plugins/content/matcher/heldout-table.ts [--toneless
 * all|porn,insult…] [--no-toneless]` (toneless added to those categories' expand, or taken from all).
 */
import path from 'node:path'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { EVAL_FILE, EVAL_V2_OPTIONS, SHARED_DICTIONARY, scoreEval } from './eval-helpers.js'
import { repoRoot } from './helpers.js'

const args = process.argv.slice(2)
const at = args.indexOf('--toneless')
const toneless = at >= 0 ? args[at + 1] : undefined
const { dictionary } = loadDictionaryFiles([SHARED_DICTIONARY, EVAL_V2_OPTIONS])
for (const [category, rule] of Object.entries(dictionary.categories)) {
  const kinds = (rule.expand ?? []).filter(k => k !== 'toneless' || !args.includes('--no-toneless'))
  if (toneless === 'all' || toneless?.split(',').includes(category)) kinds.push('toneless')
  rule.expand = [...new Set(kinds)]
}
const matcher = compileMatcher(dictionary)
const fixtures = path.resolve(repoRoot, 'test/plugins/content/matcher/fixtures')
const files = [
  EVAL_FILE,
  path.resolve(repoRoot, '../shared/moderation/eval-v2.jsonl'),
  ...['dev', 'test', 'final', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8'].map(name =>
    path.join(fixtures, `heldout-${name}.jsonl`),
  ),
]
for (const file of files) {
  const s = scoreEval(matcher, file, kind => kind !== 'stretch')
  console.info(`${path.basename(file)}: ${s.precision.toFixed(3)} / ${s.recall.toFixed(3)}`)
}
