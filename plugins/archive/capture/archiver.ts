import type { MessageEvent } from '../../../bot/core/event.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { ArchiveConfig } from '../config.js'
import type { ArchiveBackend } from '../store/backend.js'
import { keepsBytes, type MediaSource } from './media.js'
import { type ArchiveRecord, type ChatInfo, chatInfoOf, chatOf, recordOf } from './record.js'

interface ChatState {
  seq: number
  ids: Set<string>
  /** The ids of `ids` in arrival order, a ring (`next` is the oldest's slot once full): the one to forget. */
  order: string[]
  next: number
  /** The archive has records of this chat (so what it knows of the chat came from its members). */
  known: boolean
  /** What this archiver last saved of the chat: saved again only when it changed. */
  saved?: ChatInfo
}

/** One message to keep: its chat, id, time, how to build its record once `seq` is known, and its bytes (if any). */
export interface Capture {
  info: ChatInfo
  id: string
  at: number
  build(seq: number): ArchiveRecord
  /** Fetches the attachment's bytes (incoming: the media port; outgoing: the file the bot sent). */
  bytes?: () => Promise<Uint8Array | undefined>
  /** Save `info` only for a chat the archive does not know yet (the bot's own messages know less of a private chat). */
  infoIfNew?: boolean
}

/** Message ids remembered per chat for duplicate checks (also read back from disk after a restart). */
const RECENT_IDS = 2000
/** Records kept in memory while the disk refuses writes; older ones are counted as lost. */
const MAX_PENDING = 10_000

/**
 * Captures messages into the archive once each, in arrival order per chat
 * (`seq`). `capture` decides the sequence number and returns at once: the
 * writes go out in order behind it, so the event queue never waits on the
 * disk or on fetching an attachment. When a write fails (a full disk) the
 * record waits in memory and is retried before the next one; `failing`
 * tells the plugin, which warns admins.
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

  /** Archive an incoming message; false when it was a duplicate delivery. */
  capture(ev: MessageEvent, displayName: string, cfg: ArchiveConfig): Promise<boolean> {
    const media = this.media
    return this.keep(
      {
        info: chatInfoOf(ev, displayName),
        id: ev.id,
        at: ev.at,
        build: seq => recordOf(ev, displayName, seq),
        bytes: media && ev.attachment ? () => media.fetch(ev.id) : undefined,
      },
      cfg,
    )
  }

  /** Archive one message (incoming or the bot's own); false when its id was archived already. */
  async keep(c: Capture, cfg: ArchiveConfig): Promise<boolean> {
    const state = await this.state(c.info.chat)
    if (state.ids.has(c.id)) return false
    remember(state, c.id)
    const record = c.build(++state.seq)
    const day = dayKey(c.at, this.tz)
    // Every message carries its chat's info; a back end is asked to save it only when it changed (for
    // PostgreSQL each save was a statement, at every message).
    const saveInfo = !(c.infoIfNew && state.known) && !(state.saved && sameInfo(state.saved, c.info))
    state.known = true
    const done = this.queue.then(async () => {
      if (saveInfo)
        await this.backend.saveChat(c.info).then(
          () => {
            state.saved = c.info
          },
          () => {},
        )
      if (c.bytes && record.attachment && keepsBytes(cfg, c.info.kind)) await this.keepBytes(c, record, day, cfg)
      await this.write(record, day)
    })
    this.queue = done.catch(() => {})
    return true
  }

  /** Try the records waiting for the disk again (the plugin's retry timer). */
  retry(): Promise<void> {
    if (!this.pending.length) return this.queue
    this.queue = this.queue.then(() => this.drain())
    return this.queue
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
    await this.drain()
  }

  private async drain(): Promise<void> {
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

  private async keepBytes(c: Capture, record: ArchiveRecord, day: string, cfg: ArchiveConfig): Promise<void> {
    try {
      const bytes = await c.bytes?.()
      if (!bytes || !record.attachment) return
      if (bytes.byteLength > cfg.media.maxBytes) {
        record.attachment.skipped = `larger than ${cfg.media.maxBytes} bytes`
        return
      }
      record.attachment.stored = await this.backend.storeMedia(record, day, bytes)
      record.attachment.bytes = bytes.byteLength
    } catch (e) {
      record.attachment ??= {}
      record.attachment.skipped = (e as Error).message.slice(0, 200) // the metadata is archived without the bytes
    }
  }

  private state(chat: string): Promise<ChatState> {
    let s = this.states.get(chat)
    if (!s) {
      s = this.backend.tail(chat, RECENT_IDS).then(
        tail => {
          const state: ChatState = {
            seq: tail.reduce((m, r) => Math.max(m, r.seq ?? 0), 0),
            ids: new Set(),
            order: [],
            next: 0,
            known: tail.length > 0,
          }
          for (const r of tail) remember(state, r.id)
          return state
        },
        () => ({ seq: 0, ids: new Set<string>(), order: [], next: 0, known: false }),
      )
      this.states.set(chat, s)
    }
    return s
  }
}

/** The same chat info: every field equal. */
function sameInfo(a: ChatInfo, b: ChatInfo): boolean {
  return a.chat === b.chat && a.kind === b.kind && a.title === b.title && a.configName === b.configName
}

/** The chat key of an event (re-exported for callers that only capture). */
export { chatOf }

/**
 * Remember an id, forgetting the oldest beyond `RECENT_IDS`. The oldest is found in the ring: taking a Set's
 * first value walks past every entry deleted before it, thousands per message once a chat is full.
 */
function remember(state: ChatState, id: string): void {
  if (state.ids.has(id)) return
  state.ids.add(id)
  if (state.order.length < RECENT_IDS) {
    state.order.push(id)
    return
  }
  state.ids.delete(state.order[state.next])
  state.order[state.next] = id
  state.next = (state.next + 1) % RECENT_IDS
}
