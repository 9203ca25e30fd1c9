import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/**
 * The file a backup adds to what it restores (it is not in the data folder while the bot runs): when the backup was
 * taken and whether a bot was running on the folder then. The first start on the restored folder reads it, so a copy
 * of a running bot's state is told apart from a crash, then deletes it.
 */
export const BACKUP_MARKER = 'restored-from-backup.json'

/** What the marker says. */
export interface BackupMarker {
  /** When the backup was taken (ms since the epoch). */
  takenAt: number
  /** A live process held the folder's lock: its state was copied mid-run. */
  running: boolean
}

const MARKER = z.object({ takenAt: z.number(), running: z.boolean() })

/** The marker's text for a backup taken at `takenAt`. */
export function markerText(marker: BackupMarker): string {
  return `${JSON.stringify(marker)}\n`
}

/** The marker of a restored folder, or undefined (none, or not readable as one). */
export function readBackupMarker(dataDir: string): BackupMarker | undefined {
  try {
    const parsed = MARKER.safeParse(JSON.parse(readFileSync(join(dataDir, BACKUP_MARKER), 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Delete the marker once the first start has read it. */
export function removeBackupMarker(dataDir: string): void {
  rmSync(join(dataDir, BACKUP_MARKER), { force: true })
}
