import type { AnchorBook } from './anchor-book.js'
import { type AnchorCheck, type ChainCheck, checkAnchors, checkChain } from './links.js'
import type { StoredSegment } from './stored-lines.js'

/** A run of missing `seq` numbers: after `after` (at `afterAt`), before `before` (at `beforeAt`). */
export interface SeqGap {
  after: number
  before: number
  afterAt: number
  beforeAt: number
}

/** What was found in one chat's day. */
export interface DayCheck {
  chat: string
  day: string
  file: string
  /** Records read (whole lines). */
  messages: number
  /**
   * Missing `seq` numbers before a record of this day, in `seq` order over the chat's records in range (a gap
   * across days is reported on the later day).
   */
  gaps: SeqGap[]
  /** Lines that are not records: file line numbers and why (on PostgreSQL with the row's `pos`). */
  damaged: { line: number; problem: 'truncated' | 'damaged'; pos?: string }[]
  /** Records whose id or `seq` an earlier record of the chat has (line, the id, the earlier record's line and day). */
  duplicates: { line: number; id: string; seq: number; first: { day: string; line: number } }[]
  /** Records timed before the record stored before them (line, its time, the earlier record's time). */
  outOfOrder: { line: number; at: number; previousAt: number }[]
  /** Records stored after one with a higher `seq` (lines swapped or moved). */
  seqBackwards: { line: number; seq: number; previousSeq: number }[]
  /** The file could not be read. */
  unreadable?: string
  /** The hash chain of the file (`store/chain.ts`). */
  chain: ChainCheck
  /** The anchors of the file (its heads in the anchor log) checked against it. */
  anchors: AnchorCheck
  /** The anchor log names this day and its file is gone, with no record of the retention purge deleting it. */
  missing?: { anchoredAt: number; bytes: number }
  /**
   * A chat's day of rows on PostgreSQL (`file` names them, lines are rows in `pos` order, `bytes` count rows).
   * There `seq` is each account's and a message two accounts received is kept once: no gaps, duplicates or order
   * are checked, only the rows, their chain and its anchors.
   */
  rows?: true
}

/** Day segments the retention purge deleted (the anchor log holds its record), per chat. */
export interface PurgedDays {
  chat: string
  days: number
  first: string
  last: string
}

/** The whole check: each chat's days in the range, and totals. */
export interface VerifyReport {
  /** The days asked for; undefined: every day kept. */
  from?: string
  to?: string
  days: DayCheck[]
  chats: number
  messages: number
  /**
   * Gaps, damaged lines, duplicates, `seq` numbers out of order, unreadable files, broken links, anchors not
   * matched, anchored files missing, counted (earlier times, records before the chain, lines after the last
   * anchor and days deleted by retention are notes).
   */
  problems: number
  /** Days the retention purge deleted (recorded in the anchor log): a note, per chat. */
  purged: PurgedDays[]
  /** Whether an anchor log was read (false: the chain alone was checked). */
  anchorLog: boolean
}

/**
 * Check the stored segments (chat by chat, days ascending, as `storedSegments` reads them): count each day's
 * records and find `seq` gaps (also across a chat's days in range; before the first record in range nothing is
 * known), damaged lines, records stored twice (same id or same `seq` in the chat), times and `seq` numbers that run
 * backwards; each file's hash chain, and its anchors in `book` (a file the book names and the folder lacks is
 * missing, or deleted by retention when the book says the purge deleted it).
 * Pure: reads only what it is given.
 */
