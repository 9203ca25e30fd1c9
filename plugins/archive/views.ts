import { type ArchiveDeps, logAccess } from './deps.js'
import { type ExportFormat, exportArchive } from './export.js'
import type { ArchiveQuery, SearchResult } from './query.js'
import type { ChatInfo } from './record.js'

/** What the archive shows in the web console. Searches and exports are written to the archive's access log. */
export interface ArchiveViews {
  /** Every chat the archive holds. */
  chats(): Promise<ChatInfo[]>
  /** The newest hits of `q` (at most the configured search limit); logged as a search by `who`. */
  search(q: ArchiveQuery, who: string): Promise<SearchResult>
  /** Stream the records of `q` to `write` as `format`; logged as an export by `who`. Returns the count. */
  exportTo(q: ArchiveQuery, format: ExportFormat, who: string, write: (chunk: string) => Promise<void>): Promise<number>
  /** The longest range (days) one console request may read. */
  maxDays(): number
}

declare module '../../bot/core/views.js' {
  interface Views {
    archive: ArchiveViews
  }
}

/** The archive views over the plugin's back end. */
export function archiveViews(d: ArchiveDeps): ArchiveViews {
  const detail = (q: ArchiveQuery) =>
    [q.words?.join(' '), q.member && `成员 ${q.member}`, `${q.from} 至 ${q.to}`, q.chats?.join('、')]
      .filter(Boolean)
      .join(' · ')
  return {
    chats: () => d.backend.chats(),
    search: async (q, who) => {
      const result = await d.backend.search(q, d.ctx.configFor().search.limit)
      await logAccess(d, { who, action: 'search', detail: `${detail(q)}（网页后台）`, count: result.total })
      return result
    },
    exportTo: async (q, format, who, write) => {
      const count = await exportArchive(d.backend, q, format, d.ctx.timezone, write)
      await logAccess(d, { who, action: 'export', detail: `${detail(q)} · ${format}（网页后台）`, count })
      return count
    },
    maxDays: () => 31,
  }
}
