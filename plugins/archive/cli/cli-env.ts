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
  /** The file archive's folder (what `archive verify` reads); undefined on PostgreSQL. */
  dir?: string
  /** The anchor log (`archive verify` checks the files against it); undefined when there is none. */
  anchors?: () => AnchorBook | undefined
}
