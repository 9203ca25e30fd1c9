import { z } from 'zod'
import { docSpec, type Store } from '../../ports/store/store.js'

/** How the previous run ended, as written at exit (a crash leaves `running`). */
export type ExitReason = 'running' | 'stopped' | 'connection-lost' | 'fatal'

interface LifecycleData {
  state: ExitReason | 'new'
  at: number
  starts: number
}

const NOTES: Record<ExitReason, string | undefined> = {
  running: '⚠️ 机器人上次异常退出（进程被终止或崩溃），已自动重启；未完成的提醒、通知和排期已恢复。',
  'connection-lost': 'ℹ️ 机器人与微信服务的连接中断后已重新连接；断线期间积压的消息将陆续发出。',
  fatal: '⚠️ 机器人上次因严重错误退出，已重新启动，请查看日志。',
  stopped: undefined,
}

/** The note at the first start on a folder restored from a backup taken while the bot ran. */
export function restoredNote(takenAt: string): string {
  return `ℹ️ 机器人已在恢复的数据上启动：数据来自 ${takenAt} 的备份（备份时机器人正在运行，并非异常退出）。备份之后的记录不在其中；备份时待发的消息将陆续发出。`
}

const LIFECYCLE_DOC = docSpec<LifecycleData>({
  version: 1,
  schema: z.object({
    state: z.enum(['new', 'running', 'stopped', 'connection-lost', 'fatal']),
    at: z.number(),
    starts: z.number(),
  }),
  defaults: () => ({ state: 'new', at: 0, starts: 0 }),
})

/** Remembers whether the last run stopped cleanly, so admins hear about crashes and reconnects. */
export class Lifecycle {
  private doc
  /** This run logged in (`begin`): only then does its end say anything about the connection. */
  private begun = false

  constructor(store: Store) {
    this.doc = store.doc('lifecycle', LIFECYCLE_DOC)
  }

  /**
   * Mark this run as started; returns a note for the admins when the previous run did not stop cleanly. `restoredAt`
   * (the time of a backup taken while the bot ran, as people read it): the state is that backup's, restored, and a run
   * still `running` in it is the copied run, not a crash: the note says so.
   */
  async begin(now: number, restoredAt?: string): Promise<string | undefined> {
    const previous = this.doc.data.state
    this.begun = true
    this.doc.data = { state: 'running', at: now, starts: this.doc.data.starts + 1 }
    await this.doc.persist()
    if (previous === 'running' && restoredAt) return restoredNote(restoredAt)
    return previous === 'new' ? undefined : NOTES[previous]
  }

  /**
   * Record why this run ends (call before exiting). A run that never logged in (the puppet service unreachable at
   * start, exit 75) records nothing: it lost no connection, so the next first login must not say "reconnected".
   */
  async end(reason: Exclude<ExitReason, 'running'>, now: number): Promise<void> {
    if (!this.begun) return
    this.doc.data = { ...this.doc.data, state: reason, at: now }
    await this.doc.persist()
  }
}
