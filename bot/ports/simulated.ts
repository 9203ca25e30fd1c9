import type { GroupRef, Member } from '../core/event.js'
import type { Clock } from './clock.js'
import type { Directory } from './directory.js'
import type { OutboundMessage } from './outbound-message.js'
import type { RoomAdmin } from './room-admin.js'
import type { Sender } from './sender.js'

/** A sent message with the time it left the outbox. */
export interface SentRecord extends OutboundMessage {
  at: number
}

/** Simulated twin of the WeChat side: groups, members, sends and removals in memory. */
export class SimulatedWeChat implements Directory, RoomAdmin, Sender {
  readonly sent: SentRecord[] = []
  readonly removed: { groupId: string; memberId: string }[] = []
  /** Groups where the bot is owner/admin (removal succeeds). */
  readonly adminIn = new Set<string>()
  /** Whether `mayRemove` tells `adminIn` ahead (as WeChat does once room payloads are read); off: unknown. */
  tellsRights = false
  /** The contacts this account can message privately (its friends); unset: not known (`reaches` says undefined). */
  friends?: Set<string>
  /** Make the next N sends fail (to test retries). */
  failNextSends = 0
  private rooms = new Map<string, { ref: GroupRef; members: Member[] }>()

  constructor(
    private clock: Clock,
    private self = 'bot',
  ) {}

  /** Add or replace a group with its members. */
  addGroup(ref: GroupRef, members: Member[]): void {
    this.rooms.set(ref.id, { ref, members })
  }

  /** Change a member's group nickname. */
  rename(groupId: string, memberId: string, alias: string): void {
    const m = this.rooms.get(groupId)?.members.find(x => x.id === memberId)
    if (m) m.groupAlias = alias
  }

  /** Add members to a group (as a join would). */
  addMembers(groupId: string, members: Member[]): void {
    this.rooms.get(groupId)?.members.push(...members)
  }

  selfId(): string {
    return this.self
  }
  groups(): GroupRef[] {
    return [...this.rooms.values()].map(r => r.ref)
  }
  group(id: string): GroupRef | undefined {
    return this.rooms.get(id)?.ref
  }
  async members(groupId: string): Promise<Member[]> {
    return (this.rooms.get(groupId)?.members ?? []).map(m => ({ ...m }))
  }

  mayRemove(groupId: string): boolean | undefined {
    return this.tellsRights ? this.adminIn.has(groupId) : undefined
  }

  reaches(chat: { room: string } | { contact: string }): boolean | undefined {
    if ('room' in chat) return this.rooms.has(chat.room) || undefined
    return this.friends?.has(chat.contact)
  }

  async remove(groupId: string, memberId: string): Promise<void> {
    if (!this.adminIn.has(groupId)) throw new Error('bot is not owner or admin of this group')
    const room = this.rooms.get(groupId)
    if (room) room.members = room.members.filter(m => m.id !== memberId)
    this.removed.push({ groupId, memberId })
  }

  async send(msg: OutboundMessage): Promise<void> {
    if (this.failNextSends > 0) {
      this.failNextSends--
      throw new Error('simulated send failure')
    }
    this.sent.push({ ...msg, at: this.clock.now() })
  }

  /** Texts sent to a room or contact, in order. */
  textsTo(chat: string): string[] {
    return this.sent
      .filter(s => ('room' in s.chat ? s.chat.room : s.chat.contact) === chat)
      .map(s => s.text ?? `[file ${s.file}]`)
  }
}
