import { readdir, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { formatDuration } from '../../config/duration.js'
import type { RetentionSettings, StoredFile } from './retention.js'

/** How much the data folder's growing parts take, as last counted (start-up, then the daily retention run). */
export interface StorageUsage {
  /** When counted (ms since the epoch). */
  at: number
  /** `output/received/`: images sent to the bot. */
  received: { files: number; bytes: number }
  /** The daily logs under `logs/` but the audit log. */
  logs: number
  /** `logs/audit/`. */
  audit: number
  /** The periods in force (ms, 0 = off). */
  retention: RetentionSettings
}

/** The files of `dir` (not its sub-folders), with real paths; none when it does not exist. */
export async function listFiles(dir: string): Promise<StoredFile[]> {
  let base: string
  let names: string[]
  try {
    base = await realpath(dir)
    names = await readdir(base)
  } catch {
    return []
  }
  const out: StoredFile[] = []
  for (const name of names) {
    const path = join(base, name)
    const s = await stat(path).catch(() => undefined)
    if (s?.isFile()) out.push({ path, bytes: s.size, mtimeMs: s.mtimeMs })
  }
  return out
}

/** Bytes of the files under `dir`, one level of sub-folders deep, by sub-folder name. */
export async function folderBytes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  const subs = await readdir(dir).catch(() => [] as string[])
  for (const sub of subs) {
    const files = await listFiles(join(dir, sub))
    out.set(
      sub,
      files.reduce((n, f) => n + f.bytes, 0),
    )
  }
  return out
}

/** `1.2 GB`, `34 MB`, `812 KB`, `0 B`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let n = bytes
  let i = 0
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024
    i++
  }
  return `${i && n < 10 ? n.toFixed(1) : Math.round(n)} ${units[i]}`
}

/** A period as people read it: `90天`, or that nothing is deleted. */
export function periodText(ms: number): string {
  return ms > 0 ? formatDuration(ms) : '不删除 off'
}

/** One line on the sizes and the periods in force, for the log at start and after the daily run, and `health`. */
export function usageLine(u: StorageUsage): string {
  const off = !u.retention.received && !u.retention.logs && !u.retention.audit
  return (
    `数据目录占用 storage: output/received ${formatBytes(u.received.bytes)}（${u.received.files} 个文件，保留 ${periodText(u.retention.received)}）；` +
    `logs ${formatBytes(u.logs)}（保留 ${periodText(u.retention.logs)}）；logs/audit ${formatBytes(u.audit)}（保留 ${u.retention.audit ? formatDuration(u.retention.audit) : '永久 kept'}）` +
    (off ? '；未设保留期限，不会自动删除 (no retention set: storage.retention in the config, docs/operations.md)' : '')
  )
}

/**
 * The same sizes as `usageLine`, briefly and in Chinese, for `#状态`: `存储：收到的图片 1.2 GB（3120 个）、日志 4.1 MB、
 * 审计日志 210 MB（3小时前统计；未设保留期限）`. Counted at start and after each daily run, not at the command.
 */
export function usageBrief(u: StorageUsage, now: number): string {
  const { received, logs, audit } = u.retention
  const kept = [
    received ? `图片 ${formatDuration(received)}` : '',
    logs ? `日志 ${formatDuration(logs)}` : '',
    audit ? `审计 ${formatDuration(audit)}` : '',
  ].filter(Boolean)
  return (
    `存储：收到的图片 ${formatBytes(u.received.bytes)}（${u.received.files} 个）、日志 ${formatBytes(u.logs)}、审计日志 ${formatBytes(u.audit)}` +
    `（${formatDuration(Math.max(0, now - u.at))}前统计；${kept.length ? `保留 ${kept.join('、')}` : '未设保留期限'}）`
  )
}
