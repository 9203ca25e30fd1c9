import type { Doc, Journal, JournalSpec } from './store.js'

/**
 * A journal kept as one document, for back ends that store a document as one row or one object
 * (`MemoryStore`, `PgStore`): `append` applies the record and marks the document changed; the document
 * is written whole by `commit()`, by the store's flush, or (`persistEach`) at every append.
 */
export class DocJournal<S, R> implements Journal<S, R> {
  private pending = false

  constructor(
    private doc: Doc<S>,
    private spec: JournalSpec<S, R>,
    /** Persist at every append (PostgreSQL: one row update, as a queued message always was). */
    private persistEach = false,
  ) {}

  get state(): S {
    return this.doc.data
  }

  append(record: R): void {
    this.spec.apply(this.doc.data, record)
    this.doc.changed()
    this.pending = true
    // A failed write is reported by the store's write-failure listeners (the bot stops).
    if (this.persistEach) void this.commit().catch(() => {})
  }

  async commit(): Promise<void> {
    if (!this.pending) return
    this.pending = false
    try {
      await this.doc.persist()
    } catch (e) {
      this.pending = true
      throw e
    }
  }
}
