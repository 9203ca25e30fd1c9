import type { ArchiveQuery, SearchResult } from '../search/query.js'
import type { ArchiveRecord, ChatInfo } from '../capture/record.js'
import type { ChainHead } from './chain.js'
import type { StoredSegment } from '../verify/stored-lines.js'

/** One chat's records of one day, in arrival order. */
export interface Segment {
  chat: string
  /** `YYYY-MM-DD` in the configured timezone. */
  day: string
  records: ArchiveRecord[]
}

/** A record waiting to be appended, with its day (`YYYY-MM-DD` in the configured timezone). */
export interface PendingRecord {
  record: ArchiveRecord
  day: string
}

/** Which segments a scan reads: some chats (default all) and an inclusive range of days. */
export interface ScanRange {
  chats?: string[]
  from: string
  to: string
}

/** What a purge removed. */
export interface PurgeResult {
  segments: number
  records: number
}

/** One line of the archive's own access log: every search, export, purge, legal-hold change and check-code question. */
export interface AccessEntry {
  at: number
  /** Contact id of who asked, or `cli:<os user>` for the command line, or `job` for the purge. */
  who: string
  action: 'search' | 'export' | 'purge' | 'hold' | 'check-code'
  /** What was asked (query, range, groups) or done. */
  detail: string
  /** Records returned or removed. */
  count?: number
}

/**
 * Where the archive keeps its records. The embedded default is `FileArchive`
 * (append-only JSONL segments per chat and day); `MemoryArchive` is its twin
 * for tests; `PgArchive` (fleet mode) keeps one row set for every account:
 * `append` is an INSERT keyed by (chat, id), `scan` a range query ordered by
 * insertion, `search` a query on the records' n-gram keys, `purgeBefore` a DELETE by (chat, day).
 */
export interface ArchiveBackend {
  /** Append one record to its chat's segment for `day`; rejects when it could not be written. */
  append(record: ArchiveRecord, day: string): Promise<void>
  /** `append` done synchronously (throws when it could not be written), where the back end can: no promise per record. */
  appendNow?(record: ArchiveRecord, day: string): void
  /**
   * `append` of several records in their order, all or none (rejects when none was written), where the back end
   * can: one transaction for the records that queued while the last one was written, not one per record.
   */
  appendMany?(items: readonly PendingRecord[]): Promise<void>
  /** The last `n` records of a chat (oldest first), for duplicate checks and `seq` after a restart. */
  tail(chat: string, n: number): Promise<ArchiveRecord[]>
  /** Every chat the archive has records of. */
  chats(): Promise<ChatInfo[]>
  /** Create or update what is known of a chat (kind, title). */
  saveChat(info: ChatInfo): Promise<void>
  /** Segments in range, chat by chat, days ascending; one segment in memory at a time. */
  scan(range: ScanRange): AsyncIterable<Segment>
  /** The newest `limit` records matching `q` with their neighbours, and the number of matches. */
  search(q: ArchiveQuery, limit: number): Promise<SearchResult>
  /**
   * Where each day segment of the chats in `range` ends now (size and last line's hash; on PostgreSQL rows and
   * the last row's record's hash), for the anchors written outside the archive; absent where records are not
   * chained (`MemoryArchive`).
   */
  heads?(range: ScanRange): ChainHead[] | Promise<ChainHead[]>
  /**
   * The heads of the day segments of days before `day` appended to since the daily anchors last ran (a message
   * delivered days late), for the daily anchors. With `heads`.
   */
  grownBefore?(day: string): ChainHead[] | Promise<ChainHead[]>
  /**
   * The day segments of `chats` in [from, to] as stored, every line (or row) with its hash, for `archive verify`
   * and the check code (with the days `alsoDays` names that are gone, as missing). With `heads`.
   */
  stored?(
    chats: readonly string[],
    from: string,
    to: string,
    alsoDays?: (chat: string) => Iterable<string>,
  ): AsyncIterable<StoredSegment>
  /** The folder of a file archive; absent elsewhere. */
  readonly dir?: string
  /** The fleet's one archive (`PgArchive`): every account writes it, so its anchors are in every account's log. */
  readonly fleetWide?: true
  /** Delete a chat's segments of days before `day`. */
  purgeBefore(chat: string, day: string): Promise<PurgeResult>
  /** Append to the access log (kept apart from the records, never purged). */
  logAccess(entry: AccessEntry, day: string): Promise<void>
  /** Access log entries of days in [from, to]. */
  readAccess(from: string, to: string): Promise<AccessEntry[]>
  /** The bytes stored under `path` (as `storeMedia` returned it), or undefined. */
  readMedia(path: string): Promise<Uint8Array | undefined>
  /** Store an attachment's bytes; returns the path relative to the archive. */
  storeMedia(record: ArchiveRecord, day: string, bytes: Uint8Array): Promise<string>
  /** Write what is buffered now (at stop); throws when the disk refuses. Absent: nothing is buffered. */
  flush?(): void
  /**
   * After `flush` at stop (and before a config reload): write what the next start would otherwise rebuild (the
   * file archive's index postings held in memory). Absent: nothing to keep.
   */
  keep?(): void
}
