import type { MessageEvent } from '../../../bot/core/event.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { ArchiveBackend } from '../store/backend.js'
import type { ArchiveConfig } from '../config.js'
import { type ArchiveRecord, chatInfoOf, chatOf, recordOf } from './record.js'

/**
 * Where attachment bytes come from. The ports do not reach a message's file yet:
 * when the Wechaty adapter gains a media port, pass a source to `createArchivePlugin`
 * and `media.keepBytes` starts keeping them (metadata is kept either way).
 */
export interface MediaSource {
  /** The bytes of an image/file/video message, or undefined when the puppet cannot give them. */
  fetch(ev: MessageEvent): Promise<Uint8Array | undefined>
}

interface ChatState {
  seq: number
  ids: Set<string>
}

/** Message ids remembered per chat for duplicate checks (also read back from disk after a restart). */
const RECENT_IDS = 2000
/** Records kept in memory while the disk refuses writes; older ones are counted as lost. */
const MAX_PENDING = 10_000

/**
 * Captures messages into the archive once each, in arrival order per chat
 * (`seq`). Writes go out in order; when one fails (a full disk) the record
 * waits in memory and is retried before the next one, and `onFailure` is
 * called so admins hear of it; the caller never waits on a retry loop.
 */
export class Archiver {
  private states = new Map<string, Promise<ChatState>>()
  private pending: { record: ArchiveRecord; day: string }[] = []
  private queue: Promise<void> = Promise.resolve()
  /** Records archived since start. */
  written = 0
  /** Records dropped because the disk refused them for too long. */
  lost = 0
  /** The last write error, cleared when a write succeeds again. */
  failing?: string

  constructor(
    private backend: ArchiveBackend,
    private tz: string,
    private media?: MediaSource,
  ) {}

  /** Archive one message; false when it was a duplicate delivery. Resolves once written (or queued for retry). */
  async capture(ev: MessageEvent, displayName: string, cfg: ArchiveConfig): Promise<boolean> {
    const chat = chatOf(ev)
    const state = await this.state(chat)
    if (state.ids.has(ev.id)) return false
    remember(state, ev.id)
    const record = recordOf(ev, displayName, ++state.seq)
    const day = dayKey(ev.at, this.tz)
    const done = this.queue.then(async () => {
      await this.backend.saveChat(chatInfoOf(ev, displayName)).catch(() => {})
      if (cfg.media.keepBytes && this.media && record.attachment) await this.keepBytes(ev, record, day, cfg)
      await this.write(record, day)
    })
    this.queue = done.catch(() => {})
    await done
    return true
  }

  /** Wait for writes in flight. */
  idle(): Promise<void> {
    return this.queue
  }

  /** Records waiting for the disk. */
  get backlog(): number {
    return this.pending.length
  }

  private async write(record: ArchiveRecord, day: string): Promise<void> {
    this.pending.push({ record, day })
    if (this.pending.length > MAX_PENDING) this.lost += this.pending.splice(0, this.pending.length - MAX_PENDING).length
    while (this.pending.length) {
      const next = this.pending[0]
      try {
        await this.backend.append(next.record, next.day)
      } catch (e) {
        this.failing = (e as Error).message
        return
      }
      this.pending.shift()
      this.written++
      this.failing = undefined
    }
  }

  private async keepBytes(ev: MessageEvent, record: ArchiveRecord, day: string, cfg: ArchiveConfig): Promise<void> {
    try {
      const bytes = await this.media?.fetch(ev)
      if (!bytes || !record.attachment) return
      if (bytes.byteLength > cfg.media.maxBytes) return
      record.attachment.stored = await this.backend.storeMedia(record, day, bytes)
      record.attachment.bytes = bytes.byteLength
    } catch {
      // The metadata is archived without the bytes.
    }
  }

  private state(chat: string): Promise<ChatState> {
    let s = this.states.get(chat)
    if (!s) {
      s = this.backend.tail(chat, RECENT_IDS).then(
        tail => ({ seq: tail.reduce((m, r) => Math.max(m, r.seq ?? 0), 0), ids: new Set(tail.map(r => r.id)) }),
        () => ({ seq: 0, ids: new Set<string>() }),
      )
      this.states.set(chat, s)
    }
    return s
  }
}

function remember(state: ChatState, id: string): void {
  state.ids.add(id)
  if (state.ids.size > RECENT_IDS) state.ids.delete(state.ids.values().next().value as string)
}
