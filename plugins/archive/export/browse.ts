import type { ArchiveBackend } from '../store/backend.js'
import { type CommandTalk, isCommandTalk } from '../search/query.js'
import type { ArchiveRecord } from '../capture/record.js'

/** What an auditor reads page by page: one chat's messages over inclusive days. */
export interface BrowseQuery {
  chat: string
  from: string
  to: string
  /** Newest first (the default) or oldest first, as a conversation reads. */
  order: 'newest' | 'oldest'
  /** 1-based; past the last page reads the last page. */
  page: number
  /** Leave out commands to the bot and the bot's own messages, as a search does (`ArchiveQuery.skipCommands`). */
  skipCommands?: CommandTalk
}

/** One page of a chat: its records in the order asked, which of them were recalled, and how many there are. */
export interface BrowsePage {
  records: { record: ArchiveRecord; recalled: boolean }[]
  /** The page shown (the one asked, or the last one). */
  page: number
  pages: number
  /** Records in the range (commands and bot messages left out when `skipCommands`). */
  total: number
  /** Commands and bot messages left out (0 with everything shown). */
  hiddenCommands: number
}

/**
 * One page of `q.chat`'s records, `size` a page. Two passes over the chat's day segments in range, one segment in
 * memory at a time (as an export): the first counts the records and finds the recalls (so an original on the page is
 * marked 已撤回 even when it was recalled days later), the second keeps the page's records only.
 */
export async function browseChat(backend: ArchiveBackend, q: BrowseQuery, size: number): Promise<BrowsePage> {
  const range = { chats: [q.chat], from: q.from, to: q.to }
  const skip = q.skipCommands
  const shown = (r: ArchiveRecord) => skip === undefined || !isCommandTalk(r, skip)
  const recalled = new Set<string>()
  let total = 0
  let hiddenCommands = 0
  for await (const seg of backend.scan(range))
    for (const r of seg.records) {
      if (r.type === 'recall' && r.recalls) recalled.add(r.recalls)
      if (shown(r)) total++
      else hiddenCommands++
    }
  const pages = Math.max(1, Math.ceil(total / size))
  const page = Math.min(Math.max(1, Math.floor(q.page) || 1), pages)
  // The page's positions in arrival order: newest first counts pages back from the end.
  const start = q.order === 'oldest' ? (page - 1) * size : Math.max(0, total - page * size)
  const end = q.order === 'oldest' ? page * size : total - (page - 1) * size
  const records: BrowsePage['records'] = []
  let i = 0
  if (total)
    for await (const seg of backend.scan(range)) {
      for (const r of seg.records) {
        if (!shown(r)) continue
        if (i >= start && i < end) records.push({ record: r, recalled: recalled.has(r.id) })
        i++
      }
      if (i >= end) break
    }
  if (q.order === 'newest') records.reverse()
  return { records, page, pages, total, hiddenCommands }
}
