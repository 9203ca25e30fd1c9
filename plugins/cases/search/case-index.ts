/**
 * A compact in-memory inverted index for cases, scored with BM25 over two
 * weighted zones (strong: heading and ranked fields; weak: the rest).
 *
 * Why not MiniSearch: `bench/cases.ts` measures both on 100,000 cases with
 * the same tokens; MiniSearch needs several times the 3 s start budget and
 * misses the 10 ms p95 on common Chinese terms (see the README for figures).
 * Documents are added from a serialized term string `strong|weak` (see
 * `case-terms.ts`), each with a payload `T` handed to the query's filter.
 */

/** One ranked document. `matched` counts the query terms it contains. */
export interface IndexHit<T> {
  id: string
  doc: T
  score: number
  matched: number
}

/** A query: `all` needs every term, `any` ranks by terms matched, then score. */
export interface IndexQuery<T> {
  terms: string[]
  mode: 'all' | 'any'
  limit: number
  accept?: (doc: T) => boolean
}

/** Documents matching the terms (`candidates`), of those passing `accept` (`total`), and the best `limit`. */
export interface IndexResult<T> {
  candidates: number
  total: number
  hits: IndexHit<T>[]
}

/** Weight of a term in the strong zone relative to the weak zone. */
export const STRONG_WEIGHT = 3
const K1 = 1.2
const B = 0.75
const PREFIX_FACTOR = 0.5
const MAX_EXPANSIONS = 30
const MAX_TERMS = 16
const CJK = /[\u3400-\u9fff]/

type Expansion = { tid: number; factor: number }[]

/** The inverted index; slots are internal document numbers, never reused. */
export class CaseIndex<T> {
  private termIds = new Map<string, number>()
  private postSlots: number[][] = []
  private postWeights: number[][] = []
  private ids: string[] = []
  private docs: (T | undefined)[] = []
  private lengths: number[] = []
  private slotOf = new Map<string, number>()
  private liveCount = 0
  private totalLength = 0
  private sorted?: string[]
  private scores = new Float64Array(0)
  private masks = new Int32Array(0)

  /** Number of live documents. */
  get size(): number {
    return this.liveCount
  }

  /** Add (or replace) document `id` with payload `doc` from its serialized terms. */
  add(id: string, terms: string, doc: T): void {
    this.remove(id)
    const slot = this.ids.length
    this.ids.push(id)
    this.docs.push(doc)
    this.slotOf.set(id, slot)
    let weight = STRONG_WEIGHT
    let start = 0
    let length = 0
    for (let i = 0; i <= terms.length; i++) {
      const ch = i === terms.length ? 32 : terms.charCodeAt(i)
      if (ch !== 32 && ch !== 124) continue
      if (i > start) {
        const tid = this.termId(terms.slice(start, i))
        this.postSlots[tid].push(slot)
        this.postWeights[tid].push(weight)
        length++
      }
      start = i + 1
      if (ch === 124) weight = 1
    }
    this.lengths.push(length)
    this.liveCount++
    this.totalLength += length
  }

  /** Remove document `id`; its postings stay as dead entries. Returns false when unknown. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return false
    this.slotOf.delete(id)
    this.docs[slot] = undefined
    this.liveCount--
    this.totalLength -= this.lengths[slot]
    return true
  }

  /** Number of live documents containing `term` exactly. */
  docFreq(term: string): number {
    const tid = this.termIds.get(term)
    return tid === undefined ? 0 : this.postSlots[tid].reduce((n, s) => n + (this.docs[s] === undefined ? 0 : 1), 0)
  }

