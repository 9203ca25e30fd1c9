import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The matcher's cache files (compiled dictionaries, fold tables): private to this user, written atomically.

/**
 * The bytes of a file this user owns and nobody else may write (a checksum catches damage, not a planted file:
 * anyone can compute a key, so a cache in a shared folder such as /tmp is only read when it is ours).
 */
export function readPrivateFile(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const { uid, mode } = fstatSync(fd)
    if (mode & 0o022 || (process.getuid && uid !== process.getuid()))
      throw new Error('not owned by this user or writable by others')
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Write `bytes` to `<dir>/<name>` (mode 0600, through a temp file created exclusively and fsynced before the
 * rename), then keep only the newest `kept` files of the folder whose names match `family`. Throws on failure
 * (the temp file removed): callers log it and go on without the cache.
 */
export function writeCacheFile(dir: string, name: string, bytes: Buffer, family: RegExp, kept: number): void {
  const path = join(dir, name)
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    // Created here and now (never an existing file or a planted link), and on disk before it is renamed.
    const fd = openSync(tmp, 'wx', 0o600)
    try {
      writeFileSync(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
  const files = readdirSync(dir)
    .filter(n => family.test(n))
    .map(n => ({ path: join(dir, n), mtime: statSync(join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((x, y) => y.mtime - x.mtime)
  for (const old of files.slice(kept)) if (old.path !== path) rmSync(old.path, { force: true })
}

/** What every cache file's header says besides its own fields: its format, its key and the body's SHA-256. */
export interface CacheHeader {
  format: number
  key: string
  sha256: string
}

/** A cache file: 4-byte magic, header length (uint32 LE), the header as JSON (with the body's SHA-256), the body. */
export function encodeCacheFile<H extends Omit<CacheHeader, 'sha256'>>(magic: string, header: H, body: Buffer): Buffer {
  const head = Buffer.from(JSON.stringify({ ...header, sha256: createHash('sha256').update(body).digest('hex') }))
  const prefix = Buffer.alloc(8)
  prefix.write(magic, 0, 'latin1')
  prefix.writeUInt32LE(head.length, 4)
  return Buffer.concat([prefix, head, body])
}

/**
 * The header and body of a cache file written by encodeCacheFile; throws (with the reason) unless its magic,
 * format, key and checksum are the ones expected. `bodyLength` says how long the header's fields make the body.
 */
export function decodeCacheFile<H extends CacheHeader>(
  file: Buffer,
  expected: { name: string; magic: string; format: number; key: string; bodyLength: (header: H) => number },
): { header: H; body: Buffer } {
  if (file.length < 8 || file.toString('latin1', 0, 4) !== expected.magic)
    throw new Error(`not a ${expected.name} cache file`)
  const headEnd = 8 + file.readUInt32LE(4)
  if (headEnd > file.length) throw new Error('truncated header')
  const header = JSON.parse(file.toString('utf8', 8, headEnd)) as H
  if (header.format !== expected.format) throw new Error(`format ${header.format}, expected ${expected.format}`)
  if (header.key !== expected.key) throw new Error('key mismatch')
  const body = file.subarray(headEnd)
  if (expected.bodyLength(header) !== body.length) throw new Error('length mismatch')
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new Error('checksum mismatch')
  return { header, body }
}

const folderHashes = new Map<string, string>()

/** A bundle chunk's name: esbuild names chunks by a hash of their contents (scripts/bundle.mjs). */
const HASHED_CHUNK = /^chunk-[A-Z0-9]{8,}\.js$/

/**
 * SHA-256 of the code a cache depends on: every file in the folder of the module at `moduleUrl` and in its
 * `data/` folder when there is one (names and bytes), once per process. From tsc's output that is the matcher's
 * folder; from the bundle (`dist/bin`) every chunk of the bot, so any new release rebuilds the caches (a chunk
 * counts by its name, which already hashes its contents).
 */
export function codeFolderHash(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl))
  let digest = folderHashes.get(here)
  if (digest) return digest
  const hash = createHash('sha256')
  for (const dir of [here, join(here, 'data')]) {
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      continue // no data folder beside the bundle's chunks
    }
    for (const name of names) {
      const path = join(dir, name)
      if (!statSync(path).isFile()) continue
      hash.update(`${name}\n`)
      if (!HASHED_CHUNK.test(name)) hash.update(readFileSync(path))
    }
  }
  digest = hash.digest('hex')
  folderHashes.set(here, digest)
  return digest
}
