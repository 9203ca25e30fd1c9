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
  /** Lines that are not records: file line numbers and why. */
  damaged: { line: number; problem: 'truncated' | 'damaged' }[]
  /** Records whose id or `seq` an earlier record of the chat has (line, the id, the earlier record's line and day). */
  duplicates: { line: number; id: string; seq: number; first: { day: string; line: number } }[]
  /** Records timed before the record stored before them (line, its time, the earlier record's time). */
  outOfOrder: { line: number; at: number; previousAt: number }[]
  /** Records stored after one with a higher `seq` (lines swapped or moved). */
  seqBackwards: { line: number; seq: number; previousSeq: number }[]
  /** The file could not be read. */
  unreadable?: string
}

/** The whole check: each chat's days in the range, and totals. */
export interface VerifyReport {
  /** The days asked for; undefined: every day kept. */
  from?: string
  to?: string
  days: DayCheck[]
  chats: number
  messages: number
  /** Gaps, damaged lines, duplicates, `seq` numbers out of order, unreadable files, counted (earlier times are notes). */
  problems: number
}

/**
 * Check the stored segments (chat by chat, days ascending, as `storedSegments` reads them): count each day's
 * records and find `seq` gaps (also across a chat's days in range; before the first record in range nothing is
 * known), damaged lines, records stored twice (same id or same `seq` in the chat), times and `seq` numbers that run
 * backwards.
 * Pure: reads only what it is given.
 */
export async function verifySegments(
  segments: AsyncIterable<StoredSegment>,
  from?: string,
  to?: string,
): Promise<VerifyReport> {
  const days: DayCheck[] = []
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
    }
    for (const l of s.lines) {
      const r = l.record
      if (!r) {
        d.damaged.push({ line: l.line, problem: l.problem ?? 'damaged' })
        continue
      }
      d.messages++
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
  return { from, to, days, chats: chats.size, messages, problems }
}

/** Problems of one day (each gap, damaged line, duplicate, backward seq; an unreadable file); earlier times are notes. */
export function dayProblems(d: DayCheck): number {
  // A time earlier than the record before is no problem: the archive keeps WeChat's time of each message, and
  // WeChat delivers messages late (after a reconnect, minutes or hours late) in arrival order. It is a note.
  const found = d.gaps.length + d.damaged.length + d.duplicates.length + d.seqBackwards.length
  return found + (d.unreadable ? 1 : 0)
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
