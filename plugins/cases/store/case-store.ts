import type { Doc, Store } from '../../../bot/ports/store/store.js'
import { dayKey } from '../../../bot/time/zoned.js'
import {
  CASES_META_DOC,
  CASES_SHARD_DOC,
  type CaseImage,
  type CaseRecord,
  type CasesMeta,
  type CasesShard,
  type NewCase,
} from '../state.js'

const SHARD = /^cases-(\d{4}-\d{2})$/

/**
 * The durable case store: one document per month `cases-YYYY-MM`, so a write
 * rewrites one month, not the whole history, plus `cases-meta` (sequence and
 * months). The months and the next id are derived from the month documents
 * themselves, so a lost or truncated `cases-meta` never hides a case or
 * reuses an id. Writes that confirm something to a person are persisted
 * (awaited) before the confirmation; image attachments are only marked dirty.
 */
export class CaseStore {
  private meta: Doc<CasesMeta>
  private shards = new Map<string, Doc<CasesShard>>()
  private ordered: CaseRecord[] = []
  private byId = new Map<string, CaseRecord>()
  private byText = new Map<string, CaseRecord>()

  constructor(
    private store: Store,
    private tz: string,
  ) {
    this.meta = store.doc('cases-meta', CASES_META_DOC)
    const onDisk = store.names('cases-').flatMap(n => SHARD.exec(n)?.[1] ?? [])
    const months = [...new Set([...this.meta.data.months, ...onDisk])].sort()
    for (const month of months) {
      for (const c of this.shard(month).data.cases) this.remember(c)
    }
    const seq = Math.max(this.meta.data.seq, ...this.ordered.map(c => c.seq))
    if (seq !== this.meta.data.seq || months.length !== this.meta.data.months.length) {
      this.meta.data = { seq, months }
      this.meta.changed()
    }
  }

  /** Every case, tombstones included, in capture order. */
  all(): readonly CaseRecord[] {
    return this.ordered
  }

  /** Live cases in capture order. */
  live(): CaseRecord[] {
    return this.ordered.filter(c => !c.status)
  }

  /** Live cases captured at or after `from`, counted back from the newest (no pass over the whole store). */
  countSince(from: number): number {
    let n = 0
    for (let i = this.ordered.length - 1; i >= 0 && this.ordered[i].at >= from; i--) if (!this.ordered[i].status) n++
    return n
  }

  /** A case by id (`C12`). */
  get(id: string): CaseRecord | undefined {
    return this.byId.get(id)
  }

  /** The live case with the same text (ignoring whitespace and letter case), if any. */
  duplicateOf(text: string): CaseRecord | undefined {
    return this.byText.get(textKey(text))
  }

  /** Month document a case lives in (`2026-11`). */
  monthOf(c: Pick<CaseRecord, 'at'>): string {
    return dayKey(c.at, this.tz).slice(0, 7)
  }

  /** Store a new case and resolve once it is durable; on a failed write nothing is kept. */
  async add(draft: NewCase): Promise<CaseRecord> {
    const seq = this.meta.data.seq + 1
    const c: CaseRecord = { ...draft, id: `C${seq}`, seq }
    const month = this.monthOf(c)
    this.meta.data.seq = seq
    if (!this.meta.data.months.includes(month)) this.meta.data.months.push(month)
    const shard = this.shard(month)
    shard.data.cases.push(c)
    this.remember(c)
    try {
      await this.meta.persist()
      await shard.persist()
    } catch (e) {
      shard.data.cases = shard.data.cases.filter(x => x !== c)
      shard.changed()
      this.forget(c)
      throw e
    }
    return c
  }

  /** Change a case in place (amend, withdraw, delete) and resolve once durable; a failed write undoes the change. */
  async update(c: CaseRecord, change: (c: CaseRecord) => void): Promise<void> {
    const before = structuredClone(c)
    change(c)
    this.rekey(before, c)
    try {
      await this.shard(this.monthOf(c)).persist()
    } catch (e) {
      const after = structuredClone(c)
      for (const k of Object.keys(c) as (keyof CaseRecord)[]) delete c[k]
      Object.assign(c, before)
      this.rekey(after, c)
      throw e
    }
  }

  /** Attach an image to a case (written at the next flush). */
  attachImage(c: CaseRecord, image: CaseImage): void {
    c.images.push(image)
    this.shard(this.monthOf(c)).changed()
  }

  /** The newest live case by `authorId` in `chatId` captured at or after `since`. */
  latestBy(authorId: string, chatId: string, since: number): CaseRecord | undefined {
    for (let i = this.ordered.length - 1; i >= 0 && this.ordered[i].at >= since; i--) {
      const c = this.ordered[i]
      if (!c.status && c.authorId === authorId && chatOf(c) === chatId) return c
    }
    return undefined
  }

  private shard(month: string): Doc<CasesShard> {
    let d = this.shards.get(month)
    if (!d) {
      d = this.store.doc(`cases-${month}`, CASES_SHARD_DOC)
      this.shards.set(month, d)
    }
    return d
  }

  private remember(c: CaseRecord): void {
    this.ordered.push(c)
    this.byId.set(c.id, c)
    if (!c.status) this.byText.set(textKey(c.text), c)
  }

  private rekey(previous: CaseRecord, c: CaseRecord): void {
    if (this.byText.get(textKey(previous.text)) === c) this.byText.delete(textKey(previous.text))
    if (!c.status) this.byText.set(textKey(c.text), c)
  }

  private forget(c: CaseRecord): void {
    this.ordered = this.ordered.filter(x => x !== c)
    this.byId.delete(c.id)
    if (this.byText.get(textKey(c.text)) === c) this.byText.delete(textKey(c.text))
  }
}

/** The chat a case (or an event) belongs to: the group id, or the author's id for a private chat. */
export function chatOf(c: { groupId?: string; authorId: string }): string {
  return c.groupId ?? `private:${c.authorId}`
}

/** Normalise `C12`, `c12`, `Ｃ１２` or `12` to a case id; undefined when it is not one. */
export function parseCaseId(s: string | undefined): string | undefined {
  const m = /^[cC]?(\d{1,9})$/.exec((s ?? '').normalize('NFKC').trim())
  return m ? `C${Number(m[1])}` : undefined
}

function textKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}
