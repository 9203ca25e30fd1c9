/**
 * Findings of this tree's matcher.scan against another source tree's, text by text, for a change meant to make the
 * scan faster and nothing else: `npx tsx bench/scan-diff.ts OTHER_TREE` (e.g. a copy of the branch's start made with
 * `git archive START | tar -x -C DIR` and node_modules linked). The texts: the matcher bench's chat (the quick run's
 * 1 MB and the full run's 4 MB, one message each) scanned with its 10k-term dictionary (default expansions), and every
 * line of the held-out fixtures (those kept unseen left out, see UNSEEN) and of the shared samples (eval.jsonl,
 * eval-v2.jsonl) scanned with the shared and the shipped dictionaries under the eval-v2 options. Compares the JSON of
 * scan; prints the counts and the first differences (the bench's texts and the seen samples' only); exits 1 on any.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  DEFAULT_EXPANSIONS,
  type Dictionary,
  type Matcher,
  compileMatcher,
  loadDictionaryFiles,
} from '../plugins/content/matcher/index.js'
import { benchInputs, dictionaryOf } from './matcher.js'

/** Held-out samples nobody may read: left out here too, so that no difference ever prints one of their rows. */
const UNSEEN = /^heldout-blind(?:16|20|26|33|4[5-8])\.jsonl$/

const root = resolve(import.meta.dirname, '..')
const other = resolve(process.argv[2] ?? '.')
const theirs = await import(pathToFileURL(join(other, 'plugins/content/matcher/index.ts')).href)
const fixtures = join(root, 'test/plugins/content/matcher/fixtures')
const shared = resolve(root, '../shared/moderation')
const options = join(fixtures, 'eval-v2-options.yaml')

/** The texts of a JSONL sample's lines. */
function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => (JSON.parse(line) as { text: string }).text)
}

const samples = [
  ...readdirSync(fixtures)
    .filter(name => name.endsWith('.jsonl') && !UNSEEN.test(name))
    .map(name => join(fixtures, name)),
  ...['eval.jsonl', 'eval-v2.jsonl'].map(name => join(shared, name)).filter(existsSync),
].flatMap(linesOf)
const quick = benchInputs([10_000], true)
const full = benchInputs([10_000], false)
const chat = [...quick.messages, ...full.messages]
const runs: Array<[string, Dictionary, string[]]> = [
  ['bench 10k, chat', dictionaryOf(quick.allTerms.slice(0, 10_000), DEFAULT_EXPANSIONS), chat],
  ['shared, samples', loadDictionaryFiles([join(shared, 'dictionary.yaml'), options]).dictionary, samples],
  [
    'shipped, samples',
    loadDictionaryFiles([join(root, 'data/dictionaries/default.yaml'), options]).dictionary,
    samples,
  ],
]
let differ = 0
for (const [name, dictionary, texts] of runs) {
  const mine: Matcher = compileMatcher(dictionary)
  const their: Matcher = theirs.compileMatcher(dictionary)
  let found = 0
  let here = 0
  for (const text of texts) {
    const a = JSON.stringify(mine.scan(text))
    const b = JSON.stringify(their.scan(text))
    if (a.length > 2) found++
    if (a === b) continue
    if (here++ < 5) console.log(`DIFF ${name} ${JSON.stringify(text)}\n  this  ${a}\n  other ${b}`)
  }
  differ += here
  console.log(`${name}: ${texts.length} texts (${found} with findings), ${here} differ`)
}
process.exit(differ > 0 ? 1 : 0)
