import type { AccessEntry, ArchiveBackend, PurgeResult, ScanRange, Segment } from './backend.js'
import { type ArchiveQuery, type SearchResult, scanSearch } from '../search/query.js'
import type { ArchiveRecord, ChatInfo } from '../capture/record.js'

/** The archive in memory: for tests and in-memory runs (sandbox stores, replays without a data folder). */
export class MemoryArchive implements ArchiveBackend {
  private byChat = new Map<string, Map<string, ArchiveRecord[]>>()
  private info = new Map<string, ChatInfo>()
  private access: { day: string; entry: AccessEntry }[] = []
  /** Stored attachment bytes by path. */
  readonly media = new Map<string, Uint8Array>()

  async append(record: ArchiveRecord, day: string): Promise<void> {
    this.appendNow(record, day)
  }

  appendNow(record: ArchiveRecord, day: string): void {
    const days = this.byChat.get(record.chat) ?? new Map<string, ArchiveRecord[]>()
    this.byChat.set(record.chat, days)
    days.set(day, [...(days.get(day) ?? []), structuredClone(record)])
  }

  async tail(chat: string, n: number): Promise<ArchiveRecord[]> {
    const days = this.byChat.get(chat)
    if (!days) return []
    return [...days.keys()]
      .sort()
      .flatMap(d => days.get(d) ?? [])
      .slice(-n)
  }

  async chats(): Promise<ChatInfo[]> {
    const known = [...this.byChat.keys()].map(chat => this.info.get(chat) ?? { chat, kind: 'internal', title: chat })
    return known as ChatInfo[]
  }

  async saveChat(info: ChatInfo): Promise<void> {
    this.info.set(info.chat, { ...info })
  }

  async *scan(range: ScanRange): AsyncIterable<Segment> {
    for (const chat of range.chats ?? [...this.byChat.keys()].sort()) {
      const days = this.byChat.get(chat)
      if (!days) continue
      for (const day of [...days.keys()].filter(d => d >= range.from && d <= range.to).sort())
        yield { chat, day, records: structuredClone(days.get(day) ?? []) }
    }
  }

  search(q: ArchiveQuery, limit: number): Promise<SearchResult> {
    return scanSearch(this.scan({ chats: q.chats, from: q.from, to: q.to }), q, limit)
  }

  async purgeBefore(chat: string, day: string): Promise<PurgeResult> {
    const days = this.byChat.get(chat)
    const out = { segments: 0, records: 0 }
    for (const d of [...(days?.keys() ?? [])].filter(d => d < day)) {
      out.segments++
      out.records += days?.get(d)?.length ?? 0
      days?.delete(d)
    }
    return out
  }

  async logAccess(entry: AccessEntry, day: string): Promise<void> {
    this.access.push({ day, entry: { ...entry } })
  }

  async readAccess(from: string, to: string): Promise<AccessEntry[]> {
    return this.access.filter(a => a.day >= from && a.day <= to).map(a => a.entry)
  }

  async readMedia(path: string): Promise<Uint8Array | undefined> {
    return this.media.get(path)
  }

  async storeMedia(record: ArchiveRecord, day: string, bytes: Uint8Array): Promise<string> {
    const path = `media/${record.chat}/${day}/${record.id}`
    this.media.set(path, bytes)
    return path
  }
}
