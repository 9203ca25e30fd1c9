/**
 * Prints the held-out report of one or more labelled samples with the eval-v2 setup (shared dictionary plus
 * fixtures/eval-v2-options.yaml): `npx tsx test/plugins/content/matcher/heldout-report.ts <file.jsonl>...`.
 */
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { EVAL_V2_OPTIONS, SHARED_DICTIONARY, reportEval } from './eval-helpers.js'

const matcher = compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY, EVAL_V2_OPTIONS]).dictionary)
for (const file of process.argv.slice(2)) console.info(reportEval(matcher, file).lines.join('\n'))
