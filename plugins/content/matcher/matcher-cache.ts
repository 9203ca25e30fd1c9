import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { shipped } from '../../../bot/package-root.js'
import { alphabetOf } from './alphabet.js'
import {
  type CacheHeader,
  codeFolderHash,
  decodeCacheFile,
  encodeCacheFile,
  readPrivateFile,
  writeCacheFile,
} from './cache-file.js'
import type { CompiledTables } from './compiled-tables.js'
import { EXPANSION_TABLES_FILE } from './expansion-data.js'
import { longLengthsAgree } from './image-info.js'
import { keyEndCount, keyEndsOf } from './key-ends.js'
import type { IdArray, SignedIdArray } from './key-list.js'
import { CELLS_SLOT, PREFIX_PAIRS_SLOT } from './scan-table.js'
import type { SplitTables } from './split-owners.js'
import type { Dictionary } from './types.js'

/** Bump when the compile or the file layout changes: cache files of another format are ignored and rebuilt. */
export const MATCHER_CACHE_FORMAT = 15
const MAGIC = 'GGMC'

/**
 * Compiled tables on disk, one file per dictionary: `<dir>/matcher-<key>.bin`, written atomically with mode 0600.
 * The key hashes the format, the matcher's own code and expansion data, and the merged dictionary, so an edited
 * dictionary, a changed compile or new expansion tables never read an old file. A file that does not check out
 * (magic, format, key, lengths, SHA-256 of the body) is ignored with a log line and rebuilt, never trusted.
 */
export class MatcherCache {
  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** The tables of this dictionary: from the cache file when valid, else compiled and stored. */
  tablesFor(dictionary: Dictionary, compile: (d: Dictionary) => CompiledTables): CompiledTables {
    const key = cacheKey(dictionary)
    const path = join(this.dir, `matcher-${key.slice(0, 32)}.bin`)
    const cached = this.read(path, key)
    if (cached) return cached
    const tables = compile(dictionary)
    this.write(path, key, tables)
    return tables
  }

  private read(path: string, key: string): CompiledTables | undefined {
    let file: Buffer
    try {
      file = readPrivateFile(path)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log(`matcher cache ${path} unreadable, recompiling: ${e}`)
      return undefined
    }
    try {
      return decodeTables(file, key)
    } catch (e) {
      this.log(`matcher cache ${path} invalid, recompiling: ${(e as Error).message}`)
      return undefined
    }
  }

  /** Writes the file (temp file + rename) and keeps the newest KEPT_FILES; failures are only logged. */
  private write(path: string, key: string, tables: CompiledTables): void {
    try {
      writeCacheFile(this.dir, basename(path), encodeTables(tables, key), /^matcher-[0-9a-f]+\.bin$/, KEPT_FILES)
    } catch (e) {
      this.log(`matcher cache ${path} not written: ${(e as Error).message}`)
    }
  }
}

/** Cache files kept per folder: a few dictionaries (bots sharing an install, recent edits) without growing forever. */
const KEPT_FILES = 4

/**
 * Where the content plugin keeps compiled tables: `node_modules/.cache/wechat-group-guard` of the install, which
 * outlives the data folder (the sandbox clears its own at every start), else `<outputDir>/cache`.
 */
export function matcherCacheDir(outputDir: string): string {
  const modules = shipped('node_modules')
  return existsSync(modules) ? join(modules, '.cache', 'wechat-group-guard') : join(outputDir, 'cache')
}

let codeHash: string | undefined

/** Hash of what a compile depends on besides the dictionary: the matcher's code and data, the expansion tables, pinyin-pro. */
function codeFingerprint(): string {
  if (codeHash) return codeHash
  const hash = createHash('sha256').update(codeFolderHash(import.meta.url))
  hash.update(readFileSync(shipped(EXPANSION_TABLES_FILE)))
  const pinyin = createRequire(import.meta.url)('pinyin-pro/package.json') as { version: string }
  codeHash = hash.update(pinyin.version).digest('hex')
  return codeHash
}

/** The cache key of a dictionary's compiled tables. */
export function cacheKey(dictionary: Dictionary): string {
  let key = keys.get(dictionary)
  if (key === undefined) {
    const hash = createHash('sha256').update(`${MATCHER_CACHE_FORMAT}\n${codeFingerprint()}\n`)
    key = hash.update(JSON.stringify(dictionary)).digest('hex')
    keys.set(dictionary, key)
  }
  return key
}

/** Each loaded dictionary's key, worked out once (the cache and the warning self-check both ask at start). */
const keys = new WeakMap<Dictionary, string>()

