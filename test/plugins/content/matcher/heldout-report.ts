/**
 * Prints the held-out report of one or more labelled samples with the eval-v2 setup (shared dictionary plus
 * fixtures/eval-v2-options.yaml; with `--shipped`, data/dictionaries/default.yaml in place of the shared one;
 * with `--internal kind,…`, rows of those kinds read as a staff member's in an internal group, see
 * asInternalStaff): `npx tsx test/plugins/content/matcher/heldout-report.ts [--shipped] [--internal kinds] <file.jsonl>...`.
 */
import { asInternalStaff, reportEval, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

const args = process.argv.slice(2)
const at = args.indexOf('--internal')
const internal = new Set(at >= 0 ? args[at + 1].split(',') : [])
const files = args.filter((a, i) => a !== '--shipped' && (at < 0 || (i !== at && i !== at + 1)))
const matcher = asInternalStaff(
  args.includes('--shipped') ? shippedEvalMatcher() : sharedEvalMatcher(),
  files,
  internal,
)
for (const file of files) console.info(reportEval(matcher, file).lines.join('\n'))