export async function verifySegments(
  segments: AsyncIterable<StoredSegment>,
  book: AnchorBook | undefined,
  from?: string,
  to?: string,
): Promise<VerifyReport> {
  const days: DayCheck[] = []
  const purged: PurgedDays[] = []
  const chats = new Set<string>()
  let chat: string | undefined
  /** The record stored before this one in the chat. */
  let prev: { seq: number; at: number } | undefined
  let seen = new Map<string, { day: string; line: number }>()
  /** The chat's records by where they are, for its gaps once all its days are read. */
  let placed: Placed[] = []
  for await (const s of segments) {
    if (s.chat !== chat) {
      addGaps(placed)
      chat = s.chat
      prev = undefined
      seen = new Map()
      placed = []
    }
    chats.add(s.chat)
    const deleted = s.missing ? book?.purgedAt(s.chat, s.day) : undefined
    if (deleted !== undefined) {
      const last = purged.at(-1)
      if (last?.chat === s.chat) [last.days, last.last] = [last.days + 1, s.day]
      else purged.push({ chat: s.chat, days: 1, first: s.day, last: s.day })
      continue
    }
    const d: DayCheck = {
      chat: s.chat,
      day: s.day,
      file: s.file,
      messages: 0,
      gaps: [],
      damaged: [],
      duplicates: [],
      outOfOrder: [],
      seqBackwards: [],
      unreadable: s.unreadable,
      chain: checkChain(s),
      anchors: { checked: 0, after: 0 },
      ...(s.rows && { rows: s.rows }),
    }
    const heads = book?.heads(s.chat, s.day) ?? []
    if (s.missing) {
      const newest = heads.reduce((a, b) => (b.bytes > a.bytes ? b : a), heads[0])
      if (newest) d.missing = { anchoredAt: newest.at, bytes: newest.bytes }
    } else if (!s.unreadable) d.anchors = checkAnchors(s, heads, d.chain)
    for (const l of s.lines) {
      const r = l.record
      if (!r) {
        if (l.problem) d.damaged.push({ line: l.line, problem: l.problem, ...(l.pos !== undefined && { pos: l.pos }) })
        continue
      }
      d.messages++
      if (s.rows) continue
      const first = seen.get(`id:${r.id}`) ?? seen.get(`seq:${r.seq}`)
      if (first) {
        d.duplicates.push({ line: l.line, id: r.id, seq: r.seq, first })
        continue // a copy: neither a gap nor a new position in the chat
      }
      seen.set(`id:${r.id}`, { day: s.day, line: l.line })
      seen.set(`seq:${r.seq}`, { day: s.day, line: l.line })
      placed.push({ seq: r.seq, at: r.at, day: d })
      if (prev && r.at < prev.at) d.outOfOrder.push({ line: l.line, at: r.at, previousAt: prev.at })
      if (prev && r.seq < prev.seq) d.seqBackwards.push({ line: l.line, seq: r.seq, previousSeq: prev.seq })
      prev = { seq: r.seq, at: r.at }
    }
    days.push(d)
  }
  addGaps(placed)
  const problems = days.reduce((n, d) => n + dayProblems(d), 0)
  const messages = days.reduce((n, d) => n + d.messages, 0)
  return { from, to, days, chats: chats.size, messages, problems, purged, anchorLog: !!book }
}

/**
 * Problems of one day (each gap, damaged line, duplicate, backward seq; an unreadable file; a broken link, an
 * anchor not matched, an anchored file missing); earlier times, records before the chain and lines after the last
 * anchor are notes.
 */
export function dayProblems(d: DayCheck): number {
  // A time earlier than the record before is no problem: the archive keeps WeChat's time of each message, and
  // WeChat delivers messages late (after a reconnect, minutes or hours late) in arrival order. It is a note.
  const found = d.gaps.length + d.damaged.length + d.duplicates.length + d.seqBackwards.length
  const chain = (d.chain.broken ? 1 : 0) + (d.anchors.broken ? 1 : 0) + (d.missing ? 1 : 0)
  return found + chain + (d.unreadable ? 1 : 0)
}

/** A record of a chat: its `seq`, time and the day it is stored in. */
interface Placed {
  seq: number
  at: number
  day: DayCheck
}

/** The missing `seq` numbers between a chat's records (in `seq` order), each on the day of the record after it. */
function addGaps(placed: Placed[]): void {
  placed.sort((a, b) => a.seq - b.seq)
  for (let i = 1; i < placed.length; i++) {
    const [a, b] = [placed[i - 1], placed[i]]
    if (b.seq > a.seq + 1) b.day.gaps.push({ after: a.seq, before: b.seq, afterAt: a.at, beforeAt: b.at })
  }
}
