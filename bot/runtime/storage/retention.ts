import { dayKey } from '../../time/zoned.js'

/** The data folder's retention periods in ms (`storage.retention`); 0 = off, keep forever. */
export interface RetentionSettings {
  received: number
  logs: number
  audit: number
}

/** A file of `output/received/`: its real path, size and last change. */
export interface StoredFile {
  path: string
  bytes: number
  mtimeMs: number
}

/** One day of one daily log (`logs/<log>/<day>.jsonl`). */
export interface LogDay {
  log: string
  day: string
}

/** What the data folder holds, as read just before the retention run. */
export interface RetentionInventory {
  received: StoredFile[]
  /** Real paths a plugin still needs (a queued post's image): never deleted. */
  inUse: ReadonlySet<string>
  /** Every day of every daily log. */
  logDays: LogDay[]
}

/** What the run deletes, and what it kept only because it is still needed. */
export interface RetentionPlan {
  files: StoredFile[]
  /** Files past their period kept because a plugin still needs them. */
  keptInUse: StoredFile[]
  /** Days of the daily logs (not the audit log). */
  logDays: LogDay[]
  auditDays: LogDay[]
}

/** The audit log: its own setting, off by default. */
export const AUDIT_LOG = 'audit'

/**
 * Logs no retention deletes: the archive's anchors and purge records, which `archive verify` checks the archive
 * against (the archive purges itself, `plugins.archive.retentionDays`).
 */
export const NEVER_PRUNED: ReadonlySet<string> = new Set(['archive-anchors'])

/**
 * Decide what the daily retention run deletes at `now`: received images older than their period (by last change)
 * unless a plugin still needs them, and whole days of the logs older than theirs (a day goes once all of it is
 * past the period, in the config's timezone). The newest day of a log is never deleted (the audit log's ids
 * continue from it). Pure: the caller reads the folder and deletes.
 */
export function decideRetention(
  settings: RetentionSettings,
  now: number,
  tz: string,
  inv: RetentionInventory,
): RetentionPlan {
  const plan: RetentionPlan = { files: [], keptInUse: [], logDays: [], auditDays: [] }
  if (settings.received > 0)
    for (const f of inv.received) {
      if (now - f.mtimeMs <= settings.received) continue
      ;(inv.inUse.has(f.path) ? plan.keptInUse : plan.files).push(f)
    }
  const newest = new Map<string, string>()
  for (const d of inv.logDays) if (d.day > (newest.get(d.log) ?? '')) newest.set(d.log, d.day)
  for (const d of inv.logDays) {
    if (NEVER_PRUNED.has(d.log) || newest.get(d.log) === d.day) continue
    const audit = d.log === AUDIT_LOG
    const period = audit ? settings.audit : settings.logs
    // Days before the one `period` ago: every hour of them is older than the period.
    if (period > 0 && d.day < dayKey(now - period, tz)) (audit ? plan.auditDays : plan.logDays).push(d)
  }
  return plan
}
