import type { ArchiveBackend } from '../store/backend.js'
import type { AnchorBook } from '../verify/anchor-book.js'

/** What the `archive` CLI runs over. */
export interface ArchiveCliEnv {
  backend: ArchiveBackend
  timezone: string
  out: NodeJS.WritableStream
  err: NodeJS.WritableStream
  /** Who runs it, for the access log (`cli:<os user>`). */
  who: string
  now: number
  /** Also write the export to the bot's audit log. */
  audit?: (text: string) => Promise<void>
  /** The file archive's folder; undefined on PostgreSQL. */
  dir?: string
  /**
   * The anchor log (`archive verify` checks the files or rows against it): the data folder's, or on PostgreSQL
   * every account's rows of it; undefined when there is none.
   */
  anchors?: () => AnchorBook | undefined | Promise<AnchorBook | undefined>
}
