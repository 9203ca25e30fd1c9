import { z } from 'zod'
import { type Doc, docSpec, type Store } from '../../../bot/ports/store/store.js'
import type { CaseRecord } from '../state.js'

interface TermsDoc {
  v: string
  terms: Record<string, [stamp: number, terms: string]>
}

/** A `cases-terms-YYYY-MM` document (derived: a damaged one is moved aside and recomputed). */
const TERMS_DOC = docSpec<TermsDoc>({
  version: 1,
  schema: z.object({ v: z.string(), terms: z.record(z.string(), z.tuple([z.number(), z.string()])) }),
  defaults: () => ({ v: '', terms: {} }),
})

/**
 * Derived data beside the cases: each case's index terms, one document per
 * month (`cases-terms-YYYY-MM`). Segmenting 100,000 cases takes far longer
 * than the 3 s start budget, so start-up reads these instead; an entry that
 * is missing, stale (older than the case's last edit) or of another version
 * is recomputed. Never persisted eagerly: losing it only costs time.
 */
export class TermsCache {
  private docs = new Map<string, Doc<TermsDoc>>()

  constructor(
    private store: Store,
    private version: string,
    private shardOf: (c: CaseRecord) => string,
    private compute: (c: CaseRecord) => string,
  ) {}

  /** Cached terms of `c`, computing and caching them when needed. */
  get(c: CaseRecord): string {
    const doc = this.doc(this.shardOf(c))
    const hit = doc.data.terms[c.id]
    if (hit && hit[0] === stampOf(c)) return hit[1]
    return this.refresh(c)
  }

  /** Recompute and cache the terms of `c` (after capture or amendment). */
  refresh(c: CaseRecord): string {
    const doc = this.doc(this.shardOf(c))
    const terms = this.compute(c)
    doc.data.terms[c.id] = [stampOf(c), terms]
    doc.changed()
    return terms
  }

  /** Forget `c` (withdrawn or deleted). */
  drop(c: CaseRecord): void {
    const doc = this.doc(this.shardOf(c))
    if (!(c.id in doc.data.terms)) return
    delete doc.data.terms[c.id]
    doc.changed()
  }

  private doc(month: string): Doc<TermsDoc> {
    let d = this.docs.get(month)
    if (!d) {
      d = this.store.doc(`cases-terms-${month}`, { ...TERMS_DOC, defaults: () => ({ v: this.version, terms: {} }) })
      if (d.data.v !== this.version) {
        d.data = { v: this.version, terms: {} }
        d.changed()
      }
      this.docs.set(month, d)
    }
    return d
  }
}

function stampOf(c: CaseRecord): number {
  return c.editedAt ?? c.at
}
