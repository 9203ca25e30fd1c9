import { DocDamage } from '../store/doc-codec.js'
import type { Doc, Journal, JournalSpec } from '../store/store.js'

/** What a row journal needs of its store: its writes, queued in the store's one write line. */
export interface RowJournalWrites {
  /** Write the records the journal holds (`take()`), or a compaction when one is due at once (`outdated`). */
  records(journal: RowJournal<unknown, unknown>): Promise<void>
}

/**
 * A journal only its own account reads (`JournalSpec.local`) on PostgreSQL: the snapshot is the journal's
 * `bot_documents` row, each record one row of `bot_journal_records` after it. An append applies the record and
 * queues a write of it (the records a write finds waiting go out in one statement), so `commit()` resolves once
 * every record appended before it is committed, as the document journal's row rewrite did, without writing the
 * whole state. A periodic flush folds the records into the snapshot once there are `compactAfter`
 * (`PgStore.flush`); a snapshot of an older version, or none, is written at the next write instead.
 */
export class RowJournal<S, R> implements Journal<S, R> {
  /** Records appended and not taken by a write yet (JSON text). */
  private held: string[] = []
  private last: Promise<void> = Promise.resolve()

  constructor(
    readonly doc: Doc<S> & { readonly name: string },
    private spec: JournalSpec<S, R>,
    /** Rows after the snapshot (read at open, written or being written since). */
    public rows: number,
    /** The snapshot must be written before more rows follow it (none yet, an older version, records dropped). */
    public outdated: boolean,
    private writes: RowJournalWrites,
    private text: (record: R) => string,
  ) {}

  get name(): string {
    return this.doc.name
  }

  get state(): S {
    return this.doc.data
  }

  append(record: R): void {
    this.spec.apply(this.doc.data, record)
    this.held.push(this.text(record))
    this.rows++
    // A failed write is reported by the store's write-failure listeners (the bot stops).
    this.last = this.writes.records(this as RowJournal<unknown, unknown>)
    this.last.catch(() => {})
  }

  commit(): Promise<void> {
    if (this.held.length) {
      this.last = this.writes.records(this as RowJournal<unknown, unknown>)
      this.last.catch(() => {})
    }
    return this.last
  }

  /** Whether a periodic flush folds the rows into the snapshot now. */
  compactDue(): boolean {
    return this.outdated || this.rows >= (this.spec.compactAfter ?? 1000)
  }

  /** The records waiting for a write, handed to it (a failed write gives them back). */
  take(): string[] {
    const lines = this.held
    this.held = []
    return lines
  }

  /** A write of `lines` failed: they go out first with the next one. */
  giveBack(lines: string[]): void {
    this.held = [...lines, ...this.held]
  }

  /** The snapshot now holds every record appended so far (the rows after it are deleted). */
  compacted(): void {
    this.rows = this.held.length
    this.outdated = false
  }
}

/**
 * Fold the stored records (JSON values, in order) of a journal whose snapshot is of `version` into `state`:
 * each migrated by `recordMigrations` and checked by `spec.record`. Throws `DocDamage` naming the first bad row.
 */
export function applyRows<S, R>(state: S, rows: unknown[], version: number, spec: JournalSpec<S, R>): void {
  for (const [i, row] of rows.entries()) {
    let record = row
    for (let v = version; v < spec.version; v++) record = spec.recordMigrations?.[v]?.(record) ?? record
    const checked = spec.record.safeParse(record)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      throw new DocDamage(`wrong shape: record ${i + 1}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    }
    spec.apply(state, record as R)
  }
}