/** A typed array of the tables; a file's header names each one's type (see ARRAY_TYPES). */
type TableArray = Int32Array | Uint8Array | Uint16Array | Int16Array
const ARRAY_TYPES = { i32: Int32Array, u8: Uint8Array, u16: Uint16Array, i16: Int16Array }
type ArrayType = keyof typeof ARRAY_TYPES

/** The typed arrays of the tables, in file order. */
function arraysOf(t: CompiledTables): TableArray[] {
  const i = t.index
  return [
    i.keyCodePoints,
    i.keyOffsets,
    i.ownerOffsets,
    i.ownerIsAllowPhrase,
    i.ownerIsContext,
    i.ownerKind,
    t.alphabet.codePoints,
    t.alphabet.codes,
    t.arena,
    t.links.bits,
    t.members.classOffsets,
    t.members.classMembers,
    i.ownerCategory,
    i.ownerText,
    i.ownerOrder,
    i.swapCategory,
    i.swapText,
    i.swapIsAllowPhrase,
    i.swapOrder,
    t.images.bytes,
    t.members.swapOffsets,
    t.members.swapMembers,
    i.swapKey,
    i.swapAlternativeOffsets,
    i.swapAlternatives,
    i.readingCategory,
    i.readingText,
    i.readingFlags,
    i.readingOrder,
    i.readingOffsets,
    i.readingSyllables,
    t.images.longLengths,
    i.splitCategory,
    i.splitText,
    i.splitIsAllowPhrase,
    i.splitOrder,
    i.splitOffsets,
    i.splitPlaces,
    t.members.slots,
  ]
}

/** Which of arraysOf's arrays are bytes, which ids that may be 16-bit (see IdArray, SignedIdArray); the others are Int32. */
const BYTE_ARRAYS = new Set([3, 4, 5, 17, 19, 27, 34])
const ID_ARRAYS = new Set([12, 15, 24, 25, 32, 37])
const SIGNED_ID_ARRAYS = new Set([30])
/** How many arrays arraysOf gives. */
const ARRAY_COUNT = 39

/** The type of a table's array. */
function typeOf(a: TableArray): ArrayType {
  return a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Int16Array ? 'i16' : 'i32'
}

/** The bytes as an array of this type. */
function arrayOf(type: ArrayType, bytes: ArrayBufferLike): TableArray {
  if (type === 'u8') return new Uint8Array(bytes)
  if (type === 'u16') return new Uint16Array(bytes)
  return type === 'i16' ? new Int16Array(bytes) : new Int32Array(bytes)
}

/** True if arraysOf's array `a` may be of this type. */
function mayBeOfType(a: number, type: ArrayType): boolean {
  if (BYTE_ARRAYS.has(a)) return type === 'u8'
  if (ID_ARRAYS.has(a)) return type === 'u16' || type === 'i32'
  if (SIGNED_ID_ARRAYS.has(a)) return type === 'i16' || type === 'i32'
  return type === 'i32'
}

/**
 * Header of a cache file: the key count and the element count of each array of arraysOf, then the byte length of
 * the strings JSON (categories, texts, owner forms, alternative lists, taken keys, syllables, split lists), and
 * the type of each array.
 */
interface TablesHeader extends CacheHeader {
  keyCount: number
  lengths: number[]
  types: ArrayType[]
}

/** The arrays back to back and the owners' strings as JSON, in a cache file (see encodeCacheFile). */
export function encodeTables(tables: CompiledTables, key: string): Buffer {
  const i = tables.index
  const arrays = arraysOf(tables)
  const strings = Buffer.from(
    JSON.stringify([
      i.categories,
      i.texts,
      [...i.ownerForms],
      i.alternativeLists,
      [...i.swapTaken],
      i.syllables,
      i.splitLists,
    ]),
  )
  const parts = arrays.map(a => Buffer.from(a.buffer, a.byteOffset, a.byteLength))
  const lengths = [...arrays.map(a => a.length), strings.length]
  return encodeCacheFile(
    MAGIC,
    { format: MATCHER_CACHE_FORMAT, key, keyCount: i.keyCount, lengths, types: arrays.map(typeOf) },
    Buffer.concat([...parts, strings]),
  )
}

/** Byte size of each part of a tables file's body. */
const partSizes = (h: TablesHeader): number[] =>
  h.lengths.map((n, a) => (a < ARRAY_COUNT ? n * ARRAY_TYPES[h.types[a]].BYTES_PER_ELEMENT : n))

/** True if the header gives each array a type it may have. */
const typesAgree = (h: TablesHeader): boolean =>
  Array.isArray(h.types) && h.types.length === ARRAY_COUNT && h.types.every((type, a) => mayBeOfType(a, type))

