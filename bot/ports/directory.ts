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
  /**
   * Whether the bot may remove members of a group (it is the owner or an admin there), when WeChat has said;
   * undefined when not known (a removal is then tried, and a failure reported).
   */
  mayRemove?(groupId: string): boolean | undefined
  /**
   * Whether the bot can send to a chat: a contact that is its friend, a group it is in. Undefined when not known
   * (a send is then tried). Asked when another account's queued messages move here at a takeover.
   */
  reaches?(chat: { room: string } | { contact: string }): boolean | undefined | Promise<boolean | undefined>
}
