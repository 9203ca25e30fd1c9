/**
 * Public types of the sandbox WeChat: what tests, replay and the console pass
 * to the world, and what the world records when the bot sends.
 */
import type { FileBoxInterface } from 'file-box'
import type * as PUPPET from 'wechaty-puppet'

/** Where a member's message goes: a group (`room`), or privately to `to` (default: the bot). */
export interface Conversation {
  room?: string
  to?: string
}

/**
 * The message a reply quotes. Sender name and text default to the stored
 * message's (`messageId`); the sender name is the group alias in that group, else the name.
 */
export interface QuoteSpec {
  messageId?: string
  text?: string
  senderName?: string
}

/** Options for a member's message. */
export interface MessageOptions {
  /** Contact ids @-mentioned (become `mentionIdList`; the text is used as given). */
  mentions?: string[]
  /** Turns the text into a WeChat quote reply (see `formatQuote`). Text messages only. */
  quote?: QuoteSpec
  /** Message id; re-using an id delivers a duplicate. Default: a fresh `msg-N`. */
  id?: string
  /** Milliseconds since the epoch; values below 1e11 are taken as seconds. Default: the sandbox clock. */
  timestamp?: number
}

/** Content of a member's message, by kind. `file` defaults to a tiny placeholder FileBox. */
export type Content =
  | { kind: 'text'; text: string }
  | { kind: 'image' | 'voice' | 'video' | 'emoticon'; file?: FileBoxInterface }
  | { kind: 'file'; name: string; file?: FileBoxInterface }
  | ({ kind: 'link' } & PUPPET.payloads.UrlLink)
  | ({ kind: 'miniprogram' } & PUPPET.payloads.MiniProgram)
  | ({ kind: 'location' } & PUPPET.payloads.Location)
  | { kind: 'contact'; contactId: string }
  /** A red packet (WeChat never states its amount). */
  | { kind: 'redpacket' }
  /** A transfer; with `amount` (yuan) its XML states it, as WeChat does. */
  | { kind: 'transfer'; amount?: number; payee?: string; payer?: string }
  /** A recall notice: its text is the recalled message id (what Wechaty's `toRecalled()` reads). */
  | { kind: 'recalled'; messageId: string }

/** Extra data a message carries, served by the puppet's `messageFile/Url/MiniProgram/Contact/Location`. */
export interface Attachment {
  file?: FileBoxInterface
  url?: PUPPET.payloads.UrlLink
  miniProgram?: PUPPET.payloads.MiniProgram
  location?: PUPPET.payloads.Location
  contactId?: string
}

/** What kind of thing the bot sent. */
export type SentKind = 'text' | 'image' | 'file' | 'link' | 'miniprogram' | 'contact' | 'announce'

/** One thing the bot sent, as recorded in `world.sent`. */
export interface SentRecord {
  /** Message id returned to Wechaty (quotable by members via `quote.messageId`). */
  id: string
  at: number
  roomId?: string
  toContactId?: string
  kind: SentKind
  /** Text as sent; for `room.say(text, contact)` Wechaty has already prefixed `@alias`. */
  text?: string
  mentionIds: string[]
  fileName?: string
  /** Link or mini-program title / link url. */
  title?: string
  url?: string
  /** For contact cards: the card's contact id. */
  contactId?: string
}

/** A contact to create. `id` defaults to a fresh `contact-N`. */
export interface ContactSpec {
  id?: string
  name: string
}

/** A group to create. `id` defaults to a fresh `room-N@chatroom`. */
export interface RoomSpec {
  id?: string
  topic: string
  memberIds: string[]
  ownerId?: string
  adminIds?: string[]
}
