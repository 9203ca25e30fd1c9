import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AnchorEntry, CheckCodeEntry } from '../store/chain.js'
import { listDays, parseLines } from '../store/segment-files.js'

/** An anchor of one file: its size then, its last line's hash, when it was written. */
export interface FileAnchor {
  bytes: number
  hash: string
  at: number
}

/**
 * The anchor log read for `archive verify`: each file's heads, the files the retention purge deleted, and the daily
 * check codes.
 */
export class AnchorBook {
  private files = new Map<string, Map<string, { heads: FileAnchor[]; purgedAt?: number }>>()
  private codes = new Map<string, CheckCodeEntry>()

  constructor(entries: Iterable<AnchorEntry | CheckCodeEntry | undefined>) {
    for (const e of entries) {
      if (isCode(e)) {
        if (!this.codes.has(e.day)) this.codes.set(e.day, e) // the first: the one sent
        continue
      }
      if (!isEntry(e)) continue
      const days = this.files.get(e.chat) ?? new Map()
      this.files.set(e.chat, days)
      const file = days.get(e.day) ?? { heads: [] }
      days.set(e.day, file)
      if (e.kind === 'purged') file.purgedAt = e.at
      else file.heads.push({ bytes: e.bytes, hash: e.hash, at: e.at })
    }
  }

  /** Chats the log names (a chat whose folder and line in the chat list were removed is still checked). */
  chats(): string[] {
    return [...this.files.keys()]
  }

  /** Days of `chat` the log names. */
  days(chat: string): Iterable<string> {
    return this.files.get(chat)?.keys() ?? []
  }

  /** The heads anchored for `chat`'s `day` file. */
  heads(chat: string, day: string): FileAnchor[] {
    return this.files.get(chat)?.get(day)?.heads ?? []
  }

  /** The check code the daily job made for `day` (the first, if several were written). */
  code(day: string): CheckCodeEntry | undefined {
    return this.codes.get(day)
  }

  /** The day whose recorded check code is `code` (written form); undefined when none is. */
  dayOfCode(code: string): string | undefined {
    for (const [day, e] of this.codes) if (e.code === code) return day
    return undefined
  }

  /** When the retention purge recorded deleting `chat`'s `day` file; undefined: it did not. */
  purgedAt(chat: string, day: string): number | undefined {
    return this.files.get(chat)?.get(day)?.purgedAt
  }
}

/**
 * The anchor log as the bot's `FileStore` keeps its daily logs (`<folder>/<day>.jsonl`, `folder` being
 * `<data>/logs/archive-anchors`), read whole; undefined when there is none. A damaged line is skipped.
 */
export function readAnchorLog(folder: string): AnchorBook | undefined {
  const days = listDays(folder)
  if (!days.length) return undefined
  return new AnchorBook(
    days.flatMap(d => parseLines<AnchorEntry | CheckCodeEntry>(readFileSync(join(folder, `${d}.jsonl`), 'utf8'))),
  )
}

/** Whether a line of the anchor log is a check code's record (a damaged one is skipped). */
export function isCode(e: AnchorEntry | CheckCodeEntry | undefined): e is CheckCodeEntry {
  return (
    !!e &&
    e.kind === 'code' &&
    typeof e.day === 'string' &&
    typeof e.code === 'string' &&
    Array.isArray(e.files) &&
    e.files.every(f => !!f && typeof f.chat === 'string' && Number.isSafeInteger(f.bytes) && typeof f.hash === 'string')
  )
}

function isEntry(e: AnchorEntry | CheckCodeEntry | undefined): e is AnchorEntry {
  return (
    !!e &&
    (e.kind === 'head' || e.kind === 'purged') &&
    typeof e.chat === 'string' &&
    typeof e.day === 'string' &&
    Number.isSafeInteger(e.bytes) &&
    typeof e.hash === 'string'
  )
}
