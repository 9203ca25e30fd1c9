/**
 * Differential check of this tree's matcher against another tree's on the same dictionaries:
 * `npx tsx test/plugins/content/matcher/differential.ts OTHER_TREE [TEXTS] [DICTIONARY.yaml...]`
 * (e.g. /work/main 60000 ../shared/moderation/dictionary.yaml). Per dictionary (10k bench terms with the
 * default expansions, 3k with every kind, the default dictionary, and the files named): whether the
 * compiled tables are deep-equal, and how many of TEXTS synthetic messages (chat characters around terms
 * written as the other tree's expansions of every kind, upper-cased or split by separators) get
 * different findings (JSON of scan: categories, terms, spans, kinds, forms, review-only). Exits 1 on any
 * difference. Not a vitest file: a full run takes minutes.
 */
import { isDeepStrictEqual } from 'node:util'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as mine from '../../../../plugins/content/matcher/index.js'
import { compileTables as mineTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { repoRoot } from './helpers.js'
import { commonTerms, dictionaryOf, prng, zipfCharacters } from '../../../../bench/matcher.js'

const other = resolve(process.argv[2] ?? '.')
const texts = Number(process.argv[3] ?? 60000)
const load = (p: string) => import(pathToFileURL(join(other, 'plugins/content/matcher', p)).href)
const theirs = await load('index.ts')
const theirTables = (await load('compiled-tables.ts')).compileTables
const theirExpand = (await load('expand.ts')).expandTerm

const random = prng(99)
const ALL = ['pinyin', 'initials', 'homophone', 'split', 'lookalike'] as const
const terms = commonTerms(10000, prng(5))
const dictionaries: Array<[string, mine.Dictionary]> = [
  ['bench10k default', dictionaryOf(terms, mine.DEFAULT_EXPANSIONS)],
  ['bench3k all kinds', dictionaryOf(terms.slice(0, 3000), [...ALL])],
  ['default.yaml', mine.loadDictionaryFiles([join(repoRoot, 'data/dictionaries/default.yaml')]).dictionary],
  ...process.argv
    .slice(4)
    .map((file): [string, mine.Dictionary] => [file, mine.loadDictionaryFiles([file]).dictionary]),
]
const nextChar = zipfCharacters(prng(3))
const SEP = ['', '', '', ' ', '*', '\u200b', '😀', '.', '-']
/** What stands between chat characters: Latin words, digits and file names beside a form test where forms read as a word. */
const NOISE = [' ', 'ok', 'VIP', '，', 'a', 'http://x.cn/', '@', 'PPT', 'x', '8', 'Q3', '.pdf']
const pick = <T>(l: readonly T[]): T => l[Math.floor(random() * l.length)]
let failures = 0
for (const [name, dictionary] of dictionaries) {
  const t0 = performance.now()
  const a = mineTables(dictionary)
  const b = theirTables(dictionary)
  const { alphabet: aa, ...ra } = a
  const { alphabet: ab, ...rb } = b
  // Fields one tree's index has and the other's lacks (a new table) are left out of the comparison.
  const shared = <T extends object>(x: T, y: object): T =>
    Object.fromEntries(Object.entries(x).filter(([k]) => k in y)) as T
  const [sa, sb] = [shared(ra, rb), shared(rb, ra)]
  sa.index = shared(ra.index, rb.index)
  sb.index = shared(rb.index, ra.index)
  const tablesSame =
    isDeepStrictEqual(sa, sb) &&
    isDeepStrictEqual([aa.size, aa.codePoints, aa.codes], [ab.size, ab.codePoints, ab.codes])
  const m = mine.compileMatcher(dictionary)
  const t = theirs.compileMatcher(dictionary)
  const allTerms = Object.values(dictionary.categories).flatMap(c => [...c.terms, ...c.allow, ...(c.context ?? [])])
  const kinds = new Set<string>(ALL)
  let differ = 0
  let matches = 0
  for (let i = 0; i < texts; i++) {
    let text = ''
    const parts = 1 + Math.floor(random() * 3)
    for (let p = 0; p < parts; p++) {
      for (let k = Math.floor(random() * 12); k > 0; k--) text += random() < 0.9 ? nextChar() : pick(NOISE)
      const term = pick(allTerms)
      const r = random()
      let form = term
      if (r < 0.7) {
        const forms: Array<{ form: string }> = theirExpand(term, kinds)
        if (forms.length > 0) form = pick(forms).form
      }
      if (random() < 0.2) form = form.toUpperCase()
      text += random() < 0.3 ? [...form].join(pick(SEP)) : form
    }
    const x = JSON.stringify(m.scan(text))
    const y = JSON.stringify(t.scan(text))
    matches += x.length > 2 ? 1 : 0
    if (x !== y) {
      if (differ++ < 5) console.log('DIFF', name, JSON.stringify(text), '\n mine  ', x, '\n theirs', y)
    }
  }
  failures += differ + (tablesSame ? 0 : 1)
  console.log(
    `${name}: tables ${tablesSame ? 'identical' : 'DIFFERENT'}, ${texts} texts (${matches} with findings), ${differ} differ, ${Math.round(performance.now() - t0)} ms`,
  )
}
process.exit(failures > 0 ? 1 : 0)
