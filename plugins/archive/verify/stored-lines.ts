import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ArchiveRecord } from '../capture/record.js'
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
}

/** One chat's day segment as stored, every line numbered. */
export interface StoredSegment {
  chat: string
  day: string
  /** The file, relative to the archive folder (`chats/<folder>/<day>.jsonl`). */
  file: string
  lines: StoredLine[]
  /** The file could not be read at all (its error). */
  unreadable?: string
}

/**
 * The day segments of the file archive in `dir` for `chats` in [from, to], read as stored (unlike `scan`, which
 * skips a damaged line): chat by chat, days ascending, one file in memory at a time. Reads only; writes nothing.
 */
export async function* storedSegments(
  dir: string,
  chats: readonly string[],
  from: string,
  to: string,
): AsyncIterable<StoredSegment> {
  for (const chat of chats) {
    const folder = join('chats', folderName(chat))
    for (const day of listDays(join(dir, folder)).filter(d => d >= from && d <= to)) {
      const file = join(folder, `${day}.jsonl`)
      let text: string
      try {
        text = readFileSync(join(dir, file), 'utf8')
      } catch (e) {
        yield { chat, day, file, lines: [], unreadable: (e as Error).message }
        continue
      }
      yield { chat, day, file, lines: storedLines(text, chat) }
    }
  }
}

/** The lines of a segment's text, numbered from 1; blank lines are left out (no record was meant there). */
export function storedLines(text: string, chat: string): StoredLine[] {
  const parts = text.split('\n')
  const out: StoredLine[] = []
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]
    if (!raw.trim()) continue
    const record = recordOf(raw, chat)
    // A last line without its newline and not whole is a write cut short; a whole one is a record like the others.
    const problem = i === parts.length - 1 ? 'truncated' : 'damaged'
    out.push(record ? { line: i + 1, record } : { line: i + 1, problem })
  }
  return out
}

/** The record a line holds, when it is one of `chat`'s (a whole number `seq`, an id, a time). */
function recordOf(line: string, chat: string): ArchiveRecord | undefined {
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
