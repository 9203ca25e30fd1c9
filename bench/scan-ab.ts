/**
 * The whole scan of this tree against another source tree's, in one process, on the matcher bench's quick chat (10k
 * terms, default expansions, message by message): `npx tsx bench/scan-ab.ts OTHER_TREE [--rounds N] [--warm N]`
 * (OTHER_TREE e.g. a copy of the branch's start, see bench/scan-diff.ts). The bare loop and each tree's scan take
 * turns (interleavedCpuSamples: the order reversed every other round; `--warm` rounds dropped first, 15 by default,
 * as the rules' code reaches its optimized form only after about ten passes). Prints ms a MB (median CPU time), bare ÷
 * each, and this ÷ other per round: the median and the quartiles. Run it in both orders (from each tree) on a
 * shared machine.
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEFAULT_EXPANSIONS, type Matcher, compileMatcher } from '../plugins/content/matcher/index.js'
import { bareLookupLoop, benchInputs, dictionaryOf } from './matcher.js'
import { interleavedCpuSamples, loadAverageLine, medianMsPerMb, numberOption } from './measure.js'

const other = resolve(process.argv[2] ?? '.')
const rounds = numberOption('--rounds', 21)
const warm = numberOption('--warm', 15)
const theirs = await import(pathToFileURL(join(other, 'plugins/content/matcher/index.ts')).href)
const { allTerms, messages, table, mb } = benchInputs([10_000], true)
const dictionary = dictionaryOf(allTerms.slice(0, 10_000), DEFAULT_EXPANSIONS)
const mine: Matcher = compileMatcher(dictionary)
const their: Matcher = theirs.compileMatcher(dictionary)

/** Scans each message on its own (an indexed loop, see bareLookupLoop); returns the number of matches. */
function scanEach(matcher: Matcher): number {
  let found = 0
  for (let k = 0; k < messages.length; k++) found += matcher.scan(messages[k]).length
  return found
}

const samples = interleavedCpuSamples(
  {
    'bare loop': () => bareLookupLoop(messages, table),
    'scan, this tree': () => scanEach(mine),
    'scan, other tree': () => scanEach(their),
  },
  rounds,
  warm,
)
const msOf = medianMsPerMb(samples, mb)
console.log(`${mb.toFixed(2)} MB of chat, ${rounds} rounds after ${warm}, ${loadAverageLine()}; ms a MB, bare ÷ this`)
for (const name of samples.keys())
  console.log(`${name.padEnd(18)} ${msOf(name).toFixed(3).padStart(7)}  ${(msOf('bare loop') / msOf(name)).toFixed(3)}`)
const theirsOf = samples.get('scan, other tree')!
const ratios = samples
  .get('scan, this tree')!
  .map((ms, k) => ms / theirsOf[k])
  .sort((x, y) => x - y)
const at = (q: number): string => ratios[Math.round(q * (ratios.length - 1))].toFixed(3)
console.log(`this ÷ other, per round: median ${at(0.5)} (quartiles ${at(0.25)}–${at(0.75)})`)
