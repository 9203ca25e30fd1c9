import { DocJournal } from './doc-journal.js'
import type { Doc, DocSpec, Journal, JournalSpec, Store } from './store.js'

/** In-memory twin of the file store, for tests and dry-run replays. */
export class MemoryStore implements Store {
  readonly warnings: string[] = []
  readonly refused: string[] = []
  private docs = new Map<string, Doc<any>>()
  private logs = new Map<string, Map<string, object[]>>()
  private journals = new Map<string, DocJournal<unknown, unknown>>()
  /** Number of `persist()` calls (and journal commits), so tests can assert durability ordering. */
  persists = 0

  doc<T extends object>(name: string, spec: DocSpec<T>): Doc<T> {
    let d = this.docs.get(name) as Doc<T> | undefined
    if (!d) {
      d = {
        data: spec.defaults(),
        changed: () => {},
        persist: async () => {
          this.persists++
        },
      }
      this.docs.set(name, d)
    }
    return d
  }

  /** A journal held as a document: its records count as one persist when committed (by `flush`, as before a send). */
  journal<S extends object, R>(name: string, spec: JournalSpec<S, R>): Journal<S, R> {
    let j = this.journals.get(name)
    if (!j) this.journals.set(name, (j = new DocJournal(this.doc(name, spec), spec) as DocJournal<unknown, unknown>))
    return j as unknown as Journal<S, R>
  }

  onWriteFailure(): void {} // memory never fails to write

  names(prefix: string): string[] {
    return [...this.docs.keys()].filter(n => n.startsWith(prefix)).sort()
  }

  async remove(names: string[]): Promise<void> {
    for (const n of names) this.docs.delete(n)
  }

  append(log: string, day: string, record: object): void {
    const byDay = this.logs.get(log) ?? new Map<string, object[]>()
    this.logs.set(log, byDay)
    const list = byDay.get(day) ?? []
    byDay.set(day, list)
    list.push(record)
  }

  readLog<R>(log: string, fromDay: string, toDay: string): R[] {
    const byDay = this.logs.get(log)
    if (!byDay) return []
    return [...byDay.keys()]
      .filter(d => d >= fromDay && d <= toDay)
      .sort()
      .flatMap(d => byDay.get(d) as R[])
  }

  logDays(log: string): string[] {
    return [...(this.logs.get(log)?.keys() ?? [])].sort()
  }

  logNames(): string[] {
    return [...this.logs.keys()].sort()
  }

  dropLogDay(log: string, day: string): number {
    const records = this.logs.get(log)?.get(day) ?? []
    this.logs.get(log)?.delete(day)
    return records.reduce((n, r) => n + JSON.stringify(r).length + 1, 0)
  }

  async flush(_durableOnly?: boolean, _volatileToo?: boolean): Promise<void> {
    for (const j of this.journals.values()) await j.commit()
  }
}
