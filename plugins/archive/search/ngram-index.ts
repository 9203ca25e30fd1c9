import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ArchiveRecord } from '../capture/record.js'
import { readSnapshotLog, SnapshotLog } from '../store/snapshot-log.js'
import { DocTable, dayNumber, dayString } from './doc-table.js'
import { emitRecordKeys, memberKeys, recallKey, wordKeys } from './grams.js'
import { IndexFile } from './index-file.js'
import { LivePostings, layoutPostings, mergeLayouts, type PostingLayout } from './live-postings.js'
import type { ArchiveQuery, Hit, SearchResult } from './query.js'
import { isCommandTalk, matches } from './query.js'
import { intersect, union } from './sorted.js'
import { DIR_MODE } from '../store/modes.js'

/** Where a doc's line is in its chat's day segment: its first byte and its length (with the newline). */
export interface LineAt {
  offset: number
  length: number
}

/**
 * Reads records back from one chat's day segment, one per location, in order (undefined for a line gone or torn).
 * A search asks for one at a time; the index opening asks for all of its docs in memory of each segment at once.
 */
export type RecordReader = (chat: string, day: string, at: readonly LineAt[]) => (ArchiveRecord | undefined)[]

/**
 * `index/meta.json`: chat and type numbering (append-only), the written segments, purge horizons; its changes since
 * are lines of `index/meta.log.jsonl` (see `SnapshotLog`).
 */
interface IndexMeta {
  v: 1
  chats: string[]
  types: string[]
  segments: { file: string; from: number; to: number }[]
  /** Per chat: records of days before this one were purged. */
  purged: Record<string, string>
  /** The last change of the log the file includes. */
  seq?: number
}

/** One change of `IndexMeta`, as logged; applying one twice, or an older one again, changes nothing. */
type MetaChange =
  | { chat: string; n: number }
  | { type: string; n: number }
  | { segment: { file: string; from: number; to: number } }
  | { purged: string; day: string }

function applyChange(meta: IndexMeta, c: MetaChange): void {
  if ('chat' in c) numbered(meta.chats, c.n, c.chat)
  else if ('type' in c) numbered(meta.types, c.n, c.type)
  else if ('segment' in c) {
    if (!meta.segments.some(s => s.file === c.segment.file)) meta.segments.push(c.segment)
  } else if ((meta.purged[c.purged] ?? '') < c.day) meta.purged[c.purged] = c.day
}

/** Name number `n` (numbers before it without a name yet stay taken, as ''). */
function numbered(names: string[], n: number, name: string): void {
  while (names.length < n) names.push('')
  names[n] = name
}

/** Docs per written segment; the ones after the last segment are held in memory (their postings written at stop). */
const SEGMENT_DOCS = 8192
/** The postings of the docs after the last segment as of the last stop (a segment's format, not one of them). */
const TAIL = 'live.tail'
/**
 * Doc entries (16 bytes each) buffered before the archive's end of turn writes them: one write per 4 KB, not one a
 * turn (a turn in a group chat usually handles one message). Segments, the tail and stop write them all.
 */
const DOCS_HELD = 256
/** Keys held before they are put into the postings at the latest (1 MB of keys and docs). */
const MAX_HELD = 1 << 16
/** Candidates left after the hits are found that are still checked one by one, for an exact total. */
const CHECK_BUDGET = 100
/** Candidates checked at most per search (words of 3+ characters); past it the total is an upper bound. */
const CHECK_LIMIT = 1000
/** How far back/forward a hit's neighbour in its chat is looked for. */
const NEIGHBOUR_REACH = 200_000

type Source = (key: number) => ArrayLike<number>
type Component = (get: Source) => ArrayLike<number>

/**
 * The archive's character n-gram index (embedded default, `<archive>/index/`):
 * a doc table (`docs.bin`) and immutable posting segments written every
 * 8,192 messages, never rewritten (the messages since the last one are
 * re-read at start: a read per chat's day). Adding a message costs its grams' pushes in
 * memory and a 16-byte entry, written with the others of its turn; a search reads, per segment in its date range,
 * the postings of its words' grams, intersects them, filters by date, group and
 * type in memory, and reads only the records it shows (plus, for words of 3 or
 * more characters, the candidates it must check).
 */
