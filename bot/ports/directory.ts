import type { GroupRef, Member } from '../core/event.js'

/** What the bot knows about its groups right now (Wechaty rooms, or the simulated world). */
export interface Directory {
  /** The bot's own contact id. */
  selfId(): string
  /** Managed groups the bot is currently in. */
  groups(): GroupRef[]
  /** One managed group by id. */
  group(id: string): GroupRef | undefined
  /** Current members of a group (without the bot), with group nicknames where known. */
  members(groupId: string): Promise<Member[]>
}

/** Removes members from groups; fails when the bot is not owner or admin. */
export interface RoomAdmin {
  remove(groupId: string, memberId: string): Promise<void>
}

/** Delivers one outbound message; throws on failure (the outbox retries). */
export interface Sender {
  send(msg: OutboundMessage): Promise<void>
}

/** A message ready for delivery, after merging. */
export interface OutboundMessage {
  chat: { room: string } | { contact: string }
  text?: string
  mentions?: string[]
  /** Names of the people mentioned: when texts to several people are merged, each line starts with them. */
  label?: string
  /** Path of an image or file to send instead of text. */
  file?: string
  /** A link card to send instead of text. */
  link?: { url: string; title: string; description?: string }
  /** What caused it and what it says (fleet mode): the same key is never sent twice by the fleet. */
  key?: string
}
