import type { Clock } from '../../ports/clock.js'
import { chatKey, type OutboundMessage } from '../../ports/outbound-message.js'
import type { Sender } from '../../ports/sender.js'
import { z } from 'zod'
import { docSpec, type Store } from '../../ports/store/store.js'
import type { Logger } from '../../process/logger.js'
import { mergeTexts } from './merge-texts.js'

/** Limits that protect the WeChat account from "操作过于频繁" restrictions. */
export interface OutboxLimits {
  perMinute: number
  perChatGap: number
  switchPauseMin: number
  switchPauseMax: number
  maxRetries: number
  mergeMaxChars: number
}

interface Queued extends OutboundMessage {
  seq: number
  attempts: number
  notBefore: number
}

interface OutboxDoc {
  queue: Queued[]
  seq: number
  /** Recent sends (time and chat), so the rate limits hold across a restart. */
  sent: { at: number; chat: string }[]
}

/** The `outbox` document (durable): the queue and the recent send history. */
export const OUTBOX_DOC = docSpec<OutboxDoc>({
  version: 1,
  schema: z.object({
    queue: z.array(
      z.looseObject({ chat: z.object({}).loose(), seq: z.number(), attempts: z.number(), notBefore: z.number() }),
    ),
    seq: z.number().int().positive(),
    sent: z.array(z.object({ at: z.number(), chat: z.string() })),
  }),
  defaults: () => ({ queue: [], seq: 1, sent: [] }),
  durable: true,
})

declare module '../../core/facts.js' {
  interface Facts {
    /** The runtime tells: the outbox delivered one of the bot's own messages (`id` is `out:<queue seq>`). */
    'message.sent': { id: string; at: number; message: OutboundMessage }
  }
}

/**
 * The single queue every outbound message goes through: at most `perMinute`
 * sends in any 60 s, `perChatGap` between two sends to one chat, a random
 * pause when switching chats, queued texts to one chat merged, retries with
 * exponential backoff. The queue is persisted so a restart delivers it.
 */
export class Outbox {
  private doc
  private recentSends: number[] = []
  private lastByChat = new Map<string, number>()
  private lastChat?: string
  private switchReadyAt = 0
  private busy = false
  private paused = true
  private byChat = new Map<string, Queued[]>()
  private cancelTimer?: () => void
  private timerAt = Infinity
  /** Send failures that gave up, for `#状态`. */
  readonly failures: string[] = []
  /** Told of every message delivered (the runtime passes it on as the `message.sent` fact). */
  onSent?: (message: OutboundMessage, seq: number, at: number) => void

  /**
   * `beforeSend` runs before each send (the runtime passes a flush of the durable documents):
   * nothing leaves the bot before the state that caused it, and the queue without it, are on
   * disk. A crash can then lose at most the message in flight, never send one twice.
   */
  constructor(
    private clock: Clock,
    private sender: Sender,
    private limits: OutboxLimits,
    store: Store,
    private log: Logger,
    private random: () => number = Math.random,
    private beforeSend: () => Promise<void> = async () => {},
    private mayDeliver: MayDeliver = async () => true,
  ) {
    this.doc = store.doc('outbox', OUTBOX_DOC)
    this.reindex()
    this.restoreHistory()
  }

  /** Queue a message; it is delivered as soon as the limits allow. */
  enqueue(msg: OutboundMessage): void {
    const item = { ...msg, seq: this.doc.data.seq++, attempts: 0, notBefore: 0 }
    this.doc.data.queue.push(item)
    this.chatQueue(chatKey(item)).push(item)
    // A queued reply is written at once, like the record that caused it (a confirmed case, a strike):
    // a kill before the next flush must not leave a stored case without its confirmation.
    this.doc.persist().catch(e => this.log.error('outbox queue not written', e))
    this.pump()
  }

  /** A send (with the durable flush before it) is under way. */
  sending(): boolean {
    return this.busy
  }

  /** Messages waiting to be sent. */
  depth(): number {
    return this.doc.data.queue.length
  }

  /** Start (or restart after a disconnect) delivering, including what a previous run left queued. */
  resume(): void {
    this.paused = false
    this.pump()
  }

  /** Hold sends (logged out, connection lost, shutdown); the queue stays in the store. */
  pause(): void {
    this.paused = true
    this.cancelTimer?.()
    this.cancelTimer = undefined
    this.timerAt = Infinity
  }

  private pump(): void {
    if (this.paused || this.busy || !this.doc.data.queue.length) return
    const now = this.clock.now()
    const next = this.pickNext(now)
    if (next.at > now) return this.wakeAt(next.at)
    void this.dispatch(next.item, now)
  }

  private pickNext(now: number): { item: Queued; at: number } {
    this.recentSends = this.recentSends.filter(t => t > now - 60_000)
    const windowReady = this.recentSends.length >= this.limits.perMinute ? this.recentSends[0] + 60_000 : now
    let best: { item: Queued; at: number } | undefined
    // Only a chat's earliest message may go next, so order per chat is kept; cost grows with chats, not messages.
    for (const [key, list] of this.byChat) {
      const item = list[0]
      const chatReady = (this.lastByChat.get(key) ?? -Infinity) + this.limits.perChatGap
      const switchReady = this.lastChat && key !== this.lastChat ? this.switchReadyAt : now
      const at = Math.max(now, item.notBefore, chatReady, windowReady, switchReady)
      if (!best || at < best.at) best = { item, at }
    }
    return best!
  }