export class NgramIndex {
  private docs: DocTable
  private files: IndexFile[] = []
  private live = new LivePostings()
  private liveFrom = 0
  /**
   * The postings of docs [liveFrom, tail.to) the last stop wrote (`live.tail`), when they still fit: searched from
   * the file, merged into the next segment; `live` holds the docs after them. Undefined: `live` holds every doc
   * since the last segment.
   */
  private tail?: IndexFile
  /** The docs `live.tail` holds up to, when it holds the postings since the last segment (none: it does not). */
  private keptTo?: number
  /** The segment being written, laid out: searched from here until its file is written. */
  private frozen?: { from: number; layout: PostingLayout }
  private meta: IndexMeta
  private metaLog: SnapshotLog<MetaChange>
  private chatNo = new Map<string, number>()
  private typeNo = new Map<string, number>()
  private horizon = new Map<number, number>()
  private writing?: Promise<void>
  /** Each chat's newest doc. */
  private lastDoc = new Map<number, number>()
  private chatFloor = 0
  private typeFloor = 0
  /** The last error writing a segment (the postings stay in memory and are written with the next one). */
  failing?: string
  /**
   * Keys of the docs added since the last `settle`, with their docs, not yet in `live`: put in all at once
   * (the archive's turn ends, a search, a segment), with the table warm in the cache, instead of one message
   * at a time between everything else the bot does. Searches see them: they settle first.
   */
  private heldKeys = new Float64Array(4096)
  private heldDocs = new Uint32Array(4096)
  private held = 0
  /** The doc whose keys `hold` receives. */
  private holding = 0
  /** Receives a key of doc `holding` (built once: no closure per message). */
  private hold = (key: number): void => {
    if (this.held === this.heldKeys.length) {
      if (this.held >= MAX_HELD) this.settle()
      else {
        const keys = new Float64Array(this.held * 2)
        keys.set(this.heldKeys)
        this.heldKeys = keys
        const docs = new Uint32Array(this.held * 2)
        docs.set(this.heldDocs)
        this.heldDocs = docs
      }
    }
    this.heldKeys[this.held] = key
    this.heldDocs[this.held++] = this.holding
  }

