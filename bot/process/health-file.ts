import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { App } from '../app.js'
import { healthOf, inFleet } from '../commands/builtin/health.js'
import { formatDuration } from '../config/duration.js'
import { processAlive } from './data-lock.js'
import { answerFlushRequests } from './flush-request.js'
import { type StorageUsage, usageLine } from '../runtime/storage/storage-usage.js'

/** The health file in the data folder: what `group-guard health` reads (docs/operations.md, "Monitoring"). */
export const HEALTH_FILE = 'health.json'

/** The sandbox's own data folder inside `BOT_DATA_DIR` (`start` without a puppet): reset at every start. */
export const SANDBOX_FOLDER = 'sandbox'

/** How often a running bot rewrites it. */
export const HEALTH_EVERY_MS = 30_000

/** What a running bot last wrote about itself. */
export interface HealthRecord {
  pid: number
  /** When this was written (ms since the epoch). */
  at: number
  startedAt: number
  /** Wechaty reports the account logged in. */
  loggedIn: boolean
  /** The outbox is sending (not paused by a logout, a stall or the stop). */
  sending: boolean
  /** Messages waiting to be sent. */
  queued: number
  /** Messages given up after their retries since the start (`发送失败已放弃` in the log). */
  gaveUp: number
  /** Errors since the start (`#状态`'s 最近错误). */
  errors: number
  /** `#状态`'s health word (`正常`, `有错误`, `存储警告`, …). */
  health: string
  /** The data folder's growing parts as last counted (start-up, the daily retention run). */
  storage?: StorageUsage
  /** The flush requests (`backup`) answered lately: their ids, space-separated, written once the state was. */
  flushed?: string
  /** Set by the stop: why the bot stopped; it writes no more. */
  stopped?: string
}

/** The record of `app` now. */
export function healthRecord(app: App, now = Date.now(), stopped?: string, flushed?: string): HealthRecord {
  const rt = app.runtime
  return {
    pid: process.pid,
    at: now,
    startedAt: rt.startedAt,
    loggedIn: app.bot.isLoggedIn,
    sending: !rt.outbox.isPaused(),
    queued: rt.outbox.depth(),
    gaveUp: rt.outbox.failures.length,
    errors: rt.errors.length,
    health: healthOf(rt, inFleet(rt)).label,
    ...(rt.storage.usage ? { storage: rt.storage.usage } : {}),
    ...(flushed ? { flushed } : {}),
    ...(stopped ? { stopped } : {}),
  }
}

/** Write the record (temp file and rename, mode 0600): a reader never sees half of it. */
export function writeHealth(dataDir: string, record: HealthRecord): void {
  const file = join(dataDir, HEALTH_FILE)
  const tmp = `${file}.tmp-${process.pid}`
  writeFileSync(tmp, `${JSON.stringify(record)}\n`, { mode: 0o600 })
  chmodSync(tmp, 0o600)
  renameSync(tmp, file)
}

/**
 * Keep `<dataDir>/health.json` current while `app` runs: at ready, then every `HEALTH_EVERY_MS`, and once a flush
 * request (`backup`) was answered. Returns the last
 * write, for the stop (`stopped`: why). A failed write is left to the store, which stops the bot on a full disk.
 */
export function keepHealthFile(app: App, dataDir: string): (stopped: string) => void {
  let flushed: string | undefined
  const write = (stopped?: string) => {
    try {
      writeHealth(dataDir, healthRecord(app, Date.now(), stopped, flushed))
    } catch {
      // The store reports a disk that cannot be written; a missing health file then says the rest.
    }
  }
  let timer: ReturnType<typeof setInterval> | undefined
  let answering: (() => void) | undefined
  void app.ready.then(() => {
    write()
    timer = setInterval(write, HEALTH_EVERY_MS)
    timer.unref()
    // A backup asks for the state to be written before it copies it (docs/operations.md, "Backup and restore").
    answering = answerFlushRequests(
      dataDir,
      () => app.runtime.deps.store.flush(),
      nonces => {
        flushed = nonces
        write()
      },
    )
  })
  return stopped => {
    answering?.()
    clearInterval(timer)
    write(stopped)
  }
}

/** `group-guard health`'s answer: one line, and whether someone must look (exit 1). */
export interface HealthVerdict {
  ok: boolean
  line: string
  /** The data folder's sizes and retention as the bot last counted them (a second line), when it did. */
  storage?: string
}

/** Read the health file of `dataDir` and judge it: stale after `maxAgeMs`, or its process gone, is not alive. */
export function judgeHealth(
  dataDir: string,
  maxAgeMs: number,
  now = Date.now(),
  alive: (pid: number) => boolean = processAlive,
): HealthVerdict {
  let r: HealthRecord
  try {
    r = JSON.parse(readFileSync(join(dataDir, HEALTH_FILE), 'utf8'))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'ENOENT')
      return {
        ok: false,
        line: `❌ 读不了 ${join(dataDir, HEALTH_FILE)}（${code ?? (e as Error).message}）：请以运行机器人的用户执行 (cannot read the health file: run as the bot's user)`,
      }
    const sandbox = join(dataDir, SANDBOX_FOLDER)
    if (existsSync(join(sandbox, HEALTH_FILE)))
      return {
        ok: false,
        line: `❌ ${dataDir} 没有健康文件；沙盒里的机器人写在 ${sandbox}：health --data ${sandbox} (no ${HEALTH_FILE} here: the sandbox bot writes it in ${sandbox})`,
      }
    return {
      ok: false,
      line: `❌ ${dataDir} 没有健康文件：机器人没有在这个数据目录就绪过 (no ${HEALTH_FILE}: the bot has not been ready on this data folder)`,
    }
  }
  const verdict = judgeRecord(r, maxAgeMs, now, alive)
  return r.storage ? { ...verdict, storage: usageLine(r.storage) } : verdict
}

/** The verdict on a health record read. */
function judgeRecord(r: HealthRecord, maxAgeMs: number, now: number, alive: (pid: number) => boolean): HealthVerdict {
  const ago = formatDuration(Math.max(0, now - r.at))
  if (r.stopped)
    return { ok: false, line: `❌ 已停止 stopped ${ago}前 (${ago} ago): ${r.stopped}; 待发 ${r.queued} 条 queued` }
  if (!alive(r.pid))
    return {
      ok: false,
      line: `❌ 进程 ${r.pid} 已不在，未记录停止 (process ${r.pid} gone without a stop: killed or crashed) ${ago}前`,
    }
  if (now - r.at > maxAgeMs)
    return {
      ok: false,
      line: `❌ 健康文件 ${ago} 未更新 (not updated for ${ago}): 进程 ${r.pid} 还在，但没有响应 (the process is alive but hung)`,
    }
  const state = `pid ${r.pid}，在线 ${formatDuration(now - r.startedAt)}，待发 ${r.queued} 条 (queued)，健康 ${r.health}；${ago}前更新`
  if (!r.loggedIn || !r.sending)
    return { ok: false, line: `❌ 未登录或暂停发送 (not logged in, or sending paused): ${state}` }
  if (r.gaveUp)
    return {
      ok: false,
      line: `❌ ${r.gaveUp} 条消息发送失败已放弃 (sends given up; see 发送失败已放弃 in the log): ${state}`,
    }
  return { ok: true, line: `✅ 运行中 alive: 已登录 logged in，发送正常 sending；${state}` }
}
