/**
 * Precision / recall of eval.jsonl, eval-v2 and every held-out sample, stretch rows apart, review-only hits
 * flagged, with two dictionaries under the eval-v2 options: the shared one the samples were labelled with, and
 * the one the product ships (data/dictionaries/default.yaml: more terms, and the slang patterns):
 * `npx tsx test/plugins/content/matcher/heldout-table.ts [--toneless all|porn,insult…] [--no-toneless]
 * [--without kind,…] [--internal kind,…]` (toneless added to those categories' expand, or taken from all; rows
 * of those kinds left out, e.g. `clean-internal-work`, which only a group kind can tell apart; or read as a
 * staff member's in an internal group under the content plugin's default scope, see asInternalStaff).
 */
import path from 'node:path'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import {
  EVAL_FILE,
  EVAL_V2_OPTIONS,
  SHARED_DICTIONARY,
  SHIPPED_DICTIONARY,
  asInternalStaff,
  scoreEval,
} from './eval-helpers.js'
import { repoRoot } from './helpers.js'

const args = process.argv.slice(2)
const at = args.indexOf('--toneless')
const toneless = at >= 0 ? args[at + 1] : undefined
const without = new Set(args.includes('--without') ? args[args.indexOf('--without') + 1].split(',') : [])
const internal = new Set(args.includes('--internal') ? args[args.indexOf('--internal') + 1].split(',') : [])

/** The matcher of a dictionary file under the eval-v2 options and this run's toneless flags. */
function matcherOf(file: string) {
  const { dictionary } = loadDictionaryFiles([file, EVAL_V2_OPTIONS])
  for (const [category, rule] of Object.entries(dictionary.categories)) {
    const kinds = (rule.expand ?? []).filter(k => k !== 'toneless' || !args.includes('--no-toneless'))
    if (toneless === 'all' || toneless?.split(',').includes(category)) kinds.push('toneless')
    rule.expand = [...new Set(kinds)]
  }
  return compileMatcher(dictionary)
}

const fixtures = path.resolve(repoRoot, 'test/plugins/content/matcher/fixtures')
const files = [
  EVAL_FILE,
  path.resolve(repoRoot, '../shared/moderation/eval-v2.jsonl'),
  ...[
    'dev',
    'test',
    'final',
    'blind4',
    'blind5',
    'blind6',
    'blind7',
    'blind8',
    'blind9',
    'blind10',
    'blind11',
    'blind12',
    'blind13',
    'blind14',
    'blind15',
    'blind16',
    'blind17',
    'blind18',
    'blind19',
    'blind20',
    'blind21',
    'blind22',
    'blind23',
    'blind24',
    'blind25',
    'blind26',
    'blind27',
    'blind28',
    'blind29',
    'blind30',
    'blind31',
    'blind32',
    'blind33',
    'blind34',
    'blind35',
    'blind36',
    'blind37',
    'blind38',
    'blind39',
    'blind40',
    'blind41',
    'blind42',
    'blind43',
    'blind44',
    'blind45',
    'blind46',
    'blind47',
    'blind48',
    'blind49',
    'blind50',
    'blind51',
    'blind52',
    'blind53',
    'blind54',
    'blind55',
    'blind56',
  ].map(name => path.join(fixtures, `heldout-${name}.jsonl`)),
]
const shared = asInternalStaff(matcherOf(SHARED_DICTIONARY), files, internal)
const shipped = asInternalStaff(matcherOf(SHIPPED_DICTIONARY), files, internal)
const figures = (s: { precision: number; recall: number }) => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)}`
console.info(
  "sample: shared dictionary | shipped default.yaml (the second with the samples' company site, eval-v2-options.yaml)",
)
for (const file of files) {
  const keep = (kind: string) => kind !== 'stretch' && !without.has(kind)
  console.info(
    `${path.basename(file)}: ${figures(scoreEval(shared, file, keep))} | ${figures(scoreEval(shipped, file, keep))}`,
  )
}
