import {
  type Attachment,
  type GroupKind,
  MESSAGE_KIND_LABEL,
  type MessageEvent,
  type MessageKind,
} from '../../../bot/core/event.js'

/** Schema version written on every archived record; readers refuse nothing, they check `v`. */
export const RECORD_VERSION = 1
/**
 * Schema version of a record written into its hash chain (December 2026): `prev` holds the hash of the line before
 * it in its day segment (`store/chain.ts`), or on PostgreSQL of the record of the row before it in its chat's day.
 * Records of version 1 were written before the chain.
 */
export const CHAINED_VERSION = 2

/** What a record is, as auditors read it: the message kinds, with `quote` (a reply) and `recall` (撤回). */
export type ArchiveType = Exclude<MessageKind, 'recalled'> | 'quote' | 'recall'

/** Chinese labels of record types, for search results and exports. */
export const TYPE_LABEL: Record<ArchiveType, string> = {
  ...(({ recalled, ...kinds }) => kinds)(MESSAGE_KIND_LABEL),
  quote: '引用',
  recall: MESSAGE_KIND_LABEL.recalled,
}

/** Kind of a chat for retention: a managed group's kind, or a private chat with the bot. */
export type ChatKind = GroupKind | 'private'

/** A chat the archive holds, with what was last known of it. */
export interface ChatInfo {
  /** Chat key: the group id, or `private:<contact id>`. */
  chat: string
  kind: ChatKind
  /** Group topic, or the contact's display name for a private chat. */
  title: string
  /** The `groups[].name` the group matched in config (groups only). */
  configName?: string
  /**
   * Listed again from its folder, its line in the chat list lost (torn by a crash): the title is its newest
   * record's, a group's kind and config entry are unknown (`kind` says `customer`, the longest default retention).
   */
  recovered?: true
}

/** Attachment metadata (always kept), plus where its bytes were stored when the config keeps them. */
export interface ArchivedAttachment extends Attachment {
  /** Path of the stored bytes, relative to the archive folder. */
  stored?: string
  /** Size of the stored bytes. */
  bytes?: number
  /** Why the bytes were not kept though the config asks (too large, the puppet could not give them). */
  skipped?: string
}

/** One archived message: append-only, never edited (a recall is a record of its own). */
export interface ArchiveRecord {
  /** `RECORD_VERSION` as made; `CHAINED_VERSION` once the archive chains it (with `prev`). */
  v: typeof RECORD_VERSION | typeof CHAINED_VERSION
  /** Arrival order inside the chat (1, 2, 3…). */
  seq: number
  /** WeChat message id. */
  id: string
  at: number
  chat: string
  /** Group topic at that time (groups only). */
  topic?: string
  sender: { id: string; name: string }
  type: ArchiveType
  text: string
  quote?: { id?: string; senderName?: string; text: string }
  mentions: string[]
  mentionsAll?: boolean
  attachment?: ArchivedAttachment
  /** For `recall`: the id of the recalled message (which stays in the archive). */
  recalls?: string
  /** The event's kind when the archive has no type for it (kept for later readers). */
  rawKind?: string
  /** The bot's own message (sent through the outbox); `sender` is the bot's account. */
  fromBot?: true
  /** File archive, version 2: the hash of the line before this one in its day segment (the last field written). */
  prev?: string
}

/** The chat key of an event: the group id, or `private:<sender id>`. */
export function chatOf(ev: MessageEvent): string {
  return ev.group ? ev.group.id : `private:${ev.sender.id}`
}

/** What the archive knows of the chat an event came from. */
export function chatInfoOf(ev: MessageEvent, displayName: string): ChatInfo {
  return ev.group
    ? { chat: ev.group.id, kind: ev.group.kind, title: ev.group.topic, configName: ev.group.configName }
    : { chat: chatOf(ev), kind: 'private', title: displayName }
}

const KNOWN = new Set<string>(Object.keys(TYPE_LABEL))

/** The record for a message event (`seq` is assigned by the archiver). */
export function recordOf(ev: MessageEvent, displayName: string, seq: number): ArchiveRecord {
  const type: ArchiveType =
    ev.kind === 'recalled'
      ? 'recall'
      : ev.kind === 'text' && ev.quote
        ? 'quote'
        : KNOWN.has(ev.kind)
          ? (ev.kind as ArchiveType)
          : 'other'
  // Every optional field is in the literal (undefined when absent; JSON leaves it out, so the stored line is the
  // same): one hidden class for every record. Fields added afterwards made classes that died at each full GC and
  // took the archive's optimised code with them.
  return {
    v: RECORD_VERSION,
    seq,
    id: ev.id,
    at: ev.at,
    chat: chatOf(ev),
    topic: ev.group?.topic,
    sender: { id: ev.sender.id, name: displayName },
    type,
    text: String(ev.text ?? ''),
    mentions: [...(ev.mentions ?? [])],
    mentionsAll: ev.mentionsAll ? true : undefined,
    quote: ev.quote ? { ...ev.quote } : undefined,
    attachment: ev.attachment ? { ...ev.attachment } : undefined,
    recalls: type === 'recall' ? recalledId(ev) : undefined,
    rawKind: type === 'other' && ev.kind !== 'other' ? ev.kind : undefined,
    prev: undefined,
  }
}

/** The recalled message's id: `quote.id`, else the notice's text (the bare id, as Wechaty's `toRecalled()` reads it). */
function recalledId(ev: MessageEvent): string {
  return ev.quote?.id ?? ev.text.trim()
}
