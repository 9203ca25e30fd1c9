import type { ArchiveBackend } from './backend.js'
import type { ArchiveRecord, ArchiveType, ChatInfo } from './record.js'

/** What an auditor asks for: days (inclusive, `YYYY-MM-DD`), optionally some chats, one member, words and types. */
export interface ArchiveQuery {
  from: string
  to: string
  chats?: string[]
  /** Contact id, or part of the display name at the time. */
  member?: string
  /** Every word must occur (case-insensitive) in the text, the quoted text or the attachment's title/name. */
  words?: string[]
  types?: ArchiveType[]
}

/** A record that matched, with its neighbours in the chat. */
export interface Hit {
  record: ArchiveRecord
  before?: ArchiveRecord
  after?: ArchiveRecord
  /** The sender recalled it later (the original stays in the archive). */
  recalled: boolean
}

/** True when a record satisfies the member, word and type filters. */
export function matches(r: ArchiveRecord, q: ArchiveQuery): boolean {
  if (q.types?.length && !q.types.includes(r.type)) return false
  if (q.member && r.sender.id !== q.member && !r.sender.name.includes(q.member)) return false
  if (!q.words?.length) return true
  const hay = [r.text, r.quote?.text, r.attachment?.title, r.attachment?.fileName, r.attachment?.description]
    .filter(Boolean)
    .join('\n')
    .toLowerCase()
  return q.words.every(w => hay.includes(w.toLowerCase()))
}

/**
 * Search the archive: the newest `limit` matches (each with the message before
 * and after it in its chat) and how many matched in all. Segments are read one
 * at a time, so memory stays bounded by the largest day of one chat.
 */
export async function searchArchive(
  backend: ArchiveBackend,
  q: ArchiveQuery,
  limit: number,
): Promise<{ hits: Hit[]; total: number }> {
  let hits: Hit[] = []
  let total = 0
  const recalled = new Set<string>()
  for await (const seg of backend.scan({ chats: q.chats, from: q.from, to: q.to })) {
    seg.records.forEach((r, i) => {
      if (r.type === 'recall' && r.recalls) recalled.add(`${r.chat}\n${r.recalls}`)
      if (!matches(r, q)) return
      total++
      hits.push({ record: r, before: seg.records[i - 1], after: seg.records[i + 1], recalled: false })
      if (hits.length > limit * 4) hits = newest(hits, limit)
    })
  }
  hits = newest(hits, limit)
  for (const h of hits) h.recalled = recalled.has(`${h.record.chat}\n${h.record.id}`)
  return { hits, total }
}

function newest(hits: Hit[], limit: number): Hit[] {
  return hits.sort((a, b) => b.record.at - a.record.at || b.record.seq - a.record.seq).slice(0, limit)
}

/** Chats whose config name, title or id is `word` (exact first, else the titles containing it). */
export function chatsNamed(chats: ChatInfo[], word: string): ChatInfo[] {
  const exact = chats.filter(c => c.configName === word || c.title === word || c.chat === word)
  return exact.length ? exact : chats.filter(c => c.kind !== 'private' && c.title.includes(word))
}
