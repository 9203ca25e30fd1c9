import { randomBytes } from 'node:crypto'
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
import { join } from 'node:path'

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
