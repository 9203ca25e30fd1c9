import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { ArchiveConfig } from '../config.js'
import type { ArchiveBackend, PendingRecord } from '../store/backend.js'
import { keepsBytes, type MediaSource } from './media.js'
import { RecentIds } from './recent-ids.js'
import { type ArchiveRecord, type ChatInfo, chatInfoOf, chatOf, recordOf } from './record.js'

interface ChatState {
  seq: number
  /** The last `RECENT_IDS` message ids (as 64-bit hashes). */
  ids: RecentIds
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
/** Records one `appendMany` call writes at most. */
const MAX_BATCH = 500

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
  /** Chats whose state is loaded and that no capture is waiting for: captured without a promise. */
  private loaded = new Map<string, ChatState>()
  /** Per chat, captures waiting for its state to load (they keep their order: no capture may pass them). */
  private loading = new Map<string, number>()
  private pending: PendingRecord[] = []
  /** Pending records (from the oldest) a write has in flight: never dropped as lost. */
  private inFlight = 0
  private queue: Promise<void> = Promise.resolve()
  /** Queued writes not finished: while there are any, a new record queues behind them. */
  private queued = 0
  /**
   * For a back end writing in batches: the records captured since the last queued write that holds its record only
   * once it runs (chat info or bytes first); that write holds them right after its own. None such queued: undefined.
   */
  private behind?: PendingRecord[]
  /** A drain is queued and has not started: records held meanwhile are written by it. */
  private drainQueued = false
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

