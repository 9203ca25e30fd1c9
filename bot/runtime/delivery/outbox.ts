import type { Clock } from '../../ports/clock.js'
import { chatKey, type OutboundMessage } from '../../ports/outbound-message.js'
import type { Sender } from '../../ports/sender.js'
import { z } from 'zod'
import { type Journal, journalSpec, type Store } from '../../ports/store/store.js'
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

/** A message in the queue, as the journal stores it. */
export interface Queued extends OutboundMessage {
  seq: number
  attempts: number
  notBefore: number
  /**
   * Fleet: the group whose event or timer caused a message to someone else (a private reply, a report to the
   * admins): it moves with that group when another account takes the group over from this one (bot/fleet/outbox-move.ts).
   */
  origin?: string
}

/** The outbox journal's state: the queue, the next number, the recent sends. */
export interface OutboxState {
  queue: Queued[]
  seq: number
  /** Recent sends (time and chat), so the rate limits hold across a restart. */
  sent: { at: number; chat: string }[]
}

/** One change of the outbox, as its journal stores it. */
export type OutboxRecord =
  /** A message queued. */
  | { op: 'queue'; item: Queued }
  /** Messages taken from the queue to be sent (merged) at `at`; sends up to `keepAfter` leave the history. */
  | { op: 'take'; seqs: number[]; at: number; chat: string; keepAfter: number }
  /** The send taken at `at` did not happen (failed, or the fleet refused it): it leaves the history. */
  | { op: 'untake'; at: number; chat: string }
  /** Messages back in the queue after a failed send, to be retried. */
  | { op: 'requeue'; items: Queued[] }

/** What a secret queued before a restart becomes: its text was never written, so it is gone; the person is told. */
export const SECRET_LOST_TEXT =
  '这条消息含一次性内容（如后台登录链接），机器人重启后已失效，请重新获取（例如再发送 #后台）。'

/** The journal's copy of a queued secret (`sensitive`): everything but its text, which stays in memory. */
function redacted(item: Queued): Queued {
  return item.sensitive ? { ...item, text: undefined } : item
}

// Loose: the message's own fields (text, mentions, key …) are kept as queued. `origin` came later, optional.
const queuedSchema = z.looseObject({
  chat: z.object({}).loose(),
  seq: z.number(),
  attempts: z.number(),
  notBefore: z.number(),
  origin: z.string().optional(),
})

/**
 * The `outbox` journal (`state/outbox.jsonl`): the queue and the recent send history as a snapshot,
 * then one record per queued message and per send. Version 1 was the document `state/outbox.json`,
 * rewritten whole at every change: it becomes the journal's snapshot at the first start.
 */
export const OUTBOX_JOURNAL = journalSpec<OutboxState, OutboxRecord>({
  version: 2,
  schema: z.object({
    queue: z.array(queuedSchema),
    seq: z.number().int().positive(),
    sent: z.array(z.object({ at: z.number(), chat: z.string() })),
  }),
  migrations: { 1: (v1: OutboxState) => v1 }, // the same state, now followed by records
  defaults: () => ({ queue: [], seq: 1, sent: [] }),
  record: z.discriminatedUnion('op', [
    z.object({ op: z.literal('queue'), item: queuedSchema }),
    z.object({
      op: z.literal('take'),
      seqs: z.array(z.number()),
      at: z.number(),
      chat: z.string(),
      keepAfter: z.number(),
    }),
    z.object({ op: z.literal('untake'), at: z.number(), chat: z.string() }),
    z.object({ op: z.literal('requeue'), items: z.array(queuedSchema) }),
  ]),
  apply: applyOutbox,
  // Each account reads only its own outbox (the fleet claims sends in fleet_sent): on PostgreSQL its records are rows.
  local: true,
})

/**
 * Take the queued messages `pick` chooses out of an outbox's state (another account's, at a takeover), in
 * queue order: the state no longer holds them.
 */
export function takeQueued(state: OutboxState, pick: (item: Queued) => boolean): Queued[] {
  const taken = state.queue.filter(pick)
  const gone = new Set(taken)
  if (gone.size) state.queue = state.queue.filter(q => !gone.has(q))
  return taken
}

