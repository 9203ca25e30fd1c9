import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ArchiveRecord } from '../capture/record.js'
import { lineHash } from '../store/chain.js'
import { folderName, listDays } from '../store/segment-files.js'

/** One line of a day segment as stored: its record, or why it is not one. */
export interface StoredLine {
  /** Line number in the file, from 1. */
  line: number
  record?: ArchiveRecord
  /**
   * `truncated`: the file's last line, without its newline and not a whole record (a write cut short); `damaged`:
   * any other line that is not a record of this chat (torn and closed by a later write, or edited).
   */
  problem?: 'truncated' | 'damaged'
  /** `lineHash` of the line's bytes as stored (what the next line's `prev` names). */
  hash: string
  /** Byte offset just after the line's newline (the file's size when it was the last line); on PostgreSQL the rows up to it. */
  end: number
  /** On PostgreSQL: the row's `pos` in `archive_records` (what an auditor selects it by). */
  pos?: string
}

/** One chat's day segment as stored, every line numbered. */
export interface StoredSegment {
  chat: string
  day: string
  /** The file, relative to the archive folder (`chats/<folder>/<day>.jsonl`). */
  file: string
  lines: StoredLine[]
  /** Bytes of the file. */
  bytes: number
  /** The file could not be read at all (its error). */
  unreadable?: string
  /** The file is not there (a day the anchor log names): `lines` is empty. */
  missing?: true
  /**
   * A chain of PostgreSQL rows (`PgArchive`), not a file: `file` names the chat and day in `archive_records`,
   * `bytes` and each line's `end` count rows.
   */
  rows?: true
}

/** How a chat's day of rows on PostgreSQL is named where a file's path would be. */
export function rowsName(chat: string, day: string): string {
  return `archive_records（chat=${chat}，day=${day}）`
}

/**
 * The day segments of the file archive in `dir` for `chats` in [from, to], read as stored (unlike `scan`, which
 * skips a damaged line): chat by chat, days ascending, one file in memory at a time; with the days `alsoDays` names
 * for a chat (those the anchor log knows) that have no file, as missing. Reads only; writes nothing.
 */
export async function* storedSegments(
  dir: string,
  chats: readonly string[],
  from: string,
  to: string,
  alsoDays: (chat: string) => Iterable<string> = () => [],
): AsyncIterable<StoredSegment> {
  for (const chat of chats) {
    const folder = join('chats', folderName(chat))
    const stored = listDays(join(dir, folder))
    const days = [...new Set([...stored, ...alsoDays(chat)])].filter(d => d >= from && d <= to).sort()
    const present = new Set(stored)
    for (const day of days) {
      const file = join(folder, `${day}.jsonl`)
      if (!present.has(day)) {
        yield { chat, day, file, lines: [], bytes: 0, missing: true }
        continue
      }
      let bytes: Buffer
      try {
        bytes = readFileSync(join(dir, file))
      } catch (e) {
        yield { chat, day, file, lines: [], bytes: 0, unreadable: (e as Error).message }
        continue
      }
      yield { chat, day, file, lines: storedLines(bytes, chat), bytes: bytes.length }
    }
  }
}

/**
 * The lines of a segment's bytes, numbered from 1, each with its hash; empty lines are left out (no record was
 * meant there, and the chain skips them), so are lines of blanks (hashed, as the chain counts them).
 */
export function storedLines(bytes: Buffer, chat: string): StoredLine[] {
  const out: StoredLine[] = []
  let number = 0
  for (let at = 0; at < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, at)
    const stop = nl < 0 ? bytes.length : nl
    number++
    const raw = bytes.subarray(at, stop)
    at = stop + 1
    if (!raw.length) continue
    const text = raw.toString('utf8')
    const hash = lineHash(raw)
    const end = Math.min(at, bytes.length)
    if (!text.trim()) {
      out.push({ line: number, hash, end })
      continue
    }
    const record = recordOf(text, chat)
    // A last line without its newline and not whole is a write cut short; a whole one is a record like the others.
    const problem = nl < 0 ? 'truncated' : 'damaged'
    out.push(record ? { line: number, record, hash, end } : { line: number, problem, hash, end })
  }
  return out
}

/** The record a line holds, when it is one of `chat`'s (a whole number `seq`, an id, a time). */
export function recordOf(line: string, chat: string): ArchiveRecord | undefined {
  let r: unknown
  try {
    r = JSON.parse(line)
  } catch {
    return undefined
  }
  if (!r || typeof r !== 'object') return undefined
  const x = r as Partial<ArchiveRecord>
  const ok =
    Number.isSafeInteger(x.seq) &&
    typeof x.id === 'string' &&
    typeof x.at === 'number' &&
    Number.isFinite(x.at) &&
    x.chat === chat
  return ok ? (r as ArchiveRecord) : undefined
}