  /** Archive an incoming message; false when it was a duplicate delivery (a promise only while its chat's state loads). */
  capture(ev: MessageEvent, displayName: string, cfg: ArchiveConfig): boolean | Promise<boolean> {
    const backend = this.backend
    const media = this.media
    // An attachment whose bytes are not kept here (a group kind `media.keepBytes` does not list) is only metadata.
    const fetches = !!ev.attachment && !!media && !!ev.group && keepsBytes(cfg, ev.group.kind)
    const state = ev.group && !fetches && !this.queued ? this.loaded.get(ev.group.id) : undefined
    // Most messages: a group already archived under the same name, nothing to fetch, nothing queued, a back end
    // writing synchronously. What `keep` does for them, without a capture (and its closures) made first.
    if (state?.saved && sameGroup(state.saved, ev.group as GroupRef) && appendsNow(backend)) {
      if (!state.ids.add(ev.id)) return false
      this.writeNow(recordOf(ev, displayName, ++state.seq), dayKey(ev.at, this.tz), backend)
      return true
    }
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

  /**
   * Archive one message (incoming or the bot's own); false when its id was archived already. Answered at
   * once when the chat's state is loaded; the record is then written at once too when nothing is queued
   * before it and the back end writes synchronously (no chat info to save, no bytes to fetch).
   */
  keep(c: Capture, cfg: ArchiveConfig): boolean | Promise<boolean> {
    const chat = c.info.chat
    const state = this.loaded.get(chat)
    if (state) return this.keepIn(state, c, cfg)
    this.loading.set(chat, (this.loading.get(chat) ?? 0) + 1)
    return this.state(chat).then(s => {
      const left = (this.loading.get(chat) ?? 1) - 1
      if (left) this.loading.set(chat, left)
      else {
        this.loading.delete(chat)
        this.loaded.set(chat, s)
      }
      return this.keepIn(s, c, cfg)
    })
  }

  private keepIn(state: ChatState, c: Capture, cfg: ArchiveConfig): boolean {
    if (!state.ids.add(c.id)) return false
    const record = c.build(++state.seq)
    const day = dayKey(c.at, this.tz)
    // Every message carries its chat's info; a back end is asked to save it only when it changed (for
    // PostgreSQL each save was a statement, at every message).
    const saveInfo = !(c.infoIfNew && state.known) && !(state.saved && sameInfo(state.saved, c.info))
    state.known = true
    const bytes = !!c.bytes && !!record.attachment && keepsBytes(cfg, c.info.kind)
    const backend = this.backend
    if (!saveInfo && !bytes && !this.queued && appendsNow(backend)) {
      this.writeNow(record, day, backend)
      return true
    }
    const batches = backend.appendMany !== undefined
    if (!saveInfo && !bytes && batches) {
      // A back end writing in batches (PostgreSQL): the record waits in order (behind a queued write that has not
      // held its own yet), and one queued drain writes every record waiting by the time it runs, in one call.
      if (this.behind) this.behind.push({ record, day })
      else {
        this.hold(record, day)
        this.drainLater()
      }
      return true
    }
    const after: PendingRecord[] | undefined = batches ? [] : undefined
    this.behind = after
    this.queued++
    const done = this.queue.then(async () => {
      if (saveInfo)
        await this.backend.saveChat(c.info).then(
          () => {
            state.saved = c.info
          },
          () => {},
        )
      if (bytes) await this.keepBytes(c, record, day, cfg)
      this.hold(record, day)
      if (after) {
        for (const r of after) this.hold(r.record, r.day)
        if (this.behind === after) this.behind = undefined
      }
      await this.drain()
    })
    this.queue = done
      .catch(() => {})
      .then(() => {
        this.queued--
      })
    return true
  }

  /** Queue one drain unless one is queued and has not started yet. */
  private drainLater(): void {
    if (this.drainQueued) return
    this.drainQueued = true
    this.queued++
    this.queue = this.queue
      .then(() => {
        this.drainQueued = false
        return this.drain()
      })
      .then(() => {
        this.queued--
      })
  }

  /** Try the records waiting for the disk again (the plugin's retry timer). */
  retry(): Promise<void> {
    if (!this.pending.length) return this.queue
    this.queued++
    this.queue = this.queue
      .then(() => this.drain())
      .then(() => {
        this.queued--
      })
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

  /** `write` through a back end that appends synchronously (`appendNow`): the same order and retries, no promise. */
  private writeNow(record: ArchiveRecord, day: string, backend: SyncBackend): void {
    if (!this.pending.length) {
      try {
        backend.appendNow(record, day)
      } catch (e) {
        this.failing = (e as Error).message
        this.hold(record, day)
        return
      }
      this.written++
      this.failing = undefined
      return
    }
    this.hold(record, day)
    while (this.pending.length) {
      const next = this.pending[0]
      try {
        backend.appendNow(next.record, next.day)
      } catch (e) {
        this.failing = (e as Error).message
        return
      }
      this.wrote(1)
    }
  }

  /** The `n` oldest pending records reached the disk. */
  private wrote(n: number): void {
    this.pending.splice(0, n)
    this.written += n
    this.failing = undefined
  }

  /** Queue a record for the disk, dropping (and counting) the oldest not in flight beyond `MAX_PENDING`. */
  private hold(record: ArchiveRecord, day: string): void {
    this.pending.push({ record, day })
    const excess = this.pending.length - MAX_PENDING
    if (excess > 0) this.lost += this.pending.splice(this.inFlight, excess).length
  }

  /** Write the pending records in order: in batches where the back end can (`appendMany`), else one by one. */
  private async drain(): Promise<void> {
    const backend = this.backend
    while (this.pending.length) {
      // While writes fail, one record tries whether the back end is back before a whole batch is sent again.
      const n = backend.appendMany && !this.failing ? Math.min(this.pending.length, MAX_BATCH) : 1
      this.inFlight = n
      try {
        if (backend.appendMany) await backend.appendMany(this.pending.slice(0, n))
        else await backend.append(this.pending[0].record, this.pending[0].day)
      } catch (e) {
        this.failing = (e as Error).message
        return
      } finally {
        this.inFlight = 0
      }
      this.wrote(n)
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
            ids: new RecentIds(RECENT_IDS),
            known: tail.length > 0,
          }
          for (const r of tail) state.ids.add(r.id)
          return state
        },
        () => ({ seq: 0, ids: new RecentIds(RECENT_IDS), known: false }),
      )
      this.states.set(chat, s)
    }
    return s
  }
}

/** A back end that appends synchronously. */
type SyncBackend = ArchiveBackend & Required<Pick<ArchiveBackend, 'appendNow'>>

function appendsNow(b: ArchiveBackend): b is SyncBackend {
  return b.appendNow !== undefined
}

/** The chat info of a group event (`chatInfoOf`) would equal `saved`. */
function sameGroup(saved: ChatInfo, g: GroupRef): boolean {
  return saved.chat === g.id && saved.kind === g.kind && saved.title === g.topic && saved.configName === g.configName
}

/** The same chat info: every field equal. */
function sameInfo(a: ChatInfo, b: ChatInfo): boolean {
  return a.chat === b.chat && a.kind === b.kind && a.title === b.title && a.configName === b.configName
}

/** The chat key of an event (re-exported for callers that only capture). */
export { chatOf }