/** Fold one outbox record into the state. */
function applyOutbox(s: OutboxState, r: OutboxRecord): void {
  switch (r.op) {
    case 'queue':
      s.queue.push(r.item)
      s.seq = Math.max(s.seq, r.item.seq + 1)
      return
    case 'take': {
      if (!takeSorted(s.queue, r.seqs)) {
        const taken = new Set(r.seqs)
        s.queue = s.queue.filter(q => !taken.has(q.seq))
      }
      s.sent = s.sent.filter(x => x.at > r.keepAfter)
      s.sent.push({ at: r.at, chat: r.chat })
      return
    }
    case 'untake': {
      const i = s.sent.findLastIndex(x => x.at === r.at && x.chat === r.chat)
      if (i >= 0) s.sent.splice(i, 1)
      return
    }
    case 'requeue':
      s.queue.push(...r.items)
      s.queue.sort((a, b) => a.seq - b.seq)
      return
  }
}

/**
 * Remove the items numbered `seqs` from a queue in `seq` order (as queued and requeued), each found by
 * binary search: a send takes a few items from a queue that may hold thousands. False when one is not
 * where the order says (a queue out of order): the caller filters instead.
 */
function takeSorted(queue: Queued[], seqs: number[]): boolean {
  for (const seq of seqs) {
    let lo = 0
    let hi = queue.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (queue[mid].seq < seq) lo = mid + 1
      else hi = mid
    }
    if (queue[lo]?.seq !== seq) return false
    queue.splice(lo, 1)
  }
  return true
}

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
  private journal: Journal<OutboxState, OutboxRecord>
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
  /** The texts of queued secrets (`sensitive`, a sign-in link) by seq: in memory only, never in the journal. */
  private secrets = new Map<number, string>()
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
    private mayDeliver: MayDeliver = async (_, items) => items,
  ) {
    this.journal = store.journal('outbox', OUTBOX_JOURNAL)
    this.reindex()
    this.restoreHistory()
  }

  /**
   * Queue a message (with the fleet's `key`, when given, in place of its own, and the group that caused it,
   * `origin`); delivered as soon as the limits allow.
   */
  enqueue(msg: OutboundMessage, key = msg.key, origin?: string): void {
    const item: Queued = { ...msg, key, seq: this.journal.state.seq, attempts: 0, notBefore: 0 }
    if (origin) item.origin = origin
    if (item.sensitive) this.secrets.set(item.seq, item.text ?? '')
    // One record appended, written with the others of this turn (after the records that caused it, a
    // confirmed case or a strike, and before any send): never a rewrite of the whole queue. A secret's text
    // is not in it (a state folder, a backup or the PostgreSQL rows must not hold a valid sign-in link).
    this.journal.append({ op: 'queue', item: redacted(item) })
    const chat = this.chatQueue(chatKey(item))
    chat.push(item)
    // Behind another message to its chat it cannot go first: with a wake-up set, the next send is unchanged.
    if (chat.length > 1 && this.timerAt !== Infinity) return
    this.pump()
  }

  /**
   * Queue messages another account of the fleet had queued and not sent (moved with their group at a takeover,
   * in their order): each keeps its send key (`outbox:<from>:<seq>` when it had none, the key that account's
   * send of it would have claimed), so the fleet still sends it once. One already queued here (a takeover tried
   * again after its transaction failed) is not queued twice. Sent under this account's limits.
   */
  adopt(items: Queued[], from: string): void {
    const here = new Set(this.journal.state.queue.map(q => q.key))
    for (const { seq, attempts: _a, notBefore: _n, key, origin, ...msg } of items) {
      const k = key ?? `outbox:${from}:${seq}`
      if (!here.has(k)) this.enqueue(msg, k, origin)
    }
  }

  /** A send (with the durable flush before it) is under way. */
  sending(): boolean {
    return this.busy
  }

  /** Sending is held (logged out, connection lost, shutdown, not started yet). */
  isPaused(): boolean {
    return this.paused
  }

  /** Messages waiting to be sent. */
  depth(): number {
    return this.journal.state.queue.length
  }

  /** The images and files of the messages waiting to be sent (the one in flight included): retention keeps them. */
  files(): string[] {
    return this.journal.state.queue.flatMap(q => (q.file ? [q.file] : []))
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
    if (this.paused || this.busy || !this.journal.state.queue.length) return
    const now = this.clock.now()
    const next = this.pickNext(now)
    if (next.at > now) return this.wakeAt(next.at)
    void this.dispatch(next.item, now)
  }

  private pickNext(now: number): { item: Queued; at: number } {
    if (this.recentSends.length && this.recentSends[0] <= now - 60_000)
      this.recentSends = this.recentSends.filter(t => t > now - 60_000)
    const windowReady = this.recentSends.length >= this.limits.perMinute ? this.recentSends[0] + 60_000 : now
    // No chat but the last one can go before `others` (the switch pause); the last one's own time, looked up once.
    const others = Math.max(now, windowReady, this.lastChat ? this.switchReadyAt : now)
    const last = this.lastChat === undefined ? undefined : this.byChat.get(this.lastChat)
    const lastAt = last ? this.readyAt(this.lastChat!, last[0], now, windowReady) : Infinity
    if (lastAt < others) return { item: last![0], at: lastAt }
    let best: { item: Queued; at: number } | undefined
    // Only a chat's earliest message may go next, so order per chat is kept. The first chat that can go at the
    // earliest time any can ends the search (at 1,000 groups hundreds of chats wait behind the sending limits).
    for (const [key, list] of this.byChat) {
      const item = list[0]
      const at = key === this.lastChat ? lastAt : this.readyAt(key, item, now, windowReady)
      if (!best || at < best.at) best = { item, at }
      if (at === others) break
    }
    return best!
  }

  /** When a chat's earliest message `item` may go: its retry time, the chat's gap, the minute's window and the switch pause. */
  private readyAt(key: string, item: Queued, now: number, windowReady: number): number {
    const chatReady = (this.lastByChat.get(key) ?? -Infinity) + this.limits.perChatGap
    const switchReady = this.lastChat && key !== this.lastChat ? this.switchReadyAt : now
    return Math.max(now, item.notBefore, chatReady, windowReady, switchReady)
  }

  private async dispatch(first: Queued, now: number): Promise<void> {
    this.busy = true
    const key = chatKey(first)
    const chat = this.chatQueue(key)
    const merged = mergeTexts(first, chat, this.limits.mergeMaxChars)
    const { items } = merged
    let { message } = merged
    chat.splice(0, items.length)
    if (!chat.length) this.byChat.delete(key)
    // The send is recorded before it happens (and written by `beforeSend`), so a kill right after it
    // cannot let a restarted bot send it again or exceed the limits.
    const unmark = this.markSent(
      key,
      now,
      items.map(i => (i as Queued).seq),
    )
    try {
      await this.beforeSend()
      const going = await this.mayDeliver(message, items as Queued[])
      if (!going.length) {
        unmark() // not sent: another bot of the fleet sent it, or this one no longer acts in that group
        this.secrets.delete(first.seq)
        this.log.info(`not sent (fleet): ${describe(first)}`)
        return
      }
      // Of a merged message, only the parts no other bot of the fleet sent.
      if (going.length < items.length) message = mergeTexts(going[0], going, Number.POSITIVE_INFINITY).message
      if (first.sensitive) message = { ...message, text: this.secrets.get(first.seq) ?? SECRET_LOST_TEXT }
      this.spaceFrom(key, now)
      await this.sender.send(message)
      this.secrets.delete(first.seq)
      this.tellSent(message, first.seq)
    } catch (e) {
      unmark() // a send that failed does not count against the limits
      this.retry(items as Queued[], e as Error, now)
    } finally {
      this.busy = false
      this.pump()
    }
  }

  /**
   * The send leaves now, later than it was taken at `takenAt` (the durable flush and the fleet check ran
   * between): space the next sends from now, so WeChat never sees two sends to a chat closer than the gap
   * when one flush took longer than the next. The journal keeps the take time.
   */
  private spaceFrom(key: string, takenAt: number): void {
    const delay = this.clock.now() - takenAt
    if (delay <= 0) return
    if (this.lastByChat.get(key) === takenAt) this.lastByChat.set(key, takenAt + delay)
    const i = this.recentSends.lastIndexOf(takenAt)
    if (i >= 0) this.recentSends = this.recentSends.map((t, j) => (j === i ? takenAt + delay : t))
    if (this.lastChat === key) this.switchReadyAt += delay
  }

  /** Tell `onSent` (a listener's failure is logged: it must not make a delivered message retried). */
  private tellSent(message: OutboundMessage, seq: number): void {
    try {
      this.onSent?.(message, seq, this.clock.now())
    } catch (e) {
      this.log.error('onSent failed', e)
    }
  }

  /** Take `seqs` from the queue and count the send against the limits (stored); returns how to take it back. */
  private markSent(key: string, at: number, seqs: number[]): () => void {
    const before = {
      recent: this.recentSends,
      chat: this.lastByChat.get(key),
      lastChat: this.lastChat,
      switchReadyAt: this.switchReadyAt,
    }
    this.recentSends = [...this.recentSends, at]
    this.lastByChat.set(key, at)
    this.lastChat = key
    const { switchPauseMin: lo, switchPauseMax: hi } = this.limits
    this.switchReadyAt = at + lo + this.random() * (hi - lo)
    const keepAfter = at - Math.max(60_000, this.limits.perChatGap, hi)
    this.journal.append({ op: 'take', seqs, at, chat: key, keepAfter })
    return () => {
      this.recentSends = before.recent
      if (before.chat === undefined) this.lastByChat.delete(key)
      else this.lastByChat.set(key, before.chat)
      this.lastChat = before.lastChat
      this.switchReadyAt = before.switchReadyAt
      this.journal.append({ op: 'untake', at, chat: key })
    }
  }

  /** Rebuild the rate-limit view from the stored send history (a restart must not reset the limits). */
  private restoreHistory(): void {
    const now = this.clock.now()
    for (const s of this.journal.state.sent) {
      if (s.at > now - 60_000) this.recentSends.push(s.at)
      this.lastByChat.set(s.chat, Math.max(s.at, this.lastByChat.get(s.chat) ?? -Infinity))
    }
    const last = this.journal.state.sent.at(-1)
    if (last) {
      this.lastChat = last.chat
      this.switchReadyAt = last.at + this.limits.switchPauseMax
    }
  }

  private retry(items: Queued[], error: Error, now: number): void {
    const attempts = items[0].attempts + 1
    if (attempts > this.limits.maxRetries) {
      const note = `发送失败已放弃 ${describe(items[0])}: ${error.message}`
      for (const i of items) this.secrets.delete(i.seq)
      this.failures.push(note)
      this.log.error(note)
      return
    }
    this.log.warn(`send failed (attempt ${attempts}), retrying`, error)
    const backoff = 2 ** attempts * 1000
    this.journal.append({
      op: 'requeue',
      items: items.map(i => redacted({ ...i, attempts, notBefore: now + backoff })),
    })
    this.reindex()
  }

  private chatQueue(key: string): Queued[] {
    let list = this.byChat.get(key)
    if (!list) this.byChat.set(key, (list = []))
    return list
  }

  /** Rebuild the per-chat view of the persisted queue (at load and after a retry reorders it). */
  private reindex(): void {
    this.byChat.clear()
    for (const item of this.journal.state.queue) this.chatQueue(chatKey(item)).push(item)
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
 * Asked right before a send (after the durable flush): which of the message's items may go (all of them, some
 * of a merged message, or none: the message is dropped unsent). The fleet's check (bot/fleet): the group is
 * still held and no other account sent the item before.
 */
export type MayDeliver = <T extends { seq: number; key?: string }>(message: OutboundMessage, items: T[]) => Promise<T[]>

function describe(m: OutboundMessage): string {
  return `${chatKey(m)} ${m.sensitive ? '[敏感内容]' : (m.text ?? m.file ?? '').slice(0, 30)}`
}
