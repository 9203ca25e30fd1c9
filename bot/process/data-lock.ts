import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** A second process wants a data folder that a live process holds. */
export class DataLockError extends Error {}

/** The lock file inside the data folder. */
export const LOCK_FILE = '.lock'

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Make the data folder (mode 0700) and take its single-instance lock: `<dataDir>/.lock` holding our pid (0600).
 * A lock left by a dead process is taken over; one held by a live process throws DataLockError with a one-line
 * reason. Returns `release`, which removes the lock if it is still ours (also done at process exit).
 */
export function acquireDataLock(dataDir: string, pid = process.pid, alive = processAlive): () => void {
  ensurePrivateDir(dataDir)
  const file = join(dataDir, LOCK_FILE)
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, `${pid}\n`)
      closeSync(fd)
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10)
      if (Number.isInteger(holder) && holder !== pid && alive(holder))
        throw new DataLockError(
          `data folder ${dataDir} is in use by another bot process (pid ${holder}); stop it first or set another BOT_DATA_DIR（数据目录正被另一个机器人进程 ${holder} 使用：先停止它，或设置另一个 BOT_DATA_DIR）`,
        )
      unlinkSync(file) // stale: its process is gone
    }
  }
  const release = () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(pid)) unlinkSync(file)
    } catch {
      /* already gone */
    }
  }
  process.once('exit', release)
  return release
}

/** Create a folder (and its parents) and make it private to the bot's user: 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
}

/**
 * wechaty-puppet-service caches contacts and rooms under `~/.wechaty/wechaty-puppet-service/<TOKEN>/` with the
 * default modes: make that tree's folders 0700 so neither the cache nor the token in its path is readable by others.
 */
export function securePuppetCache(home = homedir()): void {
  const base = join(home, '.wechaty')
  const service = join(base, 'wechaty-puppet-service')
  ensurePrivateDir(base)
  ensurePrivateDir(service)
  for (const entry of readdirSync(service, { withFileTypes: true }))
    if (entry.isDirectory()) chmodSync(join(service, entry.name), 0o700)
}
