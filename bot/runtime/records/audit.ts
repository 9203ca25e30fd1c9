import type { Action } from '../../core/actions.js'
import type { Clock } from '../../ports/clock.js'
import { z } from 'zod'
import { docSpec, type Doc, type Store } from '../../ports/store/store.js'
import { addDays, dayKey } from '../../time/zoned.js'

/** One line of the audit log: an action the bot took, or would have taken in dry-run. */
export interface AuditEntry {
  id: string
  at: number
  plugin: string
  rule: string
  type: Action['type'] | 'refused' | 'undo' | 'error'
  dryRun: boolean
  groupId?: string
  memberId?: string
  reason?: string
  evidence?: { messageId?: string; text?: string }
  /** What was said, for outward actions. */
  text?: string
  /** The contact it was sent to privately (an outward action to a person, not to a group): `groupId` is then only the group it concerns. */
  privateTo?: string
  /** Set when the action failed (e.g. removal without admin rights). */
  failed?: string
  /** Another account of the fleet wrote it (its id then reads `A3@sales1`); absent for this account's own. */
  account?: string
}

/** The Chinese name of each kind of audit entry, for people reading what the bot did (replay output, the console). */
export const AUDIT_TYPE_NAMES: Record<AuditEntry['type'], string> = {
  say: '发言',
  warn: '警告',
  remind: '提醒',
  notifyAdmins: '通知管理员',
  sendFile: '发送文件',
  sendLink: '发送链接',
  remove: '移出群',
  record: '记录',
  strike: '记违规',
  fine: '罚款',
  settle: '结清罚款',
  waive: '免除罚款',
  schedule: '定时',
  cancel: '取消定时',
  emit: '告知其他插件',
  refused: '拒绝命令',
  undo: '撤销处罚',
  error: '出错',
}

/** Filters for `query`. */
export interface AuditQuery {
  memberId?: string
  plugin?: string
  groupId?: string
  days?: number
  limit?: number
}

/**
 * The `audit-counter` document: the next id. Volatile (written at the periodic flush, not before every send): a
 * start continues after the highest id of the log, whose lines are on disk before any send that quotes one, so a
 * lost or stale counter repeats nothing.
 */
export const AUDIT_COUNTER_DOC = docSpec<{ next: number }>({
  version: 1,
  schema: z.object({ next: z.number().int().positive() }),
  defaults: () => ({ next: 1 }),
  volatile: true,
})

/** How much of the newest audit day a start reads for the highest id, where the store can read a day's end. */
const AUDIT_TAIL_BYTES = 64 * 1024

/** Entries kept in memory beyond `keep` before the oldest are dropped together. */
const TRIM_BATCH = 256

/**
 * Append-only audit log in daily JSONL segments, with ids `A1`, `A2`… that
 * admins quote in `#撤销`. Recent entries (the last `keep`, up to
 * `TRIM_BATCH` more) stay in memory for fast queries.
 */
export class AuditLog {
  private recent: AuditEntry[] = []
  private counter: Doc<{ next: number }>
  private listeners: ((e: AuditEntry) => void)[] = []

  constructor(
    private store: Store,
    private clock: Clock,
    private tz: string,
    /** The other accounts' audit rows (fleet mode: `Store.readFleetLog`); none for one process. */
    private fleetLog?: Store['readFleetLog'],
    private keep = 5000,
  ) {
    this.counter = store.doc('audit-counter', AUDIT_COUNTER_DOC)
    // The newest day of the log holds the highest id: continue after it even if the counter was lost or is behind.
    const last = store.logDays('audit').at(-1)
    // Ids only grow within a day: its last lines hold the highest, and a busy day's log runs to megabytes.
    const logged = !last
      ? []
      : (store.readLogTail?.<{ id?: unknown }>('audit', last, AUDIT_TAIL_BYTES) ??
        store.readLog<{ id?: unknown }>('audit', last, last))
    const highest = Math.max(0, ...logged.map(e => (typeof e.id === 'string' ? Number(e.id.slice(1)) || 0 : 0)))
    if (highest >= this.counter.data.next) {
      this.counter.data.next = highest + 1
      this.counter.changed()
    }
  }

  /** Append an entry, assigning its id. */
  append(entry: Omit<AuditEntry, 'id' | 'at'>): AuditEntry {
    const full: AuditEntry = { id: `A${this.counter.data.next++}`, at: this.clock.now(), ...entry }
    this.counter.changed()
    this.store.append('audit', dayKey(full.at, this.tz), full)
    this.recent.push(full)
    // Trimmed a batch at a time (down to `keep`): one entry at a time moved the whole list at every append.
    if (this.recent.length >= this.keep + TRIM_BATCH) this.recent.splice(0, this.recent.length - this.keep)
    for (const l of this.listeners) l(full)
    return full
  }

  /** Call `listener` for every new entry (replay prints them). */
  subscribe(listener: (e: AuditEntry) => void): void {
    this.listeners.push(listener)
  }

  /** Find an entry by id (memory first, then the last 30 days on disk). */
  get(id: string): AuditEntry | undefined {
    return this.recent.find(e => e.id === id) ?? this.fromDisk(30).find(e => e.id === id)
  }

  /** Newest-first entries of this account matching the filters. */
  query(q: AuditQuery = {}): AuditEntry[] {
    const since = this.clock.now() - (q.days ?? 7) * 86_400_000
    const pool = this.recent.length && this.recent[0].at <= since ? this.recent : this.fromDisk(q.days ?? 7)
    return pool
      .filter(e => e.at >= since && fits(e, q))
      .reverse()
      .slice(0, q.limit ?? 20)
  }

  /**
   * Newest-first entries matching the filters, of every account of the fleet (PostgreSQL: the others' entries
   * as far as they flushed them, ids `A3@sales1`); this account's only for a store of one process.
   */
  async queryFleet(q: AuditQuery = {}): Promise<AuditEntry[]> {
    const own = this.query({ ...q, limit: Number.POSITIVE_INFINITY })
    const read = this.fleetLog
    if (!read) return own.slice(0, q.limit ?? 20)
    const now = this.clock.now()
    const since = now - (q.days ?? 7) * 86_400_000
    const rows = await read<AuditEntry>('audit', dayKey(since, this.tz), dayKey(now, this.tz))
    const others = rows
      .map(({ account, record }) => ({ ...record, id: `${record.id}@${account}`, account }))
      .filter(e => e.at >= since && fits(e, q))
    return [...own, ...others].sort((a, b) => b.at - a.at).slice(0, q.limit ?? 20)
  }

  private fromDisk(days: number): AuditEntry[] {
    const today = dayKey(this.clock.now(), this.tz)
    const seen = new Set<string>()
    return [...this.store.readLog<AuditEntry>('audit', addDays(today, -days), today), ...this.recent].filter(
      e => !seen.has(e.id) && seen.add(e.id),
    )
  }
}

function fits(e: AuditEntry, q: AuditQuery): boolean {
  return (
    (!q.memberId || e.memberId === q.memberId) &&
    (!q.plugin || e.plugin === q.plugin) &&
    (!q.groupId || e.groupId === q.groupId)
  )
}
