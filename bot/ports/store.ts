/** Structured state and append-only logs, behind one interface with a memory twin. */

/** A named JSON document. Mutate `data`, then call `changed()`; writes are coalesced. */
export interface Doc<T> {
  data: T
  /** Mark dirty: written at the next flush (at most one write in flight). */
  changed(): void
  /** Write now and resolve once durable (for data that must never be lost, e.g. confirmed cases). */
  persist(): Promise<void>
}

/** The store port. `FileStore` keeps it on disk, `MemoryStore` in memory. */
export interface Store {
  /**
   * Open (or create with `defaults`) the document `name`. A `volatile` document (counters,
   * last-seen times) is written only by the periodic flush, not before every send, so a
   * crash may lose one flush interval of it.
   */
  doc<T extends object>(name: string, defaults: () => T, opts?: { volatile?: boolean }): Doc<T>
  /** Append one record to the daily JSONL log `log` for the day `day` (`YYYY-MM-DD`). */
  append(log: string, day: string, record: object): void
  /** Read records of `log` for days in [fromDay, toDay] inclusive. */
  readLog<R = unknown>(log: string, fromDay: string, toDay: string): R[]
  /** Write every dirty document and buffered log line (`durableOnly`: skip volatile documents). */
  flush(durableOnly?: boolean): Promise<void>
  /** Problems met while loading (corrupt files moved aside), for `#状态`. */
  readonly warnings: string[]
}
