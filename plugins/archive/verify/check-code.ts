import { hash } from 'node:crypto'
import type { CheckCodeEntry, CodedFile } from '../store/chain.js'
import { checkChain } from './links.js'
import type { ArchiveBackend } from '../store/backend.js'
import type { StoredSegment } from './stored-lines.js'

/**
 * The daily archive check code (存档校验码): one short root hash over a day's files, sent to a person who keeps it
 * off the machine. For a day, each chat's file of that day contributes its chat id, its size and the hash of the
 * line ending there (its head); the code is the SHA-256 of those, sorted by chat, after a fixed prefix and the day,
 * its first 100 bits written as 20 Crockford base32 characters in groups of 4. A file's head binds every line
 * before it through the hash chain, so the code binds the whole day; it is recomputed from the archive (each file
 * read and its links walked), the anchor log only saying how far each file was read: whoever rewrites both the
 * archive and the anchor log still cannot make an edited day give the code a person kept.
 */

/** Crockford's base32: no I, L, O, U (read as 1, 1, 0; U never written). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Characters of a code: 20 (100 bits). */
const CODE_CHARS = 20

/** The check code of `day` over its files' heads (any order), as people read it: `7F3K-9QX2-…`, 5 groups of 4. */
export function checkCode(day: string, files: readonly CodedFile[]): string {
  const lines = files
    .map(f => JSON.stringify([f.chat, f.bytes, f.hash]))
    .sort()
    .join('\n')
  const digest = hash('sha256', `archive check code v1\n${day}\n${lines}`, 'buffer')
  let out = ''
  for (let i = 0; i < CODE_CHARS; i++) {
    const bit = i * 5
    const two = (digest[bit >> 3] << 8) | digest[(bit >> 3) + 1]
    out += ALPHABET[(two >> (11 - (bit & 7))) & 31]
  }
  return out.match(/.{4}/g)?.join('-') ?? out
}

/**
 * A code as typed (any case, with or without dashes and spaces; O read as 0, I and L as 1) in its written form;
 * undefined when it cannot be one.
 */
export function normalizeCode(typed: string): string | undefined {
  const raw = typed
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (raw.length !== CODE_CHARS || [...raw].some(c => !ALPHABET.includes(c))) return undefined
  return raw.match(/.{4}/g)?.join('-')
}

/** A file of the code that the archive no longer gives as it was, and how. */
export interface CodeFileProblem {
  chat: string
  file: string
  /**
   * `missing` the file is gone; `unreadable` it cannot be read; `broken` a link of its chain before that point is
   * broken (`line`: the line after the one changed); `cut` its links are whole but it is shorter than when the code
   * was made (lines removed from its end, or lines shortened and the chain recomputed); `rewritten` the line the
   * code ended at is not the one it was (`line`: it or lines before it changed, the chain recomputed).
   */
  problem: 'missing' | 'unreadable' | 'cut' | 'broken' | 'rewritten'
  line?: number
  /** On PostgreSQL: `line` counts the chat's rows of that day, and this is the row's `pos`. */
  pos?: string
  /** On PostgreSQL: `file` names the chat's rows of that day (`StoredSegment.rows`). */
  rows?: true
}

/** What the archive as stored gives for one day's check code. */
export interface CodeCheck {
  day: string
  /** The code the archive as stored gives: each file read to where the code read it, every link walked. */
  computed: string
  /** Files it covers. */
  files: number
  /** The code the daily job made and sent (the anchor log's record), if it has one. */
  recorded?: { code: string; at: number }
  /**
   * The files that no longer give their head, named from the anchor log's record of the code (so only when it has
   * one, and only as honestly as it was kept).
   */
  differs: CodeFileProblem[]
  /** The day's files the code does not cover (a chat's first message of that day delivered after the code). */
  later: number
}

/**
 * The check code of `entry.day` (or of `day` over its files as stored, when the anchor log has no code for it)
 * recomputed from `segments`, the day's files as stored (`storedSegments` over the code's chats and the chats with a
 * file that day). A file whose chain is broken before the point the code read it to, or that is gone, cut or
 * rewritten, gives no head (the empty hash), so the code computed differs. Pure: reads only what it is given.
 */
export async function recomputeCode(
  day: string,
  entry: CheckCodeEntry | undefined,
  segments: AsyncIterable<StoredSegment>,
): Promise<CodeCheck> {
  const wanted = new Map(entry?.files.map(f => [f.chat, f]))
  const heads: CodedFile[] = []
  const differs: CodeFileProblem[] = []
  let later = 0
  for await (const s of segments) {
    const f = wanted.get(s.chat)
    if (entry && !f) {
      if (!s.missing) later++
      continue
    }
    const bytes = f?.bytes ?? lastWhole(s)
    if (!f && !bytes) continue // no file (or no whole line) that day, and no code naming it
    const read = readTo(s, bytes)
    heads.push({ chat: s.chat, bytes, hash: 'problem' in read ? '' : read.hash })
    const at = { chat: s.chat, file: s.file, ...(s.rows && { rows: s.rows }) }
    if ('problem' in read) differs.push({ ...at, ...read })
    else if (f && read.hash !== f.hash)
      differs.push({ ...at, problem: 'rewritten', line: read.line, ...posOf(s, read.line) })
  }
  return {
    day,
    computed: checkCode(day, heads),
    files: heads.length,
    recorded: entry && { code: entry.code, at: entry.at },
    differs: entry ? differs : [],
    later,
  }
}

/** The file read to `bytes`: the hash of the line ending there, with every link before it walked. */
function readTo(
  s: StoredSegment,
  bytes: number,
): { hash: string; line: number } | { problem: CodeFileProblem['problem']; line?: number; pos?: string } {
  if (s.missing) return { problem: 'missing' }
  if (s.unreadable) return { problem: 'unreadable' }
  const lines = s.lines.filter(l => l.end <= bytes)
  const broken = checkChain({ ...s, lines }).broken
  if (broken) return { problem: 'broken', line: broken.line, ...posOf(s, broken.line) }
  if (s.bytes < bytes) return { problem: 'cut' }
  const last = lines.at(-1)
  if (!last || last.end !== bytes) return { problem: 'rewritten', line: last?.line, ...posOf(s, last?.line) }
  return { hash: last.hash, line: last.line }
}

/** The `pos` of line `line` of a chain of rows (nothing for a file's line). */
function posOf(s: StoredSegment, line: number | undefined): { pos?: string } {
  const pos = line === undefined ? undefined : s.lines.find(l => l.line === line)?.pos
  return pos === undefined ? {} : { pos }
}

/** Where a file's last whole line ends (a line a crash cut short is not part of its head). */
function lastWhole(s: StoredSegment): number {
  return s.lines.filter(l => l.problem !== 'truncated').at(-1)?.end ?? 0
}

/**
 * The check code of `day` as the archive gives it now (`archive.stored`: the day files, or on PostgreSQL the rows of
 * each chat's day): the files `entry` (the anchor log's record of the code, if any) names, read to where it read
 * them, and every other chat's file of that day (`chats`).
 */
export function dayCode(
  archive: Required<Pick<ArchiveBackend, 'stored'>>,
  day: string,
  entry: CheckCodeEntry | undefined,
  chats: readonly string[],
): Promise<CodeCheck> {
  const named = new Set(entry?.files.map(f => f.chat))
  const keys = [...new Set([...chats, ...named])].sort()
  return recomputeCode(
    day,
    entry,
    archive.stored(keys, day, day, c => (named.has(c) ? [day] : [])),
  )
}
