import { realpath, unlink } from 'node:fs/promises'
import type { Store } from '../../ports/store/store.js'
import type { Logger } from '../../process/logger.js'
import { AUDIT_LOG, decideRetention, type LogDay, type RetentionSettings } from './retention.js'
import { folderBytes, formatBytes, listFiles, periodText, type StorageUsage, usageLine } from './storage-usage.js'

/** What the retention run works on. */
export interface RetentionRunDeps {
  store: Store
  /** `output/received/`. */
  receivedDir: string
  /** The data folder's `logs/`, for its sizes (on PostgreSQL the logs are rows: `Store.logBytes`). */
  logsDir: string
  tz: string
  settings: RetentionSettings
  /** Paths still needed: the plugins' (`PluginInstance.filesInUse`) and the queued messages' attachments. */
  filesInUse: string[]
  /** Record one kind of deletion in the audit log. */
  audit(rule: string, reason: string): void
  log: Logger
}

/** What one run deleted and kept, and the sizes after it. */
export interface RetentionOutcome {
  files: { count: number; bytes: number }
  keptInUse: number
  logs: { days: number; bytes: number }
  audit: { days: number; bytes: number }
  usage: StorageUsage
}

/**
 * The daily retention run (`storage.retention`): read the folders, decide, delete, then log and audit each kind of
 * deletion with its count and bytes, and count the sizes after it. With every period off it only counts.
 */
export async function runRetention(now: number, d: RetentionRunDeps): Promise<RetentionOutcome> {
  const logDays: LogDay[] = (d.store.logNames?.() ?? []).flatMap(log => d.store.logDays(log).map(day => ({ log, day })))
  const inUse = new Set<string>()
  for (const p of d.filesInUse) inUse.add(await realpath(p).catch(() => p))
  const plan = decideRetention(d.settings, now, d.tz, { received: await listFiles(d.receivedDir), inUse, logDays })
  let fileBytes = 0
  let files = 0
  for (const f of plan.files) {
    // Gone meanwhile (an operator's own clean-up): nothing freed, nothing to say.
    if (
      await unlink(f.path).then(
        () => true,
        () => false,
      )
    ) {
      files++
      fileBytes += f.bytes
    }
  }
  // One day at a time (PostgreSQL: its rows in batches between the other writes).
  const drop = async (days: LogDay[]) => {
    let bytes = 0
    for (const x of days) bytes += (await d.store.dropLogDay?.(x.log, x.day)) ?? 0
    return { days: d.store.dropLogDay ? days.length : 0, bytes }
  }
  const logs = await drop(plan.logDays)
  const audit = await drop(plan.auditDays)
  if (files)
    report(
      d,
      'storage.retention.received',
      `删除收到的图片 ${files} 个，${formatBytes(fileBytes)}（超过 ${periodText(d.settings.received)}） deleted received images`,
    )
  if (plan.keptInUse.length)
    d.log.info(
      `保留 ${plan.keptInUse.length} 个已过期限但待发排期、活动或待发消息要用的图片 kept: still needed by a queued post, campaign or send`,
    )
  if (logs.days)
    report(
      d,
      'storage.retention.logs',
      `删除日志 ${logs.days} 天，${formatBytes(logs.bytes)}（超过 ${periodText(d.settings.logs)}） deleted daily log days`,
    )
  if (audit.days)
    report(
      d,
      'storage.retention.audit',
      `删除审计日志 ${audit.days} 天，${formatBytes(audit.bytes)}（超过 ${periodText(d.settings.audit)}） deleted audit log days`,
    )
  const usage = await measureStorage(now, d)
  d.log.info(usageLine(usage))
  return { files: { count: files, bytes: fileBytes }, keptInUse: plan.keptInUse.length, logs, audit, usage }
}

/** The sizes of the growing parts now (start-up, and after each run). */
export async function measureStorage(
  now: number,
  d: Pick<RetentionRunDeps, 'store' | 'receivedDir' | 'logsDir' | 'settings'>,
): Promise<StorageUsage> {
  const received = await listFiles(d.receivedDir)
  const logs = d.store.logBytes ? await d.store.logBytes() : await folderBytes(d.logsDir)
  let other = 0
  for (const [log, bytes] of logs) if (log !== AUDIT_LOG) other += bytes
  return {
    at: now,
    received: { files: received.length, bytes: received.reduce((n, f) => n + f.bytes, 0) },
    logs: other,
    audit: logs.get(AUDIT_LOG) ?? 0,
    retention: d.settings,
  }
}

function report(d: RetentionRunDeps, rule: string, reason: string): void {
  d.log.info(`数据目录清理 retention: ${reason}`)
  d.audit(rule, reason)
}
