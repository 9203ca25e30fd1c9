import { chmodSync, statSync } from 'node:fs'
import type { Logger } from '../../../bot/process/logger.js'

/**
 * Modes of what the archive writes, set explicitly whatever the process's umask (a host bot embedding GroupGuard, a
 * replay, the CLI keep theirs, often 022): folders 0700 and files 0600, the bot's user only, as the store and the
 * media cache are.
 */
export const DIR_MODE = 0o700
/** See {@link DIR_MODE}. */
export const FILE_MODE = 0o600

/**
 * Make the archive's folder `dir` 0700, so that what an older release left readable to others under a umask of 022
 * (0755 folders, 0644 files) is closed to them too. A folder the bot may not change (another owner's) keeps its
 * mode, said in the log.
 */
export function closeFolder(dir: string, log: Logger): void {
  try {
    if ((statSync(dir).mode & 0o777) !== DIR_MODE) chmodSync(dir, DIR_MODE)
  } catch (e) {
    log.warn(`信息记录文件夹 ${dir} 无法设为仅本用户可读（0700）archive folder mode unchanged: ${(e as Error).message}`)
  }
}
