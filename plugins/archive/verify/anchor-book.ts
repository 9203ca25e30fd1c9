import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AnchorEntry } from '../store/chain.js'
import { listDays, parseLines } from '../store/segment-files.js'

/** An anchor of one file: its size then, its last line's hash, when it was written. */
export interface FileAnchor {
  bytes: number
  hash: string
  at: number
}

/** The anchor log read for `archive verify`: each file's heads, and the files the retention purge deleted. */
export class AnchorBook {
  private files = new Map<string, Map<string, { heads: FileAnchor[]; purgedAt?: number }>>()

  constructor(entries: Iterable<AnchorEntry>) {
    for (const e of entries) {
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
    days.flatMap(d => parseLines<AnchorEntry>(readFileSync(join(folder, `${d}.jsonl`), 'utf8'))).filter(isEntry),
  )
}

function isEntry(e: AnchorEntry | undefined): e is AnchorEntry {
  return (
    !!e &&
    (e.kind === 'head' || e.kind === 'purged') &&
    typeof e.chat === 'string' &&
    typeof e.day === 'string' &&
    Number.isSafeInteger(e.bytes) &&
    typeof e.hash === 'string'
  )
}
