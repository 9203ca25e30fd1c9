import { hash } from 'node:crypto'

/**
 * The file archive's hash chain. Each record line a day segment holds carries in `prev` the hash of the line
 * before it in the same file (the file's first line: `chainStart` of its chat and day), so a line edited or
 * removed breaks the link of the line after it. Per file, not per chat: a segment is only ever appended to, in the
 * order its lines are written (a late message goes to its own day's file, in arrival order there), so restarts,
 * concurrent chats and late delivery never reorder a file's links; deleting a whole day (retention) leaves every
 * other file whole. What a chain alone cannot show (a cut tail, a whole file removed, a chain recomputed after an
 * edit) is caught by anchors: files' heads written outside the archive (`ANCHOR_LOG`). On PostgreSQL
 * (`PgArchive`) a chat's day of rows is a chain the same way, each row's record text hashed as a line.
 */

/** Characters of SHA-256's base64url kept: 22 (132 bits) a line. */
const HASH_CHARS = 22

/** The hash of one line's bytes (without its newline): the next line's `prev`. */
export function lineHash(line: Uint8Array): string {
  // One call, no Hash object made per line (about half the CPU of createHash for a 300-byte line), its text cut.
  return hash('sha256', line, 'base64url').slice(0, HASH_CHARS)
}

/** The `prev` of a file's first line: binds the file to its chat and day (a file moved elsewhere breaks it). */
export function chainStart(chat: string, day: string): string {
  return lineHash(Buffer.from(`archive chain\n${chat}\n${day}`))
}

/** Where a day segment's chain ended when it was read: its size up to its last whole line, and that line's hash. */
export interface ChainHead {
  chat: string
  day: string
  /** Bytes of the file up to and with the newline of its last line. */
  bytes: number
  /** `lineHash` of that last line. */
  hash: string
  /** On PostgreSQL (where `bytes` counts the chain's rows): the last row's `pos`, the anchors' mark of what they saw. */
  pos?: string
}

/**
 * The state store's log (`logs/archive-anchors/<day>.jsonl` in the data folder, outside the archive folder) of
 * anchors: the heads of the day segments, written by the daily job, and the heads of the segments the retention
 * purge deleted, written before it deletes them.
 */
export const ANCHOR_LOG = 'archive-anchors'

/** One line of the anchor log. */
export interface AnchorEntry extends ChainHead {
  v: 1
  /** `head`: the segment's chain reached this far then; `purged`: the retention purge deleted the segment. */
  kind: 'head' | 'purged'
  /** When it was written. */
  at: number
}

/** One day file a check code covers: its chat, its size then and the hash of its last line then. */
export interface CodedFile {
  chat: string
  bytes: number
  hash: string
}

/**
 * A line of the anchor log: the daily check code of `day` (`verify/check-code.ts`), written when the daily job
 * made it and sent it to the auditors, with the files it covers (where each was read to), so a later check can read
 * each file to the same line and name the one that no longer gives its hash.
 */
export interface CheckCodeEntry {
  v: 1
  kind: 'code'
  day: string
  code: string
  files: CodedFile[]
  /** When it was made. */
  at: number
}