/** Reads a cache file's tables; throws (with the reason) unless every check passes. */
export function decodeTables(file: Buffer, key: string): CompiledTables {
  const { header, body } = decodeCacheFile<TablesHeader>(file, {
    name: 'matcher',
    magic: MAGIC,
    format: MATCHER_CACHE_FORMAT,
    key,
    bodyLength: h =>
      h.lengths.length === ARRAY_COUNT + 1 && typesAgree(h) ? partSizes(h).reduce((x, y) => x + y, 0) : -1,
  })
  const sizes = partSizes(header)
  const arrays: TableArray[] = []
  let at = 0
  for (let a = 0; a < ARRAY_COUNT; a++) {
    const bytes = body.buffer.slice(body.byteOffset + at, body.byteOffset + at + sizes[a])
    arrays.push(arrayOf(header.types[a], bytes))
    at += sizes[a]
  }
  const [categories, texts, forms, lists, taken, syllables, splitLists] = JSON.parse(body.toString('utf8', at)) as [
    string[],
    string[],
    [number, string][],
    string[],
    [number, string[]][],
    string[],
    string[],
  ]
  const strings = { categories, texts, ownerForms: new Map(forms), syllables, splitLists }
  return tablesOf(header.keyCount, arrays, strings, lists, new Map(taken))
}

/** True if the arena's automaton cells (from its cell offset to its prefix-pair filter) have one bit each in `bits`. */
function cellsCover(arena: TableArray, bits: TableArray): boolean {
  if (arena.length <= PREFIX_PAIRS_SLOT) return false
  const cells = arena[PREFIX_PAIRS_SLOT] - arena[CELLS_SLOT]
  return cells >= 0 && cells % 2 === 0 && bits.length === (cells / 2 + 31) >>> 5
}

/** True if every value of the array is `least` (0 unless given) or more and below `length`. */
function indexesOf(ids: TableArray, length: number, least = 0): boolean {
  for (let i = 0; i < ids.length; i++) if (!(ids[i] >= least && ids[i] < length)) return false
  return true
}

