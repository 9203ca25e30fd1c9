import type { ArchiveRecord, ArchiveType, ChatInfo } from '../capture/record.js'
import { haystack } from './grams.js'

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
  /**
   * Leave out the bot's own command conversations and messages, which are not what an auditor looks for
   * ({@link isCommandTalk}; built by `commandTalkOf`). Absent: everything is searched (`#记录 搜索 … 含命令`, the
   * console's 含命令 box, exports).
   */
  skipCommands?: CommandTalk
}

/**
 * What an auditor's default view leaves out, as every reader applies it ({@link isCommandTalk}): the words the bot
 * knows as commands now, and the chats where commands to it are left out.
 */
export interface CommandTalk {
  /** Whether a text names a command the bot knows (`PluginContext.isCommand`: prefix and a command's name or alias). */
  isCommand(text: string): boolean
  /** Chats nobody but staff reads: the internal groups and the private chats with the bot, as the archive lists them. */
  staffChats: ReadonlySet<string>
}

/**
 * The option that keeps commands to the bot and the bot's own messages in a search (no `skipCommands`): the word of
 * `#记录 搜索 … 含命令`, the console's checkbox, and how both name it in the access log and the answer (`· 含命令`).
 */
export const WITH_COMMANDS = '含命令'

/** The {@link CommandTalk} over the archive's chat list: a chat is a staff chat when it is listed private or internal. */
export function commandTalk(chats: readonly ChatInfo[], isCommand: (text: string) => boolean): CommandTalk {
  const staff = chats.filter(c => c.kind === 'private' || c.kind === 'internal')
  return { isCommand, staffChats: new Set(staff.map(c => c.chat)) }
}

/**
 * Whether `r` is left out of a default view ({@link ArchiveQuery.skipCommands}): a message of the bot (its answers,
 * its help, its warnings), in any chat; and, in a chat only staff read, a command to the bot (one it knows by name or
 * alias, refused or not). A prefixed word that names no command (`#私下转账给我`) is talk, and in a group customers read
 * (customer and broadcast groups, and a chat whose kind is unknown) every person's message is shown: customers read it,
 * so an auditor does too. Records already stored are read by the same rule (nothing is written again).
 */
export function isCommandTalk(r: ArchiveRecord, talk: CommandTalk): boolean {
  return r.fromBot === true || (talk.staffChats.has(r.chat) && talk.isCommand(r.text))
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
  if (q.skipCommands !== undefined && isCommandTalk(r, q.skipCommands)) return false
  if (q.types?.length && !q.types.includes(r.type)) return false
  if (q.member && r.sender.id !== q.member && !r.sender.name.includes(q.member)) return false
  if (!q.words?.length) return true
  const hay = haystack(r)
  return q.words.every(w => hay.includes(w.toLowerCase()))
}

/** What a search returns: the newest hits and how many records matched in all. */
export interface SearchResult {
  hits: Hit[]
  total: number
  /** `total` counts candidates the index could not check one by one (an upper bound). */
  approximate?: boolean
}

/**
 * Collects a search's hits while segments are read: keeps the newest `limit`
 * (memory stays bounded), counts all, and marks the hits whose message was recalled.
 */
export class HitCollector {
  private hits: Hit[] = []
  private total = 0
  private recalled = new Set<string>()

  constructor(private limit: number) {}

  /** Note a recall record (its original is marked 已撤回 if it is a hit). */
  recall(r: ArchiveRecord): void {
    if (r.type === 'recall' && r.recalls) this.recalled.add(`${r.chat}\n${r.recalls}`)
  }

  /** Add a matching record with its neighbours in the chat. */
  hit(record: ArchiveRecord, before?: ArchiveRecord, after?: ArchiveRecord): void {
    this.total++
    this.hits.push({ record, before, after, recalled: false })
    if (this.hits.length > this.limit * 4) this.hits = this.newest()
  }

  /** The newest `limit` hits, newest first, and the total. */
  result(): SearchResult {
    const hits = this.newest()
    for (const h of hits) h.recalled = this.recalled.has(`${h.record.chat}\n${h.record.id}`)
    return { hits, total: this.total }
  }

  private newest(): Hit[] {
    return this.hits.sort((a, b) => b.record.at - a.record.at || b.record.seq - a.record.seq).slice(0, this.limit)
  }
}

/**
 * Search by reading every segment `q` covers (`segments` is the back end's `scan` of `q`'s chats and days: what
 * `MemoryArchive` uses; `FileArchive` skips parsing lines that cannot match).
 */
export async function scanSearch(
  segments: AsyncIterable<{ records: ArchiveRecord[] }>,
  q: ArchiveQuery,
  limit: number,
): Promise<SearchResult> {
  const found = new HitCollector(limit)
  for await (const seg of segments) {
    seg.records.forEach((r, i) => {
      if (r.type === 'recall') found.recall(r)
      if (matches(r, q)) found.hit(r, seg.records[i - 1], seg.records[i + 1])
    })
  }
  return found.result()
}

/** Chats whose config name, title or id is `word` (exact first, else the titles containing it). */
export function chatsNamed(chats: ChatInfo[], word: string): ChatInfo[] {
  const exact = chats.filter(c => c.configName === word || c.title === word || c.chat === word)
  return exact.length ? exact : chats.filter(c => c.kind !== 'private' && c.title.includes(word))
}