  private async dispatch(first: Queued, now: number): Promise<void> {
    this.busy = true
    const key = chatKey(first)
    const chat = this.chatQueue(key)
    const { message, items } = mergeTexts(first, chat, this.limits.mergeMaxChars)
    const sent = new Set(items)
    this.doc.data.queue = this.doc.data.queue.filter(q => !sent.has(q))
    chat.splice(0, items.length)
    if (!chat.length) this.byChat.delete(key)
    // The send is recorded before it happens (and written by `beforeSend`), so a kill right after it
    // cannot let a restarted bot exceed the limits.
    const unmark = this.markSent(key, now)
    this.doc.changed()
    try {
      await this.beforeSend()
      if (!(await this.mayDeliver(message, items as Queued[]))) {
        unmark() // not sent: another bot of the fleet sent it, or this one no longer acts in that group
        this.log.info(`not sent (fleet): ${describe(first)}`)
        return
      }
      await this.sender.send(message)
      this.tellSent(message, first.seq)
    } catch (e) {
      unmark() // a send that failed does not count against the limits
      this.retry(items as Queued[], e as Error, now)
    } finally {
      this.busy = false
      this.pump()
    }
  }

  /** Tell `onSent` (a listener's failure is logged: it must not make a delivered message retried). */
  private tellSent(message: OutboundMessage, seq: number): void {
    try {
      this.onSent?.(message, seq, this.clock.now())
    } catch (e) {
      this.log.error('onSent failed', e)
    }
  }

  /** Count a send against the limits (and in the stored history); returns how to take it back. */
  private markSent(key: string, at: number): () => void {
    const before = {
      recent: this.recentSends,
      chat: this.lastByChat.get(key),
      lastChat: this.lastChat,
      switchReadyAt: this.switchReadyAt,
      sent: this.doc.data.sent,
    }
    this.recentSends = [...this.recentSends, at]
    this.lastByChat.set(key, at)
    this.lastChat = key
    const { switchPauseMin: lo, switchPauseMax: hi } = this.limits
    this.switchReadyAt = at + lo + this.random() * (hi - lo)
    const keep = at - Math.max(60_000, this.limits.perChatGap, hi)
    this.doc.data.sent = [...this.doc.data.sent.filter(s => s.at > keep), { at, chat: key }]
    return () => {
      this.recentSends = before.recent
      if (before.chat === undefined) this.lastByChat.delete(key)
      else this.lastByChat.set(key, before.chat)
      this.lastChat = before.lastChat
      this.switchReadyAt = before.switchReadyAt
      this.doc.data.sent = before.sent
    }
  }

  /** Rebuild the rate-limit view from the stored send history (a restart must not reset the limits). */
  private restoreHistory(): void {
    const now = this.clock.now()
    for (const s of this.doc.data.sent) {
      if (s.at > now - 60_000) this.recentSends.push(s.at)
      this.lastByChat.set(s.chat, Math.max(s.at, this.lastByChat.get(s.chat) ?? -Infinity))
    }
    const last = this.doc.data.sent.at(-1)
    if (last) {
      this.lastChat = last.chat
      this.switchReadyAt = last.at + this.limits.switchPauseMax
    }
  }

  private retry(items: Queued[], error: Error, now: number): void {
    const attempts = items[0].attempts + 1
    if (attempts > this.limits.maxRetries) {
      const note = `发送失败已放弃 ${describe(items[0])}: ${error.message}`
      this.failures.push(note)
      this.log.error(note)
      return
    }
    this.log.warn(`send failed (attempt ${attempts}), retrying`, error)
    const backoff = 2 ** attempts * 1000
    this.doc.data.queue.push(...items.map(i => ({ ...i, attempts, notBefore: now + backoff })))
    this.doc.data.queue.sort((a, b) => a.seq - b.seq)
    this.reindex()
    this.doc.changed()
  }

  private chatQueue(key: string): Queued[] {
    let list = this.byChat.get(key)
    if (!list) this.byChat.set(key, (list = []))
    return list
  }

  /** Rebuild the per-chat view of the persisted queue (at load and after a retry reorders it). */
  private reindex(): void {
    this.byChat.clear()
    for (const item of this.doc.data.queue) this.chatQueue(chatKey(item)).push(item)
  }

  private wakeAt(at: number): void {
    if (at >= this.timerAt) return
    this.cancelTimer?.()
    this.timerAt = at
    this.cancelTimer = this.clock.at(at, () => {
      this.timerAt = Infinity
      this.cancelTimer = undefined
      this.pump()
    })
  }
}

/**
 * Asked right before a send (after the durable flush): false drops the message unsent. The fleet's
 * check (bot/fleet): the group is still held and the message is not in the fleet's sent-log.
 */
export type MayDeliver = (message: OutboundMessage, items: { seq: number; key?: string }[]) => Promise<boolean>

function describe(m: OutboundMessage): string {
  return `${chatKey(m)} ${(m.text ?? m.file ?? '').slice(0, 30)}`
}