/** Tables from decoded arrays, after checking that their lengths and indexes agree. */
function tablesOf(
  keyCount: number,
  arrays: TableArray[],
  {
    categories,
    texts,
    ownerForms,
    syllables,
    splitLists,
  }: Pick<CompiledTables['index'], 'categories' | 'texts' | 'ownerForms' | 'syllables' | 'splitLists'>,
  alternativeLists: string[],
  swapTaken: Map<number, string[]>,
): CompiledTables {
  const [keyCodePoints, keyOffsets, ownerOffsets, allow, context, kind, codePoints, codes, arena, endBits] = arrays
  const [classOffsets, classMembers, ownerText, ownerOrder] = [10, 11, 13, 14].map(a => arrays[a] as Int32Array)
  const ownerCategory = arrays[12] as IdArray
  const [swapCategory, swapText, swapIsAllowPhrase, swapOrder] = arrays.slice(15, 19)
  const imageBytes = arrays[19] as Uint8Array
  const [swapOffsets, swapMembers, swapKey] = arrays.slice(20, 23) as Int32Array[]
  const swapAlternativeOffsets = arrays[23] as Int32Array
  const swapAlternatives = arrays[24] as IdArray
  const [readingCategory, readingText, readingFlags, readingOrder, readingOffsets, readingSyllables, longLengths] =
    arrays.slice(25, 32)
  const splits = splitTablesOf(arrays.slice(32, 38), splitLists, texts, categories.length)
  const images = { bytes: imageBytes, longLengths: longLengths as Int32Array }
  const owners = ownerOffsets[keyCount]
  const ownerLengths = [allow, context, kind, ownerCategory, ownerText, ownerOrder].map(a => a.length)
  const swaps = swapCategory.length
  if (keyOffsets.length !== keyCount + 1 || ownerOffsets.length !== keyCount + 1) throw new Error('bad key count')
  if (ownerLengths.some(n => n !== owners) || codePoints.length !== codes.length || !cellsCover(arena, endBits))
    throw new Error('inconsistent table lengths')
  const ends = keyEndsOf(endBits as Int32Array)
  const slots = arrays[38] as Int32Array
  const groups = classOffsets.length - 1
  if (
    classMembers.length !== keyCount ||
    classOffsets[0] !== 0 ||
    classOffsets[groups] !== keyCount ||
    !indexesOf(classMembers, keyCount) ||
    keyEndCount(ends) !== imageBytes.length ||
    !longLengthsAgree(images)
  )
    throw new Error('inconsistent class keys')
  if (
    [swapText, swapIsAllowPhrase, swapOrder, swapKey].some(a => a.length !== swaps) ||
    !swapKey.every(k => k >= -1 && k < keyCount) ||
    slots.length !== imageBytes.length ||
    !slots.every(slot => (slot >= -1 ? slot < swaps : -2 - slot < groups)) ||
    swapOffsets.length !== classOffsets.length ||
    swapOffsets[0] !== 0 ||
    swapOffsets[groups] !== swapMembers.length ||
    !indexesOf(swapMembers, swaps)
  )
    throw new Error('inconsistent swap owners')
  if (
    !indexesOf(ownerCategory, categories.length) ||
    !indexesOf(ownerText, texts.length) ||
    !indexesOf(swapCategory, categories.length) ||
    !indexesOf(swapText, texts.length)
  )
    throw new Error('owner outside the strings')
  if ([...ownerForms.keys()].some(o => !(o >= 0 && o < owners))) throw new Error('form of no owner')
  if (
    swapAlternativeOffsets.length !== swaps + 1 ||
    swapAlternativeOffsets[0] !== 0 ||
    swapAlternativeOffsets.some((at, s) => s > 0 && at < swapAlternativeOffsets[s - 1]) ||
    swapAlternativeOffsets[swaps] !== swapAlternatives.length ||
    !indexesOf(swapAlternatives, alternativeLists.length) ||
    [...swapTaken.keys()].some(s => !(s >= 0 && s < swaps))
  )
    throw new Error('inconsistent swap alternatives')
  const readers = readingCategory.length
  if (
    [readingText, readingFlags, readingOrder].some(a => a.length !== readers) ||
    readingOffsets.length !== readers + 1 ||
    readingOffsets[0] !== 0 ||
    readingOffsets.some((at, r) => r > 0 && at < readingOffsets[r - 1]) ||
    readingOffsets[readers] !== readingSyllables.length ||
    !indexesOf(readingSyllables, syllables.length, -1) ||
    !indexesOf(readingCategory, categories.length) ||
    !indexesOf(readingText, texts.length) ||
    readingOffsets.some((at, r) => r < readers && readingOffsets[r + 1] - at !== [...texts[readingText[r]]].length)
  )
    throw new Error('inconsistent reading owners')
  const index = {
    keyCount,
    keyCodePoints: keyCodePoints as Int32Array,
    keyOffsets: keyOffsets as Int32Array,
    ownerOffsets: ownerOffsets as Int32Array,
    categories,
    texts,
    ownerCategory,
    ownerText,
    ownerIsAllowPhrase: allow as Uint8Array,
    ownerIsContext: context as Uint8Array,
    ownerKind: kind as Uint8Array,
    ownerOrder,
    swapCategory: swapCategory as IdArray,
    swapText: swapText as Int32Array,
    swapIsAllowPhrase: swapIsAllowPhrase as Uint8Array,
    swapOrder: swapOrder as Int32Array,
    swapKey,
    swapAlternativeOffsets,
    swapAlternatives,
    alternativeLists,
    swapTaken,
    readingCategory: readingCategory as IdArray,
    readingText: readingText as Int32Array,
    readingFlags: readingFlags as Uint8Array,
    readingOrder: readingOrder as Int32Array,
    readingOffsets: readingOffsets as Int32Array,
    readingSyllables: readingSyllables as SignedIdArray,
    syllables,
    ...splits,
    ownerForms,
  }
  const alphabet = alphabetOf(codePoints as Int32Array, codes as Int32Array)
  return {
    index,
    alphabet,
    arena: arena as Int32Array,
    links: ends,
    images,
    members: { slots, classOffsets, classMembers, swapOffsets, swapMembers },
  }
}

/** The split owners' tables from decoded arrays, after checking that they agree (see SplitTables). */
function splitTablesOf(
  arrays: TableArray[],
  splitLists: string[],
  texts: string[],
  categoryCount: number,
): SplitTables {
  const [splitCategory, splitText, splitIsAllowPhrase, splitOrder, splitOffsets, splitPlaces] = arrays
  const owners = splitCategory.length
  if (
    [splitText, splitIsAllowPhrase, splitOrder].some(a => a.length !== owners) ||
    splitOffsets.length !== owners + 1 ||
    splitOffsets[0] !== 0 ||
    splitOffsets[owners] !== splitPlaces.length ||
    !Array.isArray(splitLists) ||
    splitLists[0] !== '' ||
    !indexesOf(splitPlaces, splitLists.length) ||
    !indexesOf(splitCategory, categoryCount) ||
    !indexesOf(splitText, texts.length) ||
    splitOffsets.some((at, r) => r < owners && splitOffsets[r + 1] - at !== [...texts[splitText[r]]].length)
  )
    throw new Error('inconsistent split owners')
  return {
    splitCategory: splitCategory as IdArray,
    splitText: splitText as Int32Array,
    splitIsAllowPhrase: splitIsAllowPhrase as Uint8Array,
    splitOrder: splitOrder as Int32Array,
    splitOffsets: splitOffsets as Int32Array,
    splitPlaces: splitPlaces as IdArray,
    splitLists,
  }
}