  constructor(
    private dir: string,
    private reader: RecordReader,
    /** Write the lines the docs point to (buffered by the archive), before any doc entry or segment is written. */
    private beforeWrite: () => void = () => {},
  ) {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE })
    const [file, log] = [join(dir, 'meta.json'), join(dir, 'meta.log.jsonl')]
    const read = readSnapshotLog<IndexMeta, MetaChange>(file, log)
    this.meta = read.snapshot ?? { v: 1, chats: [], types: [], segments: [], purged: {} }
    for (const c of read.entries) applyChange(this.meta, c)
    this.metaLog = new SnapshotLog(file, log, () => this.meta, read)
    for (const [i, c] of this.meta.chats.entries()) this.chatNo.set(c, i)
    for (const [i, t] of this.meta.types.entries()) this.typeNo.set(t, i)
    for (const [chat, day] of Object.entries(this.meta.purged)) this.horizon.set(this.chat(chat), dayNumber(day))
    // Numbers a copied doc table may use beyond what meta.json lists (a backup copies meta.json first) stay taken.
    this.docs = new DocTable(join(dir, 'docs.bin'), (doc, chat, _day, type) => {
      this.lastDoc.set(chat, doc)
      this.typeFloor = Math.max(this.typeFloor, type + 1)
    })
    this.chatFloor = this.lastDoc.size ? Math.max(...this.lastDoc.keys()) + 1 : 0
    for (const s of this.meta.segments) this.files.push(IndexFile.open(join(dir, s.file)))
    this.liveFrom = this.meta.segments.at(-1)?.to ?? 0
    this.tail = this.openTail()
    this.reindex(this.tail?.to ?? this.liveFrom)
  }

  /**
   * The tail the last stop wrote, when it still fits: it starts where the last segment ends and its docs are all
   * in the table (a doc table older than it, or a segment written since, and it is deleted: re-read instead).
   */
  private openTail(): IndexFile | undefined {
    const path = join(this.dir, TAIL)
    if (!existsSync(path)) return undefined
    try {
      const f = IndexFile.open(path)
      if (f.from === this.liveFrom && f.to <= this.docs.count) {
        this.keptTo = f.to
        return f
      }
      f.close()
    } catch {} // not a segment's format: re-read instead
    rmSync(path, { force: true })
    return undefined
  }

  /**
   * Index again docs [from, count), whose postings were only in memory (a crash, or no tail written): the docs
   * of each chat's day read in one go (lines of the same file, mostly consecutive), then keyed in doc order.
   */
  private reindex(from: number): void {
    const groups = new Map<number, { chat: number; day: number; docs: number[]; at: LineAt[] }>()
    for (let doc = from; doc < this.docs.count; doc++) {
      const [chat, day] = [this.docs.chatOf(doc), this.docs.dayOf(doc)]
      const key = chat * 0x10000 + day
      let g = groups.get(key)
      if (!g) groups.set(key, (g = { chat, day, docs: [], at: [] }))
      g.docs.push(doc)
      g.at.push(this.docs.location(doc))
    }
    const records: (ArchiveRecord | undefined)[] = new Array(this.docs.count - from)
    for (const g of groups.values()) {
      const chat = this.meta.chats[g.chat]
      if (chat === undefined) continue
      const read = this.reader(chat, dayString(g.day), g.at)
      for (const [i, doc] of g.docs.entries()) records[doc - from] = read[i]
    }
    for (let i = 0; i < records.length; i++) {
      const r = records[i]
      if (r) this.addKeys(from + i, r)
    }
  }

  /** Messages indexed. */
  get size(): number {
    return this.docs.count
  }

  /** True when nothing has been indexed (a new index, or one to build from existing segments). */
  get empty(): boolean {
    return this.docs.count === 0
  }

  /** Index one record stored at `offset` (`length` bytes) of its chat's `day` segment. */
  add(r: ArchiveRecord, day: string, offset: number, length: number): void {
    const chat = this.chat(r.chat)
    const doc = this.docs.add({ chat, day: dayNumber(day), type: this.type(r.type), offset, length })
    this.lastDoc.set(chat, doc)
    this.addKeys(doc, r)
    if (this.docs.count - this.liveFrom >= SEGMENT_DOCS && !this.writing) void this.flush()
  }

  /**
   * Index the held keys; write the buffered doc entries once `DOCS_HELD` wait (after the lines they point to: call
   * `beforeWrite` first). Entries not written yet are read from memory; a crash that loses them loses no record: the
   * lines they point to are indexed again when the index opens (`FileArchive`'s catch-up).
   */
  flushDocs(): void {
    if (this.docs.buffered >= DOCS_HELD) this.docs.flush()
    this.settle()
  }

  /** Put the held keys into the postings, in the order they came (docs ascending). */
  private settle(): void {
    this.live.addAll(this.heldKeys, this.heldDocs, this.held)
    this.held = 0
  }

  /** Write the postings held in memory as a segment (every 8,192 messages), after the lines and doc entries. */
  async flush(): Promise<void> {
    await this.writing
    if (this.docs.count === this.liveFrom) return
    try {
      this.beforeWrite()
      this.docs.flush()
    } catch (e) {
      this.failing = (e as Error).message // the lines wait in memory: so do the postings
      return
    }
    this.settle()
    const from = this.liveFrom
    const to = this.docs.count
    // Laid out now, the segment is searched from its layout while it is written; the live postings are cleared
    // and take the next segment's docs in the arrays they grew to (no new arrays, and one table held, not two).
    // A tail read at open is merged in (and searched from the layout from now on).
    const layout = this.laidOut()
    this.live.clear()
    this.tail?.close()
    this.tail = undefined
    this.keptTo = undefined
    this.frozen = { from, layout }
    this.liveFrom = to
    const name = `seg-${String(from).padStart(10, '0')}.aix`
    this.writing = (async () => {
      try {
        await IndexFile.write(join(this.dir, name), from, to, layout)
        this.files.push(IndexFile.open(join(this.dir, name)))
        this.change({ segment: { file: name, from, to } })
        rmSync(join(this.dir, TAIL), { force: true }) // what it held is in the segment
        this.failing = undefined
        this.frozen = undefined
      } catch (e) {
        // Not written (a full disk): the postings go back to memory, before the newer ones, for the next try.
        const back = LivePostings.fromLayout(layout)
        back.append(this.live)
        this.live = back
        this.liveFrom = from
        this.failing = (e as Error).message
        this.frozen = undefined
      } finally {
        this.writing = undefined
      }
    })()
    await this.writing
  }

  /**
   * Where each chat's newest indexed record ends: its day and the byte after its line, by chat (looked up in doc
   * order: each page of the doc table read once).
   */
  indexedEnds(): Map<string, { day: string; end: number }> {
    const out = new Map<string, { day: string; end: number }>()
    for (const [chat, doc] of [...this.lastDoc].sort((a, b) => a[1] - b[1])) {
      const name = this.meta.chats[chat]
      if (name === undefined) continue
      const { offset, length } = this.docs.location(doc)
      out.set(name, { day: dayString(this.docs.dayOf(doc)), end: offset + length })
    }
    return out
  }

  /** Records of `chat` on days before `day` were deleted: they stop matching. */
  purge(chat: string, day: string): void {
    if ((this.meta.purged[chat] ?? '') >= day) return
    this.change({ purged: chat, day })
    this.horizon.set(this.chat(chat), dayNumber(day))
  }

  /**
   * The newest `limit` records matching `q`, with their neighbours, and how many match; undefined
   * when the query has neither words nor a member (nothing for the index to narrow: scan instead).
   */
  search(q: ArchiveQuery, limit: number): SearchResult | undefined {
    const comps: Component[] = []
    let exact = true
    for (const w of q.words ?? []) {
      const k = wordKeys(w)
      if (!k.keys.length) {
        exact = false
        continue
      }
      exact &&= k.exact
      comps.push(get => intersectAll(k.keys.map(get)))
    }
    if (q.member) {
      const m = memberKeys(q.member)
      exact &&= m.name.exact
      comps.push(get => union(get(m.id), m.name.keys.length ? intersectAll(m.name.keys.map(get)) : []))
    }
    if (!comps.length) return undefined
    this.settle()
    const lo = this.docs.firstOnOrAfter(dayNumber(q.from))
    const candidates = this.withoutCommandTalk(this.candidates(comps, lo, this.docs.count, q), q, exact)
    const hits: Hit[] = []
    let total = exact ? candidates.length : 0
    let checked = 0
    let i = candidates.length - 1
    for (; i >= 0; i--) {
      // Exact keys: read only the records shown. Otherwise check candidates until the hits are found, then the
      // rest too when few remain (an exact total); past the budget the total counts unchecked candidates.
      if (hits.length >= limit && (exact || i >= CHECK_BUDGET)) break
      if (!exact && checked >= CHECK_LIMIT) break
      const doc = candidates[i]
      const r = this.record(doc)
      checked++
      if (!r) {
        if (exact) total-- // its line is gone or torn
        continue
      }
      if (!exact && !matches(r, q)) continue
      if (!exact) total++
      if (hits.length < limit) hits.push(this.hit(doc, r))
    }
    const approximate = !exact && i >= 0
    if (approximate) total += i + 1
    return { hits, total, approximate }
  }

  /**
   * Stop: wait for a segment being written, write the postings held in memory as the tail (the next start reads
   * them instead of indexing those docs again), release the files.
   */
  async close(): Promise<void> {
    await this.writing
    this.keep()
    this.tail?.close()
    for (const f of this.files) f.close()
    this.docs.close()
    this.metaLog.close()
  }

  /** The postings since the last segment, the tail's and the live ones, as one layout. */
  private laidOut(): PostingLayout {
    const live = this.live.layout()
    return this.tail ? mergeLayouts(this.tail.layout(), live) : live
  }

  /**
   * Write the postings since the last segment as the tail (`live.tail`), after their doc entries, unless it holds
   * them already: the next start reads it instead of indexing those docs again. At stop (and before a config
   * reload); a tail the disk refuses is not written (the next start indexes them again).
   */
  keep(): void {
    const to = this.docs.count
    if (to === this.liveFrom || to === this.keptTo) return
    this.docs.flush()
    this.settle()
    try {
      IndexFile.writeNow(join(this.dir, TAIL), this.liveFrom, to, this.laidOut())
      this.keptTo = to
    } catch {}
  }

  private candidates(comps: Component[], lo: number, hi: number, q: ArchiveQuery): number[] {
    const chats = q.chats ? new Set(q.chats.map(c => this.chatNo.get(c) ?? -1)) : undefined
    const types = q.types ? new Set(q.types.map(t => this.typeNo.get(t) ?? -1)) : undefined
    const [from, to] = [dayNumber(q.from), dayNumber(q.to)]
    const out: number[] = []
    const table = this.docs
    for (const get of this.sources(lo, hi)) {
      let docs: ArrayLike<number> | undefined
      for (const c of comps) {
        const list = c(get)
        docs = docs ? intersect(docs, list) : list
        if (!docs.length) break
      }
      for (let i = 0; i < (docs?.length ?? 0); i++) {
        const d = (docs as ArrayLike<number>)[i]
        if (d < lo || d >= hi) continue
        const day = table.dayOf(d)
        if (day < from || day > to) continue
        const chat = table.chatOf(d)
        if ((chats && !chats.has(chat)) || (types && !types.has(table.typeOf(d)))) continue
        if (day < (this.horizon.get(chat) ?? 0)) continue
        out.push(d)
      }
    }
    return out
  }

  /** Posting look-ups of the segments overlapping docs [lo, hi), oldest first. */
  private sources(lo: number, hi: number): Source[] {
    const files = this.tail ? [...this.files, this.tail] : this.files
    const out: Source[] = files.filter(f => f.to > lo && f.from < hi).map(f => (k: number) => f.postings(k))
    const frozen = this.frozen
    if (frozen) out.push(k => layoutPostings(frozen.layout, k))
    out.push(k => this.live.get(k))
    return out
  }

  private hit(doc: number, record: ArchiveRecord): Hit {
    const all = { from: '2000-01-01', to: '2179-12-31', chats: [record.chat] }
    const recalled = this.candidates([get => get(recallKey(record.id))], doc + 1, this.docs.count, all).some(
      d => this.record(d)?.recalls === record.id,
    )
    return { record, before: this.neighbour(doc, -1), after: this.neighbour(doc, 1), recalled }
  }

  /** The record before (-1) or after (1) doc `n` in the same chat. */
  private neighbour(n: number, step: -1 | 1): ArchiveRecord | undefined {
    const c = this.docs.chatOf(n)
    for (let d = n + step, k = 0; d >= 0 && d < this.docs.count && k < NEIGHBOUR_REACH; d += step, k++)
      if (this.docs.chatOf(d) === c) return this.record(d)
    return undefined
  }

  /**
   * Exact keys count candidates unread: when commands and the bot's messages are left out (`ArchiveQuery.skipCommands`),
   * each candidate is read here so they never count. Inexact keys check each record anyway.
   */
  private withoutCommandTalk(docs: number[], q: ArchiveQuery, exact: boolean): number[] {
    const talk = q.skipCommands
    if (!exact || talk === undefined) return docs
    return docs.filter(doc => {
      const r = this.record(doc)
      return !r || !isCommandTalk(r, talk)
    })
  }

  private record(doc: number): ArchiveRecord | undefined {
    const chat = this.meta.chats[this.docs.chatOf(doc)]
    return chat === undefined
      ? undefined
      : this.reader(chat, dayString(this.docs.dayOf(doc)), [this.docs.location(doc)])[0]
  }

  private addKeys(doc: number, r: ArchiveRecord): void {
    this.holding = doc
    emitRecordKeys(r, this.hold)
  }

  private chat(chat: string): number {
    let n = this.chatNo.get(chat)
    if (n === undefined) {
      n = Math.max(this.meta.chats.length, this.chatFloor)
      this.change({ chat, n })
      this.chatNo.set(chat, n)
    }
    return n
  }

  private type(t: string): number {
    let n = this.typeNo.get(t)
    if (n === undefined) {
      n = Math.max(this.meta.types.length, this.typeFloor)
      this.change({ type: t, n })
      this.typeNo.set(t, n)
    }
    return n
  }

  /** Make a change to the meta and log it (a refused write is kept by the log for its next compaction). */
  private change(c: MetaChange): void {
    applyChange(this.meta, c)
    this.metaLog.append(c)
    if (this.metaLog.failing) this.failing = this.metaLog.failing
  }
}

function intersectAll(lists: ArrayLike<number>[]): ArrayLike<number> {
  const sorted = [...lists].sort((a, b) => a.length - b.length)
  let out = sorted[0] ?? []
  for (const l of sorted.slice(1)) {
    if (!out.length) break
    out = intersect(out, l)
  }
  return out
}
