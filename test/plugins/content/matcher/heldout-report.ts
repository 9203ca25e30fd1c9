/**
 * Prints the held-out report of one or more labelled samples with the eval-v2 setup (shared dictionary plus
 * fixtures/eval-v2-options.yaml; with `--shipped`, data/dictionaries/default.yaml in place of the shared one):
 * `npx tsx test/plugins/content/matcher/heldout-report.ts [--shipped] <file.jsonl>...`.
 */
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { EVAL_V2_OPTIONS, SHARED_DICTIONARY, SHIPPED_DICTIONARY, reportEval } from './eval-helpers.js'

const args = process.argv.slice(2)
const dictionary = args.includes('--shipped') ? SHIPPED_DICTIONARY : SHARED_DICTIONARY
const matcher = compileMatcher(loadDictionaryFiles([dictionary, EVAL_V2_OPTIONS]).dictionary)
for (const file of args.filter(a => a !== '--shipped')) console.info(reportEval(matcher, file).lines.join('\n'))
