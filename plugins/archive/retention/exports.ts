import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { zonedInstant } from '../../../bot/time/zoned.js'
import type { ArchiveDeps } from '../access/deps.js'

/**
 * Days an export file (`#记录 导出`, written to `<data>/output/` and sent to the asker) is kept there: it is a copy of
 * records already sent, so it goes after a week, or sooner when a chat kind's retention is shorter.
 */
export const EXPORT_KEEP_DAYS = 7

/** An export's file name: `信息记录-<from>-<to>-<stamp>.<format>`, the stamp its wall-clock time of writing. */
const EXPORT_FILE = /^信息记录-.+-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})\d{2}\.(?:csv|html|md|jsonl)$/

/**
 * Delete the archive's export files older than {@link EXPORT_KEEP_DAYS} or the shortest retention set, by the time
 * in their name (the bot's clock, as the purge); other files in the output folder are left alone. Returns how many
 * went.
 */
export function purgeExports(d: ArchiveDeps, now: number): number {
  const { ctx } = d
  const keepDays = Math.min(EXPORT_KEEP_DAYS, ...Object.values(ctx.configFor().retentionDays))
  const before = now - keepDays * 86_400_000
  let names: string[]
  try {
    names = readdirSync(ctx.outputDir)
  } catch {
    return 0 // no export written yet
  }
  let deleted = 0
  for (const name of names) {
    const m = EXPORT_FILE.exec(name)
    if (!m || zonedInstant(`${m[1]}-${m[2]}-${m[3]}`, `${m[4]}:${m[5]}`, ctx.timezone) >= before) continue
    rmSync(join(ctx.outputDir, name), { force: true })
    deleted++
  }
  return deleted
}