  /** Rank documents for `q.terms` (already tokenized). Rarest terms are scanned first. */
  search(q: IndexQuery<T>): IndexResult<T> {
    const terms = q.terms.slice(0, MAX_TERMS)
    if (!terms.length || !this.liveCount) return { candidates: 0, total: 0, hits: [] }
    this.ensureCapacity()
    const expansions = terms
      .map(t => this.expand(t, terms.length === 1))
      .map(e => ({ e, cost: e.reduce((n, x) => n + this.postSlots[x.tid].length, 0) }))
      .sort((a, b) => a.cost - b.cost)
    const { scores, masks, docs, lengths } = this
    const touched: number[] = []
    const avg = this.totalLength / this.liveCount || 1
    let required = 0
    expansions.forEach(({ e }, i) => {
      const bit = 1 << i
      const first = i === 0 || q.mode === 'any'
      for (const { tid, factor } of e) {
        const slots = this.postSlots[tid]
        const weights = this.postWeights[tid]
        const df = Math.min(slots.length, this.liveCount)
        const idf = Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5)) * factor
        for (let k = 0; k < slots.length; k++) {
          const s = slots[k]
          const m = masks[s]
          if (first ? docs[s] === undefined : (m & required) !== required) continue
          if (m === 0) touched.push(s)
          masks[s] = m | bit
          scores[s] += (idf * weights[k] * (K1 + 1)) / (1 + K1 * (1 - B + (B * lengths[s]) / avg))
        }
      }
      required |= bit
    })
    const result = this.collect(touched, required, q)
    for (const s of touched) {
      scores[s] = 0
      masks[s] = 0
    }
    return result
  }

  private collect(touched: number[], full: number, q: IndexQuery<T>): IndexResult<T> {
    const hits: (IndexHit<T> & { slot: number })[] = []
    let total = 0
    let candidates = 0
    // Newest first: touched slots are mostly ascending, and equal scores prefer the newer document.
    for (let t = touched.length - 1; t >= 0; t--) {
      const s = touched[t]
      const mask = this.masks[s]
      if (q.mode === 'all' && mask !== full) continue
      candidates++
      const doc = this.docs[s] as T
      if (q.accept && !q.accept(doc)) continue
      total++
      const matched = popcount(mask)
      const score = this.scores[s]
      const last = hits[hits.length - 1]
      if (hits.length === q.limit && !better(matched, score, s, last)) continue
      let at = hits.length
      while (at > 0 && better(matched, score, s, hits[at - 1])) at--
      hits.splice(at, 0, { id: this.ids[s], doc, score, matched, slot: s })
      if (hits.length > q.limit) hits.pop()
    }
    return { candidates, total, hits: hits.map(({ id, doc, score, matched }) => ({ id, doc, score, matched })) }
  }

  /**
   * The exact term and terms it prefixes, weighted lower: `净水` also finds
   * `净水器`. A single character expands only when it is the whole query
   * (`贵` finds `贵了`); inside longer queries it must match exactly.
   */
  private expand(term: string, alone: boolean): Expansion {
    const out: Expansion = []
    const exact = this.termIds.get(term)
    if (exact !== undefined) out.push({ tid: exact, factor: 1 })
    if (term.length < 2 && !(alone && CJK.test(term))) return out
    const sorted = (this.sorted ??= [...this.termIds.keys()].sort())
    for (
      let i = lowerBound(sorted, term);
      i < sorted.length && out.length <= MAX_EXPANSIONS && sorted[i].startsWith(term);
      i++
    ) {
      if (sorted[i] !== term) out.push({ tid: this.termIds.get(sorted[i])!, factor: PREFIX_FACTOR })
    }
    return out
  }

  private termId(term: string): number {
    let tid = this.termIds.get(term)
    if (tid === undefined) {
      tid = this.postSlots.length
      this.termIds.set(term, tid)
      this.postSlots.push([])
      this.postWeights.push([])
      if (this.sorted) this.sorted.splice(lowerBound(this.sorted, term), 0, term)
    }
    return tid
  }

  private ensureCapacity(): void {
    if (this.scores.length >= this.ids.length) return
    const size = Math.max(1024, this.ids.length * 2)
    this.scores = new Float64Array(size)
    this.masks = new Int32Array(size)
  }
}

/** More terms matched first, then higher score, then the newer document (higher slot). */
function better(
  matched: number,
  score: number,
  slot: number,
  than: { matched: number; score: number; slot: number },
): boolean {
  if (matched !== than.matched) return matched > than.matched
  return score !== than.score ? score > than.score : slot > than.slot
}

function popcount(n: number): number {
  let c = 0
  for (let x = n; x; x &= x - 1) c++
  return c
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < key) lo = mid + 1
    else hi = mid
  }
  return lo
}
